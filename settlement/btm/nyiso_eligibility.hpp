// NYISO BTM:NG eligibility (rules.md 7.2): size thresholds, excluded categories, CRIS request shape.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "settlement/market_time.hpp"
#include "settlement/units.hpp"

namespace drsim::btm {

inline const Mw kMinNameplate = Mw(Decimal::from_int(2));       // generator nameplate, MW
inline const Mw kMinInjectionLimit = Mw(Decimal::from_int(1));  // export limit, MW
inline const Mw kMinAchl = Mw(Decimal::from_int(1));            // average coincident host load, MW
inline const Mw kMinCrisRequest = Mw(Decimal::from_int(1));     // CRIS request, MW

// Categories that may not participate as BTM:NG.
enum class NyisoExcluded {
  intermittent,           // Intermittent Power Resource
  energy_storage,         // Energy Storage Resource
  station_power_only,     // Host Load is Station Power only
  aggregation_member,     // in an Aggregation (DER or single resource type)
  nyiso_demand_response,  // in a NYISO-administered demand response program
  utility_buyback,        // in a utility generation buy-back program
};
std::string_view name(NyisoExcluded c);
std::optional<NyisoExcluded> parse_nyiso_excluded(std::string_view text);

// An election (MST 5.12.1.12) to participate as a Generator or demand response
// resource instead; it may re-qualify by notice sent before August 1.
struct NyisoElection {
  std::string as;                     // "generator" or "demand_response"
  std::optional<Date> requalification_notice;
};

// Capability year Y begins May 1 of Y. A re-qualification notice counts for Y
// when sent before August 1 of Y - 1 (the notice is annual and ahead of the
// Capability Year it applies to; this reading is documented in docs/accredit.md).
Date requalification_deadline(int capability_year);

struct NyisoEligibilityInput {
  Mw nameplate;                         // generator nameplate, MW
  Mw injection_limit;                   // MW
  Mw achl;                              // MW, from achl()
  std::vector<NyisoExcluded> excluded;  // categories the resource is in
  std::optional<NyisoElection> election;
  int capability_year = 0;              // needed only with an election
};

// Every reason the resource is not eligible (empty: eligible).
std::vector<std::string> nyiso_ineligibility(const NyisoEligibilityInput& in);

// What is wrong with a CRIS request (MW): not in tenths of a MW, or below 1 MW.
std::optional<std::string> cris_request_problem(Decimal mw);

}  // namespace drsim::btm

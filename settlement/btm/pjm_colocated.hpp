// PJM capacity value and CIR of a generator serving co-located host load (rules.md 7.3).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "settlement/btm/hourly_load.hpp"
#include "settlement/calendar.hpp"

namespace drsim::btm {

enum class PjmResourceKind {
  thermal,  // the host load reduces ICAP
  elcc,     // the host load alone is subtracted from accredited UCAP
};
std::string_view name(PjmResourceKind k);

inline constexpr int kPjmMeteredYears = 3;  // years in service after which metered load alone counts

// The same month and day `years` later; 29 February moves to 1 March in a
// year without one (the full period has then elapsed).
Date add_years(Date d, int years);

struct PjmColocatedInput {
  PjmResourceKind kind = PjmResourceKind::thermal;
  Mw gross_capability;                        // gross generator capability, MW
  Mw station_service;                         // station service and auxiliary load, MW
  std::optional<Mw> accredited_ucap;          // ELCC only: accredited UCAP before host load, MW
  std::optional<Mw> cir_before;               // CIR before host load, MW (default gross - station)
  Date host_load_in_service;                  // first day the host load is served
  Date as_of;                                 // the day the capacity value is determined
  std::optional<Mw> isa_max_expected_host_load;  // max expected hourly host load in the ISA, MW
  std::vector<HourlyLoad> metered_host_load;  // hourly metered host load, MW
};

struct PjmColocatedResult {
  bool under_three_years = true;  // as_of < in service + 3 years
  DateRange metered_window;       // the days whose metered hours count, [begin, end)
  std::optional<Mw> highest_metered;  // in metered_window
  std::optional<Mw> isa_expected;     // considered only under three years
  Mw host_load_used;
  Mw capacity_before;             // ICAP (gross - station) or accredited UCAP
  Mw capacity_value;              // max(capacity_before - host load used, 0)
  Mw cir_before;
  Mw cir_after;                   // max(min(CIR - host, gross - station - host), 0)
};

// Under three years in service the metered window is [in service, as_of) and
// the ISA figure is considered; from three years on it is the most recent three
// years [as_of - 3 years, as_of). Throws std::invalid_argument when there is no
// figure to use (no metered hour in the window, and no ISA figure where it counts),
// or an ELCC resource has no accredited UCAP.
PjmColocatedResult compute_pjm_colocated(const PjmColocatedInput& in);

}  // namespace drsim::btm

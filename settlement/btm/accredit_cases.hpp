// The cases of one `drsim accredit` run (inputs as read) and their evaluation through the rules.md 7 calculators.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "settlement/btm/miso_btmg_registration.hpp"
#include "settlement/btm/nyiso_btmng.hpp"
#include "settlement/btm/nyiso_eligibility.hpp"
#include "settlement/btm/peak_proxy_load.hpp"
#include "settlement/btm/pjm_colocated.hpp"
#include "settlement/btm/wapa_nits.hpp"
#include "settlement/problem.hpp"

namespace drsim::btm {

struct MisoCase {
  std::string source;  // file it came from
  MisoBtmgRegistration registration;
};

struct NyisoCase {
  std::string source;
  std::string id;
  int capability_year = 0;               // Capability Year from May 1 of this year
  NyisoBtmNgInput input;                 // input.peak_proxy_load given or computed
  std::optional<PeakProxyLoad> peak_proxy;  // when computed from host-load meter data
  Mw nameplate;                          // MW
  std::vector<NyisoExcluded> excluded;
  std::optional<NyisoElection> election;
  std::optional<Mw> cris_request;        // an Initial CRIS request to compare with the limit, MW
};

struct NyisoOutcome {
  NyisoBtmNgResult result;
  std::vector<std::string> ineligible;   // empty: eligible
  std::optional<bool> cris_request_within_limit;  // request <= Net ICAP (the Initial CRIS limit)
};
NyisoOutcome evaluate(const NyisoCase& c);

struct PjmCase {
  std::string source;
  std::string id;
  PjmColocatedInput input;
};

struct WapaCase {
  std::string source;
  std::string id;
  std::vector<WapaGenerator> generators;
  std::vector<WapaMonth> months;
};

// Everything read from the files of one run, and the warnings to print.
struct AccreditInput {
  std::vector<MisoCase> miso;
  std::vector<NyisoCase> nyiso;
  std::vector<PjmCase> pjm;
  std::vector<WapaCase> wapa;
  std::vector<Problem> warnings;
};

}  // namespace drsim::btm

// Evaluation of a NYISO case: the capacity chain, then eligibility on its ACHL, then the CRIS request.
#include "settlement/btm/accredit_cases.hpp"

namespace drsim::btm {

NyisoOutcome evaluate(const NyisoCase& c) {
  NyisoOutcome out;
  out.result = compute_nyiso_btmng(c.input);
  NyisoEligibilityInput e;
  e.nameplate = c.nameplate;
  e.injection_limit = c.input.injection_limit;
  e.achl = out.result.achl;
  e.excluded = c.excluded;
  e.election = c.election;
  e.capability_year = c.capability_year;
  out.ineligible = nyiso_ineligibility(e);
  if (c.cris_request) out.cris_request_within_limit = *c.cris_request <= out.result.net_icap;
  return out;
}

}  // namespace drsim::btm

// PJM co-located load: host load used by age of the load, then capacity value and CIR.
#include "settlement/btm/pjm_colocated.hpp"

#include <stdexcept>

namespace drsim::btm {

std::string_view name(PjmResourceKind k) { return k == PjmResourceKind::thermal ? "thermal" : "elcc"; }

Date add_years(Date d, int years) {
  const int y = d.year() + years;
  if (d.month() == 2 && d.day() == 29 && !Date::valid_ymd(y, 2, 29)) return Date::from_ymd(y, 3, 1);
  return Date::from_ymd(y, d.month(), d.day());
}

PjmColocatedResult compute_pjm_colocated(const PjmColocatedInput& in) {
  PjmColocatedResult r;
  r.under_three_years = in.as_of < add_years(in.host_load_in_service, kPjmMeteredYears);
  r.metered_window = r.under_three_years
                         ? DateRange{in.host_load_in_service, in.as_of}
                         : DateRange{add_years(in.as_of, -kPjmMeteredYears), in.as_of};
  for (const auto& h : in.metered_host_load) {
    if (!r.metered_window.contains(h.hour_start.date())) continue;
    if (!r.highest_metered || *r.highest_metered < h.load) r.highest_metered = h.load;
  }
  if (r.under_three_years) {
    r.isa_expected = in.isa_max_expected_host_load;
    if (!r.highest_metered && !r.isa_expected) {
      throw std::invalid_argument("no metered host load and no ISA maximum expected host load");
    }
    r.host_load_used = r.highest_metered && r.isa_expected ? max(*r.highest_metered, *r.isa_expected)
                       : r.highest_metered                 ? *r.highest_metered
                                                           : *r.isa_expected;
  } else {
    if (!r.highest_metered) throw std::invalid_argument("no metered host load in the most recent 3 years");
    r.host_load_used = *r.highest_metered;
  }
  const Mw net = in.gross_capability - in.station_service;
  if (in.kind == PjmResourceKind::elcc) {
    if (!in.accredited_ucap) throw std::invalid_argument("an ELCC resource needs its accredited UCAP");
    r.capacity_before = *in.accredited_ucap;
  } else {
    r.capacity_before = net;
  }
  r.capacity_value = max(r.capacity_before - r.host_load_used, Mw());
  r.cir_before = in.cir_before ? *in.cir_before : net;
  r.cir_after = max(min(r.cir_before - r.host_load_used, net - r.host_load_used), Mw());
  return r;
}

}  // namespace drsim::btm

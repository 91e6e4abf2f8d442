// Reads one PJM co-located load entry (rules.md 7.3).
#include <set>
#include <stdexcept>

#include "scenarios/accredit/section_readers.hpp"

namespace drsim::accredit {

void read_pjm(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out) {
  const std::size_t problems_before = cx.problems.size();
  btm::PjmCase c;
  c.source = cx.file;
  YamlMap m(cx, node, path);
  if (!m.ok()) return;
  auto& in = c.input;
  c.id = m.text("id").value_or("");
  if (auto kind = m.text("kind")) {
    if (*kind == "thermal") {
      in.kind = btm::PjmResourceKind::thermal;
    } else if (*kind == "elcc") {
      in.kind = btm::PjmResourceKind::elcc;
    } else {
      cx.add(m.get("kind").Mark(), m.path("kind"), "'" + *kind + "' is not thermal or elcc");
    }
  }
  in.gross_capability = Mw(m.non_negative("gross_capability_mw").value_or(Decimal()));
  in.station_service = Mw(m.non_negative("station_service_mw", false).value_or(Decimal()));
  if (in.kind == btm::PjmResourceKind::elcc) {
    if (auto v = m.non_negative("accredited_ucap_mw")) in.accredited_ucap = Mw(*v);
  } else if (m.has("accredited_ucap_mw")) {
    cx.add(m.get("accredited_ucap_mw").Mark(), m.path("accredited_ucap_mw"),
           "only an elcc resource has an accredited UCAP here; a thermal unit's ICAP is gross - station service");
  }
  if (auto v = m.non_negative("cir_mw", false)) in.cir_before = Mw(*v);
  const auto in_service = m.date("host_load_in_service");
  const auto as_of = m.date("as_of");
  if (in_service) in.host_load_in_service = *in_service;
  if (as_of) in.as_of = *as_of;
  if (in_service && as_of && *as_of < *in_service) {
    cx.add(m.get("as_of").Mark(), m.path("as_of"), as_of->str() + " is before the host load entered service");
  }
  if (auto v = m.non_negative("isa_max_expected_host_load_mw", false)) in.isa_max_expected_host_load = Mw(*v);
  YAML::Node hl = m.get("metered_host_load_mw");
  if (hl.IsDefined() && !hl.IsMap()) cx.add(hl.Mark(), m.path("metered_host_load_mw"), "expected hour: MW pairs");
  if (hl.IsMap()) {
    std::set<MarketTime> seen;
    for (const auto& kv : hl) {
      const std::string p = m.path("metered_host_load_mw") + "." + kv.first.Scalar();
      auto h = as_hour(cx, kv.first, p);
      auto v = as_number(cx, kv.second, p);
      if (v && v->is_negative()) cx.add(kv.second.Mark(), p, v->str() + " must not be negative");
      if (h && !seen.insert(*h).second) cx.add(kv.first.Mark(), p, "the hour is given twice");
      if (h && v) in.metered_host_load.push_back({*h, Mw(*v)});
    }
  }
  // The calculator's own preconditions (a figure to use), reported at the entry.
  if (cx.problems.size() == problems_before) {
    try {
      (void)btm::compute_pjm_colocated(in);
    } catch (const std::invalid_argument& e) {
      cx.add(hl.IsDefined() ? hl.Mark() : m.mark(), m.path("metered_host_load_mw"), e.what());
    }
  }
  out.pjm.push_back(std::move(c));
}

}  // namespace drsim::accredit

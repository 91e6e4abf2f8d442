// Reads one WAPA network customer (rules.md 7.4): its BTM generators and monthly system-peak data.
#include <map>
#include <set>

#include "scenarios/accredit/section_readers.hpp"

namespace drsim::accredit {

namespace {

// "YYYY-MM" as (year, month).
bool parse_month(const std::string& text, int& year, int& month) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  year = std::stoi(text.substr(0, 4));
  month = std::stoi(text.substr(5, 2));
  return month >= 1 && month <= 12;
}

}  // namespace

void read_wapa(ReadContext& cx, const YAML::Node& node, const std::string& path, btm::AccreditInput& out) {
  btm::WapaCase c;
  c.source = cx.file;
  YamlMap m(cx, node, path);
  if (!m.ok()) return;
  c.id = m.text("id").value_or("");
  std::set<std::string> ids;
  if (YAML::Node gens = m.get("generators"); gens.IsDefined()) {
    if (!gens.IsSequence()) cx.add(gens.Mark(), m.path("generators"), "expected a list of generators");
    for (std::size_t i = 0; gens.IsSequence() && i < gens.size(); ++i) {
      YamlMap gm(cx, gens[i], m.path("generators") + "[" + std::to_string(i) + "]");
      if (!gm.ok()) continue;
      btm::WapaGenerator g;
      g.id = gm.text("id").value_or("");
      if (!g.id.empty() && !ids.insert(g.id).second) {
        cx.add(gm.get("id").Mark(), gm.path("id"), "generator '" + g.id + "' is listed twice");
      }
      g.substation = gm.text("substation").value_or("");
      g.installed = Mw(gm.non_negative("installed_mw").value_or(Decimal()));
      g.isolated_only = gm.flag("isolated_only", false);
      g.interval_metered = gm.flag("interval_metered", true);
      g.accredited_wecc_mapp = gm.flag("accredited_wecc_mapp", false);
      c.generators.push_back(std::move(g));
    }
  }
  const auto classes = btm::classify_wapa_generators(c.generators);
  YAML::Node months = m.need("months");
  if (months.IsDefined() && (!months.IsSequence() || months.size() == 0)) {
    cx.add(months.Mark(), m.path("months"), "expected a list of at least one month");
  }
  for (std::size_t i = 0; months.IsSequence() && i < months.size(); ++i) {
    YamlMap mm(cx, months[i], m.path("months") + "[" + std::to_string(i) + "]");
    if (!mm.ok()) continue;
    btm::WapaMonth w;
    if (auto t = mm.text("month")) {
      if (!parse_month(*t, w.year, w.month)) {
        cx.add(mm.get("month").Mark(), mm.path("month"), "'" + *t + "' is not a month YYYY-MM");
      } else if (!c.months.empty()) {
        const auto& prev = c.months.back();
        if (w.year * 12 + w.month != prev.year * 12 + prev.month + 1) {
          cx.add(mm.get("month").Mark(), mm.path("month"),
                 *t + " does not follow the month before it: months are consecutive and in order");
        }
      }
    }
    if (auto h = mm.hour("peak_hour")) {
      w.peak_hour = *h;
      if (w.year != 0 && (h->date().year() != w.year || h->date().month() != w.month)) {
        cx.add(mm.get("peak_hour").Mark(), mm.path("peak_hour"), h->str() + " is not in its month");
      }
    }
    w.delivered = Mw(mm.non_negative("delivered_mw").value_or(Decimal()));
    w.delivered_back = Mw(mm.non_negative("delivered_back_mw", false).value_or(Decimal()));
    YAML::Node gen = mm.get("generation_mw");
    if (gen.IsDefined() && !gen.IsMap()) cx.add(gen.Mark(), mm.path("generation_mw"), "expected generator: MW pairs");
    if (gen.IsMap()) {
      for (const auto& kv : gen) {
        const std::string id = kv.first.Scalar();
        const std::string p = mm.path("generation_mw") + "." + id;
        if (!ids.count(id)) cx.add(kv.first.Mark(), p, "'" + id + "' is not one of the generators");
        auto v = as_number(cx, kv.second, p);
        if (v && v->is_negative()) cx.add(kv.second.Mark(), p, v->str() + " must not be negative");
        if (v) w.generation[id] = Mw(*v);
      }
    }
    for (const auto& g : classes) {
      if (g.treatment == btm::WapaTreatment::metered && !w.generation.count(g.id)) {
        cx.add(mm.mark(), mm.path("generation_mw") + "." + g.id,
               "metered generator '" + g.id + "' has no output at the peak hour (an unmetered one is "
               "declared interval_metered: false and counts at installed capacity)");
      }
    }
    c.months.push_back(std::move(w));
  }
  out.wapa.push_back(std::move(c));
}

}  // namespace drsim::accredit

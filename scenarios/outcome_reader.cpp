// Reads the `eo:` (earnings opportunity) and `expect:` (figures `drsim check` compares) sections.
#include <fmt/format.h>

#include "scenarios/load_state.hpp"

namespace drsim::scenarios {

namespace {


void read_eo(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  EoConfig eo;
  if (auto v = m.text("mp")) {
    st.refer(IdKind::participant, *v, *m.get("mp"));
    eo.mp = *v;
  }
  if (auto v = m.text("zone")) {
    st.refer(IdKind::zone, *v, *m.get("zone"));
    eo.zone = *v;
  }
  if (auto v = m.number("share", Need::optional)) eo.share = *v;
  if (auto v = m.choice("nonperformance", {"max_hourly", "none"}, Need::optional)) {
    eo.nonperformance = *v == "none" ? NonPerformance::none : NonPerformance::max_hourly;
  }
  eo.cap_usd = m.money("cap_usd");
  if (eo.cap_usd && eo.cap_usd->cents() < 0) {
    st.reader.error(*m.get("cap_usd"), fmt::format("must not be negative, got {}", eo.cap_usd->str()));
  }
  if (m.has("cleared_mw")) {
    MapFields c(st.reader, *m.get("cleared_mw"));
    BySeason<Mw> by_season;
    for (std::size_t s = 0; s < 4; ++s) {
      if (auto v = c.number(name(kSeasons[s]), Need::optional)) by_season[s] = Mw(*v);
    }
    c.finish();
    eo.cleared_mw = by_season;
  }
  m.finish();
  if (st.reader.problems().size() == before) {
    st.scenario.eo.push_back(std::move(eo));
    st.scenario.marks.eo.push_back(item.mark);
  }
}

// Calls fn(id, key field, value field) for each entry of a map keyed by id.
template <class Fn>
void for_each_id(LoadState& st, const Field& f, Fn fn) {
  if (!f.node.IsMap()) {
    st.reader.error(f, fmt::format("expected a map keyed by id, got {}", YamlReader::describe(f.node)));
    return;
  }
  for (auto it = f.node.begin(); it != f.node.end(); ++it) {
    const std::string id = it->first.IsScalar() ? it->first.Scalar() : "?";
    const Field key{it->first, YamlReader::mark_of(it->first), fmt::format("{}.{}", f.path, id)};
    Field value{it->second, YamlReader::mark_of(it->second), key.path};
    if (value.mark.line == 0 || it->second.IsNull()) value.mark = key.mark;
    fn(id, key, value);
  }
}

// The figures of an expect: block or of one of its sweep: readings (the caller finishes `m`).
void read_figures(LoadState& st, MapFields& m, ExpectFigures& e) {
  e.energy_charge_usd = m.money("energy_charge_usd");
  e.rsg_charge_usd = m.money("rsg_charge_usd");
  e.penalty_usd = m.money("penalty_usd");
  e.capacity_usd = m.money("capacity_usd");
  e.allocated_usd = m.money("allocated_usd");
  e.eo_usd = m.money("eo_usd");
  if (auto d = m.get("disqualified"); d && !d->node.IsNull()) {
    if (auto items = st.reader.items(*d)) {
      e.disqualified.emplace();
      for (const auto& item : *items) {
        if (auto id = st.reader.text(item)) {
          st.refer(IdKind::resource, *id, item);
          e.disqualified->push_back(*id);
        }
      }
    }
  }
  if (auto r = m.get("resources"); r && !r->node.IsNull()) {
    for_each_id(st, *r, [&](const std::string& id, const Field& key, const Field& value) {
      st.refer(IdKind::resource, id, key);
      MapFields rm(st.reader, value);
      ResourceExpect re;
      re.mark = key.mark;
      re.energy_charge_usd = rm.money("energy_charge_usd");
      re.rsg_charge_usd = rm.money("rsg_charge_usd");
      re.penalty_usd = rm.money("penalty_usd");
      re.capacity_usd = rm.money("capacity_usd");
      if (auto n = rm.integer("counted_failures", Need::optional)) {
        if (*n < 0 || *n > 1000000) {
          st.reader.error(*rm.get("counted_failures"), fmt::format("{} is outside 0..1000000", *n));
        }
        re.counted_failures = static_cast<int>(*n);
      }
      re.disqualified = rm.boolean("disqualified");
      rm.finish();
      if (!e.resources.emplace(id, re).second) st.reader.error(key, fmt::format("resource '{}' is given twice", id));
    });
  }
  if (auto l = m.get("lses"); l && !l->node.IsNull()) {
    for_each_id(st, *l, [&](const std::string& id, const Field& key, const Field& value) {
      st.refer(IdKind::lse, id, key);
      MapFields lm(st.reader, value);
      auto amount = lm.money("amount_usd", Need::required);
      lm.finish();
      if (!amount) return;
      if (!e.lses.emplace(id, *amount).second) {
        st.reader.error(key, fmt::format("lse '{}' is given twice", id));
      }
      e.lse_marks[id] = key.mark;
    });
  }
}

// The `rules:` of a sweep: reading, set on top of the scenario's own (read before expect:).
void read_reading_rules(LoadState& st, const Field& f, ReadingExpect& r) {
  if (!f.node.IsMap()) {
    st.reader.error(f, fmt::format("expected a map of rule keys and values, got {}", YamlReader::describe(f.node)));
    return;
  }
  if (f.node.size() == 0) {
    st.reader.error(f, "the map is empty: name at least one rule key and its value");
    return;
  }
  read_rule_values(st, f, r.rules, r.set);
}

// `sweep:`: a list of readings, each `rules:` and the figures expected under them.
void read_sweep_expect(LoadState& st, const Field& f, Expect& e) {
  const auto items = st.reader.items(f);
  if (!items) return;
  for (const auto& item : *items) {
    MapFields m(st.reader, item);
    if (!m.ok()) continue;
    ReadingExpect r;
    r.mark = item.mark;
    r.rules = st.scenario.rules;
    if (auto rules = m.get("rules", Need::required)) read_reading_rules(st, *rules, r);
    read_figures(st, m, r.figures);
    m.finish();
    e.sweep.push_back(std::move(r));
  }
}

void read_expect(LoadState& st, const Field& f) {
  MapFields m(st.reader, f);
  if (!m.ok()) return;
  Expect& e = st.scenario.expect;
  e.present = true;
  e.mark = f.mark;
  read_figures(st, m, e);
  if (auto sweep = m.get("sweep"); sweep && !sweep->node.IsNull()) read_sweep_expect(st, *sweep, e);
  m.finish();
}

}  // namespace

void read_eo_and_expect(LoadState& st, MapFields& top) {
  for_each_item(st, top, "eo", [&](const Field& f) { read_eo(st, f); });
  if (auto f = top.get("expect"); f && !f->node.IsNull()) read_expect(st, *f);
}

}  // namespace drsim::scenarios

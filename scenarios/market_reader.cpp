// Reads the market sections of a scenario: zones, participants, lbas, lses and resources.
#include <fmt/format.h>

#include "scenarios/load_state.hpp"
#include "scenarios/load_warnings.hpp"

namespace drsim::scenarios {

namespace {

void read_zone(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  Zone z;
  auto id = read_id(st, m, IdKind::zone);
  if (auto acp = m.get("acp_usd_per_mw_day", Need::required)) {
    MapFields a(st.reader, *acp);
    for (std::size_t s = 0; s < 4; ++s) {
      if (auto v = a.number(name(kSeasons[s]), Need::optional)) z.acp[s] = UsdPerMwDay(*v);
    }
    a.finish();
  }
  m.finish();
  if (id && st.reader.problems().size() == before) {
    z.id = *id;
    st.scenario.zones.push_back(std::move(z));
    st.scenario.marks.zones.push_back(item.mark);
  }
}

void read_participant(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  Participant p;
  auto id = read_id(st, m, IdKind::participant);
  p.certified = m.boolean("certified").value_or(false);
  m.finish();
  if (id) {
    p.id = *id;
    st.scenario.participants.push_back(std::move(p));
    st.scenario.marks.participants.push_back(item.mark);
  }
}

void read_lse(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  Lse l;
  auto id = read_id(st, m, IdKind::lse);
  auto lba = read_ref(st, m, "lba", IdKind::lba);
  l.load_ratio_share = m.number("load_ratio_share", Need::optional);
  m.finish();
  if (id && lba) {
    l.id = *id;
    l.lba = *lba;
    st.scenario.lses.push_back(std::move(l));
    st.scenario.marks.lses.push_back(item.mark);
  }
}

void read_months(LoadState& st, const Field& f, SeasonRegistration& reg) {
  auto items = st.reader.items(f);
  if (!items) return;
  for (const auto& item : *items) {
    auto m = st.reader.integer(item);
    if (!m) continue;
    if (*m < 1 || *m > 12) {
      st.reader.error(item, fmt::format("month {} is outside 1..12", *m));
    } else if (reg.has_month(static_cast<int>(*m))) {
      st.reader.error(item, fmt::format("month {} is listed twice", *m));
    } else {
      reg.months = static_cast<std::uint16_t>(reg.months | (1U << *m));
    }
  }
}

std::optional<SeasonRegistration> read_season(LoadState& st, const Field& f) {
  MapFields m(st.reader, f);
  if (!m.ok()) return std::nullopt;
  const auto before = st.reader.problems().size();
  SeasonRegistration reg;
  reg.cleared_mw = Mw(m.number("cleared_mw").value_or(Decimal{}));
  reg.frap_mw = Mw(m.number("frap_mw", Need::optional).value_or(Decimal{}));
  if (auto n = m.number("notification_h")) {
    if (*n > Decimal::from_int(12)) {
      st.reader.error(*m.get("notification_h"),
                      fmt::format("notification time {} h is above the limit of 12 h", n->str()));
    }
    reg.notification_h = *n;
  }
  if (auto n = m.integer("max_interruptions")) {
    if (*n < 0 || *n > 100000) {
      st.reader.error(*m.get("max_interruptions"), fmt::format("{} is outside 0..100000", *n));
    }
    reg.max_interruptions = static_cast<int>(*n);
  }
  if (auto d = m.number("max_duration_h")) {
    if (d->is_zero()) st.reader.error(*m.get("max_duration_h"), "must be more than 0 hours, got 0");
    reg.max_duration_h = *d;
  }
  if (auto months = m.get("months", Need::required)) read_months(st, *months, reg);
  reg.excluded = m.boolean("excluded").value_or(false);
  m.finish();
  if (st.reader.problems().size() != before) return std::nullopt;
  return reg;
}

void read_resource(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  Resource r;
  std::array<Mark, 4> season_marks{};
  auto id = read_id(st, m, IdKind::resource);
  auto type = m.choice("type", {"DR", "BTMG"});
  if (type) r.type = *type == "DR" ? ResourceType::dr : ResourceType::btmg;
  if (auto v = read_ref(st, m, "mp", IdKind::participant)) r.mp = *v;
  if (auto v = read_ref(st, m, "lba", IdKind::lba)) r.lba = *v;
  if (auto v = read_ref(st, m, "zone", IdKind::zone)) r.zone = *v;
  if (auto v = m.text("cpnode")) r.cpnode = *v;
  auto protocol = m.choice("protocol", {"baseline", "firm_service_level", "metered_generation"});
  if (protocol) {
    r.protocol = *protocol == "baseline"             ? Protocol::baseline
                 : *protocol == "firm_service_level" ? Protocol::firm_service_level
                                                     : Protocol::metered_generation;
    const bool generation = r.protocol == Protocol::metered_generation;
    if (type && (r.type == ResourceType::btmg) != generation) {
      st.reader.error(*m.get("protocol"),
                      fmt::format("protocol {} does not apply to a {} resource (DR: baseline or "
                                  "firm_service_level; BTMG: metered_generation)", *protocol, *type));
    }
  }
  if (auto fsl = m.number("fsl_mw", Need::optional)) {
    if (protocol && r.protocol != Protocol::firm_service_level) {
      // format.md v1.2: a warning, and the well-formed value is ignored (a malformed one is still an error).
      warn(st, *m.get("fsl_mw"),
           fmt::format("fsl_mw applies only to protocol firm_service_level; ignored for protocol {}", *protocol));
    } else {
      r.fsl_mw = Mw(*fsl);
    }
  } else if (protocol && r.protocol == Protocol::firm_service_level && !m.has("fsl_mw")) {
    st.reader.error(item.mark, m.path_of("fsl_mw"), "required key is missing (protocol firm_service_level)");
  }
  r.tested = m.boolean("tested").value_or(true);
  r.acp_disqualified_through = m.date("acp_disqualified_through");
  if (auto seasons = m.get("seasons", Need::required)) {
    MapFields sm(st.reader, *seasons);
    for (std::size_t s = 0; s < 4; ++s) {
      if (auto f = sm.get(name(kSeasons[s])); f && !f->node.IsNull()) {
        r.seasons[s] = read_season(st, *f);
        season_marks[s] = f->mark;
      }
    }
    sm.finish();
  }
  m.finish();
  if (id && st.reader.problems().size() == before) {
    r.id = *id;
    st.scenario.resources.push_back(std::move(r));
    st.scenario.marks.resources.push_back(item.mark);
    st.scenario.marks.seasons.push_back(season_marks);
  }
}

}  // namespace

void read_market(LoadState& st, MapFields& top) {
  for_each_item(st, top, "zones", [&](const Field& f) { read_zone(st, f); });
  for_each_item(st, top, "participants", [&](const Field& f) { read_participant(st, f); });
  for_each_item(st, top, "lbas", [&](const Field& f) {
    if (auto id = st.reader.text(f)) {
      st.define(IdKind::lba, *id, f);
      st.scenario.lbas.push_back(*id);
    }
  });
  for_each_item(st, top, "lses", [&](const Field& f) { read_lse(st, f); });
  for_each_item(st, top, "resources", [&](const Field& f) { read_resource(st, f); });
}

}  // namespace drsim::scenarios

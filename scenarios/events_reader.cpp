// Reads what happened: emergencies, instructions, advanced reporting, availability and outages.
#include <fmt/format.h>

#include "scenarios/load_state.hpp"
#include "scenarios/load_warnings.hpp"
#include "settlement/emergency_levels.hpp"

namespace drsim::scenarios {

namespace {

// Reads start and end; reports an end that is not after the start.
bool read_window(LoadState& st, MapFields& m, MarketTime& start, MarketTime& end) {
  auto s = m.time("start");
  auto e = m.time("end");
  if (s && e && *e <= *s) {
    st.reader.error(*m.get("end"), fmt::format("end {} is not after start {}", e->str(), s->str()));
    return false;
  }
  if (!s || !e) return false;
  // An emergency or instruction lasts hours, not years: a window of centuries made the
  // loader's hour-by-hour checks (and the simulation) run for minutes (found by fuzzing).
  constexpr std::int64_t kMaxWindowHours = 744;  // 31 days
  if (e->seconds() - s->seconds() > kMaxWindowHours * 3600) {
    st.reader.error(*m.get("end"), fmt::format("window {} .. {} is longer than the limit of {} hours (31 days)",
                                               s->str(), e->str(), kMaxWindowHours));
    return false;
  }
  start = *s;
  end = *e;
  return true;
}

// A map of hour start -> MW (mw_by_hour, target_mw_by_hour). Hours outside
// [window_start's hour, window_end) are reported when a window is given.
std::optional<std::map<MarketTime, Mw>> read_by_hour(LoadState& st, const Field& f,
                                                     std::optional<std::pair<MarketTime, MarketTime>> window) {
  if (!f.node.IsMap()) {
    st.reader.error(f, fmt::format("expected a map of hour start to MW, got {}", YamlReader::describe(f.node)));
    return std::nullopt;
  }
  std::map<MarketTime, Mw> out;
  bool good = true;
  for (auto it = f.node.begin(); it != f.node.end(); ++it) {
    const Field key{it->first, YamlReader::mark_of(it->first),
                    fmt::format("{}.{}", f.path, it->first.IsScalar() ? it->first.Scalar() : "?")};
    auto hour = st.reader.hour_start(key);
    Field value{it->second, YamlReader::mark_of(it->second), key.path};
    if (value.mark.line == 0 || it->second.IsNull()) value.mark = key.mark;
    auto mw = st.reader.number(value, Sign::non_negative);
    if (!hour || !mw) {
      good = false;
      continue;
    }
    if (window && (*hour < window->first.hour_start() || *hour >= window->second)) {
      st.reader.error(key, fmt::format("hour {} is outside the window {} .. {}", hour->str(),
                                       window->first.str(), window->second.str()));
      good = false;
    } else if (!out.emplace(*hour, Mw(*mw)).second) {
      st.reader.error(key, fmt::format("hour {} is given twice", hour->str()));
      good = false;
    }
  }
  if (!good) return std::nullopt;
  return out;
}

// A flat MW (`flat_key`) or a by-hour map (`by_hour_key`), exactly one of them.
bool read_flat_or_by_hour(LoadState& st, MapFields& m, const Field& item, std::string_view flat_key,
                          std::string_view by_hour_key, std::optional<Mw>& flat, std::map<MarketTime, Mw>& by_hour,
                          std::optional<std::pair<MarketTime, MarketTime>> window) {
  const bool has_flat = m.has(flat_key);
  const bool has_by_hour = m.has(by_hour_key);
  if (has_flat && has_by_hour) {
    st.reader.error(*m.get(by_hour_key), fmt::format("give either {} or {}, not both", flat_key, by_hour_key));
    return false;
  }
  if (!has_flat && !has_by_hour) {
    if (auto empty = m.get(flat_key)) {
      st.reader.error(*empty, "required value is null");
      return false;
    }
    st.reader.error(item.mark, m.path_of(flat_key), fmt::format("required key is missing (or give {})", by_hour_key));
    return false;
  }
  if (has_flat) {
    auto v = m.number(flat_key);
    if (v) flat = Mw(*v);
    return v.has_value();
  }
  auto map = read_by_hour(st, *m.get(by_hour_key), window);
  if (map) by_hour = std::move(*map);
  return map.has_value();
}

// "2025-26": how planning year N is written in messages.
std::string py_name(int planning_year) { return fmt::format("{}-{:02}", planning_year, (planning_year + 1) % 100); }

// A level is a name of the procedure in force in the scenario's planning year; another name
// (of the other procedure, or none at all) is a warning naming that year's names, and is kept as written.
void check_level(LoadState& st, const Field& at, const std::string& level) {
  const int py = st.scenario.planning_year;
  if (py == 0 || find_emergency_level(py, level)) return;
  warn(st, at, fmt::format("level '{}' is not a level of PY {} ({}); that year's levels are {}", level, py_name(py),
                           emergency_levels_of(py).procedure, emergency_level_names(py)));
}

// A scenario covers one planning year (rules.md 3.2 v1.2): an instruction belongs to the year
// of its start, so a start outside [PY-06-01, PY+1-06-01) is an error; the window may run past the end.
void check_planning_year(LoadState& st, MapFields& m, MarketTime start) {
  const int py = st.scenario.planning_year;
  if (py == 0) return;
  const DateRange year = planning_year_range(py);
  if (year.contains(start.date())) return;
  st.reader.error(*m.get("start"), fmt::format("start {} is outside planning year {} ({} .. {}): a scenario covers "
                                               "one planning year", start.str(), py_name(py),
                                               MarketTime::at(year.begin).str(), MarketTime::at(year.end).str()));
}

void read_emergency(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  Emergency e;
  auto id = m.text("id");
  if (id) st.define(IdKind::emergency, *id, *m.get("id"));
  if (auto lbas = m.get("lbas", Need::required)) {
    if (auto items = st.reader.items(*lbas)) {
      if (items->empty()) st.reader.error(*lbas, "an emergency needs at least one lba");
      for (const auto& f : *items) {
        if (auto lba = st.reader.text(f)) {
          st.refer(IdKind::lba, *lba, f);
          e.lbas.push_back(*lba);
        }
      }
    }
  }
  if (auto level = m.text("level")) {
    e.level = *level;
    check_level(st, *m.get("level"), *level);
  }
  read_window(st, m, e.start, e.end);
  m.finish();
  if (id && st.reader.problems().size() == before) {
    e.id = *id;
    st.scenario.emergencies.push_back(std::move(e));
    st.scenario.marks.emergencies.push_back(item.mark);
    st.emergency_paths.push_back(item.path);
  }
}

void read_instruction(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  Instruction in;
  auto id = m.text("id");
  if (id) st.define(IdKind::instruction, *id, *m.get("id"));
  if (auto v = read_ref(st, m, "emergency", IdKind::emergency)) in.emergency = *v;
  if (auto v = read_ref(st, m, "resource", IdKind::resource)) in.resource = *v;
  if (auto v = m.time("issued")) in.issued = *v;
  std::optional<std::pair<MarketTime, MarketTime>> window;
  if (read_window(st, m, in.start, in.end)) {
    window = std::make_pair(in.start, in.end);
    check_planning_year(st, m, in.start);
  }
  read_flat_or_by_hour(st, m, item, "mw", "mw_by_hour", in.mw, in.mw_by_hour, window);
  in.acknowledged = m.boolean("acknowledged").value_or(true);
  in.withdrawn = m.time("withdrawn", Need::optional);
  m.finish();
  if (id && st.reader.problems().size() == before) {
    in.id = *id;
    st.scenario.instructions.push_back(std::move(in));
    st.scenario.marks.instructions.push_back(item.mark);
    st.instruction_paths.push_back(item.path);
  }
}

void read_report(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  AdvancedReport r;
  if (auto v = read_ref(st, m, "instruction", IdKind::instruction)) r.instruction = *v;
  if (auto v = m.time("entered")) r.entered = *v;
  read_flat_or_by_hour(st, m, item, "target_mw", "target_mw_by_hour", r.target_mw, r.target_mw_by_hour,
                       std::nullopt);
  m.finish();
  if (st.reader.problems().size() == before) {
    st.scenario.advanced_reporting.push_back(std::move(r));
    st.scenario.marks.advanced_reporting.push_back(item.mark);
    st.report_paths.push_back(item.path);
  }
}

void read_availability(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  Availability a;
  if (auto v = read_ref(st, m, "resource", IdKind::resource)) a.resource = *v;
  read_window(st, m, a.start, a.end);
  if (auto v = m.number("available_mw")) a.available_mw = Mw(*v);
  if (auto v = m.number("self_scheduled_mw", Need::optional)) a.self_scheduled_mw = Mw(*v);
  m.finish();
  if (st.reader.problems().size() == before) {
    st.scenario.availability.push_back(std::move(a));
    st.scenario.marks.availability.push_back(item.mark);
  }
}

void read_outage(LoadState& st, const Field& item) {
  MapFields m(st.reader, item);
  if (!m.ok()) return;
  const auto before = st.reader.problems().size();
  Outage o;
  if (auto v = read_ref(st, m, "resource", IdKind::resource)) o.resource = *v;
  read_window(st, m, o.start, o.end);
  if (auto reason = m.choice("reason", {"maintenance", "force_majeure", "forced"})) {
    o.reason = *reason == "maintenance"     ? OutageReason::maintenance
               : *reason == "force_majeure" ? OutageReason::force_majeure
                                            : OutageReason::forced;
  }
  m.finish();
  if (st.reader.problems().size() == before) {
    st.scenario.outages.push_back(std::move(o));
    st.scenario.marks.outages.push_back(item.mark);
  }
}

}  // namespace

void read_events(LoadState& st, MapFields& top) {
  for_each_item(st, top, "emergencies", [&](const Field& f) { read_emergency(st, f); });
  for_each_item(st, top, "instructions", [&](const Field& f) { read_instruction(st, f); });
  for_each_item(st, top, "advanced_reporting", [&](const Field& f) { read_report(st, f); });
  for_each_item(st, top, "availability", [&](const Field& f) { read_availability(st, f); });
  for_each_item(st, top, "outages", [&](const Field& f) { read_outage(st, f); });
}

}  // namespace drsim::scenarios

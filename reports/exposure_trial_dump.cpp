// The scenario writer behind `--dump-trial`: every field the loader reads, in format.md's layout.
#include "reports/exposure_trial_dump.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

#include "reports/csv_writer.hpp"
#include "reports/json_writer.hpp"

namespace drsim::reports {

namespace {

// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
std::string q(std::string_view s) { return JsonWriter::escape(s); }
std::string num(Decimal d) { return d.str(); }
std::string t(MarketTime m) { return m.str(); }

std::string season_line(const SeasonRegistration& r) {
  std::string months;
  for (int m = 1; m <= 12; ++m) {
    if (r.has_month(m)) months += (months.empty() ? "" : ", ") + std::to_string(m);
  }
  return fmt::format("{{cleared_mw: {}, frap_mw: {}, notification_h: {}, max_interruptions: {}, max_duration_h: {}, "
                     "months: [{}], excluded: {}}}",
                     num(r.cleared_mw.value()), num(r.frap_mw.value()), num(r.notification_h), r.max_interruptions,
                     num(r.max_duration_h), months, r.excluded ? "true" : "false");
}

template <class T>
void write_series(const std::string& path, std::initializer_list<std::string_view> header, const HourlySeries<T>& series) {
  CsvWriter w(path, header);
  std::vector<std::tuple<std::string, std::int64_t, Decimal>> rows;
  for (const auto& [key, hours] : series.data()) {
    for (const auto& [sec, v] : hours) rows.emplace_back(key, sec, v.value());
  }
  std::sort(rows.begin(), rows.end());
  for (const auto& [key, sec, v] : rows) {
    if (header.size() == 2) w.row({t(MarketTime::from_seconds(sec)), num(v)});
    else w.row({key, t(MarketTime::from_seconds(sec)), num(v)});
  }
  w.close();
}

}  // namespace

void write_scenario_files(const std::string& dir, const Market& s, const std::vector<std::string>& rules_overridden,
                          const std::vector<MeterRow>& meter_rows, const ScenarioFiles& files) {
  namespace fs = std::filesystem;
  fs::create_directories(fs::path(dir) / files.data);
  std::string y;
  auto line = [&y](const std::string& text) { y += text + '\n'; };
  line("# " + files.comment);
  line("drsim: 1");
  line("name: " + q(s.name));
  line(fmt::format("planning_year: {}", s.planning_year));
  if (!rules_overridden.empty()) {
    line("rules:");
    for (const auto& r : rule_values(s.rules)) {
      if (std::find(rules_overridden.begin(), rules_overridden.end(), r.key) != rules_overridden.end()) {
        line(fmt::format("  {}: {}", r.key, q(r.value)));
      }
    }
  }
  line("zones:");
  const char* seasons[] = {"summer", "fall", "winter", "spring"};
  for (const auto& z : s.zones) {
    std::string acp;
    for (std::size_t i = 0; i < 4; ++i) {
      if (z.acp[i]) acp += fmt::format("{}{}: {}", acp.empty() ? "" : ", ", seasons[i], num(z.acp[i]->value()));
    }
    line(fmt::format("  - {{id: {}, acp_usd_per_mw_day: {{{}}}}}", q(z.id), acp));
  }
  line("participants:");
  for (const auto& p : s.participants) line(fmt::format("  - {{id: {}, certified: {}}}", q(p.id), p.certified));
  std::string lbas;
  for (const auto& l : s.lbas) lbas += (lbas.empty() ? "" : ", ") + q(l);
  line("lbas: [" + lbas + "]");
  if (!s.lses.empty()) {
    line("lses:");
    for (const auto& l : s.lses) {
      line(fmt::format("  - {{id: {}, lba: {}{}}}", q(l.id), q(l.lba),
                       l.load_ratio_share ? ", load_ratio_share: " + num(*l.load_ratio_share) : ""));
    }
  }
  line("resources:");
  for (const auto& r : s.resources) {
    line(fmt::format("  - id: {}", q(r.id)));
    line(fmt::format("    type: {}", name(r.type)));
    line(fmt::format("    mp: {}", q(r.mp)));
    line(fmt::format("    lba: {}", q(r.lba)));
    line(fmt::format("    zone: {}", q(r.zone)));
    line(fmt::format("    cpnode: {}", q(r.cpnode)));
    line(fmt::format("    protocol: {}", name(r.protocol)));
    if (r.fsl_mw) line(fmt::format("    fsl_mw: {}", num(r.fsl_mw->value())));
    line(fmt::format("    tested: {}", r.tested));
    if (r.acp_disqualified_through) line("    acp_disqualified_through: " + r.acp_disqualified_through->str());
    line("    seasons:");
    for (std::size_t i = 0; i < 4; ++i) {
      if (r.seasons[i]) line(fmt::format("      {}: {}", seasons[i], season_line(*r.seasons[i])));
    }
  }
  if (!s.emergencies.empty()) line("emergencies:");
  for (const auto& e : s.emergencies) {
    std::string l;
    for (const auto& id : e.lbas) l += (l.empty() ? "" : ", ") + q(id);
    line(fmt::format("  - {{id: {}, lbas: [{}], level: {}, start: {}, end: {}}}", q(e.id), l, q(e.level), t(e.start),
                     t(e.end)));
  }
  if (!s.instructions.empty()) line("instructions:");
  for (const auto& i : s.instructions) {
    std::string mw;
    if (i.mw) {
      mw = "mw: " + num(i.mw->value());
    } else {
      for (const auto& [h, v] : i.mw_by_hour) mw += fmt::format("{}{}: {}", mw.empty() ? "" : ", ", t(h), num(v.value()));
      mw = "mw_by_hour: {" + mw + "}";
    }
    line(fmt::format("  - {{id: {}, emergency: {}, resource: {}, issued: {}, start: {}, end: {}, {}, acknowledged: {}{}}}",
                     q(i.id), q(i.emergency), q(i.resource), t(i.issued), t(i.start), t(i.end), mw, i.acknowledged,
                     i.withdrawn ? ", withdrawn: " + t(*i.withdrawn) : ""));
  }
  if (!s.advanced_reporting.empty()) line("advanced_reporting:");
  for (const auto& a : s.advanced_reporting) {
    std::string target;
    if (a.target_mw) {
      target = "target_mw: " + num(a.target_mw->value());
    } else {
      for (const auto& [h, v] : a.target_mw_by_hour) {
        target += fmt::format("{}{}: {}", target.empty() ? "" : ", ", t(h), num(v.value()));
      }
      target = "target_mw_by_hour: {" + target + "}";
    }
    line(fmt::format("  - {{instruction: {}, entered: {}, {}}}", q(a.instruction), t(a.entered), target));
  }
  if (!s.availability.empty()) line("availability:");
  for (const auto& a : s.availability) {
    line(fmt::format("  - {{resource: {}, start: {}, end: {}, available_mw: {}{}}}", q(a.resource), t(a.start), t(a.end),
                     num(a.available_mw.value()),
                     a.self_scheduled_mw ? ", self_scheduled_mw: " + num(a.self_scheduled_mw->value()) : ""));
  }
  if (!s.outages.empty()) line("outages:");
  for (const auto& o : s.outages) {
    line(fmt::format("  - {{resource: {}, start: {}, end: {}, reason: {}}}", q(o.resource), t(o.start), t(o.end),
                     name(o.reason)));
  }
  line("series:");
  const std::string data = dir + "/" + files.data + "/";
  const std::string rel = files.data + "/";
  if (!s.lmp.empty()) {
    write_series(data + "lmp.csv", {"cpnode", "hour_start", "usd_per_mwh"}, s.lmp);
    line("  lmp: {csv: " + rel + "lmp.csv}");
  }
  if (s.rsg_flat) {
    line("  rsg: {usd_per_mwh: " + num(s.rsg_flat->value()) + "}");
  } else if (!s.rsg.empty()) {
    write_series(data + "rsg.csv", {"hour_start", "usd_per_mwh"}, s.rsg);
    line("  rsg: {csv: " + rel + "rsg.csv}");
  }
  {
    CsvWriter w(data + "meter.csv", {"resource", "interval_start", "interval_minutes", "mw"});
    for (const auto& m : meter_rows) w.row({m.resource, t(m.start), std::to_string(m.minutes), num(m.mw.value())});
    w.close();
    line("  meter: {csv: " + rel + "meter.csv}");
  }
  if (!s.baseline.empty()) {
    write_series(data + "baseline.csv", {"resource", "hour_start", "mw"}, s.baseline);
    line("  baseline: {csv: " + rel + "baseline.csv}");
  }
  if (!s.lse_load.empty()) {
    write_series(data + "lse_load.csv", {"lse", "hour_start", "mwh"}, s.lse_load);
    line("  lse_load: {csv: " + rel + "lse_load.csv}");
  }
  if (!s.eo.empty()) line("eo:");
  for (const auto& e : s.eo) {
    line(fmt::format("  - mp: {}", q(e.mp)));
    line(fmt::format("    zone: {}", q(e.zone)));
    line(fmt::format("    share: {}", num(e.share)));
    line(fmt::format("    nonperformance: {}", e.nonperformance == NonPerformance::none ? "none" : "max_hourly"));
    if (e.cap_usd) line("    cap_usd: " + e.cap_usd->str());
    if (e.cleared_mw) {
      std::string c;
      for (std::size_t i = 0; i < 4; ++i) {
        if ((*e.cleared_mw)[i]) c += fmt::format("{}{}: {}", c.empty() ? "" : ", ", seasons[i], num((*e.cleared_mw)[i]->value()));
      }
      line("    cleared_mw: {" + c + "}");
    }
  }
  std::ofstream out(dir + "/" + files.yaml, std::ios::binary | std::ios::trunc);
  out << y;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + dir + "/" + files.yaml);
}

}  // namespace drsim::reports

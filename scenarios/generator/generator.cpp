// Writes a generated scenario: scenario.yaml and the series CSVs, streamed through BufferedWriter.
#include "scenarios/generator/generator.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "scenarios/generator/buffered_writer.hpp"
#include "scenarios/generator/plan.hpp"
#include "scenarios/generator/prng.hpp"
#include "settlement/problem.hpp"

namespace drsim::generator {

namespace {

namespace fs = std::filesystem;

// Prng streams, one per file (plan.cpp uses stream 0).
constexpr std::uint64_t kLmpStream = 1;
constexpr std::uint64_t kRsgStream = 2;
constexpr std::uint64_t kMeterStream = 3;
constexpr std::uint64_t kLoadStream = 4;

void check(const Options& o) {
  std::vector<Problem> problems;
  auto bad = [&](const char* option, std::string message) {
    problems.push_back(Problem{"<command line>", 0, 0, option, std::move(message)});
  };
  if (o.planning_year < 2000 || o.planning_year > 2100) {
    bad("--planning-year", fmt::format("{} is outside 2000..2100", o.planning_year));
  }
  if (o.resources < 1 || o.resources > 100000) bad("--resources", fmt::format("{} is outside 1..100000", o.resources));
  const int year_days = o.planning_year >= 2000 && o.planning_year <= 2100
                            ? planning_year_range(o.planning_year).days()
                            : 365;
  if (o.days < 1 || o.days > year_days) {
    bad("--days", fmt::format("{} is outside 1..{} (the days of planning year {})", o.days, year_days,
                              o.planning_year));
  }
  if (o.interval_minutes != 5 && o.interval_minutes != 15 && o.interval_minutes != 60) {
    bad("--interval-minutes", fmt::format("{} is not a meter interval (5, 15 or 60)", o.interval_minutes));
  }
  if (o.out.empty()) bad("--out", "an output folder is required");
  if (!problems.empty()) throw InputError(std::move(problems));
}

// "YYYY-MM-DDTHH:MM" of every meter interval of the period, built once.
std::vector<std::array<char, 16>> interval_stamps(const Plan& p) {
  const int per_hour = 60 / p.options.interval_minutes;
  std::vector<std::array<char, 16>> out(static_cast<std::size_t>(p.hours() * per_hour));
  for (std::size_t i = 0; i < out.size(); ++i) {
    const MarketTime t = p.start() + Duration::minutes(static_cast<std::int64_t>(i) * p.options.interval_minutes);
    const std::string s = t.str();  // always minutes-aligned, so exactly 16 characters
    std::copy_n(s.data(), 16, out[i].data());
  }
  return out;
}

std::string_view stamp(const std::array<char, 16>& s) { return {s.data(), s.size()}; }

// One line per hour and pricing node: quiet prices on a daily shape, a few
// negative night hours, and scarcity prices where an emergency covers the zone.
std::uint64_t write_lmp(const Plan& p, const std::vector<std::array<char, 16>>& stamps, const fs::path& path) {
  BufferedWriter w(path.string());
  Prng rng = Prng::stream(p.options.seed, kLmpStream);
  const std::size_t per_hour = static_cast<std::size_t>(60 / p.options.interval_minutes);
  w.put("cpnode,hour_start,usd_per_mwh\n");
  std::uint64_t rows = 0;
  for (std::size_t z = 0; z < p.zones.size(); ++z) {
    for (int h = 0; h < p.hours(); ++h) {
      const MarketTime t = p.start() + Duration::hours(h);
      std::int64_t cents = 0;
      if (p.zone_emergency_hours[z][static_cast<std::size_t>(h)]) {
        cents = rng.uniform(20000, 150000);  // 200-1500 $/MWh
      } else if (t.hour() < 5 && rng.chance(10)) {
        cents = rng.uniform(-1500, -1);
      } else {
        const std::int64_t shape = daily_shape_permille(t.hour());
        cents = (1500 + (shape - 550) * 6) * season_permille(season_of(t.date())) / 1000 + rng.uniform(-400, 400);
      }
      w.put(p.zones[z].cpnode);
      w.put(',');
      w.put(stamp(stamps[static_cast<std::size_t>(h) * per_hour]));
      w.put(',');
      w.put_scaled(cents, 2);
      w.put('\n');
      ++rows;
    }
  }
  w.commit();
  return rows;
}

std::uint64_t write_rsg(const Plan& p, const std::vector<std::array<char, 16>>& stamps, const fs::path& path) {
  BufferedWriter w(path.string());
  Prng rng = Prng::stream(p.options.seed, kRsgStream);
  const std::size_t per_hour = static_cast<std::size_t>(60 / p.options.interval_minutes);
  w.put("hour_start,usd_per_mwh\n");
  for (int h = 0; h < p.hours(); ++h) {
    bool emergency = false;
    for (const auto& zone_hours : p.zone_emergency_hours) emergency = emergency || zone_hours[static_cast<std::size_t>(h)];
    w.put(stamp(stamps[static_cast<std::size_t>(h) * per_hour]));
    w.put(',');
    w.put_scaled(emergency ? rng.uniform(200, 800) : rng.uniform(0, 250), 2);
    w.put('\n');
  }
  w.commit();
  return static_cast<std::uint64_t>(p.hours());
}

// Where resource r stands in hour t: the instruction it is deploying, if any,
// and whether an outage stops it from responding. Its lists are sorted by start.
struct Cursor {
  std::size_t instruction = 0;
  std::size_t outage = 0;
};

const PlanInstruction* active_instruction(const Plan& p, const PlanResource& r, Cursor& c, MarketTime t) {
  while (c.instruction < r.instructions.size() &&
         p.instructions[static_cast<std::size_t>(r.instructions[c.instruction])].end <= t) {
    ++c.instruction;
  }
  if (c.instruction == r.instructions.size()) return nullptr;
  const PlanInstruction& in = p.instructions[static_cast<std::size_t>(r.instructions[c.instruction])];
  return in.start <= t ? &in : nullptr;
}

bool in_outage(const Plan& p, const PlanResource& r, Cursor& c, MarketTime t) {
  while (c.outage < r.outages.size() && p.outages[static_cast<std::size_t>(r.outages[c.outage])].end <= t) {
    ++c.outage;
  }
  return c.outage < r.outages.size() && p.outages[static_cast<std::size_t>(r.outages[c.outage])].start <= t;
}

// Every interval of every resource, resource by resource. DR load scatters
// (+-3 %) around its expected hourly load and drops while it delivers an
// instruction; FSL load drops toward the FSL; BTMG generates only when called.
std::uint64_t write_meter(const Plan& p, const std::vector<std::array<char, 16>>& stamps, const fs::path& path) {
  BufferedWriter w(path.string());
  Prng rng = Prng::stream(p.options.seed, kMeterStream);
  const int per_hour = 60 / p.options.interval_minutes;
  const std::string minutes = fmt::format(",{},", p.options.interval_minutes);
  w.put("resource,interval_start,interval_minutes,mw\n");
  std::uint64_t rows = 0;
  for (const PlanResource& r : p.resources) {
    Cursor c;
    for (int h = 0; h < p.hours(); ++h) {
      const MarketTime t = p.start() + Duration::hours(h);
      const PlanInstruction* in = active_instruction(p, r, c, t);
      if (in != nullptr && in_outage(p, r, c, t)) in = nullptr;  // it cannot respond
      const std::int64_t base = r.type == ResourceType::dr ? p.base_load_milli(r, t) : 0;
      std::int64_t reduction = 0;
      if (in != nullptr && r.protocol == Protocol::baseline) {
        reduction = in->mw_milli * in->delivered_permille / 1000;
      } else if (in != nullptr && r.protocol == Protocol::firm_service_level && base > r.fsl_milli) {
        reduction = (base - r.fsl_milli) * in->delivered_permille / 1000;
      }
      for (int k = 0; k < per_hour; ++k) {
        std::int64_t mw = 0;
        if (r.type == ResourceType::dr) {
          mw = std::max<std::int64_t>(0, base * rng.uniform(970, 1030) / 1000 - reduction);
        } else if (in != nullptr) {
          mw = in->mw_milli * in->delivered_permille / 1000 * rng.uniform(985, 1015) / 1000;
        }
        w.put(r.id);
        w.put(',');
        w.put(stamp(stamps[static_cast<std::size_t>(h * per_hour + k)]));
        w.put(minutes);
        w.put_scaled(mw, 3);
        w.put('\n');
        ++rows;
      }
    }
  }
  w.commit();
  return rows;
}

// The expected load of each baseline DR in each hour of its instruction
// windows, so no instruction needs the 10-day default baseline.
std::uint64_t write_baseline(const Plan& p, const std::vector<std::array<char, 16>>& stamps, const fs::path& path) {
  BufferedWriter w(path.string());
  const std::size_t per_hour = static_cast<std::size_t>(60 / p.options.interval_minutes);
  w.put("resource,hour_start,mw\n");
  std::uint64_t rows = 0;
  for (const PlanResource& r : p.resources) {
    if (r.protocol != Protocol::baseline) continue;
    for (const int i : r.instructions) {
      const PlanInstruction& in = p.instructions[static_cast<std::size_t>(i)];
      for (MarketTime t = in.start; t < in.end; t = t + Duration::hours(1)) {
        const auto h = static_cast<std::size_t>((t - p.start()).in_seconds() / kHour);
        w.put(r.id);
        w.put(',');
        w.put(stamp(stamps[h * per_hour]));
        w.put(',');
        w.put_scaled(p.base_load_milli(r, t), 3);
        w.put('\n');
        ++rows;
      }
    }
  }
  w.commit();
  return rows;
}

std::uint64_t write_lse_load(const Plan& p, const std::vector<std::array<char, 16>>& stamps, const fs::path& path) {
  BufferedWriter w(path.string());
  Prng rng = Prng::stream(p.options.seed, kLoadStream);
  const std::size_t per_hour = static_cast<std::size_t>(60 / p.options.interval_minutes);
  w.put("lse,hour_start,mwh\n");
  std::uint64_t rows = 0;
  for (const PlanLse& lse : p.lses) {
    const PlanLba& lba = p.lbas[static_cast<std::size_t>(lse.lba)];
    for (int h = 0; h < p.hours(); ++h) {
      const MarketTime t = p.start() + Duration::hours(h);
      const Date d = t.date();
      const std::int64_t lba_load = lba.peak_milli * daily_shape_permille(t.hour()) / 1000 *
                                    season_permille(season_of(d)) / 1000 * day_permille(d) / 1000;
      w.put(lse.id);
      w.put(',');
      w.put(stamp(stamps[static_cast<std::size_t>(h) * per_hour]));
      w.put(',');
      w.put_scaled(lba_load * lse.share_milli / 1000 * rng.uniform(980, 1020) / 1000, 3);
      w.put('\n');
      ++rows;
    }
  }
  w.commit();
  return rows;
}

std::string mw_text(std::int64_t milli) { return scaled_text(milli, 3); }

std::string months_of(Season s) {
  switch (s) {
    case Season::summer: return "[6, 7, 8]";
    case Season::fall: return "[9, 10, 11]";
    case Season::winter: return "[12, 1, 2]";
    case Season::spring: return "[3, 4, 5]";
  }
  return "[]";
}

void write_yaml(const Plan& p, const fs::path& path) {
  BufferedWriter w(path.string(), std::size_t{1} << 20);
  const Options& o = p.options;
  w.put(fmt::format("# Generated by `drsim generate --resources {} --days {} --interval-minutes {} --seed {}{}`.\n",
                    o.resources, o.days, o.interval_minutes, o.seed, o.lse_load ? " --lse-load" : ""));
  w.put("drsim: 1\n");
  w.put(fmt::format("name: \"Generated scenario: {} resources, {} days from {}, {}-minute meters, seed {}\"\n",
                    o.resources, o.days, p.first_day.str(), o.interval_minutes, o.seed));
  w.put(fmt::format("planning_year: {}\n", o.planning_year));
  w.put("zones:\n");
  for (const PlanZone& z : p.zones) {
    w.put(fmt::format("  - id: {}\n    acp_usd_per_mw_day: {{summer: {}, fall: {}, winter: {}, spring: {}}}\n", z.id,
                      scaled_text(z.acp_cents[0], 2), scaled_text(z.acp_cents[1], 2), scaled_text(z.acp_cents[2], 2),
                      scaled_text(z.acp_cents[3], 2)));
  }
  w.put("participants:\n");
  for (const std::string& mp : p.mps) w.put(fmt::format("  - {{id: {}, certified: true}}\n", mp));
  w.put("lbas: [");
  for (std::size_t b = 0; b < p.lbas.size(); ++b) w.put(fmt::format("{}{}", b ? ", " : "", p.lbas[b].id));
  w.put("]\n");
  w.put("lses:\n");
  for (const PlanLse& l : p.lses) {
    w.put(fmt::format("  - {{id: {}, lba: {}, load_ratio_share: {}}}\n", l.id, p.lbas[static_cast<std::size_t>(l.lba)].id,
                      scaled_text(l.share_milli, 3)));
  }
  w.put("resources:\n");
  for (const PlanResource& r : p.resources) {
    const PlanLba& lba = p.lbas[static_cast<std::size_t>(r.lba)];
    const PlanZone& zone = p.zones[static_cast<std::size_t>(lba.zone)];
    w.put(fmt::format("  - id: {}\n    type: {}\n    mp: {}\n    lba: {}\n    zone: {}\n    cpnode: {}\n"
                      "    protocol: {}\n",
                      r.id, r.type == ResourceType::dr ? "DR" : "BTMG", r.mp, lba.id, zone.id, zone.cpnode,
                      name(r.protocol)));
    if (r.protocol == Protocol::firm_service_level) w.put(fmt::format("    fsl_mw: {}\n", mw_text(r.fsl_milli)));
    w.put(fmt::format("    tested: {}\n    seasons:\n", r.tested ? "true" : "false"));
    for (const Season s : kSeasons) {
      w.put(fmt::format("      {}: {{cleared_mw: {}, notification_h: {}, max_interruptions: {}, max_duration_h: {}, "
                        "months: {}}}\n",
                        name(s), mw_text(r.cleared_milli[static_cast<std::size_t>(s)]), r.notification_h,
                        r.max_interruptions, r.max_duration_h, months_of(s)));
    }
  }
  w.put(p.emergencies.empty() ? "emergencies: []\n" : "emergencies:\n");
  for (const PlanEmergency& e : p.emergencies) {
    std::string lbas;
    for (const int b : e.lbas) lbas += (lbas.empty() ? "" : ", ") + p.lbas[static_cast<std::size_t>(b)].id;
    w.put(fmt::format("  - {{id: {}, lbas: [{}], level: {}, start: {}, end: {}}}\n", e.id, lbas, e.level,
                      e.start.str(), e.end.str()));
  }
  w.put(p.instructions.empty() ? "instructions: []\n" : "instructions:\n");
  for (const PlanInstruction& in : p.instructions) {
    w.put(fmt::format("  - {{id: {}, emergency: {}, resource: {}, issued: {}, start: {}, end: {}, mw: {}{}}}\n", in.id,
                      p.emergencies[static_cast<std::size_t>(in.emergency)].id,
                      p.resources[static_cast<std::size_t>(in.resource)].id, in.issued.str(), in.start.str(),
                      in.end.str(), mw_text(in.mw_milli), in.acknowledged ? "" : ", acknowledged: false"));
  }
  bool any_report = false;
  for (const PlanInstruction& in : p.instructions) any_report = any_report || in.reported;
  w.put(any_report ? "advanced_reporting:\n" : "advanced_reporting: []\n");
  for (const PlanInstruction& in : p.instructions) {
    if (!in.reported) continue;
    w.put(fmt::format("  - {{instruction: {}, entered: {}, target_mw: {}}}\n", in.id, in.entered.str(),
                      mw_text(in.target_milli)));
  }
  w.put(p.outages.empty() ? "outages: []\n" : "outages:\n");
  for (const PlanOutage& out : p.outages) {
    w.put(fmt::format("  - {{resource: {}, start: {}, end: {}, reason: {}}}\n",
                      p.resources[static_cast<std::size_t>(out.resource)].id, out.start.str(), out.end.str(),
                      name(out.reason)));
  }
  w.put("series:\n");
  w.put("  lmp: {csv: data/lmp.csv}\n");
  w.put("  rsg: {csv: data/rsg.csv}\n");
  w.put("  meter: {csv: data/meter.csv}\n");
  w.put("  baseline: {csv: data/baseline.csv}\n");
  if (o.lse_load) w.put("  lse_load: {csv: data/lse_load.csv}\n");
  w.commit();
}

}  // namespace

Summary generate(const Options& options) {
  check(options);
  const Plan p = build_plan(options);
  const fs::path dir(options.out);
  const fs::path data = dir / "data";
  fs::create_directories(data);
  const auto stamps = interval_stamps(p);

  Summary s;
  s.resources = p.resources.size();
  s.lses = p.lses.size();
  s.emergencies = p.emergencies.size();
  s.instructions = p.instructions.size();
  for (const auto& in : p.instructions) s.advanced_reports += in.reported ? 1 : 0;
  s.outages = p.outages.size();
  s.lmp_rows = write_lmp(p, stamps, data / "lmp.csv");
  write_rsg(p, stamps, data / "rsg.csv");
  s.baseline_rows = write_baseline(p, stamps, data / "baseline.csv");
  if (options.lse_load) write_lse_load(p, stamps, data / "lse_load.csv");
  s.meter_rows = write_meter(p, stamps, data / "meter.csv");
  // The scenario file last: its presence says the series beside it are complete.
  write_yaml(p, dir / "scenario.yaml");
  for (const char* f : {"scenario.yaml", "data/lmp.csv", "data/rsg.csv", "data/baseline.csv", "data/meter.csv"}) {
    s.bytes += fs::file_size(dir / f);
  }
  if (options.lse_load) s.bytes += fs::file_size(data / "lse_load.csv");
  return s;
}

}  // namespace drsim::generator

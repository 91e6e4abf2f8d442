// Draws the generated scenario: market, resources, emergencies, instructions, reports and outages.
#include "scenarios/generator/plan.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "scenarios/generator/prng.hpp"

namespace drsim::generator {

namespace {


// Streams of Prng::stream: one per purpose, so they stay independent.
constexpr std::uint64_t kPlanStream = 0;

// Zero-padded id: "DR-0042".
std::string padded(std::string_view prefix, std::size_t n, int width) {
  return fmt::format("{}{:0{}}", prefix, n, width);
}

int digits(std::size_t n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    ++d;
  }
  return d;
}

// Rounds milli-MW to whole tenths of a MW (100 milli), half up, for a share in per mille.
std::int64_t tenths_share(std::int64_t milli, int per_mille) {
  const std::int64_t tenths = milli / 100;
  return (tenths * per_mille + 500) / 1000 * 100;
}

void add_market(Plan& p) {
  // PRA 2025-26 auction clearing prices, $/MW-day, the same in every zone.
  const std::array<std::int64_t, 4> acp{66650, 9160, 3320, 6988};
  p.zones = {{"LRZ4", "ILLINOIS.HUB", acp}, {"LRZ5", "AMMO.LRZ5", acp}, {"LRZ7", "MICHIGAN.HUB", acp}};
  p.lbas = {{"AMIL", 0, "MP-AMEREN-IL", 9'500'000},
            {"AMMO", 1, "MP-AMEREN-MO", 8'000'000},
            {"CONS", 2, "MP-CONSUMERS", 8'500'000},
            {"DECO", 2, "MP-DTE", 11'000'000}};
  p.mps = {"MP-AMEREN-IL", "MP-AMEREN-MO", "MP-CONSUMERS", "MP-DTE", "MP-AGGREGATOR"};
}

void add_lses(Plan& p, Prng& rng) {
  for (std::size_t b = 0; b < p.lbas.size(); ++b) {
    const int count = rng.uniform_int(2, 4);
    std::vector<int> weights;
    for (int i = 0; i < count; ++i) weights.push_back(rng.uniform_int(100, 1000));
    const int total = std::accumulate(weights.begin(), weights.end(), 0);
    int given = 0;
    for (int i = 0; i < count; ++i) {
      // Floors, and the last takes what is left, so each LBA sums to exactly 1.000.
      const int share = i + 1 < count ? weights[static_cast<std::size_t>(i)] * 1000 / total : 1000 - given;
      given += share;
      p.lses.push_back({fmt::format("LSE-{}-{}", p.lbas[b].id, i + 1), static_cast<int>(b), share});
    }
  }
}

void add_resources(Plan& p, Prng& rng) {
  const int width = std::max(4, digits(static_cast<std::size_t>(p.options.resources)));
  for (int i = 0; i < p.options.resources; ++i) {
    PlanResource r;
    const int kind = rng.uniform_int(0, 99);
    if (kind < 60) {
      r.type = ResourceType::dr;
      r.protocol = Protocol::baseline;
    } else if (kind < 80) {
      r.type = ResourceType::dr;
      r.protocol = Protocol::firm_service_level;
    } else {
      r.type = ResourceType::btmg;
      r.protocol = Protocol::metered_generation;
    }
    r.id = padded(r.type == ResourceType::dr ? "DR-" : "BTMG-", static_cast<std::size_t>(i + 1), width);
    r.lba = rng.uniform_int(0, static_cast<int>(p.lbas.size()) - 1);
    r.mp = rng.chance(700) ? p.lbas[static_cast<std::size_t>(r.lba)].utility_mp : "MP-AGGREGATOR";
    r.tested = r.type == ResourceType::btmg || !rng.chance(100);  // about 10 % of DRs untested
    // Most LMRs are small: 1.0-10.0 MW, some 10.0-50.0 MW (in tenths).
    const std::int64_t tenths = rng.chance(700) ? rng.uniform(10, 100) : rng.uniform(100, 500);
    const std::int64_t summer = tenths * 100;
    r.cleared_milli = {summer, tenths_share(summer, 900), tenths_share(summer, 850), tenths_share(summer, 900)};
    if (r.type == ResourceType::dr) {
      r.peak_milli = summer * rng.uniform(150, 300) / 100;
    } else {
      r.peak_milli = summer * rng.uniform(100, 120) / 100;  // nameplate
    }
    if (r.protocol == Protocol::firm_service_level) r.fsl_milli = r.peak_milli - summer;
    // Notification 1-8 h, most LMRs at the short end.
    const int notice = rng.uniform_int(0, 9);
    r.notification_h = notice < 6 ? rng.uniform_int(1, 2) : notice < 9 ? rng.uniform_int(3, 4) : rng.uniform_int(5, 8);
    r.max_interruptions = rng.uniform_int(3, 8);
    r.max_duration_h = rng.uniform_int(3, 8);
    p.resources.push_back(std::move(r));
  }
}

void add_emergencies(Plan& p, Prng& rng) {
  const std::array<int, 4> per_season{5, 3, 5, 3};  // a full season's emergencies
  const DateRange period{p.first_day, p.first_day + p.options.days};
  // Level names of the planning year's Max Gen procedure (settlement/emergency_levels): from PY 2026-27
  // the steps are 1-3 (KA-01551), so a generated year never warns about its own levels.
  const std::array<std::string_view, 3> levels =
      p.options.planning_year >= 2026
          ? std::array<std::string_view, 3>{"max_gen_event_step_2", "max_gen_event_step_3", "eea2"}
          : std::array<std::string_view, 3>{"max_gen_event_step_2a", "max_gen_event_step_2b", "eea2"};
  for (const Season s : kSeasons) {
    const DateRange season = season_range(p.options.planning_year, s);
    const Date from = std::max(season.begin, period.begin);
    const Date to = std::min(season.end, period.end);
    const int covered = to - from;
    if (covered <= 0) continue;
    const int full = per_season[static_cast<std::size_t>(s)];
    // Pro rata on the days covered, rounded up so a short period still has one.
    const int count = std::min(covered, (full * covered + season.days() - 1) / season.days());
    std::vector<int> days(static_cast<std::size_t>(covered));
    std::iota(days.begin(), days.end(), 0);
    for (int i = 0; i < count; ++i) {  // partial Fisher-Yates: distinct days
      const int j = rng.uniform_int(i, covered - 1);
      std::swap(days[static_cast<std::size_t>(i)], days[static_cast<std::size_t>(j)]);
    }
    days.resize(static_cast<std::size_t>(count));
    std::sort(days.begin(), days.end());
    for (const int offset : days) {
      PlanEmergency e;
      int start_hour = 0;
      switch (s) {
        case Season::summer: start_hour = rng.uniform_int(12, 17); break;
        case Season::winter: start_hour = rng.chance(500) ? rng.uniform_int(6, 9) : rng.uniform_int(16, 18); break;
        default: start_hour = rng.uniform_int(13, 17); break;
      }
      const int hours = rng.uniform_int(4, 6);  // ends by midnight: start <= 18
      e.start = MarketTime::at(from + offset, start_hour);
      e.end = e.start + Duration::hours(hours);
      std::vector<int> lbas(p.lbas.size());
      std::iota(lbas.begin(), lbas.end(), 0);
      const int k = rng.uniform_int(1, 3);
      for (int i = 0; i < k; ++i) {
        const int j = rng.uniform_int(i, static_cast<int>(lbas.size()) - 1);
        std::swap(lbas[static_cast<std::size_t>(i)], lbas[static_cast<std::size_t>(j)]);
      }
      lbas.resize(static_cast<std::size_t>(k));
      std::sort(lbas.begin(), lbas.end());
      e.lbas = std::move(lbas);
      e.level = std::string(levels[static_cast<std::size_t>(rng.uniform_int(0, 2))]);
      e.id = fmt::format("EV-{:03}", p.emergencies.size() + 1);
      p.emergencies.push_back(std::move(e));
    }
  }
}

void add_outages(Plan& p, Prng& rng) {
  // A few: about 2 % of resources, at least one.
  const int count = std::max(1, p.options.resources / 50);
  for (int n = 0; n < count; ++n) {
    const int r = rng.uniform_int(0, p.options.resources - 1);
    PlanResource& res = p.resources[static_cast<std::size_t>(r)];
    // Half of them fall on an emergency day, so the outage rules get exercised.
    Date day = p.first_day + rng.uniform_int(0, p.options.days - 1);
    if (!p.emergencies.empty() && rng.chance(500)) {
      day = p.emergencies[static_cast<std::size_t>(rng.uniform_int(0, static_cast<int>(p.emergencies.size()) - 1))]
                .start.date();
    }
    const int length = std::min(rng.uniform_int(1, 3), (p.first_day + p.options.days) - day);
    const int kind = rng.uniform_int(0, 9);
    if (!res.outages.empty()) continue;  // one outage per resource keeps them apart
    PlanOutage o;
    o.resource = r;
    o.start = MarketTime::at(day);
    o.end = MarketTime::at(day + length);
    o.reason = kind < 5 ? OutageReason::maintenance : kind < 9 ? OutageReason::forced : OutageReason::force_majeure;
    res.outages.push_back(static_cast<int>(p.outages.size()));
    p.outages.push_back(o);
  }
  std::sort(p.outages.begin(), p.outages.end(), [](const PlanOutage& a, const PlanOutage& b) {
    return a.start != b.start ? a.start < b.start : a.resource < b.resource;
  });
  for (auto& res : p.resources) res.outages.clear();
  for (std::size_t i = 0; i < p.outages.size(); ++i) {
    p.resources[static_cast<std::size_t>(p.outages[i].resource)].outages.push_back(static_cast<int>(i));
  }
}

void add_instructions(Plan& p, Prng& rng) {
  const std::size_t total = p.emergencies.size() * p.resources.size() / 2 + 1;
  const int width = std::max(6, digits(total));
  for (std::size_t ei = 0; ei < p.emergencies.size(); ++ei) {
    const PlanEmergency& e = p.emergencies[ei];
    const MarketTime day_end = MarketTime::at(e.start.date() + 1);
    const auto span_h = static_cast<int>((e.end - e.start).in_seconds() / kHour);
    for (std::size_t ri = 0; ri < p.resources.size(); ++ri) {
      PlanResource& r = p.resources[ri];
      if (std::find(e.lbas.begin(), e.lbas.end(), r.lba) == e.lbas.end()) continue;
      if (!rng.chance(500)) continue;  // a subset of the LBAs' resources is called
      PlanInstruction in;
      in.emergency = static_cast<int>(ei);
      in.resource = static_cast<int>(ri);
      in.start = e.start + Duration::hours(rng.uniform_int(0, span_h - 2));
      in.end = std::min(in.start + Duration::hours(rng.uniform_int(2, 4)), day_end);
      in.issued = in.start - Duration::hours(rng.uniform_int(2, 10));
      const Season season = season_of(in.start.date());
      in.mw_milli = r.cleared_milli[static_cast<std::size_t>(season)];
      in.acknowledged = rng.chance(990);
      // Most deliver a little more than called, which rides out meter noise;
      // one in five falls short, some far short.
      in.delivered_permille = rng.chance(800) ? rng.uniform_int(1020, 1100) : rng.uniform_int(600, 1019);
      in.reported = rng.chance(970);  // about 3 % without advanced reporting
      in.entered = in.issued + Duration::minutes(15 * rng.uniform_int(0, 4));
      in.target_milli = rng.chance(900) ? in.mw_milli : in.mw_milli * 8 / 10;
      in.id = padded("SI-", p.instructions.size() + 1, width);
      r.instructions.push_back(static_cast<int>(p.instructions.size()));
      p.instructions.push_back(std::move(in));
    }
  }
}

void mark_emergency_hours(Plan& p) {
  p.zone_emergency_hours.assign(p.zones.size(), std::vector<bool>(static_cast<std::size_t>(p.hours()), false));
  const std::int64_t origin = p.start().seconds();
  for (const PlanEmergency& e : p.emergencies) {
    for (std::int64_t t = e.start.seconds(); t < e.end.seconds(); t += kHour) {
      const std::int64_t h = (t - origin) / kHour;
      if (h < 0 || h >= p.hours()) continue;
      for (const int b : e.lbas) {
        p.zone_emergency_hours[static_cast<std::size_t>(p.lbas[static_cast<std::size_t>(b)].zone)]
                              [static_cast<std::size_t>(h)] = true;
      }
    }
  }
}

}  // namespace

int daily_shape_permille(int hour) {
  static constexpr std::array<int, 24> shape{600, 580, 570, 570, 580, 620, 700, 800, 880, 930, 960, 980,
                                             990, 1000, 1000, 990, 970, 940, 900, 850, 780, 720, 670, 630};
  return shape[static_cast<std::size_t>(hour)];
}

int season_permille(Season s) {
  static constexpr std::array<int, 4> factor{1000, 850, 900, 820};
  return factor[static_cast<std::size_t>(s)];
}

int day_permille(Date d) {
  if (is_nerc_holiday(d)) return 780;
  return is_weekday(d) ? 1000 : 800;
}

std::int64_t Plan::base_load_milli(const PlanResource& r, MarketTime hour) const {
  const Date d = hour.date();
  return r.peak_milli * daily_shape_permille(hour.hour()) * season_permille(season_of(d)) * day_permille(d) /
         1'000'000'000;
}

Plan build_plan(const Options& options) {
  Plan p;
  p.options = options;
  p.first_day = Date::from_ymd(options.planning_year, 6, 1);
  Prng rng = Prng::stream(options.seed, kPlanStream);
  add_market(p);
  add_lses(p, rng);
  add_resources(p, rng);
  add_emergencies(p, rng);
  add_instructions(p, rng);
  add_outages(p, rng);
  mark_emergency_hours(p);
  return p;
}

}  // namespace drsim::generator

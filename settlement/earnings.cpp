// Earnings opportunity (rules.md 5).
#include "earnings.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "capacity.hpp"

namespace drsim {

namespace {

// The positions of the entry's resources by id (a resource listed twice under one id has both).
class Portfolio {
 public:
  template <class Ids>
  explicit Portfolio(const Ids& ids) {
    for (const auto& id : ids) {
      const auto [it, fresh] = first_.try_emplace(std::string_view(id), next_.size());
      next_.push_back(kNone);
      if (!fresh) {  // appended to the end of the id's chain
        std::size_t k = it->second;
        while (next_[k] != kNone) k = next_[k];
        next_[k] = next_.size() - 1;
      }
    }
  }
  static constexpr std::size_t kNone = SIZE_MAX;
  // The first position of `id`, or kNone; then next(k) until kNone.
  std::size_t find(std::string_view id) const {
    const auto it = first_.find(id);
    return it == first_.end() ? kNone : it->second;
  }
  std::size_t next(std::size_t k) const { return next_[k]; }

 private:
  std::unordered_map<std::string_view, std::size_t> first_;
  std::vector<std::size_t> next_;
};

// The charged shortfall MW of the entry's resources summed per settlement hour of the planning
// year, in one pass: the hours of each day with a charged hour in a block (each hour in the
// season of its own date); a charged time not on the hour (never a settlement hour, but
// possible in a test) is kept aside.
class HourlyShortfalls {
  // The sums by hour of the days with a charged hour: a block of 24 per such day.
  struct Day {
    std::array<Mw, 24> sum{};
    std::uint32_t seen = 0;  // a bit per hour with a charged shortfall
  };
  static constexpr std::uint32_t kNoBlock = UINT32_MAX;

 public:
  HourlyShortfalls(const std::vector<ChargedShortfall>& charged, const Portfolio& mine, int planning_year)
      : planning_year_(planning_year),
        year_(planning_year_range(planning_year)),
        first_(MarketTime::at(year_.begin).seconds()),
        day_block_(static_cast<std::size_t>(year_.days()), kNoBlock) {
    // Charged hours name their resource by a view of one id's storage (the market's or the
    // statement's): an id is looked up once per place it is stored, then known by its address.
    struct Known {
      const char* data = nullptr;
      std::size_t size = 0;
      bool mine = false;
    };
    std::array<Known, 256> known{};
    for (const auto& c : charged) {
      const auto address = reinterpret_cast<std::uintptr_t>(c.resource_id.data());
      Known& k = known[(address * 0x9E3779B97F4A7C15ULL) >> 56];
      if (k.data != c.resource_id.data() || k.size != c.resource_id.size() || k.data == nullptr) {
        k = {c.resource_id.data(), c.resource_id.size(), mine.find(c.resource_id) != Portfolio::kNone};
      }
      if (!k.mine) continue;
      add_run(c.hour, c.hours, c.shortfall);
    }
    std::sort(odd_.begin(), odd_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  }

  // `hours` consecutive hours from `hour`: stepped through the days' blocks when on the hour.
  void add_run(MarketTime hour, int hours, Mw shortfall) {
    const std::int64_t offset = hour.seconds() - first_;
    if (offset < 0 || offset % 3600 != 0) {
      for (int i = 0; i < hours; ++i) add(hour + Duration::hours(i), shortfall);
      return;
    }
    auto day = static_cast<std::size_t>(offset / 86400);
    auto h = static_cast<std::size_t>(offset / 3600 % 24);
    for (int i = 0; i < hours && day < day_block_.size(); ++i) {  // hours past the year's end are not its
      Day& d = block(day);
      d.sum[h] += shortfall;
      d.seen |= 1U << h;
      if (++h == 24) {
        h = 0;
        ++day;
      }
    }
  }

  Day& block(std::size_t day) {
    std::uint32_t& b = day_block_[day];
    if (b == kNoBlock) {
      b = static_cast<std::uint32_t>(days_.size());
      days_.emplace_back();
    }
    return days_[b];
  }

  void add(MarketTime hour, Mw shortfall) {
    const std::int64_t offset = hour.seconds() - first_;
    const std::int64_t h = offset / 3600;
    if (offset >= 0 && h * 3600 == offset && static_cast<std::size_t>(h / 24) < day_block_.size()) {
      Day& day = block(static_cast<std::size_t>(h / 24));
      day.sum[static_cast<std::size_t>(h % 24)] += shortfall;
      day.seen |= 1U << (h % 24);
    } else if (season_key(hour.date()).planning_year == planning_year_) {
      odd_.emplace_back(hour.seconds(), shortfall);
    }
  }

  // The largest sum over one hour of `season`, and the first hour that reaches it.
  Mw max_in(Season season, std::optional<std::int64_t>* worst_hour) const {
    const DateRange days = season_range(planning_year_, season);
    Mw worst;
    std::optional<std::int64_t> at;
    // Hours on the hour in time order: the first strictly larger sum moves the worst hour.
    for (auto d = static_cast<std::size_t>(days.begin - year_.begin); d < static_cast<std::size_t>(days.end - year_.begin); ++d) {
      if (day_block_[d] == kNoBlock) continue;
      const Day& day = days_[day_block_[d]];
      for (std::size_t h = 0; h < 24; ++h) {
        if (!(day.seen & (1U << h))) continue;
        if (!at || worst < day.sum[h]) {
          worst = day.sum[h];
          at = first_ + static_cast<std::int64_t>(d * 24 + h) * 3600;
        }
      }
    }
    // Times off the hour, summed per time, in time order; a tie goes to the earlier time.
    const std::int64_t lo = MarketTime::at(days.begin).seconds(), hi = MarketTime::at(days.end).seconds();
    for (std::size_t i = 0; i < odd_.size();) {
      const std::int64_t hour = odd_[i].first;
      Mw total;
      for (; i < odd_.size() && odd_[i].first == hour; ++i) total += odd_[i].second;
      if (hour < lo || hour >= hi) continue;
      if (!at || worst < total || (worst == total && hour < *at)) {
        worst = total;
        at = hour;
      }
    }
    if (worst_hour) *worst_hour = at;
    return worst;
  }

 private:
  int planning_year_;
  DateRange year_;
  std::int64_t first_;
  std::vector<std::uint32_t> day_block_;  // per day of the planning year: its block, or kNoBlock
  std::vector<Day> days_;
  std::vector<std::pair<std::int64_t, Mw>> odd_;
};

}  // namespace

Mw max_hourly_nonperformance(const std::vector<ChargedShortfall>& charged,
                             const std::vector<std::string>& resources, SeasonKey season) {
  return HourlyShortfalls(charged, Portfolio(resources), season.planning_year).max_in(season.season, nullptr);
}

EoResult earnings_opportunity(const Market& s, const EoConfig& eo, const std::vector<Disqualification>& dq,
                              const std::vector<ChargedShortfall>& charged, Explanation* why,
                              std::optional<Season> explained) {
  EoResult out;
  const Zone* zone = s.find_zone(eo.zone);
  std::vector<const Resource*> mine;
  std::vector<std::string_view> ids;
  // The entry's zone selects its resources (rules.md 5 v1.2): an LMR of the MP in another zone
  // belongs to an entry for that zone, priced at that zone's ACP, and counts in neither figure here.
  for (const Resource& r : s.resources) {
    if (r.mp == eo.mp && r.zone == eo.zone) {
      mine.push_back(&r);
      ids.push_back(r.id);
    }
  }
  const Portfolio portfolio(ids);
  // The days each resource's ACP is withheld over the planning year (its disqualifications
  // and any carried in), found once for all four seasons; none for most resources.
  std::vector<std::vector<Disqualification>> mine_dq(mine.size());
  for (const auto& d : dq) {
    for (std::size_t k = portfolio.find(d.resource_id); k != Portfolio::kNone; k = portfolio.next(k)) mine_dq[k].push_back(d);
  }
  std::vector<std::vector<DateRange>> withheld(mine.size());
  const DateRange year = planning_year_range(s.planning_year);
  for (std::size_t i = 0; i < mine.size(); ++i) {
    if (!mine_dq[i].empty() || mine[i]->acp_disqualified_through) withheld[i] = disqualified_runs(*mine[i], mine_dq[i], year);
  }
  const std::optional<HourlyShortfalls> shortfalls =
      eo.nonperformance == NonPerformance::max_hourly
          ? std::optional<HourlyShortfalls>(std::in_place, charged, portfolio, s.planning_year)
          : std::nullopt;
  Money sum;
  for (Season season : kSeasons) {
    EoLine line;
    line.mp_id = eo.mp;
    line.season = season;
    if (zone != nullptr && at(zone->acp, season)) line.acp = *at(zone->acp, season);
    Explanation* w = why && explained == season ? why : nullptr;
    std::optional<std::int64_t> worst_hour;
    line.nonperformance_mw = shortfalls ? shortfalls->max_in(season, &worst_hour) : Mw{};
    if (w) {
      std::string list;
      for (const auto& id : ids) list += (list.empty() ? "" : ", ") + std::string(id);
      w->add("5", "", "the MP's LMRs in the entry's zone",
             {{"mp", eo.mp}, {"zone", eo.zone}, {"resources", list.empty() ? "none" : list},
              {"share", eo.share.str()}, {"acp_usd_per_mw_day", line.acp.value().str()}});
      w->add("5", "",
             eo.nonperformance == NonPerformance::max_hourly
                 ? "NonPerfMW = the largest sum over one hour of the season of the charged shortfall MW"
                 : "nonperformance: none (NonPerfMW = 0)",
             {{"nonperformance_mw", line.nonperformance_mw.value().str()},
              {"hour", worst_hour ? MarketTime::from_seconds(*worst_hour).str() : "none"}});
    }
    const DateRange days = season_range(s.planning_year, season);
    const std::optional<Mw> fixed = eo.cleared_mw ? at(*eo.cleared_mw, season) : std::nullopt;
    for (const Resource* r : mine) {
      const auto& reg = at(r->seasons, season);
      if (reg && !reg->excluded) line.cleared_mw += reg->cleared_mw;
    }
    if (fixed) line.cleared_mw = *fixed;
    // ClearedMW by day, as runs of days with the same MW (for the explanation only).
    std::vector<std::pair<Date, Mw>> runs;
    // Bounds (rules.md 1a v1.2): with at most 1e6 resources (one YAML node each at least) of at
    // most 1e5 MW, `cleared`, line.cleared_mw and the hourly sums of shortfall (at most 3.2e5 MW
    // each) stay below 3.2e11 MW, inside Decimal's 9.2e12; the day sums go to WideDecimal.
    // ClearedMW(s, d): the MW of every LMR not excluded, less that of each on the days of its
    // disqualified runs (a difference array over the season's days: no look-up per day).
    Mw all;
    std::vector<Mw> drop(static_cast<std::size_t>(days.days()) + 1);
    for (std::size_t i = 0; i < mine.size() && !fixed; ++i) {
      const auto& reg = at(mine[i]->seasons, season);
      if (!reg || reg->excluded) continue;
      all += reg->cleared_mw;
      for (const DateRange& whole : withheld[i]) {  // the planning year's runs, cut to the season
        const DateRange run{std::max(whole.begin, days.begin), std::min(whole.end, days.end)};
        if (!(run.begin < run.end)) continue;
        drop[static_cast<std::size_t>(run.begin - days.begin)] += reg->cleared_mw;
        Mw& back = drop[static_cast<std::size_t>(run.end - days.begin)];
        back = back - reg->cleared_mw;
      }
    }
    Mw dropped;
    for (Date d = days.begin; d < days.end; d = d + 1) {
      dropped += drop[static_cast<std::size_t>(d - days.begin)];
      const Mw cleared = fixed ? *fixed : all - dropped;
      if (w && (runs.empty() || runs.back().second != cleared)) runs.emplace_back(d, cleared);
      line.mw_days_before += cleared.value();
      line.mw_days_after += max(cleared - line.nonperformance_mw, Mw{}).value();
    }
    const ExactUsd before = ExactUsd::product(eo.share, line.acp.value(), line.mw_days_before);
    const ExactUsd after = ExactUsd::product(eo.share, line.acp.value(), line.mw_days_after);
    line.eo_before = round_to_cents(before);
    line.eo = round_to_cents(after);
    line.adjustment = line.eo - line.eo_before;
    if (w) {
      for (std::size_t k = 0; k < runs.size(); ++k) {
        const Date until = k + 1 < runs.size() ? runs[k + 1].first : days.end;
        w->add("5", "", fixed ? "ClearedMW: the entry's fixed cleared MW" : "ClearedMW: the cleared MW of the LMRs not disqualified that day",
               {{"from", runs[k].first.str()}, {"until", until.str()}, {"cleared_mw", runs[k].second.value().str()}});
      }
      w->add("5", "", "MW-days before = sum of ClearedMW; after = sum of max(ClearedMW - NonPerfMW, 0)",
             {{"mw_days_before", line.mw_days_before.str()}, {"mw_days_after", line.mw_days_after.str()}});
      w->add("5", "", "EO = share x ACP x MW-days, each rounded once to the cent; adjustment = after - before",
             {{"eo_before_exact_usd", exact_usd_text(before)}, {"eo_before_usd", line.eo_before.str()},
              {"eo_exact_usd", exact_usd_text(after)}, {"eo_usd", line.eo.str()},
              {"adjustment_usd", line.adjustment.str()}});
    }
    sum += line.eo;
    out.lines.push_back(line);
  }
  out.total = eo.cap_usd && *eo.cap_usd < sum ? *eo.cap_usd : sum;
  return out;
}

}  // namespace drsim

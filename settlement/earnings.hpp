// A utility's earnings opportunity per season and its non-performance adjustment (rules.md 5).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "explanation.hpp"
#include "failures.hpp"
#include "money.hpp"
#include "market.hpp"

namespace drsim {

// The shortfall MW of one resource in a charged settlement hour, or in each of `hours`
// consecutive charged settlement hours from `hour` with the same shortfall (a run: the
// exposure kernel gives an instruction's alike hours as one).
struct ChargedShortfall {
  std::string_view resource_id;  // the resource's id, held by the market or statement (nothing copied per hour)
  MarketTime hour;
  Mw shortfall;
  int hours = 1;
};

struct EoLine {
  std::string mp_id;
  Season season = Season::summer;
  UsdPerMwDay acp;
  Mw cleared_mw;           // PRA cleared MW of the season before any disqualification
  Mw nonperformance_mw;    // NonPerfMW(s)
  // MW-days reach 1e6 resources x 1e5 MW x 366 days = 3.66e13, beyond Decimal: held in 128 bits.
  WideDecimal mw_days_before;  // sum over days of ClearedMW(s, d), disqualified resources left out
  WideDecimal mw_days_after;   // sum over days of max(ClearedMW(s, d) - NonPerfMW(s), 0)
  Money eo_before;         // share x ACP x mw_days_before, to the cent
  Money adjustment;        // eo - eo_before: zero or negative
  Money eo;                // share x ACP x mw_days_after, to the cent
};

struct EoResult {
  std::vector<EoLine> lines;  // one per eo entry and season, in season order
  Money total;                // sum of the seasons' EO, capped by cap_usd where given
};

// NonPerfMW(s) for max_hourly: the largest sum, over one settlement hour of the season
// (each hour in the season of its own date), of the utility's resources' shortfall MW.
Mw max_hourly_nonperformance(const std::vector<ChargedShortfall>& charged, const std::vector<std::string>& resources,
                             SeasonKey season);

// The EO of one entry: its MP's LMRs in its zone only (rules.md 5 v1.2).
// With `why`, adds the steps of the line of season `explained` (drsim explain --eo).
EoResult earnings_opportunity(const Market& s, const EoConfig& eo, const std::vector<Disqualification>& dq,
                              const std::vector<ChargedShortfall>& charged, Explanation* why = nullptr,
                              std::optional<Season> explained = std::nullopt);

}  // namespace drsim

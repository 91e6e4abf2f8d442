// Counting failed occasions and disqualifying (rules.md 4.8).
#include "failures.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace drsim {

FailureOutcome count_failures(std::vector<FailedOccasion> occasions, const Rules& rules) {
  std::stable_sort(occasions.begin(), occasions.end(), [](const auto& a, const auto& b) {
    return std::tie(a.resource_id, a.season, a.start, a.instruction_id) <
           std::tie(b.resource_id, b.season, b.start, b.instruction_id);
  });
  const Duration separation{static_cast<std::int64_t>(
      div_round_half_away(int128{rules.failure_separation_h.micros()} * 3600, Decimal::kScale))};

  FailureOutcome out;
  struct SeasonState {
    int counted = 0;
    const FailedOccasion* last = nullptr;
  };
  std::map<std::pair<std::string, SeasonKey>, SeasonState> state;
  for (const auto& occ : occasions) {
    FailureLine line{occ, false, false};
    auto& st = state[{occ.resource_id, occ.season}];
    if (st.last == nullptr) {
      line.counted = true;
    } else {
      const MarketTime from =
          rules.failure_separation_basis == SeparationBasis::start_to_start ? st.last->start : st.last->end;
      line.counted = occ.start >= from + separation;
    }
    if (line.counted) {
      st.last = &occ;
      if (++st.counted == 2) {
        line.disqualified = true;
        const Date start_day = occ.start.date();
        const Date from_day =
            rules.disqualification_effective == DisqualificationEffective::next_day ? start_day + 1 : start_day;
        out.disqualifications.push_back(
            {occ.resource_id, from_day, planning_year_range(occ.season.planning_year + 1).end});
      }
    }
    out.lines.push_back(line);
  }
  return out;
}

}  // namespace drsim

// Counting failed occasions and disqualifying (rules.md 4.8).
#include "failures.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "exact_time.hpp"

namespace drsim {

FailureOutcome count_failures(std::vector<FailedOccasion> occasions, const Rules& rules) {
  std::stable_sort(occasions.begin(), occasions.end(), [](const auto& a, const auto& b) {
    return std::tie(a.resource_id, a.season, a.start, a.instruction_id) <
           std::tie(b.resource_id, b.season, b.start, b.instruction_id);
  });
  // Exact (rules.md 1a): 23.9999 h is 86,399.64 s, never rounded to whole seconds.
  const ExactDuration separation = ExactDuration::hours(rules.failure_separation_h);

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
      line.counted = exact_between(from, occ.start) >= separation;
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

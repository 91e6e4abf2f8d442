// Counting failed occasions and disqualifying (rules.md 4.8).
#include "failures.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "exact_time.hpp"

namespace drsim {

FailureOutcome count_failures(const std::vector<FailedOccasion>& occasions, const Rules& rules, Explanation* why,
                              std::string_view explained) {
  FailureOutcome out;
  count_failures_into(occasions, rules, out, why, explained);
  return out;
}

void count_failures_into(const std::vector<FailedOccasion>& occasions, const Rules& rules, FailureOutcome& out,
                         Explanation* why, std::string_view explained) {
  // Sorted as positions, not by moving the occasions and their ids around.
  std::vector<std::size_t> order(occasions.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto before = [&](std::size_t x, std::size_t y) {  // (resource, season, start, instruction)
    const FailedOccasion& a = occasions[x];
    const FailedOccasion& b = occasions[y];
    if (const int c = a.resource_id.compare(b.resource_id); c != 0) return c < 0;  // one comparison of the ids
    if (a.season != b.season) return a.season < b.season;
    if (a.start != b.start) return a.start < b.start;
    return a.instruction_id < b.instruction_id;
  };
  // Occasions that come in order (the trial kernel's) are checked in one pass, not sorted again.
  if (!std::is_sorted(order.begin(), order.end(), before)) std::stable_sort(order.begin(), order.end(), before);
  // Exact (rules.md 1a): 23.9999 h is 86,399.64 s, never rounded to whole seconds.
  const ExactDuration separation = ExactDuration::hours(rules.failure_separation_h);

  out.disqualifications.clear();
  std::size_t n = 0;  // lines written; those past it are left over from an earlier count
  struct SeasonState {
    int counted = 0;
    const FailedOccasion* last = nullptr;
  };
  // The occasions of one resource and season are consecutive in that order: one state at a time.
  SeasonState st;
  int until_year = std::numeric_limits<int>::min();  // the planning year `until` ends the next of
  Date until;
  const FailedOccasion* group = nullptr;  // the first occasion of the current resource and season
  for (const std::size_t position : order) {
    const FailedOccasion& occ = occasions[position];
    if (group == nullptr || occ.resource_id != group->resource_id || occ.season != group->season) {
      st = SeasonState{};
      group = &occ;
    }
    if (n == out.lines.size()) out.lines.emplace_back();
    FailureLine& line = out.lines[n++];
    line.occasion = occ;  // assigned: the strings keep their buffers
    line.counted = false;
    line.disqualified = false;
    Explanation* w = why && occ.instruction_id == explained ? why : nullptr;
    if (w) {
      w->add("4.8", "", "a failed occasion: the instruction has a charged hour that counts",
             {{"resource", occ.resource_id}, {"season", std::string(name(occ.season.season)) + " " +
                                                           std::to_string(occ.season.planning_year)},
              {"start", occ.start.str()}, {"end", occ.end.str()},
              {"counted_before_in_season", std::to_string(st.counted)}});
    }
    if (st.last == nullptr) {
      line.counted = true;
      if (w) w->add("4.8", "", "the first failed occasion of the resource in the season: counted");
    } else {
      const bool start_basis = rules.failure_separation_basis == SeparationBasis::start_to_start;
      const MarketTime from = start_basis ? st.last->start : st.last->end;
      const ExactDuration since = exact_between(from, occ.start);
      line.counted = since >= separation;
      if (w) {
        w->add("4.8", "failure_separation_basis",
               std::string(line.counted ? "counted" : "not counted") + ": it starts " +
                   (line.counted ? "at least" : "less than") + " failure_separation_h after the " +
                   (start_basis ? "start" : "end") + " of the last counted occasion",
               {{"last_counted", st.last->instruction_id}, {"from", from.str()}, {"start", occ.start.str()},
                {"hours_between", Decimal::ratio(since.us, ExactDuration::kPerHour).str()},
                {"failure_separation_h", rules.failure_separation_h.str()},
                {"failure_separation_basis", start_basis ? "start_to_start" : "end_to_start"}});
      }
    }
    if (line.counted) {
      st.last = &occ;
      if (++st.counted == 2) {
        line.disqualified = true;
        const Date start_day = occ.start.date();
        const Date from_day =
            rules.disqualification_effective == DisqualificationEffective::next_day ? start_day + 1 : start_day;
        if (occ.season.planning_year != until_year) {  // found once per planning year, not per disqualification
          until_year = occ.season.planning_year;
          until = planning_year_range(until_year + 1).end;
        }
        out.disqualifications.push_back({occ.resource_id, from_day, until});
        if (w) {
          w->add("4.8", "disqualification_effective",
                 "the second counted failure in the season: ACP disqualified to the end of the next planning year",
                 {{"acp_stops_from", from_day.str()},
                  {"acp_resumes_on", out.disqualifications.back().until.str()},
                  {"disqualification_effective",
                   rules.disqualification_effective == DisqualificationEffective::next_day ? "next_day" : "same_day"}});
        }
      } else if (w) {
        w->add("4.8", "", "counted failures of the resource in the season: " + std::to_string(st.counted) +
                              " (the second disqualifies)");
      }
    }
  }
  out.lines.resize(n);
}

}  // namespace drsim

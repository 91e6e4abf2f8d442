// Capacity payments per resource and season (rules.md 4.9).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "failures.hpp"
#include "money.hpp"
#include "market.hpp"

namespace drsim {

struct CapacityLine {
  std::string resource_id;
  int planning_year = 0;
  Season season = Season::summer;
  Mw cleared_mw;
  UsdPerMwDay acp;
  int days_paid = 0;
  Money amount;
};

// True when an ACP disqualification (this year's, or one carried in through
// `acp_disqualified_through`, inclusive) is in effect on `day`.
bool acp_disqualified_on(const Resource& r, const std::vector<Disqualification>& dq, Date day);

// The days of `days` on which ACP is withheld from `r`: through its acp_disqualified_through,
// and over each disqualification of `dq` that is its own, as sorted, disjoint, non-adjacent runs.
// acp_disqualified_on holds on exactly the days of these runs.
std::vector<DateRange> disqualified_runs(const Resource& r, const std::vector<Disqualification>& dq, DateRange days);
// The disqualifications of one resource, so that a day-by-day test looks at its own only.
std::vector<Disqualification> disqualifications_of(const Resource& r, const std::vector<Disqualification>& dq);

// The disqualifications of every resource of `resources` (by position), each list in the order
// of `dq`: disqualifications_of for all of them, in one pass over `dq`.
std::vector<std::vector<Disqualification>> disqualifications_by_resource(const std::vector<Resource>& resources,
                                                                         const std::vector<Disqualification>& dq);

// One line per resource and season with cleared MW above 0: cleared x ACP x days paid,
// rounded to the cent. The zone of every such season must have an ACP (the loader checks).
std::vector<CapacityLine> capacity_payments(const Market& s, const std::vector<Disqualification>& dq);

// The line of resource `r` in `season` (none when it cleared no MW), `mine` its disqualifications;
// with `why`, the steps of its days paid and amount (drsim explain --capacity).
std::optional<CapacityLine> capacity_line(const Market& s, const Resource& r, Season season,
                                          const std::vector<Disqualification>& mine, Explanation* why = nullptr);

}  // namespace drsim

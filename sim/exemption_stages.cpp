// The 4.1 exemption table in two stages: at issue (registration, availability, notice) and at start (withdrawal, interruptions).
#include "sim/exemption_stages.hpp"

namespace drsim::sim {

ExemptReason exemption_at_issue(const Instruction& i, const SeasonRegistration* reg, bool declared) {
  return exemption_at_issue(i, reg, declared, i.start.date().month());
}

ExemptReason exemption_at_issue(const Instruction& i, const SeasonRegistration* reg, bool declared, int start_month) {
  if (reg == nullptr || reg->excluded || (reg->cleared_mw.is_zero() && reg->frap_mw.is_zero())) {
    return ExemptReason::not_registered;
  }
  if (!reg->has_month(start_month) && !declared) return ExemptReason::outside_availability;
  if (exact_between(i.issued, i.start) < ExactDuration::hours(reg->notification_h)) return ExemptReason::short_notice;
  return ExemptReason::none;
}

ExemptReason exemption_at_start(const Instruction& i, const SeasonRegistration& reg, int prior_deployments,
                                const Rules& rules) {
  if (withdrawn_in_time(i, rules)) return ExemptReason::withdrawn;
  if (prior_deployments >= reg.max_interruptions) return ExemptReason::max_interruptions;
  return ExemptReason::none;
}

bool declared_availability(const std::vector<const Availability*>& entries, SeasonKey season) {
  const DateRange days = season_range(season.planning_year, season.season);
  const MarketTime a = MarketTime::at(days.begin);
  const MarketTime b = MarketTime::at(days.end);
  for (const Availability* av : entries) {
    if (av->available_mw > Mw{} && av->start < b && a < av->end) return true;
  }
  return false;
}

}  // namespace drsim::sim

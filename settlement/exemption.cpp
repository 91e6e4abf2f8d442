// Exemption rules of rules.md 4.1 and 4.2.
#include "exemption.hpp"

#include <algorithm>

namespace drsim {

std::string_view name(ExemptReason r) {
  switch (r) {
    case ExemptReason::none: return "";
    case ExemptReason::not_registered: return "not_registered";
    case ExemptReason::outside_availability: return "outside_availability";
    case ExemptReason::short_notice: return "short_notice";
    case ExemptReason::withdrawn: return "withdrawn";
    case ExemptReason::max_interruptions: return "max_interruptions";
    case ExemptReason::max_duration: return "max_duration";
    case ExemptReason::outage_excused: return "outage_excused";
  }
  return "?";
}

MarketTime effective_end(const Instruction& i) {
  if (i.withdrawn && *i.withdrawn >= i.start) return std::min(i.end, *i.withdrawn);
  return i.end;
}

ExactTime obligated_end(const Instruction& i, const SeasonRegistration* reg) {
  const ExactTime end = ExactTime::of(effective_end(i));
  if (reg == nullptr) return end;
  return min(end, ExactTime::of(i.start) + ExactDuration::hours(reg->max_duration_h));
}

bool withdrawn_in_time(const Instruction& i, const Rules& rules) {
  return i.withdrawn && exact_between(*i.withdrawn, i.start) >= ExactDuration::hours(rules.withdrawal_notice_h);
}

ExemptReason whole_instruction_exemption(const Instruction& i, const RegistrationFacts& facts,
                                         const Rules& rules) {
  const SeasonRegistration* reg = facts.registration;
  if (reg == nullptr || reg->excluded || (reg->cleared_mw.is_zero() && reg->frap_mw.is_zero())) {
    return ExemptReason::not_registered;
  }
  if (!reg->has_month(i.start.date().month()) && !facts.declared_availability) {
    return ExemptReason::outside_availability;
  }
  if (exact_between(i.issued, i.start) < ExactDuration::hours(reg->notification_h)) return ExemptReason::short_notice;
  if (withdrawn_in_time(i, rules)) return ExemptReason::withdrawn;
  if (facts.prior_deployments >= reg->max_interruptions) return ExemptReason::max_interruptions;
  return ExemptReason::none;
}

bool is_deployment(const Instruction& i, ExemptReason whole) {
  return i.acknowledged && (whole == ExemptReason::none || whole == ExemptReason::withdrawn);
}

}  // namespace drsim

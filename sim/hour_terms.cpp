// The terms of an instruction's hour: instructed MW (3.4, 4.3), reported target, outage flags and exemption (4.2).
#include "sim/hour_terms.hpp"

#include <algorithm>

#include "settlement/exemption.hpp"
#include "settlement/flags.hpp"

namespace drsim::sim {

namespace {
bool overlaps(MarketTime a0, MarketTime a1, MarketTime b0, MarketTime b1) { return a0 < b1 && b0 < a1; }

// available_in over the resource's DSRI entries (some).
Mw available_from_entries(const InstructionTerms& t, MarketTime hour, Mw registered) {
  ExactTime from = max(ExactTime::of(hour), ExactTime::of(t.instruction.start));
  ExactTime to = min(ExactTime::of(hour + Duration::hours(1)), t.obligated_end);
  if (to <= from) {
    from = ExactTime::of(hour);  // the instant of its start
    to = from + ExactDuration{1};
  }
  std::vector<const Availability*> in_force;
  for (const Availability* av : t.availability) {
    if (ExactTime::of(av->start) < to && from < ExactTime::of(av->end)) in_force.push_back(av);
  }
  std::sort(in_force.begin(), in_force.end(),
            [](const Availability* a, const Availability* b) { return a->start < b->start; });
  std::optional<Mw> low;
  bool gap = false;
  ExactTime reached = from;
  for (const Availability* av : in_force) {
    if (ExactTime::of(av->start) > reached) gap = true;
    reached = max(reached, ExactTime::of(av->end));
    low = low ? min(*low, av->available_mw) : av->available_mw;
  }
  if (reached < to) gap = true;
  if (gap) low = low ? min(*low, registered) : registered;
  return *low;
}

}  // namespace

Mw available_in(const InstructionTerms& t, MarketTime hour) {
  const SeasonRegistration* reg = t.registration;
  const Mw registered = reg ? reg->cleared_mw + reg->frap_mw : Mw{};
  if (t.availability.empty()) return registered;  // no entry in force anywhere: the registered MW
  return available_from_entries(t, hour, registered);
}

namespace {

// fill_hour_terms in its two parts: the MW terms (3.4, 4.3), then the flags and exemption (4.2).
void fill_mw_terms(const InstructionTerms& t, HourRecord& hr) {
  hr.instruction_mw = t.instruction.mw_in(hr.hour);
  hr.available_mw = available_in(t, hr.hour);
  hr.instructed_mw = instructed_mw(hr.instruction_mw, hr.available_mw);
  // The MW assigned, not an optional copied whole: a value and its flag just stored apart and
  // read back as one stall (the kernel sets the report's target just before its hours).
  if (const Mw* target = t.report ? t.report->target_at(hr.hour) : nullptr) {
    hr.reported_target = *target;
  } else {
    hr.reported_target.reset();
  }
}

// True when fill_mw_terms gives every hour the same: it reads the hour only through mw_in,
// available_in and target_at.
bool mw_terms_flat(const InstructionTerms& t) {
  return t.instruction.mw && t.availability.empty() && (t.report == nullptr || t.report->target_mw);
}

void fill_hour_flags(const InstructionTerms& t, HourRecord& hr) {
  const MarketTime hour_end = hr.hour + Duration::hours(1);
  std::uint32_t flags = 0;
  if (t.late_report) flags |= kLateAdvancedReporting;
  if (!t.instruction.acknowledged) flags |= kNotAcknowledged;
  bool excused = false;
  for (const Outage* o : t.outages) {
    if (!overlaps(o->start, o->end, hr.hour, hour_end)) continue;
    if (o->reason == OutageReason::forced) flags |= kForcedOutage;
    else excused = true;
  }
  hr.flags = flags;
  hr.exempt = t.whole_exemption != ExemptReason::none ? t.whole_exemption
                                                      : hour_exemption(hr.hour, t.obligated_end, excused);
}

}  // namespace

bool hours_alike(const InstructionTerms& t) {
  if (!mw_terms_flat(t)) return false;
  const MarketTime start = t.instruction.start, end = effective_end(t.instruction);
  if (start.hour_start() != start || end.hour_start() != end) return false;
  if (t.obligated_end < ExactTime::of(end)) return false;  // an hour cut, or past the obligated end
  for (const Outage* o : t.outages) {
    const bool none = !overlaps(o->start, o->end, start, end);
    const bool whole = o->start <= start && end <= o->end;
    if (!none && !whole) return false;
  }
  return true;
}

void fill_hour_terms(const InstructionTerms& t, HourRecord& hr) {
  fill_mw_terms(t, hr);
  fill_hour_flags(t, hr);
}

}  // namespace drsim::sim

// Exemptions of whole instructions (rules.md 4.1), of single hours (4.2), and the windows (3.2, 4, 1a),
// called directly on hand-built instructions and registrations.
#include <catch2/catch.hpp>

#include "settlement/exemption.hpp"

using namespace drsim;

namespace {

Decimal d(const char* t) { return *Decimal::parse(t); }
Mw mwv(const char* t) { return Mw(d(t)); }
const Date kDay = Date::from_ymd(2025, 7, 15);
MarketTime at(int h, int m = 0, int s = 0) { return MarketTime::at(kDay, h, m, s); }
// Microseconds from 14:00 of kDay, for exact instants.
std::int64_t us_after_14(ExactTime t) { return t.us() - ExactTime::of(at(14)).us(); }

// Issued 10:00 for 14:00-18:00.
Instruction call() {
  Instruction i;
  i.id = "SI-1";
  i.resource = "DR-1";
  i.issued = at(10);
  i.start = at(14);
  i.end = at(18);
  i.mw = mwv("10");
  return i;
}

// Summer: 10 MW cleared, notice 2 h, 3 interruptions, 4 h each, June-August.
SeasonRegistration summer() {
  SeasonRegistration r;
  r.cleared_mw = mwv("10");
  r.notification_h = d("2");
  r.max_interruptions = 3;
  r.max_duration_h = d("4");
  r.months = (1U << 6) | (1U << 7) | (1U << 8);
  return r;
}

ExemptReason whole(const Instruction& i, const SeasonRegistration* reg, bool declared = false, int prior = 0,
                   const Rules& rules = Rules{}) {
  return whole_instruction_exemption(i, RegistrationFacts{reg, declared, prior}, rules);
}

}  // namespace

TEST_CASE("exemption: a withdrawal at or after start ends the window there, an earlier one leaves it (3.2)") {
  Instruction i = call();
  CHECK(effective_end(i) == at(18));
  i.withdrawn = at(13, 59, 59);  // before start: the window stays 14:00-18:00
  CHECK(effective_end(i) == at(18));
  i.withdrawn = at(14);  // at start: an empty window
  CHECK(effective_end(i) == at(14));
  i.withdrawn = at(15, 30);
  CHECK(effective_end(i) == at(15, 30));
  i.withdrawn = at(19);  // after the end: min(18:00, 19:00)
  CHECK(effective_end(i) == at(18));
}

TEST_CASE("exemption: the obligated end is min(end, start + max_duration_h), exact to the microsecond (4, 1a)") {
  Instruction i = call();
  SeasonRegistration reg = summer();
  // 4 h from 14:00 = 18:00 = end.
  CHECK(obligated_end(i, &reg) == ExactTime::of(at(18)));
  // 1.333333 h = 1.333333 x 3600 s = 4799.9988 s = 4,799,998,800 us: 15:19:59.9988, not 15:20:00.
  reg.max_duration_h = d("1.333333");
  CHECK(us_after_14(obligated_end(i, &reg)) == 4'799'998'800);
  CHECK(obligated_end(i, &reg) < ExactTime::of(at(15, 20)));
  // 6 h would pass the end: the end (18:00) wins; a withdrawal at 15:00 ends it at 15:00.
  reg.max_duration_h = d("6");
  CHECK(obligated_end(i, &reg) == ExactTime::of(at(18)));
  i.withdrawn = at(15);
  CHECK(obligated_end(i, &reg) == ExactTime::of(at(15)));
  // Without a registration: the effective end.
  CHECK(obligated_end(i, nullptr) == ExactTime::of(at(15)));
}

TEST_CASE("exemption: withdrawn in time means at or before start - withdrawal_notice_h, exactly (3.2, 1a)") {
  Instruction i = call();
  CHECK_FALSE(withdrawn_in_time(i, Rules{}));
  i.withdrawn = at(12);  // exactly 2 h before 14:00
  CHECK(withdrawn_in_time(i, Rules{}));
  i.withdrawn = at(12, 0, 1);  // 7199 s before
  CHECK_FALSE(withdrawn_in_time(i, Rules{}));
  // withdrawal_notice_h 2.0001 = 7200.36 s: 7200 s before is too late, 7201 s is in time.
  Rules r;
  r.withdrawal_notice_h = d("2.0001");
  i.withdrawn = at(12);
  CHECK_FALSE(withdrawn_in_time(i, r));
  i.withdrawn = at(11, 59, 59);
  CHECK(withdrawn_in_time(i, r));
}

TEST_CASE("exemption 4.1: not_registered without cleared or FRAP MW, when excluded, or when the season is not listed") {
  const Instruction i = call();
  SeasonRegistration reg = summer();
  CHECK(whole(i, &reg) == ExemptReason::none);
  CHECK(whole(i, nullptr) == ExemptReason::not_registered);
  reg.cleared_mw = Mw{};
  CHECK(whole(i, &reg) == ExemptReason::not_registered);
  reg.frap_mw = mwv("0.000001");  // FRAP MW alone registers it
  CHECK(whole(i, &reg) == ExemptReason::none);
  reg = summer();
  reg.excluded = true;
  CHECK(whole(i, &reg) == ExemptReason::not_registered);
  CHECK(name(ExemptReason::not_registered) == "not_registered");
}

TEST_CASE("exemption 4.1: outside_availability unless the month is registered or availability was declared") {
  Instruction i = call();
  SeasonRegistration reg = summer();
  reg.months = (1U << 6) | (1U << 8);  // June and August only; the call is in July
  CHECK(whole(i, &reg) == ExemptReason::outside_availability);
  CHECK(whole(i, &reg, /*declared=*/true) == ExemptReason::none);
  reg.months = 1U << 7;  // July
  CHECK(whole(i, &reg) == ExemptReason::none);
}

TEST_CASE("exemption 4.1: short_notice when start - issued < notification_h, exactly the notice is in time") {
  Instruction i = call();
  SeasonRegistration reg = summer();
  i.issued = at(12);  // 2 h before 14:00: not short
  CHECK(whole(i, &reg) == ExemptReason::none);
  i.issued = at(12, 0, 1);  // 7199 s
  CHECK(whole(i, &reg) == ExemptReason::short_notice);
  // notification_h 2.0001 = 7200.36 s: 7200 s is short, 7201 s is enough.
  reg.notification_h = d("2.0001");
  i.issued = at(12);
  CHECK(whole(i, &reg) == ExemptReason::short_notice);
  i.issued = at(11, 59, 59);
  CHECK(whole(i, &reg) == ExemptReason::none);
  // notification_h 0: issued at start is in time.
  reg.notification_h = Decimal{};
  i.issued = at(14);
  CHECK(whole(i, &reg) == ExemptReason::none);
}

TEST_CASE("exemption 4.1: withdrawn at or before start - 2 h, a later withdrawal keeps the obligation") {
  Instruction i = call();
  SeasonRegistration reg = summer();
  i.withdrawn = at(12);
  CHECK(whole(i, &reg) == ExemptReason::withdrawn);
  i.withdrawn = at(12, 0, 1);
  CHECK(whole(i, &reg) == ExemptReason::none);
  i.withdrawn = at(15);  // after start: ends the window, no exemption
  CHECK(whole(i, &reg) == ExemptReason::none);
}

TEST_CASE("exemption 4.1: max_interruptions once the season already had max_interruptions deployments") {
  const Instruction i = call();
  const SeasonRegistration reg = summer();  // 3
  CHECK(whole(i, &reg, false, 2) == ExemptReason::none);
  CHECK(whole(i, &reg, false, 3) == ExemptReason::max_interruptions);
  CHECK(whole(i, &reg, false, 4) == ExemptReason::max_interruptions);
  SeasonRegistration none_allowed = reg;
  none_allowed.max_interruptions = 0;
  CHECK(whole(i, &none_allowed, false, 0) == ExemptReason::max_interruptions);
}

TEST_CASE("exemption 4.1: the first reason of the table that holds is the reason") {
  Instruction i = call();
  SeasonRegistration reg = summer();
  // Every condition holds: excluded, outside the months, short notice, withdrawn in time, 3 prior.
  reg.excluded = true;
  reg.months = 1U << 1;
  reg.notification_h = d("12");
  i.issued = at(11);
  i.withdrawn = at(11, 30);
  CHECK(whole(i, &reg, false, 3) == ExemptReason::not_registered);
  reg.excluded = false;
  CHECK(whole(i, &reg, false, 3) == ExemptReason::outside_availability);
  reg.months = 1U << 7;
  CHECK(whole(i, &reg, false, 3) == ExemptReason::short_notice);
  reg.notification_h = d("2");
  i.issued = at(10);
  CHECK(whole(i, &reg, false, 3) == ExemptReason::withdrawn);
  i.withdrawn.reset();
  CHECK(whole(i, &reg, false, 3) == ExemptReason::max_interruptions);
}

TEST_CASE("exemption: a deployment is acknowledged and not exempt as a whole, or exempt only as withdrawn") {
  Instruction i = call();
  CHECK(is_deployment(i, ExemptReason::none));
  CHECK(is_deployment(i, ExemptReason::withdrawn));
  CHECK_FALSE(is_deployment(i, ExemptReason::short_notice));
  CHECK_FALSE(is_deployment(i, ExemptReason::max_interruptions));
  CHECK_FALSE(is_deployment(i, ExemptReason::not_registered));
  CHECK_FALSE(is_deployment(i, ExemptReason::outside_availability));
  i.acknowledged = false;
  CHECK_FALSE(is_deployment(i, ExemptReason::none));
  CHECK_FALSE(is_deployment(i, ExemptReason::withdrawn));
}

TEST_CASE("exemption 4.2: max_duration for an hour wholly at or after the obligated end, else an excused outage") {
  // Obligated end 15:19:59.9988 (1.333333 h from 14:00).
  Instruction i = call();
  SeasonRegistration reg = summer();
  reg.max_duration_h = d("1.333333");
  const ExactTime end = obligated_end(i, &reg);
  CHECK(hour_exemption(at(14), end, false) == ExemptReason::none);
  CHECK(hour_exemption(at(15), end, false) == ExemptReason::none);  // partly before: settled on its part
  CHECK(hour_exemption(at(16), end, false) == ExemptReason::max_duration);
  CHECK(hour_exemption(at(16), end, true) == ExemptReason::max_duration);  // max_duration wins
  CHECK(hour_exemption(at(15), end, true) == ExemptReason::outage_excused);
  // An hour starting exactly at the obligated end is wholly after it.
  CHECK(hour_exemption(at(18), ExactTime::of(at(18)), false) == ExemptReason::max_duration);
  // 1.000001 h from 14:00 ends at 15:00:00.0036: the 15:00 hour has 3.6 ms of obligation, not exempt.
  reg.max_duration_h = d("1.000001");
  CHECK(hour_exemption(at(15), obligated_end(i, &reg), false) == ExemptReason::none);
}

TEST_CASE("exemption: covered is the exact part of the hour inside from..to (4, 1a)") {
  const ExactTime from = ExactTime::of(at(14));
  Instruction i = call();
  SeasonRegistration reg = summer();
  reg.max_duration_h = d("1.333333");
  const ExactTime to = obligated_end(i, &reg);
  // 14:00 hour: whole, 3,600,000,000 us. 15:00 hour: 15:00 .. 15:19:59.9988 = 1,199,998,800 us. 16:00: 0.
  CHECK(covered(at(14), from, to).us == 3'600'000'000);
  CHECK(covered(at(15), from, to).us == 1'199'998'800);
  CHECK(covered(at(16), from, to).us == 0);
  CHECK(covered(at(13), from, to).us == 0);
  // A window 14:30-14:45 covers 15 minutes of the 14:00 hour.
  CHECK(covered(at(14), ExactTime::of(at(14, 30)), ExactTime::of(at(14, 45))).us == 900'000'000);
}

TEST_CASE("exemption: instructed MW is min(instruction MW, available MW) (4.3)") {
  CHECK(instructed_mw(mwv("10"), mwv("6")) == mwv("6"));
  CHECK(instructed_mw(mwv("4"), mwv("6")) == mwv("4"));
  CHECK(instructed_mw(mwv("10"), Mw{}) == Mw{});
}

// The default baseline's days, average and same-day ratio (rules.md 4.6, rounding 1a), called directly.
#include <catch2/catch.hpp>

#include <set>

#include "settlement/baseline.hpp"

using namespace drsim;

namespace {

Decimal d(const char* t) { return *Decimal::parse(t); }
Mw mwv(const char* t) { return Mw(d(t)); }
Date day(int y, int m, int dd) { return Date::from_ymd(y, m, dd); }
const auto kAll = [](Date) { return true; };
const auto kNone = [](Date) { return false; };
auto in(std::set<Date> days) {
  return [days = std::move(days)](Date x) { return days.count(x) != 0; };
}

}  // namespace

TEST_CASE("baseline: a candidate day is a weekday that is not a NERC holiday, a Sunday holiday observed Monday") {
  CHECK(is_baseline_candidate(day(2025, 7, 15)));        // Tuesday
  CHECK_FALSE(is_baseline_candidate(day(2025, 7, 12)));  // Saturday
  CHECK_FALSE(is_baseline_candidate(day(2025, 7, 13)));  // Sunday
  CHECK_FALSE(is_baseline_candidate(day(2025, 7, 4)));   // Independence Day, a Friday
  CHECK_FALSE(is_baseline_candidate(day(2025, 5, 26)));  // Memorial Day
  CHECK_FALSE(is_baseline_candidate(day(2025, 9, 1)));   // Labor Day
  CHECK_FALSE(is_baseline_candidate(day(2025, 11, 27))); // Thanksgiving
  CHECK_FALSE(is_baseline_candidate(day(2025, 12, 25))); // Christmas
  CHECK_FALSE(is_baseline_candidate(day(2026, 1, 1)));   // New Year's Day
  CHECK_FALSE(is_baseline_candidate(day(2027, 7, 5)));   // 2027-07-04 is a Sunday: observed Monday the 5th
  CHECK(is_baseline_candidate(day(2027, 7, 6)));
  CHECK(is_baseline_candidate(day(2025, 11, 28)));       // the Friday after Thanksgiving is no NERC holiday
}

TEST_CASE("baseline: the 10 most recent eligible days before the day, most recent first (4.6)") {
  // For Tuesday 2025-07-15, back from the 14th: Mon 14, Fri 11, Thu 10, Wed 9, Tue 8, Mon 7, (Fri 4 holiday),
  // Thu 3, Wed 2, Tue 1, Mon 2025-06-30. The day itself is never one.
  const Date tue = day(2025, 7, 15);
  const std::vector<Date> ten = {day(2025, 7, 14), day(2025, 7, 11), day(2025, 7, 10), day(2025, 7, 9),
                                 day(2025, 7, 8),  day(2025, 7, 7),  day(2025, 7, 3),  day(2025, 7, 2),
                                 day(2025, 7, 1),  day(2025, 6, 30)};
  CHECK(eligible_baseline_days(tue, day(2025, 1, 1), kAll, kNone) == ten);
  // A day with an instruction hour (the 10th) and one not fully metered (the 14th) are skipped:
  // the search runs on to Fri 27 and Thu 26 June.
  const std::vector<Date> skipped = {day(2025, 7, 11), day(2025, 7, 9), day(2025, 7, 8), day(2025, 7, 7),
                                     day(2025, 7, 3),  day(2025, 7, 2), day(2025, 7, 1), day(2025, 6, 30),
                                     day(2025, 6, 27), day(2025, 6, 26)};
  const auto metered = [](Date x) { return x != day(2025, 7, 14); };
  CHECK(eligible_baseline_days(tue, day(2025, 1, 1), metered, in({day(2025, 7, 10)})) == skipped);
  // count 3: the first three only.
  CHECK(eligible_baseline_days(tue, day(2025, 1, 1), kAll, kNone, 3) ==
        std::vector<Date>{day(2025, 7, 14), day(2025, 7, 11), day(2025, 7, 10)});
}

TEST_CASE("baseline: the search stops at the first day of the meter history, inclusive, however far back (4.6 v1.2)") {
  const Date tue = day(2025, 7, 15);
  // History from Tue 2025-07-08: 14, 11, 10, 9, 8: five days, the 8th included.
  CHECK(eligible_baseline_days(tue, day(2025, 7, 8), kAll, kNone) ==
        std::vector<Date>{day(2025, 7, 14), day(2025, 7, 11), day(2025, 7, 10), day(2025, 7, 9), day(2025, 7, 8)});
  // History starting on the day itself: none.
  CHECK(eligible_baseline_days(tue, tue, kAll, kNone).empty());
  // Metered only in February 2025, months before: still found, Fri 28 back to Mon 17 (no holiday between).
  const auto february = [](Date x) { return x.year() == 2025 && x.month() == 2; };
  CHECK(eligible_baseline_days(tue, day(2024, 6, 1), february, kNone) ==
        std::vector<Date>{day(2025, 2, 28), day(2025, 2, 27), day(2025, 2, 26), day(2025, 2, 25), day(2025, 2, 24),
                          day(2025, 2, 21), day(2025, 2, 20), day(2025, 2, 19), day(2025, 2, 18), day(2025, 2, 17)});
}

TEST_CASE("baseline: the average is rounded to six places half away from zero, negatives too (1a, 4.6)") {
  // (1 + 1 + 2) / 3 = 1.3333333... -> 1.333333; (2 + 2 + 1) / 3 = 1.6666666... -> 1.666667.
  CHECK(average({mwv("1"), mwv("1"), mwv("2")}) == mwv("1.333333"));
  CHECK(average({mwv("2"), mwv("2"), mwv("1")}) == mwv("1.666667"));
  // (0.000001 + 0) / 2 = 0.0000005 -> 0.000001; (-0.000001 + 0) / 2 = -0.0000005 -> -0.000001 (away from zero).
  CHECK(average({mwv("0.000001"), Mw{}}) == mwv("0.000001"));
  CHECK(average({mwv("-0.000001"), Mw{}}) == mwv("-0.000001"));
  // Ten days: 20 x 9 + 25 = 205 / 10 = 20.5 exactly; an exporting day of -5 among 10s: (9 x 10 - 5) / 10 = 8.5.
  std::vector<Mw> ten(9, mwv("20"));
  ten.push_back(mwv("25"));
  CHECK(average(ten) == mwv("20.5"));
  std::vector<Mw> exporting(9, mwv("10"));
  exporting.push_back(mwv("-5"));
  CHECK(average(exporting) == mwv("8.5"));
}

TEST_CASE("baseline: the same-day ratio is load over baseline, six places, clamped to 0.8..1.2 (4.6)") {
  // 27 / 30 = 0.9; 10 / 9 = 1.1111111 -> 1.111111; 2.000001 / 2 = 1.0000005 -> 1.000001 (half away).
  CHECK(same_day_ratio(mwv("27"), mwv("30")) == d("0.9"));
  CHECK(same_day_ratio(mwv("10"), mwv("9")) == d("1.111111"));
  CHECK(same_day_ratio(mwv("2.000001"), mwv("2")) == d("1.000001"));
  // Clamps: 20 / 30 = 0.666667 -> 0.8; 40 / 30 = 1.333333 -> 1.2; 0 -> 0.8; a negative load -> 0.8.
  CHECK(same_day_ratio(mwv("20"), mwv("30")) == d("0.8"));
  CHECK(same_day_ratio(mwv("40"), mwv("30")) == d("1.2"));
  CHECK(same_day_ratio(Mw{}, mwv("30")) == d("0.8"));
  CHECK(same_day_ratio(mwv("-3"), mwv("30")) == d("0.8"));
  // Boundaries: 24 / 30 = 0.8 and 36 / 30 = 1.2 exactly; 24.00003 / 30 = 0.800001 stays; 35.99997 / 30 = 1.199999.
  CHECK(same_day_ratio(mwv("24"), mwv("30")) == d("0.8"));
  CHECK(same_day_ratio(mwv("36"), mwv("30")) == d("1.2"));
  CHECK(same_day_ratio(mwv("24.00003"), mwv("30")) == d("0.800001"));
  CHECK(same_day_ratio(mwv("35.99997"), mwv("30")) == d("1.199999"));
  // No ratio when the baseline sum is not above 0.
  CHECK_FALSE(same_day_ratio(mwv("10"), Mw{}));
  CHECK_FALSE(same_day_ratio(mwv("10"), mwv("-1")));
}

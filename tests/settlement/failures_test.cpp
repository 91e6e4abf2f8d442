// Counting failed occasions and ACP disqualification (rules.md 4.8), called directly on hand-built occasions.
#include <catch2/catch.hpp>

#include "settlement/failures.hpp"

using namespace drsim;

namespace {

Date day(int y, int m, int dd) { return Date::from_ymd(y, m, dd); }
MarketTime at(Date d, int h, int m = 0, int s = 0) { return MarketTime::at(d, h, m, s); }

// A 4-hour failed occasion of DR-1 from `start`.
FailedOccasion occ(const char* id, MarketTime start, const char* resource = "DR-1") {
  return {resource, id, season_key(start.date()), start, start + Duration::hours(4)};
}

std::vector<bool> counted(const FailureOutcome& o) {
  std::vector<bool> out;
  for (const auto& l : o.lines) out.push_back(l.counted);
  return out;
}
std::vector<bool> disqualified(const FailureOutcome& o) {
  std::vector<bool> out;
  for (const auto& l : o.lines) out.push_back(l.disqualified);
  return out;
}

const FailureLine& line_of(const FailureOutcome& o, const char* id) {
  for (const auto& l : o.lines) {
    if (l.occasion.instruction_id == id) return l;
  }
  FAIL("no line for " << id);
  return o.lines.front();
}

const Date kJul15 = day(2025, 7, 15);

}  // namespace

TEST_CASE("failures: the second counted failure of a season disqualifies from the next day to the end of the next PY") {
  // 2025-07-15 14:00 and 2025-07-16 14:00: 24 h apart, start to start: both counted.
  // PY 2025 ends 2026-06-01; the next PY (2026) ends 2027-06-01: disqualified [2025-07-17, 2027-06-01).
  const FailureOutcome o = count_failures({occ("SI-1", at(kJul15, 14)), occ("SI-2", at(kJul15 + 1, 14))}, Rules{});
  CHECK(counted(o) == std::vector<bool>{true, true});
  CHECK(disqualified(o) == std::vector<bool>{false, true});
  REQUIRE(o.disqualifications.size() == 1);
  CHECK(o.disqualifications[0].resource_id == "DR-1");
  CHECK(o.disqualifications[0].from == day(2025, 7, 17));
  CHECK(o.disqualifications[0].until == day(2027, 6, 1));
  // disqualification_effective: same_day -> from the failure's own start day, 2025-07-16.
  Rules same;
  same.disqualification_effective = DisqualificationEffective::same_day;
  const FailureOutcome s = count_failures({occ("SI-1", at(kJul15, 14)), occ("SI-2", at(kJul15 + 1, 14))}, same);
  REQUIRE(s.disqualifications.size() == 1);
  CHECK(s.disqualifications[0].from == day(2025, 7, 16));
  CHECK(s.disqualifications[0].until == day(2027, 6, 1));
}

TEST_CASE("failures: one second short of the separation is not counted, and a single failure disqualifies nothing") {
  // 14:00 and next day 13:59:59: 86,399 s < 24 h.
  const FailureOutcome o = count_failures({occ("SI-1", at(kJul15, 14)), occ("SI-2", at(kJul15 + 1, 13, 59, 59))}, Rules{});
  CHECK(counted(o) == std::vector<bool>{true, false});
  CHECK(disqualified(o) == std::vector<bool>{false, false});
  CHECK(o.disqualifications.empty());
  CHECK(count_failures({occ("SI-1", at(kJul15, 14))}, Rules{}).disqualifications.empty());
  CHECK(count_failures({}, Rules{}).lines.empty());
}

TEST_CASE("failures: the separation is measured from the last counted failure, not the last failure") {
  // A 07-15 14:00 counted; B 07-16 10:00 (20 h) not counted; C 07-16 15:00: 25 h after A (5 h after B): counted,
  // the second counted one, disqualifying from 07-17. D 07-18 15:00 (48 h after C... counted, third) changes nothing.
  const FailureOutcome o = count_failures({occ("A", at(kJul15, 14)), occ("B", at(kJul15 + 1, 10)),
                                           occ("C", at(kJul15 + 1, 15)), occ("D", at(kJul15 + 3, 15))},
                                          Rules{});
  CHECK(counted(o) == std::vector<bool>{true, false, true, true});
  CHECK(disqualified(o) == std::vector<bool>{false, false, true, false});
  REQUIRE(o.disqualifications.size() == 1);
  CHECK(o.disqualifications[0].from == day(2025, 7, 17));
}

TEST_CASE("failures: the separation in hours is exact: 23.9999 h is 86,399.64 s (1a)") {
  Rules r;
  r.failure_separation_h = *Decimal::parse("23.9999");
  // 86,399 s < 86,399.64 s: not counted (rounding the separation down to whole seconds would count it).
  CHECK(counted(count_failures({occ("A", at(kJul15, 0)), occ("B", at(kJul15, 23, 59, 59))}, r)) ==
        std::vector<bool>{true, false});
  // 86,400 s >= 86,399.64 s: counted.
  CHECK(counted(count_failures({occ("A", at(kJul15, 0)), occ("B", at(kJul15 + 1, 0))}, r)) ==
        std::vector<bool>{true, true});
}

TEST_CASE("failures: end_to_start measures from the end of the last counted failure") {
  // A 07-15 14:00-18:00; B 07-16 16:00: 26 h after A's start, 22 h after its end.
  const std::vector<FailedOccasion> two = {occ("A", at(kJul15, 14)), occ("B", at(kJul15 + 1, 16))};
  CHECK(counted(count_failures(two, Rules{})) == std::vector<bool>{true, true});
  Rules end;
  end.failure_separation_basis = SeparationBasis::end_to_start;
  CHECK(counted(count_failures(two, end)) == std::vector<bool>{true, false});
  // B at 07-16 18:00: exactly 24 h after A's end: counted.
  CHECK(counted(count_failures({occ("A", at(kJul15, 14)), occ("B", at(kJul15 + 1, 18))}, end)) ==
        std::vector<bool>{true, true});
}

TEST_CASE("failures: different seasons and different resources never pair") {
  // 2025-08-31 14:00 (summer) and 2025-09-02 14:00 (fall): each the first of its season.
  FailureOutcome o = count_failures({occ("A", at(day(2025, 8, 31), 14)), occ("B", at(day(2025, 9, 2), 14))}, Rules{});
  CHECK(counted(o) == std::vector<bool>{true, true});
  CHECK(o.disqualifications.empty());
  // Two resources, one failure each, 48 h apart.
  o = count_failures({occ("A", at(kJul15, 14), "DR-1"), occ("B", at(kJul15 + 2, 14), "DR-2")}, Rules{});
  CHECK(counted(o) == std::vector<bool>{true, true});
  CHECK(o.disqualifications.empty());
}

TEST_CASE("failures: occasions are taken in order of start, then instruction id, whatever the input order") {
  // Given late first: B 07-17 14:00, A 07-15 14:00. A is first by start, B second (48 h): B disqualifies.
  // (Lines are looked up by id: the header says "in input order", the code returns them sorted; see the report.)
  FailureOutcome o = count_failures({occ("B", at(kJul15 + 2, 14)), occ("A", at(kJul15, 14))}, Rules{});
  REQUIRE(o.lines.size() == 2);
  CHECK(line_of(o, "A").counted);
  CHECK_FALSE(line_of(o, "A").disqualified);
  CHECK(line_of(o, "B").counted);
  CHECK(line_of(o, "B").disqualified);
  REQUIRE(o.disqualifications.size() == 1);
  CHECK(o.disqualifications[0].from == day(2025, 7, 18));
  // Same start: SI-1 sorts before SI-2, so SI-1 is counted and SI-2 (0 h later) is not.
  o = count_failures({occ("SI-2", at(kJul15, 14)), occ("SI-1", at(kJul15, 14))}, Rules{});
  CHECK(line_of(o, "SI-1").counted);
  CHECK_FALSE(line_of(o, "SI-2").counted);
}

TEST_CASE("failures: a winter failure in January belongs to the planning year that began the June before") {
  // 2026-01-10 and 2026-01-12: winter of PY 2025; disqualified from 2026-01-13 to the end of PY 2026, 2027-06-01.
  const FailureOutcome o =
      count_failures({occ("A", at(day(2026, 1, 10), 8)), occ("B", at(day(2026, 1, 12), 8))}, Rules{});
  REQUIRE(o.disqualifications.size() == 1);
  CHECK(o.disqualifications[0].from == day(2026, 1, 13));
  CHECK(o.disqualifications[0].until == day(2027, 6, 1));
  // A second failure at 2026-05-31 22:00 of spring PY 2025, next_day: from 2026-06-01 (the next PY's first day).
  const FailureOutcome late =
      count_failures({occ("A", at(day(2026, 5, 20), 8)), occ("B", at(day(2026, 5, 31), 22))}, Rules{});
  REQUIRE(late.disqualifications.size() == 1);
  CHECK(late.disqualifications[0].from == day(2026, 6, 1));
  CHECK(late.disqualifications[0].until == day(2027, 6, 1));
}

TEST_CASE("failures: count_failures_into over an earlier count leaves only the new one's lines") {
  FailureOutcome out;
  // Three occasions, two counted a day apart: the second disqualifies.
  count_failures_into({occ("SI-1", at(kJul15, 14)), occ("SI-2", at(kJul15 + 1, 14)), occ("SI-3", at(kJul15 + 2, 14))},
                      Rules{}, out);
  REQUIRE(out.lines.size() == 3);
  REQUIRE(out.disqualifications.size() == 1);
  // Then one occasion of another resource: one line, counted, no disqualification left over.
  count_failures_into({occ("SI-9", at(kJul15, 14), "DR-2")}, Rules{}, out);
  REQUIRE(out.lines.size() == 1);
  CHECK(out.lines[0].occasion.instruction_id == "SI-9");
  CHECK(out.lines[0].occasion.resource_id == "DR-2");
  CHECK(out.lines[0].counted);
  CHECK_FALSE(out.lines[0].disqualified);
  CHECK(out.disqualifications.empty());
  // And it gives what count_failures gives.
  const std::vector<FailedOccasion> again = {occ("SI-1", at(kJul15, 14)), occ("SI-2", at(kJul15 + 1, 14))};
  count_failures_into(again, Rules{}, out);
  const FailureOutcome fresh = count_failures(again, Rules{});
  CHECK(counted(out) == counted(fresh));
  CHECK(disqualified(out) == disqualified(fresh));
  REQUIRE(out.disqualifications.size() == 1);
  CHECK(out.disqualifications[0].from == fresh.disqualifications[0].from);
  CHECK(out.disqualifications[0].until == fresh.disqualifications[0].until);
}

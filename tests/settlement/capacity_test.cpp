// Capacity payments (rules.md 4.9): cleared MW x ACP x days paid, rounded per line to the cent, and the days an
// ACP disqualification (4.8, or carried in) is in effect. Only the scenario fields capacity_payments reads are set.
#include <catch2/catch.hpp>

#include "settlement/capacity.hpp"

using namespace drsim;

namespace {

Decimal d(const char* t) { return *Decimal::parse(t); }
Mw mwv(const char* t) { return Mw(d(t)); }
Date day(int y, int m, int dd) { return Date::from_ymd(y, m, dd); }

Resource lmr(const char* id, const char* summer_mw) {
  Resource r;
  r.id = id;
  r.zone = "LRZ5";
  SeasonRegistration s;
  s.cleared_mw = mwv(summer_mw);
  r.seasons[0] = s;
  return r;
}

// PY 2025 at LRZ5: ACP summer 666.50, fall 91.60, winter 33.20, spring 69.88 $/MW-day.
Market market(std::vector<Resource> resources, int planning_year = 2025) {
  Market s;
  s.planning_year = planning_year;
  Zone z;
  z.id = "LRZ5";
  z.acp = {UsdPerMwDay(d("666.50")), UsdPerMwDay(d("91.60")), UsdPerMwDay(d("33.20")), UsdPerMwDay(d("69.88"))};
  s.zones.push_back(z);
  s.resources = std::move(resources);
  return s;
}

}  // namespace

TEST_CASE("capacity: a disqualification is in effect over from..until, half-open, and carried in through a day inclusive") {
  Resource r = lmr("DR-1", "10");
  const std::vector<Disqualification> dq = {{"DR-1", day(2025, 7, 17), day(2027, 6, 1)},
                                            {"DR-2", day(2025, 6, 1), day(2027, 6, 1)}};
  CHECK_FALSE(acp_disqualified_on(r, dq, day(2025, 7, 16)));
  CHECK(acp_disqualified_on(r, dq, day(2025, 7, 17)));
  CHECK(acp_disqualified_on(r, dq, day(2027, 5, 31)));
  CHECK_FALSE(acp_disqualified_on(r, dq, day(2027, 6, 1)));
  CHECK_FALSE(acp_disqualified_on(r, {dq[1]}, day(2025, 7, 1)));  // DR-2's is not DR-1's
  const auto mine = disqualifications_of(r, dq);
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].from == day(2025, 7, 17));
  r.acp_disqualified_through = day(2025, 6, 10);
  CHECK(acp_disqualified_on(r, {}, day(2025, 6, 10)));
  CHECK_FALSE(acp_disqualified_on(r, {}, day(2025, 6, 11)));
}

TEST_CASE("capacity: cleared MW x ACP x the season's days, one line per season with cleared MW above 0") {
  // DR-1: summer 10 MW, fall 0.333333 MW, winter 0 (no line), spring not listed (no line).
  // summer: 10 x 666.50 x 92 = 613,180.00.
  // fall: 0.333333 x 91.60 x 91 = 30.5333028 x 91 = 2778.5305548 -> 2778.53.
  Resource r = lmr("DR-1", "10");
  SeasonRegistration fall;
  fall.cleared_mw = mwv("0.333333");
  r.seasons[1] = fall;
  SeasonRegistration winter;
  winter.frap_mw = mwv("5");  // FRAP MW only: paid no ACP, no line
  r.seasons[2] = winter;
  const auto lines = capacity_payments(market({r}), {});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].season == Season::summer);
  CHECK(lines[0].planning_year == 2025);
  CHECK(lines[0].days_paid == 92);
  CHECK(lines[0].acp == UsdPerMwDay(d("666.50")));
  CHECK(lines[0].amount == Money::from_cents(61'318'000));
  CHECK(lines[1].season == Season::fall);
  CHECK(lines[1].days_paid == 91);
  CHECK(lines[1].amount == Money::from_cents(277'853));
}

TEST_CASE("capacity: each line is rounded to the cent half away from zero (1a, 4.9)") {
  // 0.0075 MW x 0.50 $/MW-day x 92 days = 0.345 -> 0.35 (truncation or banker's rounding would give 0.34).
  Market s = market({lmr("DR-1", "0.0075")});
  s.zones[0].acp[0] = UsdPerMwDay(d("0.50"));
  auto lines = capacity_payments(s, {});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].amount == Money::from_cents(35));
  // 0.0025 MW x 0.50 x 92 = 0.115 -> 0.12; 0.0024 MW: 0.1104 -> 0.11.
  s.resources[0].seasons[0]->cleared_mw = mwv("0.0025");
  CHECK(capacity_payments(s, {})[0].amount == Money::from_cents(12));
  s.resources[0].seasons[0]->cleared_mw = mwv("0.0024");
  CHECK(capacity_payments(s, {})[0].amount == Money::from_cents(11));
}

TEST_CASE("capacity: days under a disqualification are not paid, this year's or carried in (4.8, 4.9)") {
  // Disqualified from 2025-07-16: paid June (30) + July 1-15 (15) = 45 days: 10 x 666.50 x 45 = 299,925.00.
  Resource r = lmr("DR-1", "10");
  SeasonRegistration fall;
  fall.cleared_mw = mwv("10");
  r.seasons[1] = fall;
  auto lines = capacity_payments(market({r}), {{"DR-1", day(2025, 7, 16), day(2027, 6, 1)}});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].days_paid == 45);
  CHECK(lines[0].amount == Money::from_cents(29'992'500));
  CHECK(lines[1].days_paid == 0);  // fall wholly disqualified: a line of 0.00
  CHECK(lines[1].amount == Money{});
  // Another resource's disqualification changes nothing: 92 days.
  lines = capacity_payments(market({r}), {{"DR-9", day(2025, 7, 16), day(2027, 6, 1)}});
  CHECK(lines[0].days_paid == 92);
  // Carried in through 2025-06-10 inclusive: June 11 .. August 31 = 82 days: 10 x 666.50 x 82 = 546,530.00.
  r.acp_disqualified_through = day(2025, 6, 10);
  lines = capacity_payments(market({r}), {});
  CHECK(lines[0].days_paid == 82);
  CHECK(lines[0].amount == Money::from_cents(54'653'000));
  CHECK(lines[1].days_paid == 91);
}

TEST_CASE("capacity: an excluded season has a line that pays 0 days, winter has 91 days with a 29 February") {
  Resource r = lmr("DR-1", "10");
  r.seasons[0]->excluded = true;
  auto lines = capacity_payments(market({r}), {});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].cleared_mw == mwv("10"));
  CHECK(lines[0].days_paid == 0);
  CHECK(lines[0].amount == Money{});
  // PY 2027 winter: 2027-12-01 .. 2028-02-29 = 31 + 31 + 29 = 91 days: 2 x 33.20 x 91 = 6042.40;
  // PY 2025 winter (2026-02 has 28 days): 90 days: 2 x 33.20 x 90 = 5976.00.
  Resource w;
  w.id = "DR-W";
  w.zone = "LRZ5";
  SeasonRegistration winter;
  winter.cleared_mw = mwv("2");
  w.seasons[2] = winter;
  lines = capacity_payments(market({w}, 2027), {});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].days_paid == 91);
  CHECK(lines[0].amount == Money::from_cents(604'240));
  lines = capacity_payments(market({w}, 2025), {});
  CHECK(lines[0].days_paid == 90);
  CHECK(lines[0].amount == Money::from_cents(597'600));
}

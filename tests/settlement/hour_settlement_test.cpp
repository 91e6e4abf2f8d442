// settle_hour and penalty_multiplier (rules.md 4.3-4.7, rounding 1a), called directly on hand-built hours.
#include <catch2/catch.hpp>

#include "settlement/hour_settlement.hpp"

using namespace drsim;

namespace {

Decimal d(const char* t) { return *Decimal::parse(t); }
Mw mwv(const char* t) { return Mw(d(t)); }
UsdPerMwh usd(const char* t) { return UsdPerMwh(d(t)); }
const MarketTime kHour = MarketTime::at(Date::from_ymd(2025, 7, 15), 16);

Resource dr(Protocol p = Protocol::baseline) {
  Resource r;
  r.id = "DR-1";
  r.protocol = p;
  return r;
}

// A whole obligated hour: instruction and availability 10 MW, target 10, baseline 20, load `load`.
HourRecord hour(const char* load) {
  HourRecord h;
  h.hour = kHour;
  h.obligated = ExactDuration::of(Duration::hours(1));
  h.instruction_mw = mwv("10");
  h.available_mw = mwv("10");
  h.instructed_mw = mwv("10");
  h.reported_target = mwv("10");
  h.measured = mwv(load);
  h.baseline = mwv("20");
  return h;
}

HourPrices prices(const char* lmp, const char* rsg) { return {usd(lmp), usd(rsg)}; }

}  // namespace

TEST_CASE("hour: the worked example hour, shortfall x LMP and shortfall x RSG (4.4, 4.7)") {
  // actual = 20 - 12 = 8; shortfall = max(10 - 8, 0) = 2 MW; 2 MWh over the whole hour.
  // energy 2 x 410 x 1 = 820.00; RSG 2 x 1.50 = 3.00.
  const HourSettlement s = settle_hour(dr(), hour("12"), Rules{}, prices("410", "1.50"));
  CHECK(s.target == mwv("10"));
  CHECK(s.actual == mwv("8"));
  CHECK(s.shortfall == mwv("2"));
  CHECK(s.shortfall_mwh == Mwh(d("2")));
  CHECK(s.energy_charge == Money::from_cents(82'000));
  CHECK(s.rsg_charge == Money::from_cents(300));
  CHECK(s.charged);
  CHECK(s.counts_for_failure);
  CHECK(s.flags == 0);
}

TEST_CASE("hour: each charge is rounded to the cent, half away from zero (1a, 4.7)") {
  // shortfall 0.1 MW (load 10.1, actual 9.9): 0.1 x 0.05 = 0.005 -> 0.01 (half away; truncation gives 0.00).
  // RSG 0.1 x 0.049999 = 0.0049999 -> 0.00.
  HourSettlement s = settle_hour(dr(), hour("10.1"), Rules{}, prices("0.05", "0.049999"));
  CHECK(s.shortfall == mwv("0.1"));
  CHECK(s.energy_charge == Money::from_cents(1));
  CHECK(s.rsg_charge == Money::from_cents(0));
  // 0.1 x 0.25 = 0.025 -> 0.03 (banker's rounding would give 0.02).
  s = settle_hour(dr(), hour("10.1"), Rules{}, prices("0.25", "0.15"));
  CHECK(s.energy_charge == Money::from_cents(3));
  CHECK(s.rsg_charge == Money::from_cents(2));  // 0.015 -> 0.02
  // A negative amount rounds away from zero too: floor -1000, LMP -0.05: 0.1 x -0.05 = -0.005 -> -0.01.
  Rules credit;
  credit.penalty_lmp_floor_usd_per_mwh = usd("-1000");
  s = settle_hour(dr(), hour("10.1"), credit, prices("-0.05", "0"));
  CHECK(s.energy_charge == Money::from_cents(-1));
  CHECK(s.rsg_charge == Money::from_cents(0));
}

TEST_CASE("hour: the LMP floor, zero 0 by default, keeps a negative price from paying a failing resource (4.7)") {
  // shortfall 2 MWh; LMP -30 -> max(-30, 0) = 0: energy 0.00; the RSG 2 x 1.50 = 3.00 is still charged.
  HourSettlement s = settle_hour(dr(), hour("12"), Rules{}, prices("-30", "1.50"));
  CHECK(s.charged);
  CHECK(s.energy_charge == Money::from_cents(0));
  CHECK(s.rsg_charge == Money::from_cents(300));
  // A floor of 5: max(-30, 5) = 5 -> 2 x 5 = 10.00; LMP 7 above the floor stays 7 -> 14.00.
  Rules floor5;
  floor5.penalty_lmp_floor_usd_per_mwh = usd("5");
  CHECK(settle_hour(dr(), hour("12"), floor5, prices("-30", "0")).energy_charge == Money::from_cents(1'000));
  CHECK(settle_hour(dr(), hour("12"), floor5, prices("7", "0")).energy_charge == Money::from_cents(1'400));
}

TEST_CASE("hour: the untested multiplier applies to an untested DR only, and to RSG only when the rule says (4.7)") {
  Resource untested = dr();
  untested.tested = false;
  CHECK(penalty_multiplier(untested, Rules{}) == d("3"));
  CHECK(penalty_multiplier(dr(), Rules{}) == d("1"));
  Resource btmg = dr(Protocol::metered_generation);
  btmg.type = ResourceType::btmg;
  btmg.tested = false;
  CHECK(penalty_multiplier(btmg, Rules{}) == d("1"));
  // 2 MWh x 410 x 3 = 2460.00; RSG 2 x 1.50 x 1 = 3.00 by default, x 3 = 9.00 with multiplier_applies_to_rsg.
  HourSettlement s = settle_hour(untested, hour("12"), Rules{}, prices("410", "1.50"));
  CHECK(s.multiplier == d("3"));
  CHECK(s.energy_charge == Money::from_cents(246'000));
  CHECK(s.rsg_charge == Money::from_cents(300));
  Rules rsg_too;
  rsg_too.multiplier_applies_to_rsg = true;
  CHECK(settle_hour(untested, hour("12"), rsg_too, prices("410", "1.50")).rsg_charge == Money::from_cents(900));
  // untested_multiplier 2.5: 2 x 410 x 2.5 = 2050.00.
  Rules m25;
  m25.untested_multiplier = d("2.5");
  CHECK(settle_hour(untested, hour("12"), m25, prices("410", "1.50")).energy_charge == Money::from_cents(205'000));
}

TEST_CASE("hour: the tolerance is strict: a shortfall equal to it carries no charge, one a millionth above it does (4.7)") {
  Rules tol;
  tol.shortfall_tolerance_mw = mwv("0.5");
  // load 10.5 -> actual 9.5 -> shortfall 0.5 = tolerance: not charged, flagged within_tolerance, no LMP needed.
  HourSettlement s = settle_hour(dr(), hour("10.5"), tol, HourPrices{});
  CHECK(s.shortfall == mwv("0.5"));
  CHECK_FALSE(s.charged);
  CHECK_FALSE(s.counts_for_failure);
  CHECK_FALSE(s.missing_lmp);
  CHECK(s.flags == kWithinTolerance);
  CHECK(s.energy_charge == Money{});
  // load 10.500001 -> shortfall 0.500001 > 0.5: charged, 0.500001 x 100 = 50.0001 -> 50.00.
  s = settle_hour(dr(), hour("10.500001"), tol, prices("100", "0"));
  CHECK(s.charged);
  CHECK(s.energy_charge == Money::from_cents(5'000));
  // Default tolerance 0: a shortfall of 0.000001 MW is charged (x 5000 = 0.005 -> 0.01).
  s = settle_hour(dr(), hour("10.000001"), Rules{}, prices("5000", "0"));
  CHECK(s.charged);
  CHECK(s.energy_charge == Money::from_cents(1));
}

TEST_CASE("hour: zero and over-delivery leave no shortfall, a negative load raises the response (2, 4.4)") {
  // load 10 -> actual 10 = target: shortfall 0, no flag. load 4 -> actual 16 > target: max(10 - 16, 0) = 0.
  for (const char* load : {"10", "4"}) {
    const HourSettlement s = settle_hour(dr(), hour(load), Rules{}, prices("410", "1.50"));
    CHECK(s.shortfall == Mw{});
    CHECK_FALSE(s.charged);
    CHECK(s.flags == 0);
    CHECK(s.energy_charge == Money{});
  }
  // A site exporting: baseline 5, load -3 -> actual 5 - (-3) = 8; target 10 -> shortfall 2.
  HourRecord h = hour("-3");
  h.baseline = mwv("5");
  const HourSettlement s = settle_hour(dr(), h, Rules{}, prices("100", "0"));
  CHECK(s.actual == mwv("8"));
  CHECK(s.shortfall == mwv("2"));
  CHECK(s.energy_charge == Money::from_cents(20'000));
}

TEST_CASE("hour: metered generation below 0 is a shortfall above the target (2, 4.4)") {
  Resource btmg = dr(Protocol::metered_generation);
  btmg.type = ResourceType::btmg;
  HourRecord h = hour("-0.5");  // generation -0.5 MW (station service)
  h.baseline.reset();
  h.reported_target = mwv("4");
  // target min(4, 10) = 4; actual -0.5; shortfall 4 - (-0.5) = 4.5 MW; x 100 = 450.00.
  HourSettlement s = settle_hour(btmg, h, Rules{}, prices("100", "0"));
  CHECK(s.target == mwv("4"));
  CHECK(s.actual == mwv("-0.5"));
  CHECK(s.shortfall == mwv("4.5"));
  CHECK(s.energy_charge == Money::from_cents(45'000));
  CHECK(s.flags == kTargetBelowInstruction);  // 4 < instructed 10
  // penalize_btmg false: measured the same, never charged nor a failure.
  Rules free;
  free.penalize_btmg = false;
  s = settle_hour(btmg, h, free, HourPrices{});
  CHECK(s.shortfall == mwv("4.5"));
  CHECK(s.shortfall_mwh == Mwh(d("4.5")));
  CHECK_FALSE(s.charged);
  CHECK_FALSE(s.counts_for_failure);
  CHECK_FALSE(s.missing_lmp);
  CHECK((s.flags & kNotPenalized) != 0);
}

TEST_CASE("hour: the target is the reported MW capped at the instructed MW, flagged when below it (4.3)") {
  HourRecord h = hour("12");
  h.instructed_mw = mwv("8");  // availability 8
  h.available_mw = mwv("8");
  h.reported_target = mwv("12");
  // target min(12, 8) = 8, not below instructed: no flag; shortfall 8 - 8 = 0.
  HourSettlement s = settle_hour(dr(), h, Rules{}, prices("100", "0"));
  CHECK(s.target == mwv("8"));
  CHECK(s.shortfall == Mw{});
  CHECK(s.flags == 0);
  // target 6 < 8: flagged; actual 8 -> shortfall 0. Target 8 exactly: no flag.
  h.reported_target = mwv("6");
  s = settle_hour(dr(), h, Rules{}, prices("100", "0"));
  CHECK(s.target == mwv("6"));
  CHECK(s.flags == kTargetBelowInstruction);
  h.reported_target = mwv("8");
  CHECK(settle_hour(dr(), h, Rules{}, prices("100", "0")).flags == 0);
}

TEST_CASE("hour: without advanced reporting the instruction's MW is penalized, not capped by availability (4.3)") {
  HourRecord h = hour("0");  // actual 20: far above any target
  h.reported_target.reset();
  h.available_mw = mwv("6");
  h.instructed_mw = mwv("6");
  // shortfall = instruction MW 10 (not min(10, 6) = 6, and whatever the meter shows): 10 x 100 = 1000.00.
  const HourSettlement s = settle_hour(dr(), h, Rules{}, prices("100", "1"));
  CHECK_FALSE(s.target);
  CHECK(s.shortfall == mwv("10"));
  CHECK(s.energy_charge == Money::from_cents(100'000));
  CHECK(s.rsg_charge == Money::from_cents(1'000));
  CHECK(s.flags == kNoAdvancedReporting);
  CHECK(s.counts_for_failure);
}

TEST_CASE("hour: a missing meter value makes the response 0 (4.7)") {
  HourRecord h = hour("12");
  h.measured.reset();
  // actual 0 -> shortfall 10 - 0 = 10; flagged missing_meter.
  const HourSettlement s = settle_hour(dr(), h, Rules{}, prices("100", "0"));
  CHECK(s.actual == Mw{});
  CHECK(s.shortfall == mwv("10"));
  CHECK(s.energy_charge == Money::from_cents(100'000));
  CHECK(s.flags == kMissingMeter);
}

TEST_CASE("hour: firm service level counts the load above the FSL, capped at the target by default (4.5)") {
  Resource fsl = dr(Protocol::firm_service_level);
  fsl.fsl_mw = mwv("2");
  HourRecord h = hour("5");
  h.baseline.reset();
  // load 5, FSL 2: shortfall min(max(5 - 2, 0), 10) = 3; actual 10 - 3 = 7.
  HourSettlement s = settle_hour(fsl, h, Rules{}, prices("100", "0"));
  CHECK(s.shortfall == mwv("3"));
  CHECK(s.actual == mwv("7"));
  CHECK(s.energy_charge == Money::from_cents(30'000));
  // load 1.5 below the FSL: max(-0.5, 0) = 0.
  h.measured = mwv("1.5");
  CHECK(settle_hour(fsl, h, Rules{}, prices("100", "0")).shortfall == Mw{});
  // load 15: 13 above, capped at the target 10; actual 0. With fsl_shortfall_cap none: 13, actual -3.
  h.measured = mwv("15");
  s = settle_hour(fsl, h, Rules{}, prices("100", "0"));
  CHECK(s.shortfall == mwv("10"));
  CHECK(s.actual == Mw{});
  Rules uncapped;
  uncapped.fsl_shortfall_cap = FslShortfallCap::none;
  s = settle_hour(fsl, h, uncapped, prices("100", "0"));
  CHECK(s.shortfall == mwv("13"));
  CHECK(s.actual == mwv("-3"));
  // A missing meter counts as above the FSL by the whole target: shortfall 10.
  h.measured.reset();
  s = settle_hour(fsl, h, Rules{}, prices("100", "0"));
  CHECK(s.shortfall == mwv("10"));
  CHECK(s.flags == kMissingMeter);
}

TEST_CASE("hour: shortfall_mwh is shortfall x frac_h rounded once to six places on the exact fraction (1a, 4.7)") {
  HourRecord h = hour("17");  // actual 3, shortfall 7 on a whole hour; the parts below make it partial
  h.baseline = mwv("20");
  h.measured = mwv("17");
  h.reported_target = mwv("6");  // shortfall 6 - 3 = 3 MW
  // 20 minutes: 3 x 1/3 = 1.000000 MWh (not 3 x 0.333333 = 0.999999); x 100 = 100.00.
  h.obligated = ExactDuration::of(Duration::minutes(20));
  HourSettlement s = settle_hour(dr(), h, Rules{}, prices("100", "0"));
  CHECK(s.shortfall == mwv("3"));
  CHECK(s.shortfall_mwh == Mwh(d("1")));
  CHECK(s.energy_charge == Money::from_cents(10'000));
  // 1199.9988 s (start + max_duration_h 1.333333 from the hour before): 3 x 1199.9988 / 3600 = 0.999999.
  h.obligated = ExactDuration::hours(d("0.333333"));
  s = settle_hour(dr(), h, Rules{}, prices("100", "0"));
  CHECK(s.shortfall_mwh == Mwh(d("0.999999")));
  CHECK(s.energy_charge == Money::from_cents(10'000));  // 99.9999 -> 100.00
  // 5 minutes of 3 MW: 3/12 = 0.25; of 1 MW (target 4): 1/12 = 0.0833333... -> 0.083333; x 100 = 8.3333 -> 8.33.
  h.obligated = ExactDuration::of(Duration::minutes(5));
  CHECK(settle_hour(dr(), h, Rules{}, prices("100", "0")).shortfall_mwh == Mwh(d("0.25")));
  h.reported_target = mwv("4");
  s = settle_hour(dr(), h, Rules{}, prices("100", "0"));
  CHECK(s.shortfall_mwh == Mwh(d("0.083333")));
  CHECK(s.energy_charge == Money::from_cents(833));
  // 55 minutes of 1 MW: 11/12 = 0.9166666... -> 0.916667 (half away upward).
  h.obligated = ExactDuration::of(Duration::minutes(55));
  CHECK(settle_hour(dr(), h, Rules{}, prices("100", "0")).shortfall_mwh == Mwh(d("0.916667")));
}

TEST_CASE("hour: exempt hours carry no charge, an excused outage hour is charged but never counts (4.2)") {
  HourRecord h = hour("12");  // shortfall 2
  h.exempt = ExemptReason::max_duration;
  HourSettlement s = settle_hour(dr(), h, Rules{}, HourPrices{});
  CHECK_FALSE(s.charged);
  CHECK(s.shortfall == Mw{});
  CHECK(s.energy_charge == Money{});
  CHECK_FALSE(s.missing_lmp);
  CHECK(s.actual == mwv("8"));  // still measured and reported
  // outage_excused under charged_not_counted (default): 2 x 410 = 820.00, not a failure, flagged.
  h.exempt = ExemptReason::outage_excused;
  s = settle_hour(dr(), h, Rules{}, prices("410", "1.50"));
  CHECK(s.charged);
  CHECK_FALSE(s.counts_for_failure);
  CHECK(s.energy_charge == Money::from_cents(82'000));
  CHECK(s.flags == kOutageExcused);
  // ... also without advanced reporting: the full instruction, 10 x 410 = 4100.00, still not counted.
  HourRecord no_report = h;
  no_report.reported_target.reset();
  s = settle_hour(dr(), no_report, Rules{}, prices("410", "0"));
  CHECK(s.energy_charge == Money::from_cents(410'000));
  CHECK_FALSE(s.counts_for_failure);
  // outage_excused_hours: exempt -> no charge at all, and no outage_excused flag on the line.
  Rules exempt;
  exempt.outage_excused_hours = OutageExcusedHours::exempt;
  s = settle_hour(dr(), h, exempt, HourPrices{});
  CHECK_FALSE(s.charged);
  CHECK(s.energy_charge == Money{});
  CHECK(s.flags == 0);
  // A whole-instruction reason (short_notice) is exempt under either rule.
  h.exempt = ExemptReason::short_notice;
  CHECK_FALSE(settle_hour(dr(), h, Rules{}, HourPrices{}).charged);
}

TEST_CASE("hour: a charged hour without LMP or RSG is reported missing, an uncharged one needs neither (4.7 v1.2)") {
  HourSettlement s = settle_hour(dr(), hour("12"), Rules{}, HourPrices{std::nullopt, usd("1.50")});
  CHECK(s.charged);
  CHECK(s.missing_lmp);
  CHECK_FALSE(s.missing_rsg);
  CHECK(s.energy_charge == Money{});
  s = settle_hour(dr(), hour("12"), Rules{}, HourPrices{usd("410"), std::nullopt});
  CHECK(s.missing_rsg);
  CHECK_FALSE(s.missing_lmp);
  s = settle_hour(dr(), hour("10"), Rules{}, HourPrices{});  // shortfall 0
  CHECK_FALSE(s.missing_lmp);
  CHECK_FALSE(s.missing_rsg);
}

TEST_CASE("hour: settle_hour's two steps give its figures, and the assessment does not read the hour (4.3-4.7)") {
  // The worked example: shortfall 2 MW, 2 MWh; energy 2 x 410 = 820.00, RSG 2 x 1.50 = 3.00.
  const HourRecord h = hour("12");
  const HourAssessment a = assess_hour(dr(), h, Rules{});
  CHECK(a.shortfall == mwv("2"));
  CHECK(a.charged);
  CHECK(energy_charge(a, Rules{}, usd("410")) == Money::from_cents(82'000));
  CHECK(rsg_charge(a, Rules{}, usd("1.50")) == Money::from_cents(300));
  const HourCharges c = charge_hour(a, Rules{}, prices("410", "1.50"));
  CHECK(c.energy == Money::from_cents(82'000));
  CHECK(c.rsg == Money::from_cents(300));
  // Below the floor the floor prices it: LMP -30, floor 0 -> 0.00.
  CHECK(energy_charge(a, Rules{}, usd("-30")) == Money{});
  // No LMP: no charge, and the caller is told.
  CHECK(charge_hour(a, Rules{}, HourPrices{std::nullopt, usd("1.50")}).missing_lmp);
  // The same record at another time assesses alike (the kernel assesses a run of such hours once).
  HourRecord later = h;
  later.hour = h.hour + Duration::hours(3);
  const HourAssessment b = assess_hour(dr(), later, Rules{});
  CHECK(b.shortfall == a.shortfall);
  CHECK(b.shortfall_mwh == a.shortfall_mwh);
  CHECK(b.flags == a.flags);
  CHECK(b.counts_for_failure == a.counts_for_failure);
  // An hour not charged is charged nothing by either step.
  const HourAssessment met = assess_hour(dr(), hour("10"), Rules{});  // actual 10, target 10
  CHECK_FALSE(met.charged);
  CHECK(energy_charge(met, Rules{}, usd("410")) == Money{});
  CHECK(charge_hour(met, Rules{}, prices("410", "1.50")).rsg == Money{});
}

// The worked example of format.md through the lifecycle and settlement, to the cent.
#include <catch2/catch.hpp>

#include "settlement/settle.hpp"
#include "sim/lifecycle.hpp"
#include "tests/support/scenario_builder.hpp"
#include "tests/support/simulate_and_settle.hpp"

using namespace drsim;
using namespace drsim::test;


TEST_CASE("worked example: hourly lines", "[settle][worked]") {
  const Statement st = simulate_and_settle(worked_example());
  REQUIRE(st.hourly.size() == 4);
  // actual = 20 - load; shortfall = 10 - actual; energy = shortfall x LMP; RSG = shortfall x 1.50.
  const char* actual[] = {"10", "8", "6", "7.5"};
  const char* shortfall[] = {"0", "2", "4", "2.5"};
  const char* energy[] = {"0.00", "820.00", "3920.00", "1550.00"};
  const char* rsg[] = {"0.00", "3.00", "6.00", "3.75"};
  for (int h = 0; h < 4; ++h) {
    const auto& l = st.hourly[static_cast<std::size_t>(h)];
    INFO("HE " << l.hour.he());
    CHECK(l.hour.he() == 16 + h);
    CHECK(l.instructed_mw == MW("10"));
    CHECK(*l.settled.target == MW("10"));
    CHECK(*l.settled.actual == MW(actual[h]));
    CHECK(l.settled.shortfall == MW(shortfall[h]));
    CHECK(l.settled.energy_charge.str() == energy[h]);
    CHECK(l.settled.rsg_charge.str() == rsg[h]);
  }
}

TEST_CASE("worked example: totals, failure, allocation, capacity", "[settle][worked]") {
  const Statement st = simulate_and_settle(worked_example());
  CHECK(st.energy_charge.str() == "6290.00");
  CHECK(st.rsg_charge.str() == "12.75");
  CHECK(st.penalty.str() == "6302.75");
  REQUIRE(st.failures.size() == 1);
  CHECK(st.failures[0].counted);
  CHECK_FALSE(st.failures[0].disqualified);
  // HE19: 1553.75 x (0.90, 0.08, 0.02) = 1398.375, 124.30, 31.075: the spare cent goes to LSE-A
  // (equal remainders, A sorts first); HE17 and HE18 split exactly.
  REQUIRE(st.allocation.size() == 3);
  CHECK(st.allocation[0].amount.str() == "5672.48");
  CHECK(st.allocation[1].amount.str() == "504.22");
  CHECK(st.allocation[2].amount.str() == "126.05");
  CHECK(st.allocated.str() == "6302.75");
  // Capacity: 10 MW x 666.50 x 92 days = 613,180.00; 10 x 91.60 x 91 = 83,356.00.
  REQUIRE(st.capacity.size() == 2);
  CHECK(st.capacity[0].amount.str() == "613180.00");
  CHECK(st.capacity[0].days_paid == 92);
  CHECK(st.capacity[1].amount.str() == "83356.00");
}

TEST_CASE("worked example untested: energy x3, RSG not", "[settle][worked]") {
  Scenario s = worked_example();
  s.resources[0].tested = false;
  Statement st = simulate_and_settle(s);
  CHECK(st.energy_charge.str() == "18870.00");
  CHECK(st.rsg_charge.str() == "12.75");
  s.rules.multiplier_applies_to_rsg = true;
  st = simulate_and_settle(s);
  CHECK(st.rsg_charge.str() == "38.25");  // 8.5 MWh x 1.50 x 3
}

TEST_CASE("worked example: the ledger's line items and its totals by resource and LSE", "[settle][worked][ledger]") {
  const Statement st = simulate_and_settle(worked_example());
  // 4 instruction-hours x (energy, RSG) + 2 capacity seasons + 3 charged hours x 3 LSE shares = 19
  // entries (HE16 has no shortfall: nothing to allocate, so no shares).
  REQUIRE(st.ledger.size() == 4 * 2 + 2 + 3 * 3);
  // HE17's energy charge (the second hour): 2 MWh x 410.00 = 820.00, dated [16:00, 17:00), rules.md 4.7.
  const LedgerEntry& he17 = st.ledger[2];
  CHECK(he17.reason == Reason::energy_charge);
  CHECK(he17.subject == Subject{SubjectKind::resource, st.hourly[1].resource_id});
  CHECK(he17.amount.str() == "820.00");
  CHECK(he17.rule == "4.7");
  CHECK(he17.detail == Detail{DetailKind::hourly, 1});
  CHECK(he17.period.from() == st.hourly[1].hour);
  CHECK(he17.period.to() - he17.period.from() == Duration::hours(1));
  // The summer capacity line covers the season, [06-01, 09-01): 92 days.
  const LedgerEntry& summer = st.ledger[8];
  CHECK(summer.reason == Reason::capacity_payment);
  CHECK(summer.amount.str() == "613180.00");
  CHECK(summer.period.to() - summer.period.from() == Duration::hours(24 * 92));
  // Totals by resource: the whole penalty 6302.75 and capacity 613,180.00 + 83,356.00 = 696,536.00.
  const ResourceTotals& t = st.by_resource.at(st.hourly[0].resource_id);
  CHECK(t.penalty.str() == "6302.75");
  CHECK(t.capacity.str() == "696536.00");
  CHECK(t.instruction_hours == 4);
  CHECK(t.capacity_lines == 2);
  CHECK(t.failed_occasions == 1);
  CHECK(t.counted_failures == 1);
  // By LSE: the allocation's three amounts, each made of 3 hourly shares; they sum to the penalty.
  REQUIRE(st.by_lse.size() == 3);
  Money allocated;
  for (const auto& [id, l] : st.by_lse) {
    CHECK(l.shares == 3);
    allocated += l.allocated;
  }
  CHECK(st.by_lse.begin()->second.allocated.str() == "5672.48");
  CHECK(allocated == st.penalty);
  // Within HE18 only, [17:00, 18:00): 4 MWh x 980.00 = 3920.00 of energy.
  const Period he18(st.hourly[2].hour, st.hourly[2].hour + Duration::hours(1));
  CHECK(total(sum_by_subject_and_reason(st.ledger, he18), Reason::energy_charge).str() == "3920.00");
}

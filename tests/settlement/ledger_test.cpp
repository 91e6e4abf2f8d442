// The ledger (settlement/ledger.hpp): half-open periods, the one aggregation, totals by resource and LSE.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "settlement/ledger.hpp"

using namespace drsim;

namespace {

const Date kDay = Date::from_ymd(2025, 7, 15);
MarketTime at(int hour, int minute = 0) { return MarketTime::at(kDay, hour, minute); }
Period hour(int h) { return Period(at(h), at(h + 1)); }
Money cents(std::int64_t c) { return Money::from_cents(c); }

Subject resource(std::string id) { return {SubjectKind::resource, std::move(id)}; }
Subject lse(std::string id) { return {SubjectKind::lse, std::move(id)}; }

// Two resources and two LSEs over two hours of 2025-07-15:
//   DR-1, HE17 [16:00, 17:00): energy 100.25, RSG 3.10; HE18 [17:00, 18:00): energy 50.00, RSG 0.00
//   DR-2, summer [2025-06-01, 2025-09-01): capacity 1,000.01
//   HE17's 103.35 split LSE-A 62.01 + LSE-B 41.34; HE18's 50.00 split LSE-A 30.00 + LSE-B 20.00
Ledger sample() {
  const Period summer(MarketTime::at(Date::from_ymd(2025, 6, 1)), MarketTime::at(Date::from_ymd(2025, 9, 1)));
  return {
      ledger_entry(resource("DR-1"), hour(16), Reason::energy_charge, cents(10025), {DetailKind::hourly, 0}),
      ledger_entry(resource("DR-1"), hour(16), Reason::rsg_charge, cents(310), {DetailKind::hourly, 0}),
      ledger_entry(resource("DR-1"), hour(17), Reason::energy_charge, cents(5000), {DetailKind::hourly, 1}),
      ledger_entry(resource("DR-1"), hour(17), Reason::rsg_charge, cents(0), {DetailKind::hourly, 1}),
      ledger_entry(resource("DR-2"), summer, Reason::capacity_payment, cents(100001), {DetailKind::capacity, 0}),
      ledger_entry(lse("LSE-A"), hour(16), Reason::allocation_share, cents(6201), {DetailKind::allocation_share, 0}),
      ledger_entry(lse("LSE-B"), hour(16), Reason::allocation_share, cents(4134), {DetailKind::allocation_share, 1}),
      ledger_entry(lse("LSE-A"), hour(17), Reason::allocation_share, cents(3000), {DetailKind::allocation_share, 2}),
      ledger_entry(lse("LSE-B"), hour(17), Reason::allocation_share, cents(2000), {DetailKind::allocation_share, 3}),
  };
}

}  // namespace

TEST_CASE("ledger: a period is half-open, from included and to excluded, and never empty") {
  const Period p = hour(16);
  CHECK(p.contains(at(16)));         // its start is in it
  CHECK(p.contains(at(16, 59)));
  CHECK_FALSE(p.contains(at(17)));   // its end is the next period's start
  CHECK_FALSE(p.contains(at(15, 59)));
  CHECK(p.within(p));
  CHECK(p.within(Period(at(0), at(24))));
  CHECK_FALSE(p.within(Period(at(15), at(16, 30))));  // ends after the window
  CHECK_FALSE(p.within(Period(at(17), at(18))));      // only touches it at 17:00
  CHECK_THROWS_AS(Period(at(16), at(16)), std::invalid_argument);
  CHECK_THROWS_AS(Period(at(17), at(16)), std::invalid_argument);
}

TEST_CASE("ledger: an entry carries the rules.md section of its reason") {
  CHECK(ledger_entry(resource("DR-1"), hour(16), Reason::rsg_charge, cents(1), {}).rule == "4.7");
  CHECK(rule_of(Reason::energy_charge) == "4.7");
  CHECK(rule_of(Reason::capacity_payment) == "4.9");
  CHECK(rule_of(Reason::allocation_share) == "4.10");
  CHECK(rule_of(Reason::eo_adjustment) == "5");
  CHECK(name(Reason::eo_cap) == "eo_cap");
}

TEST_CASE("ledger: sums by subject and reason, to the cent") {
  const LedgerSums sums = sum_by_subject_and_reason(sample());
  // DR-1 energy: 100.25 + 50.00 = 150.25 over 2 entries; RSG 3.10 + 0.00 = 3.10 over 2.
  CHECK(sum_of(sums, resource("DR-1"), Reason::energy_charge).amount == cents(15025));
  CHECK(sum_of(sums, resource("DR-1"), Reason::energy_charge).entries == 2);
  CHECK(sum_of(sums, resource("DR-1"), Reason::rsg_charge).amount == cents(310));
  CHECK(sum_of(sums, resource("DR-1"), Reason::rsg_charge).entries == 2);
  // A subject without entries of a reason sums to zero; an LSE and a resource of one id are two subjects.
  CHECK(sum_of(sums, resource("DR-2"), Reason::energy_charge).entries == 0);
  CHECK(sum_of(sums, lse("DR-1"), Reason::energy_charge).amount == Money());
  // Totals over every subject: energy 150.25, capacity 1,000.01, allocated 62.01 + 41.34 + 30.00 + 20.00 = 153.35,
  // which is the penalty 150.25 + 3.10 allocated in full.
  CHECK(total(sums, Reason::energy_charge) == cents(15025));
  CHECK(total(sums, Reason::capacity_payment) == cents(100001));
  CHECK(total(sums, Reason::allocation_share) == cents(15335));
  CHECK(total(sums, Reason::energy_charge) + total(sums, Reason::rsg_charge) == total(sums, Reason::allocation_share));
  CHECK(total(sums, Reason::eo_before) == Money());
}

TEST_CASE("ledger: totals by resource and by LSE") {
  const LedgerSums sums = sum_by_subject_and_reason(sample());
  const auto by_resource = totals_by_resource(sums);
  REQUIRE(by_resource.size() == 2);
  const ResourceSums& dr1 = by_resource.at("DR-1");
  CHECK(dr1.energy_charge.str() == "150.25");
  CHECK(dr1.rsg_charge.str() == "3.10");
  CHECK(dr1.penalty().str() == "153.35");
  CHECK(dr1.capacity.str() == "0.00");
  CHECK(dr1.instruction_hours == 2);  // HE17 and HE18
  CHECK(dr1.capacity_lines == 0);
  CHECK(by_resource.at("DR-2").capacity_lines == 1);
  CHECK(by_resource.at("DR-2").capacity.str() == "1000.01");
  CHECK(by_resource.at("DR-2").penalty().str() == "0.00");

  const auto by_lse = totals_by_lse(sums);
  REQUIRE(by_lse.size() == 2);
  CHECK(by_lse.begin()->first == "LSE-A");  // sorted by id
  CHECK(by_lse.at("LSE-A").allocated.str() == "92.01");  // 62.01 + 30.00
  CHECK(by_lse.at("LSE-A").shares == 2);
  CHECK(by_lse.at("LSE-B").allocated.str() == "61.34");  // 41.34 + 20.00
  CHECK(by_lse.at("LSE-B").shares == 2);
}

TEST_CASE("ledger: a window sums only the entries whose period lies inside it") {
  const Ledger ledger = sample();
  // [16:00, 17:00): HE17 only: DR-1 energy 100.25, LSE-A 62.01; DR-2's season is not inside the hour.
  const LedgerSums he17 = sum_by_subject_and_reason(ledger, hour(16));
  CHECK(sum_of(he17, resource("DR-1"), Reason::energy_charge).amount == cents(10025));
  CHECK(sum_of(he17, lse("LSE-A"), Reason::allocation_share).amount == cents(6201));
  CHECK(total(he17, Reason::capacity_payment) == Money());
  // [16:30, 18:00): HE17 starts before the window, so only HE18's 50.00 counts.
  const LedgerSums late = sum_by_subject_and_reason(ledger, Period(at(16, 30), at(18)));
  CHECK(total(late, Reason::energy_charge) == cents(5000));
  CHECK(sum_of(late, resource("DR-1"), Reason::energy_charge).entries == 1);
  // The planning year holds every entry: the same totals as the whole ledger.
  const Period py(MarketTime::at(Date::from_ymd(2025, 6, 1)), MarketTime::at(Date::from_ymd(2026, 6, 1)));
  CHECK(sum_by_subject_and_reason(ledger, py) == sum_by_subject_and_reason(ledger));
}

TEST_CASE("ledger: interleaved subjects sum to the same as grouped ones") {
  // The aggregation reuses the last slot per reason; entries of alternating subjects must
  // still land in their own sums: DR-1 1.00 + 3.00, DR-2 2.00 + 4.00.
  Ledger ledger;
  const char* ids[] = {"DR-1", "DR-2", "DR-1", "DR-2"};
  for (int i = 0; i < 4; ++i) {
    ledger.push_back(ledger_entry(resource(ids[i]), hour(10 + i), Reason::energy_charge, cents(100 * (i + 1)),
                                  {DetailKind::hourly, static_cast<std::size_t>(i)}));
  }
  const auto by = totals_by_resource(sum_by_subject_and_reason(ledger));
  CHECK(by.at("DR-1").energy_charge.str() == "4.00");
  CHECK(by.at("DR-2").energy_charge.str() == "6.00");
}

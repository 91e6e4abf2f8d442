// The rules.md 4.1 table in its two stages (sim/exemption_stages): rows 1-3 at issue, rows 4-5 at start,
// and that together they give what the whole table gives.
#include <catch2/catch.hpp>

#include "sim/exemption_stages.hpp"
#include "tests/support/builders_more.hpp"

using namespace drsim;
using namespace drsim::test;
using sim::declared_availability;
using sim::exemption_at_issue;
using sim::exemption_at_start;

namespace {

// 15:00-17:00 on 2025-06-10, issued `issued`.
Instruction at_june_10(const char* issued, const char* withdrawn = nullptr) {
  Instruction i;
  i.id = "SI-1";
  i.resource = "DR-1";
  i.issued = T(issued);
  i.start = T("2025-06-10T15:00");
  i.end = T("2025-06-10T17:00");
  if (withdrawn) i.withdrawn = T(withdrawn);
  return i;
}

Availability entry(const char* start, const char* end, const char* mw) {
  Availability a;
  a.resource = "DR-1";
  a.start = T(start);
  a.end = T(end);
  a.available_mw = MW(mw);
  return a;
}

}  // namespace

TEST_CASE("at issue: not_registered, outside_availability, short_notice, in that order", "[exemptions]") {
  const Instruction timely = at_june_10("2025-06-10T13:00");  // exactly 2 h ahead: not short
  const Instruction late = at_june_10("2025-06-10T13:00:01");  // 1 h 59 min 59 s ahead: short
  SeasonRegistration reg = summer_reg();                       // 10 MW, 2 h notice, June-August
  CHECK(exemption_at_issue(timely, &reg, false) == ExemptReason::none);
  CHECK(exemption_at_issue(late, &reg, false) == ExemptReason::short_notice);
  // No registration for the season, or excluded, or neither cleared nor FRAP MW: not_registered,
  // before short notice.
  CHECK(exemption_at_issue(late, nullptr, true) == ExemptReason::not_registered);
  SeasonRegistration excluded = reg;
  excluded.excluded = true;
  CHECK(exemption_at_issue(timely, &excluded, false) == ExemptReason::not_registered);
  SeasonRegistration empty = reg;
  empty.cleared_mw = MW("0");
  CHECK(exemption_at_issue(timely, &empty, false) == ExemptReason::not_registered);
  empty.frap_mw = MW("0.1");  // FRAP MW alone registers it
  CHECK(exemption_at_issue(timely, &empty, false) == ExemptReason::none);
  // June not among the available months (July, August): outside_availability unless the
  // resource declared availability above 0 in the season; before short notice.
  SeasonRegistration july_august = season_reg("10", {7, 8});
  CHECK(exemption_at_issue(late, &july_august, false) == ExemptReason::outside_availability);
  CHECK(exemption_at_issue(timely, &july_august, true) == ExemptReason::none);
  CHECK(exemption_at_issue(late, &july_august, true) == ExemptReason::short_notice);
}

TEST_CASE("at start: withdrawn, then max_interruptions", "[exemptions]") {
  const SeasonRegistration reg = season_reg("10", {6, 7, 8}, 5);  // 5 interruptions a season
  const Rules rules;                                              // withdrawal_notice_h 2
  // Withdrawn 13:00, exactly start - 2 h: in time. 13:00:01 is too late (still a deployment).
  CHECK(exemption_at_start(at_june_10("2025-06-10T09:00", "2025-06-10T13:00"), reg, 0, rules) ==
        ExemptReason::withdrawn);
  CHECK(exemption_at_start(at_june_10("2025-06-10T09:00", "2025-06-10T13:00:01"), reg, 0, rules) ==
        ExemptReason::none);
  // 4 prior deployments of 5: none; the 6th call (5 prior) is exempt.
  CHECK(exemption_at_start(at_june_10("2025-06-10T09:00"), reg, 4, rules) == ExemptReason::none);
  CHECK(exemption_at_start(at_june_10("2025-06-10T09:00"), reg, 5, rules) == ExemptReason::max_interruptions);
  // Withdrawn in time wins over max_interruptions (row 4 before row 5).
  CHECK(exemption_at_start(at_june_10("2025-06-10T09:00", "2025-06-10T12:00"), reg, 5, rules) ==
        ExemptReason::withdrawn);
  // rules.withdrawal_notice_h 0: a withdrawal at start itself is in time.
  Rules none_needed;
  none_needed.withdrawal_notice_h = dec("0");
  CHECK(exemption_at_start(at_june_10("2025-06-10T09:00", "2025-06-10T15:00"), reg, 0, none_needed) ==
        ExemptReason::withdrawn);
}

TEST_CASE("the two stages give what the whole 4.1 table gives", "[exemptions]") {
  std::vector<std::optional<SeasonRegistration>> regs{std::nullopt, summer_reg(), season_reg("10", {7, 8}, 2),
                                                      season_reg("0", {6, 7, 8})};
  const char* issues[] = {"2025-06-10T09:00", "2025-06-10T13:00", "2025-06-10T14:00", "2025-06-10T16:00"};
  const char* withdrawals[] = {nullptr, "2025-06-10T12:00", "2025-06-10T14:30", "2025-06-10T16:00"};
  const Rules rules;
  int compared = 0;
  for (const auto& reg : regs) {
    const SeasonRegistration* r = reg ? &*reg : nullptr;
    for (const char* issued : issues) {
      for (const char* withdrawn : withdrawals) {
        for (bool declared : {false, true}) {
          for (int prior : {0, 1, 2, 5}) {
            const Instruction i = at_june_10(issued, withdrawn);
            ExemptReason staged = exemption_at_issue(i, r, declared);
            if (staged == ExemptReason::none) staged = exemption_at_start(i, *r, prior, rules);
            CHECK(staged == whole_instruction_exemption(i, RegistrationFacts{r, declared, prior}, rules));
            ++compared;
          }
        }
      }
    }
  }
  CHECK(compared == 4 * 4 * 4 * 2 * 4);
}

TEST_CASE("declared availability: above 0 MW at any time in the season, half-open", "[exemptions][availability]") {
  // PY 2025 summer is [2025-06-01T00:00, 2025-09-01T00:00).
  const SeasonKey summer{2025, Season::summer};
  const Availability last_hour = entry("2025-08-31T23:00", "2025-09-01T00:00", "3");
  const Availability after = entry("2025-09-01T00:00", "2025-09-02T00:00", "3");
  const Availability before = entry("2025-05-31T00:00", "2025-06-01T00:00", "3");
  const Availability zero = entry("2025-07-01T00:00", "2025-07-02T00:00", "0");
  const Availability across = entry("2025-05-31T12:00", "2025-06-01T01:00", "0.000001");
  CHECK(declared_availability({&last_hour}, summer));
  CHECK_FALSE(declared_availability({&after}, summer));
  CHECK_FALSE(declared_availability({&before}, summer));
  CHECK_FALSE(declared_availability({&zero}, summer));
  CHECK(declared_availability({&across}, summer));  // its last hour lies in the season
  CHECK(declared_availability({&zero, &after, &last_hour}, summer));
  CHECK_FALSE(declared_availability({}, summer));
  CHECK(declared_availability({&after}, SeasonKey{2025, Season::fall}));
}

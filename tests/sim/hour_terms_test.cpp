// An instruction's hour terms (sim/hour_terms): hours_alike holds exactly when every hour of the
// window gets the first hour's record but for its time.
#include <catch2/catch.hpp>

#include "sim/hour_terms.hpp"
#include "tests/support/builders_more.hpp"

using namespace drsim;
using namespace drsim::test;
using sim::InstructionTerms;

namespace {

// 14:00-18:00 on 2025-07-15, 5 MW, reported at 5 MW; registered for `max_h` hours.
struct Case {
  Instruction ins;
  SeasonRegistration reg;
  AdvancedReport report;
  std::vector<const Availability*> availability;
  std::vector<Outage> outage_list;
  std::vector<const Outage*> outages;

  explicit Case(const char* max_h = "6") {
    ins.id = "SI-1";
    ins.resource = "DR-1";
    ins.issued = T("2025-07-15T08:00");
    ins.start = T("2025-07-15T14:00");
    ins.end = T("2025-07-15T18:00");
    ins.mw = MW("5");
    reg.cleared_mw = MW("5");
    reg.max_duration_h = dec(max_h);
    report.instruction = "SI-1";
    report.entered = ins.issued;
    report.target_mw = MW("5");
  }
  void outage(const char* from, const char* to, OutageReason reason) {
    outage_list.push_back({"DR-1", T(from), T(to), reason});
  }
  InstructionTerms terms() {
    outages.clear();
    for (const Outage& o : outage_list) outages.push_back(&o);
    return InstructionTerms{ins, &reg, obligated_end(ins, &reg), availability, outages, &report, false, ExemptReason::none};
  }
};

// Whether fill_hour_terms gives every hour of the window the first hour's terms.
bool every_hour_alike(const InstructionTerms& t) {
  HourRecord first;
  first.hour = t.instruction.start;
  first.obligated = covered(first.hour, ExactTime::of(t.instruction.start), t.obligated_end);
  sim::fill_hour_terms(t, first);
  for (MarketTime h = t.instruction.start; h < t.instruction.end; h = h + Duration::hours(1)) {
    HourRecord hr;
    hr.hour = h;
    hr.obligated = covered(h, ExactTime::of(t.instruction.start), t.obligated_end);
    sim::fill_hour_terms(t, hr);
    if (!same_terms(hr, first)) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("hours_alike: a flat instruction of whole hours obligated to its end", "[hour_terms]") {
  Case c;
  CHECK(sim::hours_alike(c.terms()));
  CHECK(every_hour_alike(c.terms()));
  // An outage over the whole window, or wholly outside it: still alike (flags the same each hour).
  c.outage("2025-07-15T13:00", "2025-07-15T19:00", OutageReason::forced);
  c.outage("2025-07-16T13:00", "2025-07-16T19:00", OutageReason::maintenance);
  CHECK(sim::hours_alike(c.terms()));
  CHECK(every_hour_alike(c.terms()));
}

TEST_CASE("hours_alike: false wherever an hour's terms can differ", "[hour_terms]") {
  SECTION("an outage over part of the window") {
    Case c;
    c.outage("2025-07-15T15:00", "2025-07-15T16:00", OutageReason::maintenance);
    CHECK_FALSE(sim::hours_alike(c.terms()));
    CHECK_FALSE(every_hour_alike(c.terms()));
  }
  SECTION("obligated for less than the window (max_duration_h 2.5)") {
    Case c("2.5");
    CHECK_FALSE(sim::hours_alike(c.terms()));
    CHECK_FALSE(every_hour_alike(c.terms()));
  }
  SECTION("MW by hour") {
    Case c;
    c.ins.mw.reset();
    c.ins.mw_by_hour = {{T("2025-07-15T14:00"), MW("5")}, {T("2025-07-15T15:00"), MW("4")}};
    CHECK_FALSE(sim::hours_alike(c.terms()));
    CHECK_FALSE(every_hour_alike(c.terms()));
  }
  SECTION("a reported target by hour") {
    Case c;
    c.report.target_mw.reset();
    c.report.target_mw_by_hour = {{T("2025-07-15T14:00"), MW("5")}, {T("2025-07-15T16:00"), MW("3")}};
    CHECK_FALSE(sim::hours_alike(c.terms()));
    CHECK_FALSE(every_hour_alike(c.terms()));
  }
  SECTION("DSRI entries (their MW can change within the window)") {
    Case c;
    Availability a;
    a.resource = "DR-1";
    a.start = T("2025-07-15T16:00");
    a.end = T("2025-07-15T18:00");
    a.available_mw = MW("2");
    c.availability.push_back(&a);
    CHECK_FALSE(sim::hours_alike(c.terms()));
    CHECK_FALSE(every_hour_alike(c.terms()));
  }
  SECTION("a window that does not start on the hour") {
    Case c;
    c.ins.start = T("2025-07-15T14:30");
    CHECK_FALSE(sim::hours_alike(c.terms()));
  }
}

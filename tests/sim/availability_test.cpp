// Available MW over the obligated part of an hour (rules.md 3.4, v1.2): the smallest MW in
// force over that part, cleared plus FRAP MW where no entry is in force during some of it.
#include <catch2/catch.hpp>

#include "sim/lifecycle.hpp"
#include "tests/support/builders_more.hpp"

using namespace drsim;
using namespace drsim::test;

namespace {

// DR-1 (FSL, 10 MW cleared, no FRAP) instructed 10 MW from 14:00 to `end`, max duration `dur` h.
Scenario one_call(const char* end, const char* dur = "4") {
  Scenario s = bare_market(2025);
  Resource& r = add_resource(s, "DR-1");
  r.seasons[0] = season_reg("10", {6, 7, 8}, 5, dur);
  add_instruction(s, "SI-1", "DR-1", "2025-07-15T10:00", "2025-07-15T14:00", end, "10");
  return s;
}

void entry(Scenario& s, const char* from, const char* to, const char* mw) {
  s.availability.push_back({"DR-1", T(from), T(to), MW(mw), std::nullopt});
}

std::vector<Mw> available(const Scenario& s) {
  std::vector<Mw> out;
  // The record is held by name: a range-for over a member of a temporary would read freed memory.
  const RunRecord record = sim::simulate(s, sim::inline_meter_feed(s.meter.rows));
  for (const auto& h : record.instructions.at(0).hours) {
    out.push_back(h.available_mw);
  }
  return out;
}

}  // namespace

TEST_CASE("availability: an entry covering part of the obligated part", "[rules][availability]") {
  SECTION("4 MW over 14:00-14:30 of a 10 MW resource: HE15 has 4 MW") {
    // In force: 4 MW over 14:00-14:30, cleared 10 MW over 14:30-15:00: min(4, 10) = 4.
    Scenario s = one_call("2025-07-15T15:00");
    entry(s, "2025-07-15T14:00", "2025-07-15T14:30", "4");
    CHECK(available(s) == std::vector<Mw>{MW("4")});
  }
  SECTION("12 MW for half the obligated part, nothing for the rest: min(12, cleared + FRAP)") {
    // v1.1 took the entry alone: 12 MW.
    Scenario s = one_call("2025-07-15T15:00");
    s.resources[0].seasons[0]->frap_mw = MW("1");
    entry(s, "2025-07-15T14:00", "2025-07-15T14:30", "12");
    CHECK(available(s) == std::vector<Mw>{MW("11")});  // min(12, 10 + 1)
  }
  SECTION("two entries covering the whole part: the smaller, no cleared MW") {
    Scenario s = one_call("2025-07-15T15:00");
    entry(s, "2025-07-15T14:00", "2025-07-15T14:30", "12");
    entry(s, "2025-07-15T14:30", "2025-07-15T15:00", "14");
    CHECK(available(s) == std::vector<Mw>{MW("12")});
  }
  SECTION("an entry in force only after the obligated part does not count") {
    // max_duration 0.5 h: obligated 14:00-14:30; the 14:30-15:00 entry is not in force over it.
    // v1.1 took every entry overlapping the hour: 4 MW.
    Scenario s = one_call("2025-07-15T15:00", "0.5");
    entry(s, "2025-07-15T14:30", "2025-07-15T15:00", "4");
    CHECK(available(s) == std::vector<Mw>{MW("10")});
  }
}

TEST_CASE("availability: an hour with no obligated part shows the MW in force at its start", "[rules][availability]") {
  // max_duration 1 h, window 14:00-16:00: HE16 (15:00) has no obligated part.
  Scenario s = one_call("2025-07-15T16:00", "1");
  SECTION("an entry in force at 15:00") {
    entry(s, "2025-07-15T15:00", "2025-07-15T15:10", "2");
    CHECK(available(s) == std::vector<Mw>{MW("10"), MW("2")});
  }
  SECTION("an entry from 15:30 is not in force at 15:00") {
    entry(s, "2025-07-15T15:30", "2025-07-15T16:00", "3");  // v1.1: 3
    CHECK(available(s) == std::vector<Mw>{MW("10"), MW("10")});
  }
}

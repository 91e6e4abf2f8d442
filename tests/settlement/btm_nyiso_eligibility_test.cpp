// NYISO BTM:NG eligibility boundaries (2 MW nameplate, 1 MW injection, 1 MW ACHL) and CRIS requests.
#include <catch2/catch.hpp>

#include "settlement/btm/nyiso_eligibility.hpp"

using namespace drsim;
using namespace drsim::btm;

namespace {
Mw m(const char* t) { return Mw(*Decimal::parse(t)); }
NyisoEligibilityInput eligible() {
  NyisoEligibilityInput in;
  in.nameplate = m("2");
  in.injection_limit = m("1");
  in.achl = m("1");
  in.capability_year = 2024;
  return in;
}
}  // namespace

TEST_CASE("exactly 2 MW nameplate, 1 MW injection limit and 1 MW ACHL are eligible", "[btm][nyiso]") {
  CHECK(nyiso_ineligibility(eligible()).empty());
}

TEST_CASE("one millionth below each threshold is not eligible", "[btm][nyiso]") {
  auto in = eligible();
  in.nameplate = m("1.999999");
  REQUIRE(nyiso_ineligibility(in).size() == 1);
  CHECK(nyiso_ineligibility(in)[0] == "nameplate 1.999999 MW is below 2 MW");
  in = eligible();
  in.injection_limit = m("0.999999");
  REQUIRE(nyiso_ineligibility(in).size() == 1);
  CHECK(nyiso_ineligibility(in)[0] == "injection limit 0.999999 MW is below 1 MW");
  in = eligible();
  in.achl = m("0.999999");
  REQUIRE(nyiso_ineligibility(in).size() == 1);
  CHECK(nyiso_ineligibility(in)[0] == "ACHL 0.999999 MW is below 1 MW");
}

TEST_CASE("each excluded category makes the resource ineligible", "[btm][nyiso]") {
  for (const char* c : {"intermittent", "energy_storage", "station_power_only", "aggregation_member",
                        "nyiso_demand_response", "utility_buyback"}) {
    auto in = eligible();
    const auto cat = parse_nyiso_excluded(c);
    REQUIRE(cat.has_value());
    in.excluded.push_back(*cat);
    REQUIRE(nyiso_ineligibility(in).size() == 1);
    CHECK(nyiso_ineligibility(in)[0] == std::string(c) + " resources are not eligible");
  }
  CHECK_FALSE(parse_nyiso_excluded("wind").has_value());
}

TEST_CASE("an election as Generator re-qualifies only by notice before August 1", "[btm][nyiso]") {
  // Capability year 2024 (from 2024-05-01): the notice must be sent before 2023-08-01.
  CHECK(requalification_deadline(2024) == Date::from_ymd(2023, 8, 1));
  auto in = eligible();
  in.election = NyisoElection{"generator", std::nullopt};
  CHECK(nyiso_ineligibility(in).size() == 1);
  in.election->requalification_notice = Date::from_ymd(2023, 7, 31);
  CHECK(nyiso_ineligibility(in).empty());
  in.election->requalification_notice = Date::from_ymd(2023, 8, 1);  // on the day is too late
  CHECK(nyiso_ineligibility(in).size() == 1);
}

TEST_CASE("CRIS requests are in tenths of a MW and at least 1 MW", "[btm][nyiso]") {
  CHECK_FALSE(cris_request_problem(*Decimal::parse("1")).has_value());
  CHECK_FALSE(cris_request_problem(*Decimal::parse("98.0")).has_value());
  CHECK_FALSE(cris_request_problem(*Decimal::parse("12.3")).has_value());
  CHECK(*cris_request_problem(*Decimal::parse("0.9")) == "CRIS request 0.9 MW is below the 1 MW minimum");
  CHECK(*cris_request_problem(*Decimal::parse("1.05")) == "CRIS request 1.05 MW is not in tenths of a MW");
  CHECK(cris_request_problem(*Decimal::parse("1.000001")).has_value());
}

// Tests of the scenario loader: one broken file per rule, with the exact message and place.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "loader_base.hpp"

using namespace drsim::test::loader;

TEST_CASE("the base scenario of these tests is valid") { CHECK(problems(base()).empty()); }

TEST_CASE("loader: format version, missing and unknown keys") {
  CHECK(problems(with(1, "drsim: 2")) == V{"s.yaml:1:8: drsim: format version 2 is not supported (expected 1)"});
  // A misspelt key is both unknown (with a suggestion) and leaves a required key missing.
  CHECK(problems(with(2, "nam: test")) ==
        V{"s.yaml:1:1: name: required key is missing", "s.yaml:2:1: nam: unknown key 'nam' (did you mean 'name'?)"});
  CHECK(problems(with(17, "    cpnod: N1")) ==
        V{"s.yaml:12:5: resources[0].cpnode: required key is missing",
          "s.yaml:17:5: resources[0].cpnod: unknown key 'cpnod' (did you mean 'cpnode'?)"});
  // Nothing close: no suggestion.
  CHECK(problems(with(3, "planning_year: 2025\ncolour: red")) == V{"s.yaml:4:1: colour: unknown key 'colour'"});
  CHECK(problems(with(2, "name: test\nname: again")) ==
        V{"s.yaml:3:1: name: key 'name' is given twice (first at line 2)"});
}

TEST_CASE("loader: rules keys go through set_rule") {
  CHECK(problems(with(3, "planning_year: 2025\nrules: {untested_multipler: 2}")) ==
        V{"s.yaml:4:9: rules.untested_multipler: unknown rule key 'untested_multipler' (did you mean "
          "'untested_multiplier'?)"});
  CHECK(problems(with(3, "planning_year: 2025\nrules: {untested_multiplier: x}")) ==
        V{"s.yaml:4:30: rules.untested_multiplier: expected a number, got 'x'"});
  // Rule values keep the +-1,000,000 limit of every other number (format.md, Limits): money's bounds rest on it.
  CHECK(problems(with(3, "planning_year: 2025\nrules: {untested_multiplier: 1000000}")).empty());
  CHECK(problems(with(3, "planning_year: 2025\nrules: {untested_multiplier: 1000000.000001}")) ==
        V{"s.yaml:4:30: rules.untested_multiplier: 1000000.000001 is beyond the limit of +-1000000 for a number"});
  CHECK(problems(with(3, "planning_year: 2025\nrules: {penalty_lmp_floor_usd_per_mwh: -2000000}")) ==
        V{"s.yaml:4:40: rules.penalty_lmp_floor_usd_per_mwh: -2000000 is beyond the limit of +-1000000 for a number"});
}

TEST_CASE("loader: wrong types and bad numbers name the bad value") {
  CHECK(problems(with(30, "    mw: [10]")) == V{"s.yaml:30:9: instructions[0].mw: expected a number, got a list"});
  CHECK(problems(with(30, "    mw: -10")) == V{"s.yaml:30:9: instructions[0].mw: must not be negative, got -10"});
  CHECK(problems(with(30, "    mw: .nan")) == V{"s.yaml:30:9: instructions[0].mw: expected a finite number, got '.nan'"});
  CHECK(problems(with(30, "    mw: .inf")) == V{"s.yaml:30:9: instructions[0].mw: expected a finite number, got '.inf'"});
  CHECK(problems(with(30, "    mw: 1,000")) ==
        V{"s.yaml:30:9: instructions[0].mw: expected a number without thousands separators, got '1,000'"});
  CHECK(problems(with(30, "    mw: 12 500.5")) ==
        V{"s.yaml:30:9: instructions[0].mw: expected a number without thousands separators, got '12 500.5'"});
  CHECK(problems(with(30, "    mw: 1_000")) ==
        V{"s.yaml:30:9: instructions[0].mw: expected a number without thousands separators, got '1_000'"});
  CHECK(problems(with(30, "    mw: \"10\"")) ==
        V{"s.yaml:30:9: instructions[0].mw: expected a number, got the quoted string \"10\""});
  CHECK(problems(with(30, "    mw:")) == V{"s.yaml:30:5: instructions[0].mw: required value is null"});
  CHECK(problems(with(7, "  - {id: MP, certified: yes}")) ==
        V{"s.yaml:7:25: participants[0].certified: expected true or false, got 'yes'"});
  CHECK(problems(with(5, "  - {id: LRZ5, acp_usd_per_mw_day: 666.50}")) ==
        V{"s.yaml:5:36: zones[0].acp_usd_per_mw_day: expected a map of keys, got '666.50'"});
}

TEST_CASE("loader: times") {
  CHECK(problems(with(28, "    start: 2025-07-15 3pm")) ==
        V{"s.yaml:28:12: instructions[0].start: bad time '2025-07-15 3pm': expected a time YYYY-MM-DDTHH:MM in "
          "market time (EST)"});
  CHECK(problems(with(29, "    end: 2025-07-15T15:00")) ==
        V{"s.yaml:29:10: instructions[0].end: end 2025-07-15T15:00 is not after start 2025-07-15T15:00"});
  // An offset is converted: 20:00Z is 15:00 EST, so this end equals the start.
  CHECK(problems(with(29, "    end: 2025-07-15T20:00Z")) ==
        V{"s.yaml:29:10: instructions[0].end: end 2025-07-15T15:00 is not after start 2025-07-15T15:00"});
  CHECK(problems(with(30, "    mw: 10\n    withdrawn: 2025-13-01T00:00")) ==
        V{"s.yaml:31:16: instructions[0].withdrawn: bad time '2025-13-01T00:00': month 13 is outside 1..12"});
}

TEST_CASE("loader: duplicate ids and references to ids that do not exist") {
  CHECK(problems(with(7, "  - {id: MP, certified: true}\n  - {id: MP}")) ==
        V{"s.yaml:8:10: participants[1].id: duplicate participant id 'MP' (first at line 7)"});
  CHECK(problems(with(26, "    resource: DR-2")) ==
        V{"s.yaml:26:15: instructions[0].resource: no resource 'DR-2' is defined (did you mean 'DR-1'?)"});
  CHECK(problems(with(16, "    zone: LRZ9")) ==
        V{"s.yaml:16:11: resources[0].zone: no zone 'LRZ9' is defined (did you mean 'LRZ5'?)"});
  CHECK(problems(with(25, "    emergency: EV-X")) ==
        V{"s.yaml:25:16: instructions[0].emergency: no emergency 'EV-X' is defined (did you mean 'EV-1'?)"});
  // The LMR's emergency must reach an LSE for allocation (rules.md 4.10).
  CHECK(problems(with({{8, "lbas: [AMMO, CWLD]"}, {22, "  - {id: EV-1, lbas: [CWLD], level: step2, start: "
                                                         "2025-07-15T14:00, end: 2025-07-15T20:00}"}})) ==
        V{"s.yaml:22:5: emergencies[0].lbas: no lse is in the emergency's lbas (CWLD), so its penalties cannot be "
          "allocated"});
}

TEST_CASE("loader: resource registration limits") {
  CHECK(problems(with(20, "      summer: {cleared_mw: 10, notification_h: 13, max_interruptions: 5, max_duration_h: 4, "
                          "months: [6, 7, 8]}")) ==
        V{"s.yaml:20:48: resources[0].seasons.summer.notification_h: notification time 13 h is above the limit of "
          "12 h"});
  CHECK(problems(with(20, "      summer: {cleared_mw: 10, notification_h: 2, max_interruptions: 5, max_duration_h: 4, "
                          "months: [6, 13]}")) ==
        V{"s.yaml:20:104: resources[0].seasons.summer.months[1]: month 13 is outside 1..12"});
  CHECK(problems(with(20, "      sumer: {cleared_mw: 10}")) ==
        V{"s.yaml:20:7: resources[0].seasons.sumer: unknown key 'sumer' (did you mean 'summer'?)"});
  CHECK(problems(with(18, "    protocol: metered_generation")) ==
        V{"s.yaml:18:15: resources[0].protocol: protocol metered_generation does not apply to a DR resource (DR: "
          "baseline or firm_service_level; BTMG: metered_generation)"});
  CHECK(problems(with(18, "    protocol: firm_service_level")) ==
        V{"s.yaml:12:5: resources[0].fsl_mw: required key is missing (protocol firm_service_level)"});
}

TEST_CASE("loader: instructions") {
  // Both forms at once.
  CHECK(problems(with(30, "    mw: 10\n    mw_by_hour: {2025-07-15T15:00: 10}")) ==
        V{"s.yaml:31:17: instructions[0].mw_by_hour: give either mw or mw_by_hour, not both"});
  // A by-hour entry outside the window [15:00, 17:00).
  CHECK(problems(with(30, "    mw_by_hour: {2025-07-15T15:00: 10, 2025-07-15T17:00: 5}")) ==
        V{"s.yaml:30:40: instructions[0].mw_by_hour.2025-07-15T17:00: hour 2025-07-15T17:00 is outside the window "
          "2025-07-15T15:00 .. 2025-07-15T17:00"});
  // Two instructions of DR-1 whose windows overlap (16:00 < 17:00).
  CHECK(problems(with(30, "    mw: 10\n  - {id: SI-2, emergency: EV-1, resource: DR-1, issued: 2025-07-15T10:00, "
                          "start: 2025-07-15T16:00, end: 2025-07-15T17:00, mw: 5}")) ==
        V{"s.yaml:31:5: instructions[1]: window 2025-07-15T16:00 .. 2025-07-15T17:00 of resource 'DR-1' overlaps "
          "instruction 'SI-1' (2025-07-15T15:00 .. 2025-07-15T17:00, line 24)"});
  // The window now reaches 18:30, where the lmp series has no price at N1: that is no load problem
  // (v1.2: prices are needed only for charged hours, which settlement checks, rules.md 4.7).
  CHECK(problems(with(29, "    end: 2025-07-15T18:30")).empty());
}

TEST_CASE("loader: hourly series rows") {
  // Not on an hour boundary: that row is refused.
  CHECK(problems(with(35, "      - [N1, 2025-07-15T16:30, 410]")) ==
        V{"s.yaml:35:14: series.lmp.rows[1].hour_start: 2025-07-15T16:30 is not the start of an hour (expected HH:00)"});
  CHECK(problems(with(35, "      - [N1, 2025-07-15T15:00, 410]")) ==
        V{"s.yaml:35:14: series.lmp.rows[1].hour_start: a second row for N1 at 2025-07-15T15:00 (first at line 34)"});
  // LMP may be negative; RSG may not.
  CHECK(problems(with(35, "      - [N1, 2025-07-15T16:00, -41]")).empty());
  CHECK(problems(with(36, "  rsg: {rows: [[2025-07-15T15:00, -1.5]]}")) ==
        V{"s.yaml:36:35: series.rsg.rows[0].usd_per_mwh: must not be negative, got -1.5"});
  CHECK(problems(with(35, "      - [N1, 2025-07-15T16:00]")) ==
        V{"s.yaml:35:9: series.lmp.rows[1]: the row has 2 values, the series has 3 columns (cpnode,hour_start,"
          "usd_per_mwh)"});
  CHECK(problems(with(36, "  rsg: {usd_per_mwh: 1.5, rows: []}")) ==
        V{"s.yaml:36:8: series.rsg: give only one of csv:, rows: and usd_per_mwh:"});
}

TEST_CASE("loader: series from CSV files, relative to the scenario") {
  const std::string lmp_csv = "cpnode,hour_start,usd_per_mwh\nN1,2025-07-15T15:00,250\nN1,2025-07-15T16:00,abc\n";
  CHECK(problems(with({{32, "  lmp: {csv: data/lmp.csv}"}, {33, "#"}, {34, "#"}, {35, "#"}}), {{"data/lmp.csv", lmp_csv}}) ==
        V{"data/lmp.csv:3: usd_per_mwh: expected a number, got 'abc'"});
  CHECK(problems(with({{32, "  lmp: {csv: data/nope.csv}"}, {33, "#"}, {34, "#"}, {35, "#"}})).at(0).find(
            "s.yaml:32:14: series.lmp.csv: cannot open 'data/nope.csv'") == 0);
  const std::string baseline = "resource,hour_start,mw\nDR-1,2025-07-15T15:00,20\nDR-7,2025-07-15T15:00,20\n";
  CHECK(problems(with(36, "  rsg: {usd_per_mwh: 1.5}\n  baseline: {csv: b.csv}"), {{"b.csv", baseline}}) ==
        V{"b.csv:3: resource: no resource 'DR-7' is defined"});
}

TEST_CASE("loader: meter rows") {
  CHECK(problems(with(40, "      - [DR-1, 2025-07-15T16:00, 30, 12]")) ==
        V{"s.yaml:40:34: series.meter.rows[1].interval_minutes: 30 is not a meter interval length (expected 5, 15 or "
          "60)"});
  CHECK(problems(with(40, "      - [DR-1, 2025-07-15T16:05, 15, 12]")) ==
        V{"s.yaml:40:16: series.meter.rows[1].interval_start: 2025-07-15T16:05 is not aligned to its 15-minute "
          "interval"});
  // 15:30 starts before the previous row's end (16:00): overlap, naming both lines.
  CHECK(problems(with(40, "      - [DR-1, 2025-07-15T15:30, 15, 12]")) ==
        V{"s.yaml:40: interval_start: 2025-07-15T15:30 overlaps the interval 2025-07-15T15:00 .. "
          "2025-07-15T16:00 at line 39"});
  // A repeated interval is refused; a negative value is not (v1.2: rows in any order, mw may be negative).
  const std::string meter = "resource,interval_start,interval_minutes,mw\nDR-1,2025-07-15T15:00,60,10\n"
                            "DR-1,2025-07-15T15:00,60,10\nDR-1,2025-07-15T16:00,5,-2\n";
  CHECK(problems(with({{37, "  meter: {csv: m.csv}"}, {38, "#"}, {39, "#"}, {40, "#"}}), {{"m.csv", meter}}) ==
        V{"m.csv:3: interval_start: 2025-07-15T15:00 repeats the interval 2025-07-15T15:00 .. "
          "2025-07-15T16:00 at line 2"});
  // Out of order but disjoint: valid (format.md, series files v1.2).
  CHECK(problems(with({{39, "      - [DR-1, 2025-07-15T16:00, 60, 12]"}, {40, "      - [DR-1, 2025-07-15T15:00, 60, 10]"}}))
            .empty());
}

TEST_CASE("loader: expect") {
  CHECK(problems(base() + "expect:\n  penalty_usd: 1.005\n  resources:\n    DR-9: {penalty_usd: 1}\n"
                          "  lses:\n    LSE-A: {amount: 1}\n  totl: 3\n") ==
        V{"s.yaml:42:16: expect.penalty_usd: expected dollars with at most two decimals, got '1.005'",
          "s.yaml:44:5: expect.resources.DR-9: no resource 'DR-9' is defined (did you mean 'DR-1'?)",
          "s.yaml:46:12: expect.lses.LSE-A.amount_usd: required key is missing",
          "s.yaml:46:13: expect.lses.LSE-A.amount: unknown key 'amount' (did you mean 'amount_usd'?)",
          "s.yaml:47:3: expect.totl: unknown key 'totl'"});
}

TEST_CASE("loader: an empty exposure section is accepted (its keys are checked by exposure_reader)") {
  CHECK(problems(base() + "exposure: {}\n").empty());
}

TEST_CASE("loader: YAML syntax errors, empty files, bombs and deep nesting") {
  CHECK(problems(with(8, "lbas: [AMMO")) == V{"s.yaml:9:5: yaml: end of sequence flow not found"});
  CHECK(problems("") == V{"s.yaml: the file is empty"});
  CHECK(problems("- 1\n- 2\n") == V{"s.yaml:1:1: expected a map of keys, got a list"});
  // A billion-laughs document: nine levels of nine aliases are 9^9 nodes when walked.
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    const char p = static_cast<char>(c - 1);
    bomb += std::string(1, c) + ": &" + c + " [*" + p + ", *" + p + ", *" + p + ", *" + p + ", *" + p + ", *" + p +
            ", *" + p + ", *" + p + ", *" + p + "]\n";
  }
  CHECK(problems(bomb) == V{"s.yaml:1:1: the document has more than 1000000 nodes (counting each use of an alias); "
                            "refusing it as a possible alias bomb"});
  // An alias that contains itself is an endless structure: caught by the depth limit.
  const auto self = problems("a: &a [1, *a]\n");
  REQUIRE(self.size() == 1);
  CHECK(self[0].find("the document nests deeper than 64 levels") != std::string::npos);
  CHECK(problems("a: " + std::string(100, '[') + std::string(100, ']') + "\n").at(0).find(
            "the document nests deeper than 64 levels") != std::string::npos);
}

TEST_CASE("loader: a file with five different mistakes reports all five, in line order") {
  const std::string yaml = with({{3, "planning_year: 2025\nrules: {failure_separation_h: -1}"},  // 1: line 4
                                 {13, "    type: DRR"},                                              // 2: line 14
                                 {22, "  - {id: EV-1, lbas: [AMMO], level: step2, start: 2025-07-15T14:00, end: "
                                      "2025-07-15T20:00, lbs: [AMMO]}"},                             // 3: line 23
                                 {26, "    resource: DR-3"},                                         // 4: line 27
                                 {30, "    mw: 10 MW"}});                                            // 5: line 31
  CHECK(problems(yaml) ==
        V{"s.yaml:4:31: rules.failure_separation_h: must not be negative, got -1",
          "s.yaml:14:11: resources[0].type: expected DR | BTMG, got 'DRR'",
          "s.yaml:23:92: emergencies[0].lbs: unknown key 'lbs' (did you mean 'lbas'?)",
          "s.yaml:27:15: instructions[0].resource: no resource 'DR-3' is defined (did you mean 'DR-1'?)",
          "s.yaml:31:9: instructions[0].mw: expected a number, got '10 MW'"});
}

TEST_CASE("loader: the worked example loads with its values") {
  const drsim::Scenario s =
      drsim::load_scenario(std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/worked-example/scenario.yaml");
  CHECK(s.name == "Zone 5 heat event, July 2025");
  CHECK(s.planning_year == 2025);
  CHECK(s.sha256.size() == 64);
  CHECK(s.rules_overridden == std::vector<std::string>{"untested_multiplier", "failure_separation_h"});
  REQUIRE(s.zones.size() == 1);
  // 666.50 $/MW-day is 666500000 millionths.
  CHECK(drsim::at(s.zones[0].acp, drsim::Season::summer)->value().micros() == 666'500'000);
  REQUIRE(s.lses.size() == 3);
  CHECK(s.lses[1].load_ratio_share->str() == "0.08");
  REQUIRE(s.resources.size() == 1);
  const drsim::Resource& r = s.resources[0];
  CHECK(r.cpnode == "AMMO.DR1");
  CHECK(r.tested);
  CHECK_FALSE(r.acp_disqualified_through.has_value());
  const auto& summer = *drsim::at(r.seasons, drsim::Season::summer);
  CHECK(summer.cleared_mw.value().str() == "10");
  CHECK(summer.frap_mw.is_zero());  // default 0
  CHECK(summer.has_month(7));
  CHECK_FALSE(summer.has_month(9));
  CHECK_FALSE(drsim::at(r.seasons, drsim::Season::winter).has_value());
  REQUIRE(s.instructions.size() == 1);
  CHECK(s.instructions[0].start.str() == "2025-07-15T15:00");
  CHECK(s.instructions[0].mw->value().str() == "10");
  CHECK_FALSE(s.instructions[0].withdrawn.has_value());
  CHECK(s.outages.at(0).reason == drsim::OutageReason::maintenance);
  // LMP at HE18 (17:00) is 980; baseline is flat 20 over the day's 24 hours.
  const auto h17 = drsim::MarketTime::at(drsim::Date::from_ymd(2025, 7, 15), 17);
  CHECK(s.lmp.get("AMMO.DR1", h17)->value().str() == "980");
  CHECK(s.baseline.hours() == 24);
  CHECK(s.rsg_at(h17)->value().str() == "1.5");
  CHECK(s.meter.present);
  CHECK(s.expect.penalty_usd == drsim::Money::from_cents(630275));
  CHECK(s.expect.resources.at("DR-1").counted_failures == 1);
  CHECK(s.expect.lses.at("LSE-B") == drsim::Money::from_cents(50422));
  REQUIRE(s.eo.size() == 1);
  CHECK_FALSE(s.eo[0].cap_usd.has_value());
}

// The worked example as a live drill: a VEN logs in, subscribes, receives SI-1 at its issue time,
// reports its target and meter readings, and the drill's statement is the worked example's
// (penalty 6302.75); reporting nothing gives the missing-reporting figures; and drsim run of
// drill-scenario.yaml reproduces the drill's outputs byte for byte.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/drill/drill_support.hpp"

namespace fs = std::filesystem;
using drsim::test::Json;

namespace {

const std::string kWorked = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/worked-example/scenario.yaml";

// The worked example's meter rows, as a VEN's system posts them once each hour is over.
const std::vector<std::pair<std::string, std::string>> kReadings = {
    {"2025-07-15T15:00:00-05:00", "10"}, {"2025-07-15T16:00:00-05:00", "12"},
    {"2025-07-15T17:00:00-05:00", "14"}, {"2025-07-15T18:00:00-05:00", "12.5"}};

}  // namespace

TEST_CASE("drill: the worked example's VEN gets the worked example's statement", "[drill]") {
  drsim::test::TempDir tmp;
  drsim::test::WebhookListener hook;
  drsim::test::ResponseLog responses(tmp / "responses.jsonl");
  const std::string out = tmp / "drill";
  drsim::test::DrillProcess drill(DRSIM_BINARY, kWorked + " --speed 7200 --lead 60 --grace 30 --out " + out, tmp / "stderr.txt");
  const unsigned short port = drill.port();
  const std::string token = drsim::test::login(port, "MP-UTIL", "MP-UTIL");

  // One program (planning year 2025, zone LRZ5), one VEN with its one resource.
  const auto programs = drsim::test::http_call(port, "GET", "/programs", "", token);
  REQUIRE(programs.status == 200);
  REQUIRE(programs.body.size() == 1);
  CHECK(programs.body[0]["programName"] == "LMR-PY2025-LRZ5");
  const std::string program = programs.body[0]["id"];
  const auto vens = drsim::test::http_call(port, "GET", "/vens", "", token);
  REQUIRE(vens.body.size() == 1);
  CHECK(vens.body[0]["venName"] == "MP-UTIL");
  CHECK(vens.body[0]["resources"][0]["resourceName"] == "DR-1");

  const Json sub = {{"clientName", "MP-UTIL"},
                    {"programID", program},
                    {"objectOperations", Json::array({{{"objects", {"EVENT"}},
                                                       {"operations", {"CREATE", "UPDATE"}},
                                                       {"callbackUrl", "http://127.0.0.1:" + std::to_string(hook.port()) + "/cb"},
                                                       {"bearerToken", "hook-secret"}}})}};
  REQUIRE(drsim::test::http_call(port, "POST", "/subscriptions", sub.dump(), token).status == 201);
  // Before 10:00 (the lead is one simulated hour) there is no event yet.
  CHECK(drsim::test::http_call(port, "GET", "/events", "", token).body.empty());

  const Json event = drsim::test::wait_for_event(port, token);
  CHECK(event["eventName"] == "SI-1");
  CHECK(event["createdDateTime"] == "2025-07-15T10:00:00-05:00");
  CHECK(event["programID"] == program);
  CHECK(event["intervalPeriod"]["start"] == "2025-07-15T15:00:00-05:00");
  CHECK(event["intervalPeriod"]["duration"] == "PT4H");
  CHECK(event["intervals"][0]["payloads"][0]["type"] == "INSTRUCTED_MW");
  CHECK(event["intervals"][0]["payloads"][0]["values"][0] == 10);

  // The target, for the whole window, before the start.
  const auto target = drsim::test::post_target(port, token, event, "DR-1", "10");
  REQUIRE(target.status == 201);
  CHECK(target.body["objectType"] == "REPORT");
  // A reading of an hour not over yet is refused (400): the first one is posted before 16:00.
  const auto early = drsim::test::post_reading(port, token, event, "DR-1", kReadings[0].first, "PT1H", kReadings[0].second);
  CHECK(early.status == 400);
  CHECK(early.body["status"] == 400);
  for (const auto& [start, mw] : kReadings) drsim::test::post_reading_when_over(port, token, event, "DR-1", start, mw);
  REQUIRE(drill.wait() == 0);
  CHECK(drill.out().find("6302.75 $") != std::string::npos);

  // The webhook was called when SI-1 was issued, with the subscription's token.
  const auto notes = hook.received();
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["objectType"] == "EVENT");
  CHECK(notes[0]["operation"] == "POST");
  CHECK(notes[0]["object"]["eventName"] == "SI-1");
  CHECK(hook.authorizations()[0] == "Bearer hook-secret");
  responses.add_notifications(notes);
  responses.validate();

  // The statement is the worked example's, file for file.
  const std::string ref = tmp / "ref";
  REQUIRE(drsim::test::run_drsim("run " + kWorked + " --out " + ref + " -q").status == 0);
  for (const char* f : {"hourly.csv", "failures.csv", "capacity.csv", "allocation.csv", "eo.csv", "deployments.csv"}) {
    INFO(f);
    CHECK(drsim::test::read_file(out + "/" + f) == drsim::test::read_file(ref + "/" + f));
  }
  const Json summary = Json::parse(drsim::test::read_file(out + "/summary.json"));
  CHECK(summary.dump().find("6302.75") != std::string::npos);

  // drsim run drill-scenario.yaml: the same outputs, byte for byte.
  drsim::test::check_rerun_equal(out, tmp / "rerun");
}

TEST_CASE("drill: a VEN that reports nothing gets the missing-reporting figures", "[drill]") {
  drsim::test::TempDir tmp;
  drsim::test::ResponseLog responses(tmp / "responses.jsonl");
  const std::string out = tmp / "drill";
  drsim::test::DrillProcess drill(DRSIM_BINARY, kWorked + " --speed 20000 --grace 1 --out " + out, tmp / "stderr.txt");
  const std::string token = drsim::test::login(drill.port(), "MP-UTIL", "MP-UTIL");
  REQUIRE(drsim::test::wait_for_event(drill.port(), token)["eventName"] == "SI-1");
  REQUIRE(drill.wait() == 0);

  // The same scenario as a file, with no advanced reporting and no meter rows.
  std::string yaml = drsim::test::read_file(kWorked);
  const auto ar = yaml.find("advanced_reporting:");
  const auto av = yaml.find("availability:");
  yaml.erase(ar, av - ar);
  const std::string data = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/worked-example/data/";
  for (const char* f : {"lmp", "baseline"}) {
    const auto at = yaml.find("data/" + std::string(f) + ".csv");
    yaml.replace(at, 5, data);
  }
  yaml.replace(yaml.find("data/meter.csv"), 14, "meter.csv");
  yaml.erase(yaml.find("expect:"));
  tmp.write("missing/meter.csv", "resource,interval_start,interval_minutes,mw\n");
  const std::string file = tmp.write("missing/scenario.yaml", yaml);
  const std::string ref = tmp / "ref";
  REQUIRE(drsim::test::run_drsim("run " + file + " --out " + ref + " -q").status == 0);
  for (const char* f : {"hourly.csv", "failures.csv", "allocation.csv"}) {
    INFO(f);
    CHECK(drsim::test::read_file(out + "/" + f) == drsim::test::read_file(ref + "/" + f));
  }
  // No target reported: the instructed 10 MW counts; no meter rows: actual 0 in each hour, so the
  // shortfall is 10 MW an hour: 10 x (250 + 410 + 980 + 620) = 22600.00 energy, 10 x 4 x 1.50 =
  // 60.00 RSG, penalty 22660.00.
  CHECK(drill.out().find("22600.00 $") != std::string::npos);
  CHECK(drill.out().find("60.00 $") != std::string::npos);
  CHECK(drill.out().find("22660.00 $") != std::string::npos);
  responses.validate();
  CHECK(drsim::test::read_file(out + "/drill-scenario.yaml").find("advanced_reporting") == std::string::npos);
  drsim::test::check_rerun_equal(out, tmp / "rerun");
}

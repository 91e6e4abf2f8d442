// What the drill tests share: waiting for an event, posting reports as a VEN, comparing folders.
#pragma once

#include <catch2/catch.hpp>

#include <thread>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/drill/ven_client.hpp"
#include "tests/support/cli.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

namespace drsim::test {

// Records the responses of a test case (and the webhook notifications it hands in) and checks
// them all against the spec's schemas at the end (validate_responses.py, python3-jsonschema).
class ResponseLog {
 public:
  explicit ResponseLog(std::string path) : path_(std::move(path)) { response_log() = path_; }
  ~ResponseLog() { response_log().clear(); }
  void add_notifications(const std::vector<Json>& notes) {
    for (const auto& n : notes) log_response(Json{{"notification", n}});
  }
  // Runs the validator; REQUIREs that every body matches its schema.
  void validate() {
    const auto r = run_shell("python3 " + std::string(DRSIM_SOURCE_DIR) + "/tests/drill/validate_responses.py " +
                             std::string(DRSIM_SOURCE_DIR) + "/docs/openadr3-3.0.1/openadr3.yaml " + path_);
    INFO(r.out);
    REQUIRE(r.status == 0);
    CHECK(r.out.find(" 0 failures") != std::string::npos);
  }

 private:
  std::string path_;
};

// Polls GET /events (every 25 ms, at most 30 s) until the VEN sees one; returns it.
inline Json wait_for_event(unsigned short port, const std::string& token) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < until) {
    const auto r = http_call(port, "GET", "/events", "", token);
    if (r.status == 200 && !r.body.empty()) return r.body[0];
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("no event within 30 s");
}

inline Json report_of(const Json& event, const std::string& resource, Json intervals) {
  return Json{{"programID", event["programID"]},
              {"eventID", event["id"]},
              {"clientName", "test VEN"},
              {"reportName", "drill test"},
              {"resources", Json::array({{{"resourceName", resource}, {"intervals", std::move(intervals)}}})}};
}

// A TARGET_MW for the event's whole window (the number written as `mw`, exactly).
inline HttpResult post_target(unsigned short port, const std::string& token, const Json& event, const std::string& resource,
                              const std::string& mw) {
  std::string body = report_of(event, resource, Json::array({{{"id", 0}, {"payloads", {{{"type", "TARGET_MW"}, {"values", {"MW"}}}}}}}))
                         .dump();
  body.replace(body.find("\"MW\""), 4, mw);
  return http_call(port, "POST", "/reports", body, token);
}

// A METERED_MW reading of one interval.
inline HttpResult post_reading(unsigned short port, const std::string& token, const Json& event, const std::string& resource,
                               const std::string& start, const std::string& duration, const std::string& mw) {
  std::string body =
      report_of(event, resource,
                Json::array({{{"id", 0},
                              {"intervalPeriod", {{"start", start}, {"duration", duration}}},
                              {"payloads", {{{"type", "METERED_MW"}, {"values", {"MW"}}}}}}}))
          .dump();
  body.replace(body.find("\"MW\""), 4, mw);
  return http_call(port, "POST", "/reports", body, token);
}

// Posts an hour's reading as soon as the drill takes it (400 while the hour is not over).
inline void post_reading_when_over(unsigned short port, const std::string& token, const Json& event, const std::string& resource,
                                   const std::string& start, const std::string& mw) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < until) {
    const auto r = post_reading(port, token, event, resource, start, "PT1H", mw);
    if (r.status == 201) return;
    if (r.status != 400) throw std::runtime_error("reading refused: " + r.raw);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("reading of " + start + " never taken");
}

// `drsim run DIR/drill-scenario.yaml` writes the same outputs as the drill, byte for byte; only
// results.sqlite, report.html and eo.xlsx carry the run's wall-clock times (started, finished, the
// workbook's created date), and only there may they differ.
inline void check_rerun_equal(const std::string& drill_out, const std::string& rerun) {
  REQUIRE(run_drsim("run " + drill_out + "/drill-scenario.yaml --out " + rerun + " -q").status == 0);
  std::size_t compared = 0;
  for (const auto& e : std::filesystem::directory_iterator(rerun)) {
    const std::string name = e.path().filename().string();
    if (name == "results.sqlite" || name == "report.html" || name == "eo.xlsx") continue;
    INFO(name);
    CHECK(read_file(drill_out + "/" + name) == read_file(e.path().string()));
    ++compared;
  }
  CHECK(compared >= 7);
}

}  // namespace drsim::test

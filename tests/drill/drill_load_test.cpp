// A bounded load test: 200 VENs, one per LMR of a generated scenario, poll their events and post
// their targets and meter readings over loopback at --speed 600. Reports the report requests per
// second and their p99 latency, and checks that no report was lost: every reading acknowledged is
// in drill-scenario.yaml, and drsim run of it reproduces the drill's outputs byte for byte.
#include <catch2/catch.hpp>

#include <mutex>
#include <thread>

#include <algorithm>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

#include "drill/iso_time.hpp"
#include "tests/drill/drill_support.hpp"

using drsim::test::Json;

namespace {

struct Row {
  drsim::MarketTime start;
  std::string mw;
};

// One participant per resource: `mp: X` of resource R becomes `mp: MP-R`.
std::string one_participant_per_resource(const std::string& yaml, std::vector<std::string>& resources) {
  std::istringstream in(yaml);
  std::string out, line, current;
  bool in_participants = false;
  for (std::string l; std::getline(in, l);) {
    if (l == "participants:") {
      in_participants = true;
      out += "participants: PARTICIPANTS\n";
      continue;
    }
    if (in_participants && l.rfind("  - ", 0) == 0) continue;
    in_participants = false;
    if (l.rfind("  - id: ", 0) == 0) current = l.substr(8);
    if (l.rfind("    mp: ", 0) == 0) {
      resources.push_back(current);
      l = "    mp: MP-" + current;
    }
    out += l + "\n";
  }
  std::string list;
  for (const auto& r : resources) list += "  - {id: MP-" + r + ", certified: true}\n";
  out.replace(out.find("participants: PARTICIPANTS\n"), 27, "participants:\n" + list);
  return out;
}

}  // namespace

TEST_CASE("drill: 200 VENs poll and report at speed 600 and no report is lost", "[drill][load]") {
  drsim::test::TempDir tmp;
  REQUIRE(drsim::test::run_drsim("generate --resources 200 --days 12 --seed 1 --out " + (tmp / "gen")).status == 0);
  std::vector<std::string> resources;
  const std::string yaml = one_participant_per_resource(drsim::test::read_file(tmp / "gen/scenario.yaml"), resources);
  REQUIRE(resources.size() == 200);
  const std::string scenario = tmp.write("gen/drill.yaml", yaml);
  // Each resource's meter rows, as its VEN's system holds them.
  std::map<std::string, std::vector<Row>> meter;
  {
    std::istringstream in(drsim::test::read_file(tmp / "gen/data/meter.csv"));
    std::string line;
    std::getline(in, line);
    bool hourly = true;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ls(line);
      for (std::string x; std::getline(ls, x, ',');) f.push_back(x);
      hourly = hourly && f[2] == "60";
      meter[f[0]].push_back({*drsim::drill::parse_iso_time(f[1]), f[3]});
    }
    REQUIRE(hourly);  // the VENs post hour-long readings
  }

  const std::string out = tmp / "drill";
  const auto wall_start = std::chrono::steady_clock::now();
  drsim::test::DrillProcess drill(DRSIM_BINARY, scenario + " --speed 600 --grace 10 --out " + out, tmp / "stderr.txt");
  const unsigned short port = drill.port();

  std::mutex mutex;
  std::vector<double> latencies;  // seconds, of every POST /reports
  std::size_t targets_acked = 0, rows_acked = 0, rows_in_doubt = 0, polls = 0;
  auto ven = [&](const std::string& resource) {
    drsim::test::KeepAliveClient c(port);
    std::string token;
    std::map<std::string, std::pair<Json, std::size_t>> events;  // id -> event, readings posted so far
    for (;;) {
      try {
        if (token.empty()) {
          const auto t = c.call("POST", "/auth/token",
                                "grant_type=client_credentials&client_id=MP-" + resource + "&client_secret=MP-" + resource, "",
                                "application/x-www-form-urlencoded");
          token = t.body["access_token"].get<std::string>();
        }
        const auto r = c.call("GET", "/events", "", token);
        const auto now = drsim::drill::parse_iso_time(r.drill_time);
        std::vector<std::pair<std::string, std::size_t>> posts;  // (report body, rows)
        for (const auto& e : r.body) {
          auto [it, fresh] = events.try_emplace(e["id"].get<std::string>(), e, 0);
          if (fresh) {
            std::string body = drsim::test::report_of(e, resource, Json::array({{{"id", 0}, {"payloads", {{{"type", "TARGET_MW"}, {"values", {"MW"}}}}}}})).dump();
            body.replace(body.find("\"MW\""), 4, e["intervals"][0]["payloads"][0]["values"][0].dump());
            posts.emplace_back(body, 0);
          }
          // The readings of the window's hours that are over, not yet posted, in one report.
          const auto start = *drsim::drill::parse_iso_time(e["intervalPeriod"]["start"].get<std::string>());
          const auto end = start + *drsim::drill::parse_iso_duration(e["intervalPeriod"]["duration"].get<std::string>());
          Json intervals = Json::array();
          std::size_t& posted = it->second.second;
          std::size_t seen = 0;
          for (const Row& row : meter[resource]) {
            if (row.start + drsim::Duration::hours(1) <= start || row.start >= end) continue;
            if (seen++ < posted || row.start + drsim::Duration::hours(1) > *now) continue;
            intervals.push_back({{"id", static_cast<int>(intervals.size())},
                                 {"intervalPeriod", {{"start", drsim::drill::iso_time(row.start)}, {"duration", "PT1H"}}},
                                 {"payloads", {{{"type", "METERED_MW"}, {"values", {"MW"}}}}}});
          }
          if (!intervals.empty()) {
            std::string body = drsim::test::report_of(e, resource, intervals).dump();
            std::size_t k = 0;
            for (const Row& row : meter[resource]) {
              if (row.start + drsim::Duration::hours(1) <= start || row.start >= end) continue;
              if (k++ < posted || row.start + drsim::Duration::hours(1) > *now) continue;
              body.replace(body.find("\"MW\""), 4, row.mw);
            }
            posts.emplace_back(body, intervals.size());
            posted += intervals.size();
          }
        }
        for (const auto& [body, rows] : posts) {
          const auto t0 = std::chrono::steady_clock::now();
          unsigned status = 0;
          try {
            status = c.call("POST", "/reports", body, token).status;
          } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            rows_in_doubt += rows;
            throw;
          }
          std::lock_guard<std::mutex> lock(mutex);
          latencies.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
          if (status == 201) (rows ? rows_acked : targets_acked) += rows ? rows : 1;
        }
        {
          std::lock_guard<std::mutex> lock(mutex);
          ++polls;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      } catch (const std::exception&) {
        // The drill has ended (connection refused), or this connection failed: try once more.
        try {
          drsim::test::KeepAliveClient probe(port);
          probe.call("GET", "/programs");
        } catch (...) {
          return;
        }
      }
    }
  };
  std::vector<std::thread> threads;
  for (const auto& r : resources) threads.emplace_back(ven, r);
  for (auto& t : threads) t.join();
  REQUIRE(drill.wait() == 0);
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  std::sort(latencies.begin(), latencies.end());
  REQUIRE(!latencies.empty());
  const double p99 = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
  std::cout << "drill load: 200 VENs, " << polls << " polls, " << latencies.size() << " report requests in " << wall
            << " s (" << static_cast<double>(latencies.size()) / wall << " a second), p99 latency " << p99 * 1000
            << " ms; " << targets_acked << " targets and " << rows_acked << " readings acknowledged, " << rows_in_doubt
            << " in doubt\n";
  // No report lost: what was acknowledged is in the drill's scenario (and nothing more, but for a
  // report whose answer the drill's end cut off).
  const std::string csv = drsim::test::read_file(out + "/drill-data/meter.csv");
  const auto kept = static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
  CHECK(kept >= rows_acked);
  CHECK(kept <= rows_acked + rows_in_doubt);
  CHECK(rows_acked > 100);
  const std::string drilled = drsim::test::read_file(out + "/drill-scenario.yaml");
  CHECK(static_cast<std::size_t>(std::count(drilled.begin(), drilled.end(), '\n')) > 0);
  std::size_t targets = 0;
  for (std::size_t at = drilled.find("{instruction: "); at != std::string::npos; at = drilled.find("{instruction: ", at + 1)) ++targets;
  CHECK(targets == targets_acked);
  CHECK(p99 < 2.0);  // seconds, on a shared 2-core machine
  drsim::test::check_rerun_equal(out, tmp / "rerun");
}

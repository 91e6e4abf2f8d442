// `drsim drill`: the scenario's emergencies and instructions on Asio timers in accelerated real
// time, the OpenADR 3.0.1 VTN serving them, and what the VENs reported, for the settlement.
#pragma once

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"

namespace drsim::drill {

struct DrillOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 0;                       // 0: any free port (printed)
  double speed = 60;                             // simulated seconds per wall second
  bool allow_remote = false;                     // a non-loopback host is refused without it
  std::string clients_file;                      // empty: the default clients (clients.hpp)
  Duration lead = Duration::minutes(0);          // simulated time before the first issue
  Duration grace = Duration::minutes(60);        // simulated time after the last window, for the last readings
  std::size_t max_body = 256 * 1024;             // bytes
  double rate = 100;                             // requests per wall second per client (bursts of twice that)
  std::chrono::seconds token_ttl{3600};          // wall seconds
  std::chrono::milliseconds io_timeout{10'000};  // per request read and answer write
  std::chrono::milliseconds webhook_timeout{2'000};
};

struct DrillOutcome {
  std::vector<AdvancedReport> advanced_reporting;  // as received, entry time = drill time
  std::vector<MeterRow> meter_rows;
  std::uint64_t requests = 0, refused = 0, reports = 0, webhooks = 0, webhooks_failed = 0;
  MarketTime start, end;
};

// Where the drill's clock starts and ends: the first issue time (less the lead) and the last
// window's end (plus the grace). Throws std::runtime_error when the scenario has no instruction.
std::pair<MarketTime, MarketTime> drill_span(const Scenario& s, const DrillOptions& o);

// Runs the drill to its end. `listening(port)` is called once the server accepts connections.
// Progress and every refused request go to `log`. Throws std::runtime_error on a bad option.
DrillOutcome run_drill(const Scenario& s, const DrillOptions& o, std::ostream& log,
                       const std::function<void(unsigned short)>& listening);

// The scenario with what the VENs reported in place of its advanced reporting and meter rows:
// what drill-scenario.yaml holds.
Market drilled_market(const Scenario& s, const DrillOutcome& d);

}  // namespace drsim::drill

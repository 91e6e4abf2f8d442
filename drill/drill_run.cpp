// The drill's loop: one io_context, the server, and a timer that runs the engine's events as the
// accelerated clock reaches them, in the engine's (time, priority, sequence) order.
#include "drill/drill_run.hpp"

#include <utility>  // before Asio (Boost 1.74)

#include <algorithm>
#include <stdexcept>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <fmt/format.h>

#include "drill/clients.hpp"
#include "drill/drill_clock.hpp"
#include "drill/gateway.hpp"
#include "drill/http_server.hpp"
#include "drill/iso_time.hpp"
#include "drill/rate_limit.hpp"
#include "drill/vtn.hpp"
#include "drill/webhook_sender.hpp"
#include "sim/engine.hpp"
#include "sim/event_priority.hpp"
#include "sim/obligation_plan.hpp"

namespace drsim::drill {

namespace net = boost::asio;

namespace {

// The wall time between two looks at the clock (the engine runs what has become due).
constexpr std::chrono::milliseconds kTick{5};

// The drill's events on the engine, with the lifecycle's kinds and priorities (sim/event_priority.hpp):
// emergencies declared and ended, instructions issued (their events appear) and withdrawn.
void schedule_timeline(sim::Engine& engine, const Scenario& s, Vtn& vtn, std::ostream& log, MarketTime end, bool& over) {
  for (const auto& e : s.emergencies) {
    engine.schedule(e.start, sim::kEmergencyDeclared, "emergency_declared", e.id, [&log, &e] {
      log << fmt::format("drill {} emergency {} declared ({})\n", iso_time(e.start), e.id, e.level);
    });
    engine.schedule(e.end, sim::kEmergencyEnded, "emergency_ended", e.id,
                    [&log, &e] { log << fmt::format("drill {} emergency {} ended\n", iso_time(e.end), e.id); });
  }
  // In the lifecycle's order (by start, then id) with its withdrawal times (never before issue).
  for (const sim::ObligationSchedule& p : sim::plan_obligations(s.instructions, s.resources, s.rules)) {
    const std::size_t i = p.instruction;
    const Instruction& ins = s.instructions[i];
    const std::optional<MarketTime> withdrawal = p.withdrawal_at;
    engine.schedule(ins.issued, sim::kIssued, "instruction_issued", ins.id, [&engine, &vtn, &log, &ins, i, withdrawal] {
      log << fmt::format("drill {} instruction {} issued to {}\n", iso_time(ins.issued), ins.id, ins.resource);
      vtn.publish(i, engine.now());
      if (withdrawal) {
        engine.schedule(*withdrawal, sim::kWithdrawn, "instruction_withdrawn", ins.id, [&engine, &vtn, &log, &ins, i] {
          log << fmt::format("drill {} instruction {} withdrawn\n", iso_time(engine.now()), ins.id);
          vtn.withdraw(i, engine.now());
        });
      }
    });
  }
  engine.schedule(end, sim::kEmergencyEnded + 1, "drill_ended", "", [&over] { over = true; });
}

bool loopback(const net::ip::address& a) { return a.is_loopback(); }

}  // namespace

std::pair<MarketTime, MarketTime> drill_span(const Scenario& s, const DrillOptions& o) {
  if (s.instructions.empty()) throw std::runtime_error("the scenario has no instructions: nothing to drill");
  MarketTime first = s.instructions.front().issued;
  MarketTime last = s.instructions.front().end;
  for (const auto& i : s.instructions) {
    first = std::min(first, i.issued);
    last = std::max(last, i.end);
  }
  return {first - o.lead, last + o.grace};
}

DrillOutcome run_drill(const Scenario& s, const DrillOptions& o, std::ostream& log,
                       const std::function<void(unsigned short)>& listening) {
  if (!(o.speed > 0) || o.speed > 1e7) throw std::runtime_error("--speed must be above 0 and at most 10000000");
  boost::system::error_code ec;
  const auto address = net::ip::make_address(o.host, ec);
  if (ec) throw std::runtime_error("--listen: " + o.host + " is not an IP address");
  if (!loopback(address) && !o.allow_remote) {
    throw std::runtime_error("--listen " + o.host + " is not a loopback address: add --allow-remote to accept other machines");
  }
  if (!loopback(address)) {
    log << "drsim drill: warning: listening on " << o.host
        << ", reachable from other machines: the default client secrets are the participant ids (give --clients)\n";
  }
  const auto span = drill_span(s, o);
  const MarketTime start = span.first;  // not a structured binding: lambdas below capture it
  const MarketTime end = span.second;
  DrillOutcome out;
  out.start = start;
  out.end = end;

  net::io_context io;
  Vtn vtn(s);
  TokenStore tokens(o.clients_file.empty() ? default_clients(s) : read_clients(o.clients_file, s), o.token_ttl);
  RateLimit rate(o.rate);
  std::optional<DrillClock> clock;
  sim::Engine engine;
  // Market time for the requests: the clock's, never before the second the engine last ran to.
  MarketTime reached = start;
  auto now = [&] { return clock ? std::max(clock->now(), reached) : start; };
  Gateway gateway(vtn, tokens, rate, now, log);
  vtn.on_notify([&](Notification n) {
    ++out.webhooks;
    const std::string url = n.url;
    send_webhook(io, std::move(n), o.webhook_timeout, [&, url](unsigned status, const std::string& error) {
      if (status >= 200 && status < 300) return;
      ++out.webhooks_failed;
      log << fmt::format("drill {} webhook {} failed: {}\n", iso_time(now()), url,
                         status ? fmt::format("answered {}", status) : error);
    });
  });
  HttpServer server(io, net::ip::tcp::endpoint(address, o.port), HttpLimits{o.max_body, o.io_timeout},
                    [&gateway](const HttpRequest& r) { return gateway(r); });
  server.on_refused([&gateway](unsigned status, const std::string& remote, const std::string& detail) {
    gateway.log_refused(status, "-", "-", "address " + remote, detail);
  });

  bool over = false;
  schedule_timeline(engine, s, vtn, log, end, over);
  clock.emplace(start, o.speed);
  engine.run_until(start + Duration::seconds(1));  // what is due at the start (earlier emergencies too)
  log << fmt::format("drill {} clock started at speed {} (ends {})\n", iso_time(start), o.speed, iso_time(end)) << std::flush;
  listening(server.port());

  net::steady_timer timer(io);
  std::function<void()> tick = [&] {
    // Half-open: the events at or before the clock's second run now.
    reached = now();
    engine.run_until(reached + Duration::seconds(1));
    if (over) {
      server.close();
      io.stop();
      return;
    }
    timer.expires_after(kTick);
    timer.async_wait([&](boost::system::error_code e) {
      if (!e) tick();
    });
  };
  tick();
  io.run();
  out.advanced_reporting = vtn.advanced_reporting();
  out.meter_rows = vtn.meter_rows();
  out.requests = gateway.requests();
  out.refused = gateway.refused();
  out.reports = vtn.reports_received();
  log << fmt::format("drill {} ended: {} requests ({} refused), {} reports, {} meter readings, {} advanced reports\n",
                     iso_time(end), out.requests, out.refused, out.reports, out.meter_rows.size(),
                     out.advanced_reporting.size());
  return out;
}

Market drilled_market(const Scenario& s, const DrillOutcome& d) {
  Market m = s;
  m.advanced_reporting = d.advanced_reporting;
  return m;
}

}  // namespace drsim::drill

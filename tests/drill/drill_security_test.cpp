// The drill's security and bad input, each with the status the spec gives: 401 without a valid
// token, 403 for another VEN's events and reports or a scope the token lacks, 400 for malformed
// JSON, wrong types and unknown ids, 404 for unknown paths and objects, 413 for an oversized body,
// 429 past the rate limit; nothing of a refused request is kept; a withdrawal updates the event;
// a stalled client and a hanging webhook never hold the clock; loopback unless --allow-remote.
#include <utility>  // before Asio (Boost 1.74)

#include <catch2/catch.hpp>

#include <thread>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include "tests/drill/drill_support.hpp"

using drsim::test::http_call;
using drsim::test::Json;

namespace {

const std::string kTwo = std::string(DRSIM_SOURCE_DIR) + "/tests/drill/data/two-vens/scenario.yaml";

Json event_named(unsigned short port, const std::string& token, const std::string& name) {
  const auto r = http_call(port, "GET", "/events", "", token);
  for (const auto& e : r.body) {
    if (e["eventName"] == name) return e;
  }
  return Json();
}

}  // namespace

TEST_CASE("drill: 401, 403, 400, 404, 413 as the spec gives them, and nothing of a refused request kept", "[drill]") {
  drsim::test::TempDir tmp;
  drsim::test::ResponseLog responses(tmp / "responses.jsonl");
  drsim::test::WebhookListener hook_b;
  drsim::test::WebhookListener hanging(200, std::chrono::milliseconds(3000));
  const std::string out = tmp / "drill";
  const auto wall_start = std::chrono::steady_clock::now();
  drsim::test::DrillProcess drill(DRSIM_BINARY,
                                  kTwo + " --speed 3600 --lead 10 --grace 1 --max-body 4096 --rate 50 --io-timeout-ms 300 "
                                         "--webhook-timeout-ms 200 --out " + out,
                                  tmp / "stderr.txt");
  const unsigned short port = drill.port();

  // 401: no token, an unknown token; /auth/token's own errors are RFC 6749's (400).
  CHECK(http_call(port, "GET", "/events").status == 401);
  CHECK(http_call(port, "GET", "/programs", "", "not-a-token").status == 401);
  const auto bad_secret = http_call(port, "POST", "/auth/token", "grant_type=client_credentials&client_id=MP-A&client_secret=x",
                                    "", "application/x-www-form-urlencoded");
  CHECK(bad_secret.status == 400);
  CHECK(bad_secret.body["error"] == "invalid_client");
  const auto bad_grant = http_call(port, "POST", "/auth/token", "grant_type=password&client_id=MP-A&client_secret=MP-A", "",
                                   "application/x-www-form-urlencoded");
  CHECK(bad_grant.body["error"] == "unsupported_grant_type");

  const std::string a = drsim::test::login(port, "MP-A", "MP-A");
  const std::string b = drsim::test::login(port, "MP-B", "MP-B");
  const std::string op = drsim::test::login(port, "operator", "operator");
  const std::string program = http_call(port, "GET", "/programs", "", a).body[0]["id"];
  auto subscribe = [&](const std::string& token, unsigned short hook_port) {
    const Json sub = {{"clientName", "VEN"},
                      {"programID", program},
                      {"objectOperations", Json::array({{{"objects", {"EVENT"}},
                                                         {"operations", {"CREATE", "UPDATE"}},
                                                         {"callbackUrl", "http://localhost:" + std::to_string(hook_port) + "/hook"}}})}};
    return http_call(port, "POST", "/subscriptions", sub.dump(), token);
  };
  REQUIRE(subscribe(b, hook_b.port()).status == 201);
  REQUIRE(subscribe(a, hanging.port()).status == 201);  // answers after 3 s: the drill gives up at 200 ms
  // A callback off loopback is refused.
  Json remote = {{"clientName", "VEN"},
                 {"programID", program},
                 {"objectOperations", Json::array({{{"objects", {"EVENT"}}, {"operations", {"CREATE"}}, {"callbackUrl", "http://example.com/x"}}})}};
  CHECK(http_call(port, "POST", "/subscriptions", remote.dump(), a).status == 400);

  const Json ev_a = drsim::test::wait_for_event(port, a);
  REQUIRE(ev_a["eventName"] == "SI-1");
  const Json ev_b = event_named(port, b, "SI-2");
  REQUIRE(ev_b.is_object());

  // 403: another VEN's event, VEN and report; a scope the token lacks.
  CHECK(http_call(port, "GET", "/events", "", a).body.size() == 1);
  CHECK(http_call(port, "GET", "/events", "", op).body.size() == 2);
  CHECK(http_call(port, "GET", "/events/" + ev_b["id"].get<std::string>(), "", a).status == 403);
  const Json vens_of_op = http_call(port, "GET", "/vens", "", op).body;
  REQUIRE(vens_of_op.size() == 2);
  CHECK(http_call(port, "GET", "/vens/" + vens_of_op[1]["id"].get<std::string>(), "", a).status == 403);
  CHECK(drsim::test::post_target(port, a, ev_b, "DR-2", "5").status == 403);   // B's event
  CHECK(drsim::test::post_target(port, a, ev_a, "DR-2", "5").status == 403);   // B's resource on A's event
  CHECK(drsim::test::post_target(port, op, ev_a, "DR-1", "5").status == 403);  // the operator has no write_reports
  CHECK(http_call(port, "POST", "/events", ev_a.dump(), a).status == 403);
  CHECK(http_call(port, "DELETE", "/events/" + ev_a["id"].get<std::string>(), "", op).status == 403);

  // 400: malformed JSON, wrong types, unknown ids, a query out of range; 404: unknown paths and objects.
  CHECK(http_call(port, "POST", "/reports", "{\"programID\": ", a).status == 400);
  CHECK(http_call(port, "POST", "/reports", "[1, 2]", a).status == 400);
  Json wrong = drsim::test::report_of(ev_a, "DR-1", Json::array());
  wrong["resources"] = "DR-1";
  CHECK(http_call(port, "POST", "/reports", wrong.dump(), a).status == 400);
  Json unknown = drsim::test::report_of(ev_a, "DR-1", Json::array());
  unknown["eventID"] = "event-99";
  CHECK(http_call(port, "POST", "/reports", unknown.dump(), a).status == 400);
  CHECK(drsim::test::post_target(port, a, ev_a, "DR-1", "\"ten\"").status == 400);
  CHECK(drsim::test::post_target(port, a, ev_a, "DR-1", "-1").status == 400);
  CHECK(drsim::test::post_target(port, a, ev_a, "DR-9", "5").status == 400);
  CHECK(http_call(port, "POST", "/reports", drsim::test::report_of(ev_a, "DR-1", Json::array()).dump(), a, "text/plain").status == 400);
  CHECK(http_call(port, "GET", "/events?limit=51", "", a).status == 400);
  CHECK(http_call(port, "GET", "/events?skip=x", "", a).status == 400);
  CHECK(http_call(port, "GET", "/events/event-99", "", a).status == 404);
  CHECK(http_call(port, "GET", "/nothing", "", a).status == 404);
  CHECK(http_call(port, "GET", "/events/%FF%FE", "", a).status == 404);  // not UTF-8: quoted in the problem as U+FFFD

  // One good reading and one of an hour not over: refused whole (400), nothing kept.
  Json two = drsim::test::report_of(
      ev_a, "DR-1",
      Json::array({{{"id", 0}, {"intervalPeriod", {{"start", "2025-07-15T09:00:00-05:00"}, {"duration", "PT1H"}}},
                    {"payloads", {{{"type", "METERED_MW"}, {"values", {7}}}}}},
                   {{"id", 1}, {"intervalPeriod", {{"start", "2025-07-15T18:00:00-05:00"}, {"duration", "PT1H"}}},
                    {"payloads", {{{"type", "METERED_MW"}, {"values", {7}}}}}}}));
  CHECK(http_call(port, "POST", "/reports", two.dump(), a).status == 400);
  CHECK(http_call(port, "GET", "/reports", "", a).body.empty());
  // The same good reading twice: the second overlaps (409).
  CHECK(drsim::test::post_reading(port, a, ev_a, "DR-1", "2025-07-15T09:00:00-05:00", "PT1H", "7").status == 201);
  CHECK(drsim::test::post_reading(port, a, ev_a, "DR-1", "2025-07-15T09:30:00-05:00", "PT15M", "7").status == 409);
  CHECK(http_call(port, "GET", "/reports", "", a).body.size() == 1);
  CHECK(http_call(port, "GET", "/reports", "", b).body.empty());  // A's report is not B's to read

  // 413: a body over --max-body (4096 bytes).
  CHECK(http_call(port, "POST", "/reports", std::string(5000, ' '), a).status == 413);

  // A client that sends half a request and stalls: dropped after --io-timeout-ms, the drill goes on.
  {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket s(io);
    s.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    const std::string half = "POST /reports HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{";
    boost::asio::write(s, boost::asio::buffer(half));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    CHECK(http_call(port, "GET", "/programs", "", a).status == 200);
  }

  // The withdrawal of SI-2 at 12:00 updates B's event (and B's webhook hears of it).
  Json withdrawn;
  for (int i = 0; i < 400 && !withdrawn.is_object(); ++i) {
    const Json e = event_named(port, b, "SI-2");
    if (e["modificationDateTime"] != e["createdDateTime"]) withdrawn = e;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  REQUIRE(withdrawn.is_object());
  CHECK(withdrawn["modificationDateTime"] == "2025-07-15T12:00:00-05:00");
  CHECK(withdrawn["intervals"][0]["payloads"][1]["type"] == "WITHDRAWN_AT");
  CHECK(withdrawn["intervals"][0]["payloads"][1]["values"][0] == "2025-07-15T12:00:00-05:00");

  REQUIRE(drill.wait() == 0);
  // 10 simulated minutes of lead, 9 hours to 19:00 and 1 minute of grace at 3600: about 9.2 s,
  // however long the hanging webhook and the stalled client would have held it.
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  CHECK(took < 9.2 + 4);
  const auto notes = hook_b.received();
  REQUIRE(notes.size() == 2);
  CHECK(notes[0]["operation"] == "POST");
  CHECK(notes[1]["operation"] == "PUT");
  responses.add_notifications(notes);
  const std::string log = drsim::test::read_file(tmp / "stderr.txt");
  CHECK(log.find("403 GET /events/" + ev_b["id"].get<std::string>() + " client=MP-A") != std::string::npos);
  CHECK(log.find("413 - - client=address 127.0.0.1") != std::string::npos);
  CHECK(log.find("webhook http://localhost:" + std::to_string(hanging.port()) + "/hook failed") != std::string::npos);
  // Only the one accepted reading reached the drill's scenario.
  CHECK(drsim::test::read_file(out + "/drill-data/meter.csv") ==
        "resource,interval_start,interval_minutes,mw\nDR-1,2025-07-15T09:00,60,7\n");
  responses.validate();
}

// Its own drill at one request a second (bursts of two): six requests in a row meet the limit
// however slow the machine (at --rate 50 a sanitizer build under load never reached it).
TEST_CASE("drill: 429 past the rate limit, logged with the client", "[drill]") {
  drsim::test::TempDir tmp;
  drsim::test::DrillProcess drill(DRSIM_BINARY, kTwo + " --speed 20000 --lead 600 --grace 1 --rate 1 --out " + (tmp / "out"),
                                  tmp / "stderr.txt");
  const std::string op = drsim::test::login(drill.port(), "operator", "operator");
  int ok = 0, limited = 0;
  for (int i = 0; i < 6; ++i) {
    const auto r = http_call(drill.port(), "GET", "/programs", "", op);
    ok += r.status == 200 ? 1 : 0;
    limited += r.status == 429 ? 1 : 0;
    if (r.status == 429) CHECK(r.body["detail"] == "too many requests: slow down");
  }
  CHECK(ok >= 2);  // the burst
  CHECK(limited >= 1);
  CHECK(ok + limited == 6);
  CHECK(drill.wait() == 0);
  CHECK(drsim::test::read_file(tmp / "stderr.txt").find("429 GET /programs client=operator") != std::string::npos);
}

TEST_CASE("drill: tokens expire", "[drill]") {
  drsim::test::TempDir tmp;
  drsim::test::DrillProcess drill(DRSIM_BINARY, kTwo + " --speed 20000 --lead 600 --grace 1 --token-ttl 1 --out " + (tmp / "out"),
                                  tmp / "stderr.txt");
  const std::string a = drsim::test::login(drill.port(), "MP-A", "MP-A");
  CHECK(http_call(drill.port(), "GET", "/programs", "", a).status == 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  const auto expired = http_call(drill.port(), "GET", "/programs", "", a);
  CHECK(expired.status == 401);
  CHECK(expired.body["detail"] == "the bearer token is unknown or has expired");
  CHECK(drill.wait() == 0);
}

TEST_CASE("drill: loopback unless --allow-remote, which warns", "[drill]") {
  drsim::test::TempDir tmp;
  const auto refused = drsim::test::run_drsim("drill " + kTwo + " --listen 0.0.0.0:0 --speed 1000000 --out " + (tmp / "a"));
  CHECK(refused.status == 2);
  CHECK(refused.out.find("not a loopback address: add --allow-remote") != std::string::npos);
  const auto allowed =
      drsim::test::run_drsim("drill " + kTwo + " --listen 0.0.0.0:0 --allow-remote --speed 1000000 --grace 0 --out " + (tmp / "b"));
  CHECK(allowed.status == 0);
  CHECK(allowed.out.find("warning: listening on 0.0.0.0, reachable from other machines") != std::string::npos);
}

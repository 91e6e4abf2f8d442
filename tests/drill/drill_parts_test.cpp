// The drill's small parts on their own: exact JSON numbers, ISO 8601 times and durations,
// loopback webhook URLs, the clients file, the rate limit and the accelerated clock.
#include <catch2/catch.hpp>

#include "drill/clients.hpp"
#include "drill/drill_clock.hpp"
#include "drill/iso_time.hpp"
#include "drill/json_body.hpp"
#include "drill/rate_limit.hpp"
#include "drill/webhook_url.hpp"
#include "tests/support/temp_dir.hpp"

using namespace drsim;
using namespace drsim::drill;

TEST_CASE("drill parts: JSON numbers are read from their text, never through a double", "[drill]") {
  std::string error;
  const auto j = parse_body(R"({"a": 12.5, "b": 0.1, "c": 7, "d": "3.25", "e": 123456789.123456, "f": 1e3})", error);
  REQUIRE(j);
  CHECK(decimal_of((*j)["a"])->str() == "12.5");
  CHECK(decimal_of((*j)["b"])->str() == "0.1");
  CHECK(decimal_of((*j)["c"])->str() == "7");
  CHECK(decimal_of((*j)["d"])->str() == "3.25");
  CHECK(decimal_of((*j)["e"])->str() == "123456789.123456");
  CHECK(decimal_of((*j)["f"])->str() == "1000");  // an exponent, read exactly too
  CHECK_FALSE(parse_body("{\"a\": ", error));
  CHECK_FALSE(error.empty());
  CHECK(to_text(Json{{"x", std::string("\xff")}}) == "{\"x\":\"\xef\xbf\xbd\"}");
}

TEST_CASE("drill parts: OpenADR times are market time, any offset in", "[drill]") {
  const MarketTime t = MarketTime::at(Date::from_ymd(2025, 7, 15), 15);
  CHECK(iso_time(t) == "2025-07-15T15:00:00-05:00");
  CHECK(iso_time(t + Duration::seconds(7)) == "2025-07-15T15:00:07-05:00");
  CHECK(parse_iso_time("2025-07-15T20:00:00Z") == t);
  CHECK(parse_iso_time("2025-07-15T16:00:00-04:00") == t);
  CHECK(parse_iso_time("2025-07-15T15:00:00-05:00") == t);
  CHECK_FALSE(parse_iso_time("2025-07-15"));
  CHECK_FALSE(parse_iso_time("yesterday"));
  CHECK(iso_duration(Duration::hours(4)) == "PT4H");
  CHECK(iso_duration(Duration::minutes(90)) == "PT1H30M");
  CHECK(iso_duration(Duration::seconds(0)) == "PT0S");
  CHECK(parse_iso_duration("PT1H") == Duration::hours(1));
  CHECK(parse_iso_duration("PT60M") == Duration::hours(1));
  CHECK(parse_iso_duration("PT15M") == Duration::minutes(15));
  CHECK(parse_iso_duration("P1DT2H") == Duration::hours(26));
  CHECK_FALSE(parse_iso_duration("P1M"));    // months have no fixed length
  CHECK_FALSE(parse_iso_duration("-PT1H"));
  CHECK_FALSE(parse_iso_duration("PT"));
  CHECK_FALSE(parse_iso_duration("1H"));
}

TEST_CASE("drill parts: webhook URLs are http on loopback only", "[drill]") {
  const auto u = parse_loopback_url("http://127.0.0.1:9000/openadr/cb?x=1");
  REQUIRE(u);
  CHECK(u->host == "127.0.0.1");
  CHECK(u->port == 9000);
  CHECK(u->target == "/openadr/cb?x=1");
  CHECK(parse_loopback_url("http://localhost/")->host == "127.0.0.1");
  CHECK(parse_loopback_url("http://localhost")->port == 80);
  CHECK(parse_loopback_url("http://[::1]:8080/x")->host == "::1");
  CHECK_FALSE(parse_loopback_url("https://127.0.0.1/x"));
  CHECK_FALSE(parse_loopback_url("http://10.0.0.1/x"));
  CHECK_FALSE(parse_loopback_url("http://127.0.0.1.example.com/x"));
  CHECK_FALSE(parse_loopback_url("http://127.0.0.1:0/x"));
  CHECK_FALSE(parse_loopback_url("http://127.0.0.1:99999/x"));
}

TEST_CASE("drill parts: the clients file and the default clients", "[drill]") {
  Scenario s;
  s.participants = {{"MP-A", true}, {"MP-B", true}};
  const auto d = default_clients(s);
  REQUIRE(d.size() == 3);
  CHECK(d[0].id == "MP-A");
  CHECK(d[0].secret == "MP-A");
  CHECK(d[2].operator_role());
  CHECK(d[0].scopes() == std::vector<std::string>{"read_all", "write_reports", "write_subscriptions"});
  drsim::test::TempDir tmp;
  const auto good = tmp.write("c.csv", "client_id,client_secret,participant\n# a comment\nven-a,s3cret,MP-A\nops,x,operator\n");
  const auto c = read_clients(good, s);
  REQUIRE(c.size() == 2);
  CHECK(c[0].ven == "MP-A");
  CHECK(c[1].operator_role());
  CHECK_THROWS_WITH(read_clients(tmp.write("b.csv", "a,b,MP-Z\n"), s), Catch::Contains("MP-Z is not a participant"));
  CHECK_THROWS_WITH(read_clients(tmp.write("e.csv", "a,b\n"), s), Catch::Contains("expected client_id,client_secret,participant"));
  CHECK_THROWS_WITH(read_clients(tmp.write("d.csv", "a,b,MP-A\na,c,MP-B\n"), s), Catch::Contains("given twice"));

  TokenStore tokens(c, std::chrono::seconds(10));
  const auto t0 = TokenStore::Clock::now();
  const std::string tok = tokens.issue(*tokens.authenticate("ven-a", "s3cret"), t0);
  CHECK(tok.size() == 32);
  CHECK(tokens.lookup(tok, t0 + std::chrono::seconds(9))->id == "ven-a");
  CHECK(tokens.lookup(tok, t0 + std::chrono::seconds(10)) == nullptr);  // expired
  CHECK(tokens.authenticate("ven-a", "wrong") == nullptr);
}

TEST_CASE("drill parts: the rate limit and the accelerated clock", "[drill]") {
  RateLimit rate(2);  // bursts of 4
  const auto t0 = RateLimit::Clock::now();
  int taken = 0;
  for (int i = 0; i < 10; ++i) taken += rate.take("a", t0) ? 1 : 0;
  CHECK(taken == 4);
  CHECK(rate.take("b", t0));                             // each caller its own bucket
  CHECK(rate.take("a", t0 + std::chrono::milliseconds(500)));  // one more after half a second at 2 a second
  CHECK_FALSE(rate.take("a", t0 + std::chrono::milliseconds(500)));

  const MarketTime start = MarketTime::at(Date::from_ymd(2025, 7, 15), 10);
  const auto w0 = DrillClock::Wall::now();
  const DrillClock clock(start, 60, w0);  // a simulated minute a wall second
  CHECK(clock.now(w0) == start);
  CHECK(clock.now(w0 + std::chrono::seconds(90)) == start + Duration::minutes(90));
  CHECK(clock.wall_at(start + Duration::hours(1)) - w0 == std::chrono::seconds(60));
}

// Tests of exposure_report.html (bars, exceedance fractions and pixels, money labels, no external
// reference) and of exposure.sqlite (typed columns, the CSV text recoverable, byte-stable).
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "reports/exposure_db.hpp"
#include "reports/exposure_report.hpp"
#include "reports/money_label.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/text_files.hpp"

using namespace drsim;
using namespace drsim::reports;

namespace {

Money usd(const char* text) { return *Money::parse(text); }

// Four trials: penalties 0.00, 1500.00, 1500.00 and 12345.67; EO losses 0, 0, 200.00 and 950.50.
// Trial 3 disqualifies resource 1 (R-<2>), trial 1 resources 0 and 1.
std::vector<sim::TrialResult> four_trials() {
  const char* penalty[] = {"0.00", "1500.00", "1500.00", "12345.67"};
  const char* loss[] = {"0.00", "0.00", "200.00", "950.50"};
  std::vector<sim::TrialResult> out;
  for (std::uint64_t i = 0; i < 4; ++i) {
    sim::TrialResult r;
    r.trial = i;
    r.penalty = usd(penalty[i]);
    r.energy_charge = r.penalty;
    r.eo_loss = usd(loss[i]);
    r.eo = usd("5000.00") - r.eo_loss;
    r.eo_before = usd("5000.00");
    r.capacity = usd("80000.00");
    r.emergencies = static_cast<int>(i);
    r.instructions = static_cast<int>(2 * i);
    out.push_back(r);
  }
  out[1].disqualified = {0, 1};
  out[3].disqualified = {1};
  return out;
}

ExposureRunInfo info_of() {
  ExposureRunInfo info;
  info.scenario_name = "Four <trials> & co";
  info.scenario_sha256 = "abc123";
  info.seed = 7;
  info.trials = 4;
  info.end = 4;
  info.resources = {"R-1", "R-<2>"};
  return info;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("money labels have a dollar sign and thousands separators, every cent kept", "[exposure]") {
  CHECK(usd_grouped(usd("0.00")) == "$0.00");
  CHECK(usd_grouped(usd("999.99")) == "$999.99");
  CHECK(usd_grouped(usd("1000.00")) == "$1,000.00");
  CHECK(usd_grouped(usd("-1234567.89")) == "-$1,234,567.89");
  CHECK(usd_grouped(usd("123456.00"), false) == "$123,456");
  CHECK(usd_grouped(usd("1000.50"), false) == "$1,000.50");  // cents are never dropped
  CHECK(count_grouped(0) == "0");
  CHECK(count_grouped(100000) == "100,000");
  CHECK(count_grouped(1234567) == "1,234,567");
}

TEST_CASE("exceedance points are P(X > x) at each distinct value", "[exposure]") {
  // Sorted: 0, 1500, 1500, 12345.67. Above 0: three of four; above 1500: one; above the maximum: none.
  const auto p = exceedance_points({usd("1500.00"), usd("12345.67"), usd("0.00"), usd("1500.00")});
  REQUIRE(p.size() == 3);
  CHECK(p[0].value == usd("0.00"));
  CHECK(p[0].above == 3);
  CHECK(p[1].value == usd("1500.00"));
  CHECK(p[1].above == 1);
  CHECK(p[2].value == usd("12345.67"));
  CHECK(p[2].above == 0);
  for (const auto& e : p) CHECK(e.trials == 4);
  CHECK(exceedance_points({}).empty());
}

TEST_CASE("the exposure report draws one bar per bin and the exceedance steps at hand-computed places", "[exposure]") {
  const auto results = four_trials();
  const ExposureRunInfo info = info_of();
  const ExposureFigures f = exposure_figures(info, results);
  const std::string html = exposure_report_html(info, results, f);

  SECTION("histograms: one bar per bin") {
    // Penalty: range 0..1,234,567 cents over at most 20 bins: the smallest 1-2-5 width with 20 x width
    // >= the range is 100,000 cents ($1,000; 50,000 x 20 = 1,000,000 falls short): ceil(12.35) = 13 bins.
    // EO loss: 0..95,050 cents: width 5,000 cents ($50; 2,000 x 20 = 40,000 falls short): 20 bins.
    const std::string penalty = histogram_svg("penalty", f.histograms[1].histogram);
    CHECK(f.histograms[1].metric == std::string("penalty_usd"));
    CHECK(count_of(penalty, "class=\"bar\"") == 13);
    CHECK(count_of(histogram_svg("EO loss", f.histograms[0].histogram), "class=\"bar\"") == 20);
    // Bin 1 is [1000, 2000): the two trials at 1500.
    CHECK(penalty.find("<title>penalty from $1,000.00 to $2,000.00 (upper excluded): 2 trials</title>") != std::string::npos);
    CHECK(penalty.find("<title>penalty from $12,000.00 to $13,000.00 (both included): 1 trial</title>") != std::string::npos);
    // The page holds both histograms: 13 + 20 bars.
    CHECK(count_of(html, "class=\"bar\"") == 33);
  }

  SECTION("exceedance points: the fractions and their pixels") {
    const std::string svg = exceedance_svg("penalty", exceedance_points(metric_values(results, &sim::TrialResult::penalty)));
    CHECK(count_of(svg, "<circle") == 3);
    // y maps millionths 0..1,000,000 onto pixels 240..24 (216 px): 0.75 -> 240 - 162 = 78, 0.25 -> 186, 0 -> 240.
    // x maps cents 0..1,234,567 onto 96..616 (520 px): 150,000 -> 96 + 63.18 -> 159.
    CHECK(svg.find("<circle cx=\"96\" cy=\"78\" r=\"3\" class=\"point\"><title>P(penalty &gt; $0.00) = 0.75 (3 of 4 trials)</title>") !=
          std::string::npos);
    CHECK(svg.find("<circle cx=\"159\" cy=\"186\" r=\"3\" class=\"point\"><title>P(penalty &gt; $1,500.00) = 0.25 (1 of 4 trials)</title>") !=
          std::string::npos);
    CHECK(svg.find("<circle cx=\"616\" cy=\"240\" r=\"3\" class=\"point\"><title>P(penalty &gt; $12,345.67) = 0 (0 of 4 trials)</title>") !=
          std::string::npos);
    // The step starts at P = 1 (y 24) from x = 0 and drops at each value.
    CHECK(svg.find("<line x1=\"96\" y1=\"24\" x2=\"96\" y2=\"24\" class=\"step\"/>\n<line x1=\"96\" y1=\"24\" x2=\"96\" y2=\"78\"") !=
          std::string::npos);
    // The page holds two exceedance curves: 3 penalty points, and EO loss 0, 200, 950.50 (3 points).
    CHECK(count_of(html, "<circle") == 6);
    CHECK(html.find("P(EO loss &gt; $200.00) = 0.25 (1 of 4 trials)") != std::string::npos);
  }

  SECTION("money axis labels with thousands separators") {
    // Ticks at a step of 500,000 cents (200,000 would give 7 ticks, more than 6): $0, $5,000, $10,000.
    CHECK(html.find(">$5,000</text>") != std::string::npos);
    CHECK(html.find(">$10,000</text>") != std::string::npos);
    CHECK(html.find(">$0</text>") != std::string::npos);
  }

  SECTION("tables: statistics and disqualification probabilities, texts escaped") {
    // Penalty mean: (0 + 1500 + 1500 + 12345.67) / 4 = 3836.4175 -> 3836.42.
    CHECK(html.find("<td class=\"num\">$3,836.42</td>") != std::string::npos);
    // R-<2> is disqualified in 2 of 4 trials, R-1 in 1.
    CHECK(html.find("<td>R-&lt;2&gt;</td><td class=\"num\">2</td><td class=\"num\">4</td><td class=\"num\">0.5</td>") !=
          std::string::npos);
    CHECK(html.find("<td>R-1</td><td class=\"num\">1</td><td class=\"num\">4</td><td class=\"num\">0.25</td>") !=
          std::string::npos);
    CHECK(html.find("Four &lt;trials&gt; &amp; co") != std::string::npos);
    CHECK(html.find("Four <trials>") == std::string::npos);
  }

  SECTION("self-contained: no script, no external reference") {
    std::string rest = html;
    for (const std::string allowed : {"xmlns=\"http://www.w3.org/2000/svg\"", "http-equiv"}) {
      for (auto at = rest.find(allowed); at != std::string::npos; at = rest.find(allowed)) rest.erase(at, allowed.size());
    }
    for (const char* banned : {"http", "//", "<script", "src=", "href", "url(", "@import", "<link", "<img"}) {
      INFO(banned);
      CHECK(rest.find(banned) == std::string::npos);
    }
  }
}

TEST_CASE("the exposure report of no completed trial still renders", "[exposure]") {
  ExposureRunInfo info = info_of();
  info.partial = true;
  const std::vector<sim::TrialResult> none;
  const std::string html = exposure_report_html(info, none, exposure_figures(info, none));
  CHECK(count_of(html, "No completed trial.") == 2);
  CHECK(html.find("Partial:") != std::string::npos);
  CHECK(count_of(html, "<svg") == 0);
}

TEST_CASE("exposure.sqlite: typed columns, the CSV text recoverable from the cents, the same bytes twice", "[exposure]") {
  test::TempDir tmp;
  auto results = four_trials();
  // Trial 2's capacity passes 64-bit cents: 10^20 cents = 1e18 dollars.
  results[2].capacity = Money::from_cents(int128{100'000'000'000} * 1'000'000'000);
  const ExposureRunInfo info = info_of();
  const ExposureFigures f = exposure_figures(info, results);
  write_exposure_db(tmp / "a.sqlite", info, results, f);
  write_exposure_db(tmp / "b.sqlite", info, results, f);
  CHECK(drsim::test::read_file(tmp / "a.sqlite") == drsim::test::read_file(tmp / "b.sqlite"));

  SQLite::Database db(tmp / "a.sqlite");
  {
    SQLite::Statement q(db, "SELECT typeof(penalty_cents), penalty_cents, typeof(penalty_usd), penalty_usd, "
                            "disqualified_count, emergencies, instructions FROM trials WHERE trial = 3");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == "integer");
    CHECK(q.getColumn(1).getInt64() == 1234567);
    CHECK(q.getColumn(2).getString() == "real");
    CHECK(q.getColumn(3).getDouble() == 12345.67);
    CHECK(q.getColumn(4).getInt() == 1);
    CHECK(q.getColumn(5).getInt() == 3);
    CHECK(q.getColumn(6).getInt() == 6);
  }
  {
    // Every amount's exact text, as exposure.csv writes it, comes back from the cents.
    SQLite::Statement q(db, "SELECT trial, penalty_cents, eo_loss_cents FROM trials ORDER BY trial");
    for (const auto& r : results) {
      REQUIRE(q.executeStep());
      CHECK(static_cast<std::uint64_t>(q.getColumn(0).getInt64()) == r.trial);
      CHECK(Money::from_cents(q.getColumn(1).getInt64()).str() == r.penalty.str());
      CHECK(Money::from_cents(q.getColumn(2).getInt64()).str() == r.eo_loss.str());
    }
  }
  {
    // The amount beyond int64 cents: NULL there, its exact text in big_amounts.
    SQLite::Statement q(db, "SELECT capacity_cents IS NULL, capacity_usd FROM trials WHERE trial = 2");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 1);
    CHECK(q.getColumn(1).getDouble() == 1e18);
    SQLite::Statement b(db, "SELECT table_name, row_key, column_name, usd FROM big_amounts ORDER BY rowid");
    REQUIRE(b.executeStep());
    CHECK(b.getColumn(0).getString() == "trials");
    CHECK(b.getColumn(1).getString() == "2");
    CHECK(b.getColumn(2).getString() == "capacity");
    CHECK(b.getColumn(3).getString() == "1000000000000000000.00");
  }
  {
    SQLite::Statement q(db, "SELECT resource_index, resource_id, disqualified_trials, trials, probability, "
                            "probability_millionths FROM resources ORDER BY resource_index");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(1).getString() == "R-1");
    CHECK(q.getColumn(2).getInt() == 1);
    CHECK(q.getColumn(4).getDouble() == 0.25);
    CHECK(q.getColumn(5).getInt() == 250000);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 1);
    CHECK(q.getColumn(1).getString() == "R-<2>");
    CHECK(q.getColumn(2).getInt() == 2);
    CHECK(q.getColumn(3).getInt() == 4);
    CHECK(q.getColumn(5).getInt() == 500000);
    CHECK_FALSE(q.executeStep());
    SQLite::Statement d(db, "SELECT group_concat(resource_index, ';') FROM trial_disqualified WHERE trial = 1");
    REQUIRE(d.executeStep());
    CHECK(d.getColumn(0).getString() == "0;1");
  }
  {
    SQLite::Statement q(db, "SELECT trials, mean_cents, p50_cents, p99_cents, max_cents, typeof(mean_usd) FROM statistics "
                            "WHERE metric = 'penalty_usd'");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 4);
    CHECK(q.getColumn(1).getInt64() == 383642);  // 3836.4175 -> 3836.42
    CHECK(q.getColumn(2).getInt64() == 150000);  // rank ceil(0.5 x 4) = 2: 1500.00
    CHECK(q.getColumn(3).getInt64() == 1234567); // rank 4
    CHECK(q.getColumn(4).getInt64() == 1234567);
    CHECK(q.getColumn(5).getString() == "real");
    SQLite::Statement h(db, "SELECT count(*), sum(trials) FROM histogram WHERE metric = 'penalty_usd'");
    REQUIRE(h.executeStep());
    CHECK(h.getColumn(0).getInt() == 13);
    CHECK(h.getColumn(1).getInt() == 4);
  }
  {
    SQLite::Statement q(db, "SELECT format, seed, seed_text, trials, trials_completed, partial, resources, "
                            "eo_without_events_cents FROM run");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 2);
    CHECK(q.getColumn(1).getInt64() == 7);
    CHECK(q.getColumn(2).getString() == "7");
    CHECK(q.getColumn(3).getInt64() == 4);
    CHECK(q.getColumn(4).getInt64() == 4);
    CHECK(q.getColumn(5).getInt() == 0);
    CHECK(q.getColumn(6).getInt() == 2);
    CHECK(q.getColumn(7).getInt64() == 500000);  // eo + eo_loss of trial 0: 5000.00
  }
}

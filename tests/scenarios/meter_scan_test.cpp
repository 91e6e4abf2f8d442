// The one-pass meter reader (scenarios/meter_scan) reads exactly what the CSV reader reads:
// the same intervals from every row shape, split over any number of parts, and refuses what
// the reader refuses.
#include <algorithm>
#include <mutex>
#include <tuple>

#include <catch2/catch.hpp>

#include "scenarios/meter_reader.hpp"
#include "scenarios/meter_scan.hpp"
#include "tests/support/temp_dir.hpp"

namespace drsim {
namespace {

std::vector<Resource> resources(std::initializer_list<const char*> ids) {
  std::vector<Resource> out;
  for (const char* id : ids) {
    Resource r;
    r.id = id;
    out.push_back(r);
  }
  return out;
}

using Key = std::tuple<std::uint32_t, std::int64_t, std::int32_t, std::int64_t>;

std::vector<Key> sorted(std::vector<MeterInterval> v) {
  std::vector<Key> out;
  for (const auto& i : v) out.emplace_back(i.resource, i.start.seconds(), i.minutes, i.mw.value().micros());
  std::sort(out.begin(), out.end());
  return out;
}

struct Scan {
  scenarios::MeterScanResult result;
  std::vector<Key> intervals;
};

Scan scan(const std::string& path, const std::vector<Resource>& rs, std::size_t parts) {
  std::mutex m;
  std::vector<MeterInterval> got;
  std::vector<scenarios::MeterBatchSink> sinks(parts, [&](std::span<const MeterInterval> batch) {
    std::lock_guard lock(m);
    got.insert(got.end(), batch.begin(), batch.end());
    return true;
  });
  Scan s;
  s.result = scenarios::scan_meter_csv(path, rs, sinks);
  s.intervals = sorted(got);
  return s;
}

// What the CSV reader reads from the same file, as intervals.
std::vector<Key> reference(const std::string& path, const std::vector<Resource>& rs) {
  MeterSource src;
  src.csv_path = path;
  src.present = true;
  std::vector<MeterInterval> out;
  for_each_meter_row(src, [&](const MeterRow& row) {
    const auto it = std::find_if(rs.begin(), rs.end(), [&](const Resource& r) { return r.id == row.resource; });
    REQUIRE(it != rs.end());
    out.push_back({row.start, row.mw, static_cast<std::uint32_t>(it - rs.begin()), row.minutes});
  });
  return sorted(out);
}

// 2025-06-01T00:00 market time: MarketTime counts seconds of market time (EST) from 1970-01-01T00:00.
constexpr std::int64_t kJune1 = 1748736000;

}  // namespace

TEST_CASE("meter scan: the common shape, values exact, any number of parts") {
  test::TempDir dir;
  const auto path = dir.write("meter.csv",
                              "resource,interval_start,interval_minutes,mw\n"
                              "R1,2025-06-01T00:00,60,1.755\n"
                              "R1,2025-06-01T01:00,60,-0.5\n"
                              "R2,2025-06-01T00:00,15,100000\n"
                              "R2,2025-06-01T00:15,5,0.000001\n"
                              "R3,2025-06-02T23:00,60,12\n");
  const auto rs = resources({"R1", "R2", "R3"});
  const std::vector<Key> want = {
      {0, kJune1, 60, 1'755'000},
      {0, kJune1 + 3600, 60, -500'000},
      {1, kJune1, 15, 100'000'000'000},  // 100,000 MW: the limit itself is allowed
      {1, kJune1 + 900, 5, 1},
      {2, kJune1 + 86400 + 23 * 3600, 60, 12'000'000},
  };
  REQUIRE(reference(path, rs) == want);
  for (std::size_t parts : {1, 2, 3, 4}) {
    const Scan s = scan(path, rs, parts);
    CHECK(s.result.clean);
    CHECK(s.result.rows == 5);
    CHECK(s.intervals == want);
  }
}

TEST_CASE("meter scan: every other row shape reads as the CSV reader reads it") {
  test::TempDir dir;
  // Reordered columns with an extra one, a byte-order mark, quotes, spaces, CRLF, seconds, a space
  // for T, a UTC time, seven decimals (rounded), a plus sign, a bare fraction, an exponent, blank
  // lines, and no newline at the end.
  const auto path = dir.write("meter.csv",
                              "\xEF\xBB\xBF" "mw,note,resource,interval_minutes,interval_start\n"
                              "1.5,x,R1,60,2025-06-01T00:00\n"
                              "\"2\",\"a,b\",\"R1\",60,2025-06-01T01:00\n"
                              " 3 ,y, R1 , 60 , 2025-06-01T02:00 \n"
                              "4,z,R1,60,2025-06-01T03:00\r\n"
                              "5,,R1,60,2025-06-01T04:00:00\n"
                              "\n"
                              "6,,R1,60,2025-06-01 05:00\n"
                              "7,,R1,60,2025-06-01T11:00Z\n"
                              "1.0000005,,R2,15,2025-06-01T00:00\n"
                              "+2,,R2,15,2025-06-01T00:15\n"
                              ".5,,R2,15,2025-06-01T00:30\n"
                              "1e2,,R2,15,2025-06-01T00:45\n"
                              "   \n"
                              "-0.25,,R2,5,2025-06-01T01:00");
  const auto rs = resources({"R1", "R2"});
  const auto want = reference(path, rs);
  REQUIRE(want.size() == 12);
  CHECK(want[6] == Key{0, kJune1 + 6 * 3600, 60, 7'000'000});  // 11:00Z is 06:00 EST
  CHECK(std::get<3>(want[7]) == 1'000'001);                     // 1.0000005 rounds half away
  for (std::size_t parts : {1, 2}) {
    const Scan s = scan(path, rs, parts);
    CHECK(s.result.clean);
    CHECK(s.result.rows == 12);
    CHECK(s.intervals == want);
  }
}

TEST_CASE("meter scan: a row the reader refuses makes the scan unclean") {
  test::TempDir dir;
  const auto rs = resources({"R1", "R2"});
  const char* header = "resource,interval_start,interval_minutes,mw\n";
  for (const char* row : {"R9,2025-06-01T00:00,60,1\n",          // unknown resource
                          "R1,2025-06-01T00:00,60,abc\n",        // not a number
                          "R1,2025-06-01T00:10,15,1\n",          // not aligned
                          "R1,2025-06-01T00:00,30,1\n",          // not 5, 15 or 60
                          "R1,2025-06-01T24:00,60,1\n",          // hour 24
                          "R1,2025-02-30T00:00,60,1\n",          // no such day
                          "R1,2025-06-01T00:00,60,1,980\n",      // five fields
                          "R1,2025-06-01T00:00,60\n",            // three fields
                          "R1,2025-06-01T00:00,60,100000.000001\n",  // past the MW limit
                          ",2025-06-01T00:00,60,1\n",            // no resource
                          "\"R1,2025-06-01T00:00,60,1\n"}) {     // a quote not closed
    CAPTURE(row);
    const auto path = dir.write("meter.csv", std::string(header) + "R2,2025-06-01T00:00,60,1\n" + row);
    for (std::size_t parts : {1, 2}) CHECK_FALSE(scan(path, rs, parts).result.clean);
  }
  const auto missing = dir.write("bad-header.csv", "resource,start,interval_minutes,mw\nR1,2025-06-01T00:00,60,1\n");
  CHECK_FALSE(scan(missing, rs, 1).result.clean);
  CHECK_FALSE(scan(dir / "no-such-file.csv", rs, 2).result.clean);
}

TEST_CASE("meter scan: a sink that refuses an interval stops the scan") {
  test::TempDir dir;
  // The integrator refuses an interval that overlaps one it took (tests/sim/meter_integrator_test.cpp).
  const auto path = dir.write("meter.csv",
                              "resource,interval_start,interval_minutes,mw\n"
                              "R1,2025-06-01T01:00,60,1\n"
                              "R2,2025-06-01T00:00,60,2\n");
  const auto rs = resources({"R1", "R2"});
  for (std::size_t parts : {1, 2}) {
    std::vector<scenarios::MeterBatchSink> sinks(parts, [](std::span<const MeterInterval> batch) {
      return std::none_of(batch.begin(), batch.end(), [](const MeterInterval& iv) { return iv.mw.value().micros() == 2'000'000; });
    });
    CHECK_FALSE(scenarios::scan_meter_csv(path, rs, sinks).clean);
  }
}

TEST_CASE("meter scan: a file of many blocks gives every row once") {
  test::TempDir dir;
  // 3 resources x 12,000 hours, about 1.3 MB: more than one read of the scan's 1 MiB buffer,
  // rows cut between two reads. With a note column, one note of 1.5 MB: a line longer than
  // the buffer.
  for (const bool note : {false, true}) {
    CAPTURE(note);
    std::string text = note ? "resource,interval_start,interval_minutes,mw,note\n"
                            : "resource,interval_start,interval_minutes,mw\n";
    std::vector<Key> want;
    for (int h = 0; h < 12000; ++h) {
      for (std::uint32_t r = 0; r < 3; ++r) {
        const auto t = MarketTime::from_seconds(kJune1 + std::int64_t{h} * 3600);
        text += "R" + std::to_string(r + 1) + "," + t.str() + ",60," + std::to_string(h % 7) + "." +
                std::to_string(r);
        if (note) text += "," + (h == 6000 && r == 0 ? std::string(1'500'000, 'x') : std::string());
        text += "\n";
        want.emplace_back(r, kJune1 + std::int64_t{h} * 3600, 60, (h % 7) * 1'000'000 + r * 100'000);
      }
    }
    std::sort(want.begin(), want.end());
    const auto path = dir.write("meter.csv", text);
    const auto rs = resources({"R1", "R2", "R3"});
    REQUIRE(reference(path, rs) == want);
    for (std::size_t parts : {1, 2, 3}) {
      const Scan s = scan(path, rs, parts);
      CHECK(s.result.clean);
      CHECK(s.result.rows == want.size());
      CHECK(s.intervals == want);
    }
  }
}

}  // namespace drsim

namespace drsim {

TEST_CASE("meter scan: split by bytes at every offset, each row is read once") {
  // With up to 60 parts of a ~200-byte file, the shares start at every kind of place: a
  // line's first byte, its middle, its newline, the header; some shares hold no line start.
  test::TempDir dir;
  for (const char* eol : {"\n", "\r\n"}) {
    for (const bool last_newline : {true, false}) {
      CAPTURE(std::string(eol) == "\n", last_newline);
      std::string text = std::string("resource,interval_start,interval_minutes,mw") + eol;
      std::vector<Key> want;
      for (int h = 0; h < 6; ++h) {
        const std::uint32_t r = static_cast<std::uint32_t>(h % 2);
        const auto t = MarketTime::from_seconds(kJune1 + std::int64_t{h} * 3600);
        text += std::string(r == 0 ? "R1" : "LONGER-ID-2") + "," + t.str() + ",60," + std::to_string(h) + ".25";
        if (h < 5 || last_newline) text += eol;
        want.emplace_back(r, kJune1 + std::int64_t{h} * 3600, 60, h * 1'000'000 + 250'000);
      }
      std::sort(want.begin(), want.end());
      const auto path = dir.write("meter.csv", text);
      const auto rs = resources({"R1", "LONGER-ID-2"});
      REQUIRE(reference(path, rs) == want);
      for (std::size_t parts = 1; parts <= 60; ++parts) {
        CAPTURE(parts);
        const Scan s = scan(path, rs, parts);
        CHECK(s.result.clean);
        CHECK(s.result.rows == want.size());
        CHECK(s.intervals == want);
      }
    }
  }
}

}  // namespace drsim

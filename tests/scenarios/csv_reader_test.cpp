// Tests of the streaming CSV reader: header rules, BOM, CRLF, quoting, empty files.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "scenarios/csv_reader.hpp"
#include "temp_files.hpp"

using drsim::Problem;
using drsim::scenarios::CsvReader;

namespace {

const std::vector<std::string> kColumns = {"cpnode", "hour_start", "usd_per_mwh"};

struct Read {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> problems;  // without the folder
  bool ok = false;
};

Read read(const std::string& text) {
  drsim::test::TempDir dir;
  const std::string path = dir.write("x.csv", text);
  std::vector<Problem> problems;
  Read r;
  {
    CsvReader csv(path, kColumns, problems);
    r.ok = csv.ok();
    while (csv.next()) {
      std::vector<std::string> row;
      for (std::size_t i = 0; i < kColumns.size(); ++i) row.emplace_back(csv.field(i));
      row.push_back(std::to_string(csv.line()));
      r.rows.push_back(row);
    }
  }
  for (auto& p : problems) {
    p.file = "x.csv";
    r.problems.push_back(p.str());
  }
  return r;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv: plain rows, with their line numbers") {
  const Read r = read("cpnode,hour_start,usd_per_mwh\nN1,2025-07-15T15:00,250\nN1,2025-07-15T16:00,-3.5\n");
  CHECK(r.ok);
  CHECK(r.problems.empty());
  CHECK(r.rows == Rows{{"N1", "2025-07-15T15:00", "250", "2"}, {"N1", "2025-07-15T16:00", "-3.5", "3"}});
}

TEST_CASE("csv: a UTF-8 byte-order mark and CRLF line ends are handled") {
  const Read r = read("\xEF\xBB\xBF" "cpnode,hour_start,usd_per_mwh\r\nN1,2025-07-15T15:00,250\r\n");
  CHECK(r.ok);
  CHECK(r.rows == Rows{{"N1", "2025-07-15T15:00", "250", "2"}});
}

TEST_CASE("csv: quoted fields keep commas and doubled quotes, and spaces around fields are trimmed") {
  const Read r = read("cpnode,hour_start,usd_per_mwh\n\"AMMO, \"\"DR1\"\"\", 2025-07-15T15:00 ,\"1,5\"\n");
  CHECK(r.problems.empty());
  CHECK(r.rows == Rows{{"AMMO, \"DR1\"", "2025-07-15T15:00", "1,5", "2"}});
}

TEST_CASE("csv: extra trailing columns are ignored and blank lines skipped") {
  const Read r = read("cpnode,hour_start,usd_per_mwh,note\nN1,2025-07-15T15:00,250,hot day\n\n   \nN1,2025-07-15T16:00,1\n");
  CHECK(r.problems.empty());
  CHECK(r.rows == Rows{{"N1", "2025-07-15T15:00", "250", "2"}, {"N1", "2025-07-15T16:00", "1", "5"}});
}

TEST_CASE("csv: header problems") {
  CHECK(read("cpnode,hour_start\nN1,2025-07-15T15:00\n").problems ==
        std::vector<std::string>{"x.csv:1: usd_per_mwh: missing column 'usd_per_mwh' (expected the header "
                                 "cpnode,hour_start,usd_per_mwh)"});
  CHECK(read("hour_start,cpnode,usd_per_mwh\n").problems ==
        std::vector<std::string>{"x.csv:1: cpnode: column 'cpnode' must be column 1 (expected the header "
                                 "cpnode,hour_start,usd_per_mwh)"});
  const Read empty = read("");
  CHECK_FALSE(empty.ok);
  CHECK(empty.problems ==
        std::vector<std::string>{"x.csv: the file is empty (expected the header row cpnode,hour_start,usd_per_mwh)"});
  // A header alone is a valid, empty series.
  const Read header_only = read("cpnode,hour_start,usd_per_mwh\n");
  CHECK(header_only.ok);
  CHECK(header_only.rows.empty());
  CHECK(header_only.problems.empty());
}

TEST_CASE("csv: short rows and broken quotes are reported and skipped") {
  const Read r = read("cpnode,hour_start,usd_per_mwh\nN1,2025-07-15T15:00\n\"N1,2025-07-15T16:00,1\nN1,x\"y,2\nN2,h,3\n");
  CHECK(r.problems == std::vector<std::string>{
                          "x.csv:2: the row has 2 fields, expected 3 (cpnode,hour_start,usd_per_mwh)",
                          "x.csv:3: a quoted field is not closed on its line (fields may not span lines)",
                      });
  // x"y is an unquoted field with a quote inside: kept as it is.
  CHECK(r.rows == Rows{{"N1", "x\"y", "2", "4"}, {"N2", "h", "3", "5"}});
}

TEST_CASE("csv: a file that does not exist") {
  std::vector<Problem> problems;
  CsvReader csv("/nonexistent/drsim/x.csv", kColumns, problems);
  CHECK_FALSE(csv.ok());
  CHECK_FALSE(csv.next());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].str() == "/nonexistent/drsim/x.csv: cannot open the file: No such file or directory");
}

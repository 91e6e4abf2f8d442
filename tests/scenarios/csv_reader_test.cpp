// Tests of the streaming CSV reader: header matched by name, field counts, BOM, CRLF, quoting, empty files.
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

TEST_CASE("csv: columns are matched by name, in any order, extra columns anywhere (format.md v1.2)") {
  // field(i) is expected column i wherever the header puts it: cpnode is field 3 of the file, price field 1.
  const Read r = read("usd_per_mwh,note,cpnode,hour_start\n250,hot,N1,2025-07-15T15:00\n\"1,5\",,N2,2025-07-15T16:00\n");
  CHECK(r.ok);
  CHECK(r.problems.empty());
  CHECK(r.rows == Rows{{"N1", "2025-07-15T15:00", "250", "2"}, {"N2", "2025-07-15T16:00", "1,5", "3"}});
}

TEST_CASE("csv: extra trailing columns are ignored and blank lines skipped") {
  const Read r = read("cpnode,hour_start,usd_per_mwh,note\nN1,2025-07-15T15:00,250,hot day\n\n   \nN1,2025-07-15T16:00,1,\n");
  CHECK(r.problems.empty());
  CHECK(r.rows == Rows{{"N1", "2025-07-15T15:00", "250", "2"}, {"N1", "2025-07-15T16:00", "1", "5"}});
}

TEST_CASE("csv: header problems") {
  // A missing column: one problem at line 1, and no row problem after it (the short row at line 2 is not read).
  const Read missing = read("cpnode,hour_start\nN1,2025-07-15T15:00\nN1\n");
  CHECK_FALSE(missing.ok);
  CHECK(missing.rows.empty());
  CHECK(missing.problems == std::vector<std::string>{"x.csv:1: usd_per_mwh: missing column 'usd_per_mwh' (expected "
                                                     "the columns cpnode,hour_start,usd_per_mwh, in any order)"});
  // A likely typo among the header's other names is pointed out.
  CHECK(read("cpnode,hour_strat,usd_per_mwh\n").problems ==
        std::vector<std::string>{"x.csv:1: hour_start: missing column 'hour_start' (the header has 'hour_strat') "
                                 "(expected the columns cpnode,hour_start,usd_per_mwh, in any order)"});
  // Several missing columns are one problem; a header separated by ';' is told so.
  CHECK(read("cpnode;hour_start;usd_per_mwh\nN1;2025-07-15T15:00;250\n").problems ==
        std::vector<std::string>{"x.csv:1: cpnode: missing columns 'cpnode', 'hour_start', 'usd_per_mwh' (expected "
                                 "the columns cpnode,hour_start,usd_per_mwh, in any order; fields are separated by "
                                 "commas, this header by ';')"});
  // A name given twice, expected or not: which copy holds the values is unknowable. Rows are not read.
  const Read twice = read("cpnode,hour_start,usd_per_mwh,cpnode,x,x,x\nN1,2025-07-15T15:00,250,N2,1,2,3\nshort\n");
  CHECK_FALSE(twice.ok);
  CHECK(twice.rows.empty());
  CHECK(twice.problems == std::vector<std::string>{
                              "x.csv:1: cpnode: column 'cpnode' appears twice in the header (fields 1 and 4)",
                              "x.csv:1: x: column 'x' appears twice in the header (fields 5 and 6)",
                          });
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

TEST_CASE("csv: rows with fewer or more fields than the header, and broken quotes, are reported and skipped") {
  const Read r = read("cpnode,hour_start,usd_per_mwh\nN1,2025-07-15T15:00\n\"N1,2025-07-15T16:00,1\nN1,x\"y,2\nN2,h,3\n");
  CHECK(r.problems == std::vector<std::string>{
                          "x.csv:2: the row has 2 fields, the header has 3 (every row has one field per header "
                          "column; an empty field is nothing between two commas)",
                          "x.csv:3: a quoted field is not closed on its line (fields may not span lines)",
                      });
  // x"y is an unquoted field with a quote inside: kept as it is.
  CHECK(r.rows == Rows{{"N1", "x\"y", "2", "4"}, {"N2", "h", "3", "5"}});
}

TEST_CASE("csv: a row with more fields than the header is refused, never read as its first fields (issue 12)") {
  // The case: `1,980` unquoted is two fields, 1 and 980. Before v1.2 the row was read as $1/MWh.
  const Read r = read("cpnode,hour_start,usd_per_mwh\nAMMO.DR1,2025-07-15T16:00,410\nAMMO.DR1,2025-07-15T17:00,1,980\n"
                      "AMMO.DR1,2025-07-15T18:00,\"1,980\"\n");
  CHECK(r.problems == std::vector<std::string>{
                          "x.csv:3: the row has 4 fields, the header has 3 (an unquoted thousands separator such as "
                          "1,980 splits a number in two: write 1980, or quote the field)",
                      });
  // Line 3 is skipped; quoted, "1,980" is one field (the number parser then refuses it, tests/hostile/csv_test.cpp).
  CHECK(r.rows == Rows{{"AMMO.DR1", "2025-07-15T16:00", "410", "2"}, {"AMMO.DR1", "2025-07-15T18:00", "1,980", "4"}});
  // The count is the header's, not the expected columns': with an extra header column, 4 fields are right, 5 not.
  const Read extra = read("cpnode,hour_start,usd_per_mwh,note\nN1,2025-07-15T15:00,250,a\nN1,2025-07-15T16:00,1,980,b\n"
                          "N1,2025-07-15T17:00,250\n");
  CHECK(extra.problems == std::vector<std::string>{
                              "x.csv:3: the row has 5 fields, the header has 4 (an unquoted thousands separator such "
                              "as 1,980 splits a number in two: write 1980, or quote the field)",
                              "x.csv:4: the row has 3 fields, the header has 4 (every row has one field per header "
                              "column; an empty field is nothing between two commas)",
                          });
  CHECK(extra.rows == Rows{{"N1", "2025-07-15T15:00", "250", "2"}});
}

TEST_CASE("csv: a file that does not exist") {
  std::vector<Problem> problems;
  CsvReader csv("/nonexistent/drsim/x.csv", kColumns, problems);
  CHECK_FALSE(csv.ok());
  CHECK_FALSE(csv.next());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].str() == "/nonexistent/drsim/x.csv: cannot open the file: No such file or directory");
}

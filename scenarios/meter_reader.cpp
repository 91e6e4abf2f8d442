// Meter row parsing and streaming over a CSV file or the scenario's inline rows.
#include "scenarios/meter_reader.hpp"

#include <fmt/format.h>

#include "scenarios/csv_reader.hpp"
#include "scenarios/value_parsers.hpp"

namespace drsim {

namespace scenarios {

bool parse_meter_fields(const std::array<std::string_view, 4>& f, MeterRow& row,
                        const std::function<void(std::size_t, std::string)>& report) {
  bool good = true;
  auto fail = [&](std::size_t column, std::string message) {
    report(column, std::move(message));
    good = false;
  };
  if (f[0].empty()) fail(0, "the resource id is empty");
  row.resource.assign(f[0]);
  if (auto e = parse_time(f[1], row.start)) fail(1, *e);
  long long minutes = 0;
  if (auto e = parse_integer(f[2], minutes)) {
    fail(2, *e);
  } else if (minutes != 5 && minutes != 15 && minutes != 60) {
    fail(2, fmt::format("{} is not a meter interval length (expected 5, 15 or 60)", minutes));
  } else {
    row.minutes = static_cast<int>(minutes);
    if (good && row.start.seconds() % (minutes * 60) != 0) {
      fail(1, fmt::format("{} is not aligned to its {}-minute interval", row.start.str(), minutes));
    }
  }
  Decimal mw;
  if (auto e = parse_number(f[3], mw)) {  // may be negative (rules.md 2, v1.2): export, station service
    fail(3, *e);
  } else if (auto l = check_limit("mw", mw)) {
    fail(3, *l);
  }
  row.mw = Mw(mw);
  return good;
}

}  // namespace scenarios

void for_each_meter_row(const MeterSource& source, const std::function<void(const MeterRow&)>& fn) {
  if (source.csv_path.empty()) {
    for (const auto& row : source.rows) fn(row);
    return;
  }
  constexpr std::size_t kMaxProblems = 200;
  std::vector<Problem> problems;
  const std::vector<std::string> columns(scenarios::kMeterColumns.begin(), scenarios::kMeterColumns.end());
  scenarios::CsvReader csv(source.csv_path, columns, problems);
  MeterRow row;
  std::array<std::string_view, 4> fields;
  const std::function<void(std::size_t, std::string)> report = [&](std::size_t column, std::string message) {
    problems.push_back(csv.problem(column, std::move(message)));
  };
  while (csv.next()) {
    if (problems.size() >= kMaxProblems) {
      problems.push_back(Problem{csv.file(), csv.line(), 0, "",
                                 fmt::format("stopped reading after {} problems in this file", kMaxProblems)});
      break;
    }
    for (std::size_t i = 0; i < 4; ++i) fields[i] = csv.field(i);
    row.line = csv.line();
    if (scenarios::parse_meter_fields(fields, row, report)) fn(row);
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

}  // namespace drsim

// The file and line of a series row (see series_place.hpp).
#include "scenarios/series_place.hpp"

#include <map>

#include <fmt/format.h>

#include "scenarios/csv_reader.hpp"
#include "scenarios/value_parsers.hpp"

namespace drsim::scenarios {

const std::vector<std::string>& series_columns(std::string_view series) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> columns = {
      {"lmp", {"cpnode", "hour_start", "usd_per_mwh"}},
      {"rsg", {"hour_start", "usd_per_mwh"}},
      {"baseline", {"resource", "hour_start", "mw"}},
      {"lse_load", {"lse", "hour_start", "mwh"}},
  };
  static const std::vector<std::string> none;
  const auto it = columns.find(series);
  return it == columns.end() ? none : it->second;
}

std::string series_row_place(const Scenario& s, std::string_view series, const std::string& key, MarketTime hour) {
  const auto origin = s.series_origin.find(std::string(series));
  if (origin == s.series_origin.end()) return fmt::format("series.{}", series);
  const auto entry = [&] { return fmt::format("{}:{}", s.path, origin->second.mark.line); };
  if (origin->second.csv_path.empty()) return entry();
  const auto& columns = series_columns(series);
  std::vector<Problem> problems;  // the file was checked when the scenario was loaded
  CsvReader csv(origin->second.csv_path, columns, problems);
  const bool keyed = columns.size() == 3;
  while (csv.next()) {
    if (keyed && csv.field(0) != key) continue;
    MarketTime at;
    if (!parse_hour_start(csv.field(keyed ? 1 : 0), at) && at == hour) {
      return fmt::format("{}:{}", origin->second.csv_path, csv.line());
    }
  }
  return origin->second.csv_path;  // no row for the hour (an hour without a price)
}

}  // namespace drsim::scenarios

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

std::string SeriesPlaces::place(std::string_view series, const std::string& key, MarketTime hour) {
  const auto origin = s_.series_origin.find(std::string(series));
  if (origin == s_.series_origin.end()) return fmt::format("series.{}", series);
  const std::string& path = origin->second.csv_path;
  if (path.empty()) return fmt::format("{}:{}", s_.path, origin->second.mark.line);
  auto index = lines_.find(series);
  if (index == lines_.end()) {
    index = lines_.emplace(std::string(series), std::map<std::pair<std::string, std::int64_t>, int>{}).first;
    const auto& columns = series_columns(series);
    std::vector<Problem> problems;  // the file was checked when the scenario was loaded
    CsvReader csv(path, columns, problems);
    const bool keyed = columns.size() == 3;
    while (csv.next()) {
      MarketTime at;
      if (!parse_hour_start(csv.field(keyed ? 1 : 0), at)) {
        index->second.try_emplace({keyed ? std::string(csv.field(0)) : std::string(), at.seconds()}, csv.line());
      }
    }
  }
  const auto row = index->second.find({key, hour.seconds()});
  if (row == index->second.end()) return path;  // no row for the hour (an hour without a price)
  return fmt::format("{}:{}", path, row->second);
}

}  // namespace drsim::scenarios

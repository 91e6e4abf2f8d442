// EIA-930 demand importer: UTC hour-ending MW of a MISO (sub-)BA, split into LSE loads.
#include "scenarios/importers/load_import.hpp"

#include <algorithm>
#include <map>

#include "scenarios/importers/source_time.hpp"

namespace drsim::importers {

std::vector<HourlyLoad> import_eia930(SourceCsv& in, const std::optional<std::string>& subba,
                                      const DateFilter& filter) {
  const auto header = in.next();
  if (!header || header->empty()) throw InputError(in.problem("header", "missing header line"));
  const bool api = (*header)[0] == "period";
  std::optional<std::size_t> time_col, value_col, subba_col;
  if (api) {
    time_col = 0;
    value_col = column_of(*header, "value");
    subba_col = column_of(*header, "subba");
    if (!value_col || !subba_col) throw InputError(in.problem("header", "expected period,subba,...,value"));
    if (!subba) throw InputError(in.problem("subba", "a sub-BA file needs the sub-BA code to read"));
  } else {
    if ((*header)[0] != "date_time" || header->size() < 2 || (*header)[1] != "demand (MW)")
      throw InputError(in.problem("header", "expected date_time,demand (MW) or period,subba,..."));
    time_col = 0;
    value_col = 1;
  }
  std::vector<Problem> problems;
  std::map<MarketTime, Decimal> by_hour;
  while (auto f = in.next()) {
    if (f->size() != header->size()) {
      problems.push_back(in.problem("row", "expected " + std::to_string(header->size()) + " fields"));
      continue;
    }
    if (api && (*f)[*subba_col] != *subba) continue;
    const auto utc_end = parse_civil_time((*f)[*time_col]);
    if (!utc_end) {
      problems.push_back(in.problem((*header)[*time_col], "bad timestamp '" + (*f)[*time_col] + "'"));
      continue;
    }
    const MarketTime hour = est_hour_start_from_utc_hour_ending(*utc_end);
    if (!filter.admits(hour) || (*f)[*value_col].empty()) continue;
    const auto mwh = in.number((*f)[*value_col], (*header)[*value_col], problems);
    if (!mwh) continue;
    if (!by_hour.emplace(hour, *mwh).second)
      problems.push_back(in.problem((*header)[*time_col], "hour " + hour.str() + " given twice"));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  std::vector<HourlyLoad> out;
  out.reserve(by_hour.size());
  for (const auto& [hour, mwh] : by_hour) out.push_back({hour, mwh});
  return out;
}

std::vector<SeriesRow> split_load(const std::vector<HourlyLoad>& load,
                                  const std::vector<std::pair<std::string, Decimal>>& shares) {
  std::vector<SeriesRow> rows;
  rows.reserve(load.size() * shares.size());
  for (const auto& [lse, share] : shares)
    for (const auto& h : load) rows.push_back({lse, h.hour, Decimal::mul(h.mwh, share)});
  return rows;
}

}  // namespace drsim::importers

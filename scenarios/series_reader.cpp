// Reads the `series:` section and loads the hourly series (lmp, rsg, baseline, lse_load) from CSV or inline rows.
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "scenarios/csv_reader.hpp"
#include "scenarios/load_state.hpp"
#include "scenarios/meter_reader.hpp"
#include "scenarios/series_place.hpp"
#include "scenarios/value_parsers.hpp"

namespace drsim::scenarios {

namespace {

// How one hourly series is read: its columns and what its key and value must be.
struct HourlySpec {
  std::string name;
  std::vector<std::string> columns;  // [key,] hour_start, value
  std::optional<IdKind> key_kind;    // the key must be a defined id of this kind
  Sign sign;
  std::function<void(const std::string&, MarketTime, Decimal)> store;  // into the typed series
};

template <class T>
std::function<void(const std::string&, MarketTime, Decimal)> into(HourlySeries<T>& series) {
  return [&series](const std::string& key, MarketTime hour, Decimal v) { series.set(key, hour, T(v)); };
}

using Report = std::function<void(std::size_t, std::string)>;

std::string resolve(const LoadState& st, const std::string& csv) {
  std::filesystem::path p(csv);
  if (p.is_relative()) p = std::filesystem::path(st.base_dir) / p;
  return p.lexically_normal().string();
}

// The good rows of one series: key -> hour -> (line, value), so repeats are found and the
// rows reach the series in (key, hour) order, whatever the file's order (a series appends
// rows in time order; one out of order would be inserted).
using SeriesRows = std::map<std::string, std::map<std::int64_t, std::pair<int, Decimal>>>;

// Checks one row and keeps it in `rows` (a repeat of a (key, hour) is reported with the first's line).
void hourly_row(LoadState& st, const HourlySpec& spec, const std::vector<std::string_view>& f, int line,
                const Report& report, SeriesRows& rows) {
  const bool keyed = spec.columns.size() == 3;
  const std::size_t hour_col = keyed ? 1 : 0;
  const std::string key = keyed ? std::string(f[0]) : std::string();
  bool good = true;
  if (keyed && key.empty()) {
    report(0, fmt::format("the {} is empty", spec.columns[0]));
    good = false;
  } else if (spec.key_kind && !st.defined(*spec.key_kind, key)) {
    report(0, fmt::format("no {} '{}' is defined", name(*spec.key_kind), key));
    good = false;
  }
  MarketTime hour;
  if (auto e = parse_hour_start(f[hour_col], hour)) {
    report(hour_col, *e);
    good = false;
  }
  Decimal value;
  auto e = spec.sign == Sign::any ? parse_number(f[hour_col + 1], value) : parse_non_negative(f[hour_col + 1], value);
  if (!e) e = check_limit(spec.columns[hour_col + 1], value);
  if (e) {
    report(hour_col + 1, *e);
    good = false;
  }
  if (!good) return;
  auto [it, fresh] = rows[key].emplace(hour.seconds(), std::pair{line, value});
  if (!fresh) {
    report(hour_col, fmt::format("a second row for {}{}{} (first at line {})", key, keyed ? " at " : "", hour.str(),
                                 it->second.first));
  }
}

void store_rows(const HourlySpec& spec, const SeriesRows& rows) {
  for (const auto& [key, hours] : rows) {
    for (const auto& [at, row] : hours) spec.store(key, MarketTime::from_seconds(at), row.second);
  }
}

void load_csv(LoadState& st, const HourlySpec& spec, const std::string& path) {
  CsvReader csv(path, spec.columns, st.reader.problems());
  std::vector<std::string_view> fields(spec.columns.size());
  SeriesRows rows;
  const Report report = [&](std::size_t col, std::string message) {
    st.reader.problems().push_back(csv.problem(col, std::move(message)));
  };
  while (csv.next()) {
    for (std::size_t i = 0; i < fields.size(); ++i) fields[i] = csv.field(i);
    hourly_row(st, spec, fields, csv.line(), report, rows);
  }
  store_rows(spec, rows);
}

// Reads inline rows: each a list of scalars in the CSV's column order.
// `row_fn(texts, line, report)` handles one well-formed row.
void for_each_inline_row(LoadState& st, const Field& rows, const std::vector<std::string>& columns,
                         const std::function<void(const std::vector<std::string_view>&, int, const Report&)>& row_fn) {
  auto items = st.reader.items(rows);
  if (!items) return;
  std::vector<std::string_view> texts(columns.size());
  for (const auto& row : *items) {
    auto cells = st.reader.items(row);
    if (!cells) continue;
    if (cells->size() != columns.size()) {
      // As a CSV row (format.md, series files v1.2): `[N1, 2025-07-15T17:00, 1,980]` is four values, not 1980.
      std::string names;
      for (const auto& c : columns) names += (names.empty() ? "" : ",") + c;
      st.reader.error(row, fmt::format("the row has {} values, the series has {} columns ({}){}", cells->size(),
                                       columns.size(), names,
                                       cells->size() > columns.size()
                                           ? " (an unquoted thousands separator such as 1,980 splits a number in "
                                             "two: write 1980, or quote the value)"
                                           : ""));
      continue;
    }
    bool scalars = true;
    for (std::size_t i = 0; i < cells->size(); ++i) {
      Field& cell = (*cells)[i];
      cell.path = fmt::format("{}.{}", row.path, columns[i]);
      if (!cell.node.IsScalar()) {
        st.reader.error(cell, fmt::format("expected a value, got {}", YamlReader::describe(cell.node)));
        scalars = false;
        continue;
      }
      texts[i] = cell.node.scalar_view();
    }
    if (!scalars) continue;
    const Report report = [&](std::size_t col, std::string message) { st.reader.error((*cells)[col], std::move(message)); };
    row_fn(texts, row.mark.line, report);
  }
}

void read_meter_rows(LoadState& st, const Field& rows) {
  const std::vector<std::string> columns(kMeterColumns.begin(), kMeterColumns.end());
  for_each_inline_row(st, rows, columns, [&](const std::vector<std::string_view>& t, int line, const Report& report) {
    MeterRow row;
    if (parse_meter_fields({t[0], t[1], t[2], t[3]}, row, report)) {
      row.line = line;
      st.scenario.meter.rows.push_back(std::move(row));
    }
  });
}

}  // namespace

void read_series_section(LoadState& st, MapFields& top) {
  auto section = top.get("series");
  if (!section || section->node.IsNull()) return;
  MapFields series(st.reader, *section);
  for (const char* name : {"lmp", "rsg", "meter", "baseline", "lse_load"}) {
    auto f = series.get(name);
    if (!f || f->node.IsNull()) continue;
    MapFields src(st.reader, *f);
    if (!src.ok()) continue;
    const bool is_rsg = std::string_view(name) == "rsg";
    const int given = int{src.has("csv")} + int{src.has("rows")} + int{is_rsg && src.has("usd_per_mwh")};
    if (given != 1) {
      st.reader.error(*f, given == 0 ? fmt::format("expected csv: or rows:{}", is_rsg ? " or usd_per_mwh:" : "")
                                     : "give only one of csv:, rows:" + std::string(is_rsg ? " and usd_per_mwh:" : ""));
      src.finish();
      continue;
    }
    SeriesSource source{name, "", std::nullopt, *f};
    if (auto csv = src.text("csv", Need::optional)) {
      source.csv_path = resolve(st, *csv);
      std::error_code ec;
      const auto status = std::filesystem::status(source.csv_path, ec);
      if (!std::filesystem::is_regular_file(status)) {
        // Folders, /dev/zero and FIFOs are refused: a series is a regular file (docs/format.md, Limits).
        st.reader.error(*src.get("csv"), fmt::format("cannot open '{}' (looked for {}): {}", *csv, source.csv_path,
                                                     std::filesystem::exists(status) ? "it is not a regular file"
                                                                                     : "no such file"));
        source.csv_path.clear();
      }
    } else if (src.has("rows")) {
      source.rows = src.get("rows");
    } else if (is_rsg) {
      if (auto v = src.number("usd_per_mwh")) st.scenario.rsg_flat = UsdPerMwh(*v);
    }
    src.finish();
    if (std::string_view(name) != "meter") st.scenario.series_origin[name] = {source.csv_path, f->mark};
    if (std::string_view(name) == "meter") {
      st.scenario.meter.present = !source.csv_path.empty() || source.rows.has_value();
      st.scenario.meter.csv_path = source.csv_path;
      if (source.rows) read_meter_rows(st, *source.rows);
    } else if (!source.csv_path.empty() || source.rows) {
      st.series.push_back(std::move(source));
    }
  }
  series.finish();
}

void load_hourly_series(LoadState& st) {
  Scenario& s = st.scenario;
  const std::vector<HourlySpec> specs = {
      {"lmp", series_columns("lmp"), std::nullopt, Sign::any, into(s.lmp)},
      {"rsg", series_columns("rsg"), std::nullopt, Sign::non_negative, into(s.rsg)},
      {"baseline", series_columns("baseline"), IdKind::resource, Sign::non_negative, into(s.baseline)},
      {"lse_load", series_columns("lse_load"), IdKind::lse, Sign::non_negative, into(s.lse_load)},
  };
  for (const auto& source : st.series) {
    const HourlySpec* spec = nullptr;
    for (const auto& sp : specs) {
      if (sp.name == source.name) spec = &sp;
    }
    if (!source.csv_path.empty()) {
      load_csv(st, *spec, source.csv_path);
    } else if (source.rows) {
      SeriesRows rows;
      for_each_inline_row(st, *source.rows, spec->columns,
                          [&](const std::vector<std::string_view>& t, int line, const Report& report) {
                            hourly_row(st, *spec, t, line, report, rows);
                          });
      store_rows(*spec, rows);
    }
  }
}

}  // namespace drsim::scenarios

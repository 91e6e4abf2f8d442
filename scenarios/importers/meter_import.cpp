// Building meter importer: hourly kWh readings scaled into a resource's MW meter.
#include "scenarios/importers/meter_import.hpp"

#include "scenarios/importers/source_time.hpp"

namespace drsim::importers {

std::vector<MeterInterval> import_building_meter(SourceCsv& in, const MeterRecipe& recipe) {
  const auto header = in.next();
  if (!header || header->size() != 2 || (*header)[0] != "datetime")
    throw InputError(in.problem("header", "expected datetime,equipment load [kWh]"));
  const Decimal per_kwh = Decimal::from_micros(1000);  // 1/1000: kWh per hour -> MW
  std::vector<Problem> problems;
  std::vector<MeterInterval> rows;
  while (auto f = in.next()) {
    if (f->size() != 2) {
      problems.push_back(in.problem("row", "expected 2 fields"));
      continue;
    }
    const auto clock = parse_civil_time((*f)[0]);
    if (!clock || !clock->on_hour()) {
      problems.push_back(in.problem("datetime", "bad hourly timestamp '" + (*f)[0] + "'"));
      continue;
    }
    const MarketTime start = *clock + Duration::hours(24 * std::int64_t{recipe.shift_days});
    if (!recipe.filter.admits(start)) continue;
    const auto kwh = in.number((*f)[1], (*header)[1], problems);
    if (!kwh) continue;
    Decimal mw = Decimal::mul(Decimal::mul(*kwh, recipe.factor), per_kwh);
    bool in_window = false;
    for (const auto& w : recipe.windows) {
      if (!w.contains(start)) continue;
      mw = Decimal::mul(mw, w.fraction);
      in_window = true;
      break;
    }
    if (recipe.windows_only && !in_window) continue;
    rows.push_back({recipe.resource, start, 60, mw});
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return rows;
}

}  // namespace drsim::importers

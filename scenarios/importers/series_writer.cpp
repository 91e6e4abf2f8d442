// Rows of drsim's hourly series and meter CSVs, and the writer of their files.
#include "scenarios/importers/series_writer.hpp"

namespace drsim::importers {

void write_series(std::ostream& out, const std::string& header, const std::vector<SeriesRow>& rows,
                  bool with_header) {
  if (with_header) out << header << '\n';
  for (const auto& r : rows) out << r.key << ',' << r.hour.str() << ',' << r.value.str() << '\n';
}

void write_meter(std::ostream& out, const std::vector<MeterInterval>& rows, bool with_header) {
  if (with_header) out << "resource,interval_start,interval_minutes,mw\n";
  for (const auto& r : rows)
    out << r.resource << ',' << r.start.str() << ',' << r.minutes << ',' << r.mw.str() << '\n';
}

}  // namespace drsim::importers

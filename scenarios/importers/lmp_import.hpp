// LMP importers: MISO hub reports (Hour Ending rows) and EIA-compiled MISO hub LMPs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenarios/importers/series_writer.hpp"
#include "scenarios/importers/source_csv.hpp"

namespace drsim::importers {

// MISO hub file `date,node,type,value,he01..he24` (HE 1-24 EST): the `LMP`
// rows of `node`, as rows of `cpnode`. A blank cell is a missing hour (left out).
// Throws InputError naming every bad line.
std::vector<SeriesRow> import_miso_hub_he(SourceCsv& in, std::string_view node, const std::string& cpnode,
                                          const DateFilter& filter);

// EIA "Wholesale Electricity Market Data" MISO hub file: 3 title lines, then a
// header with "Local Timestamp Eastern Standard Time (Interval Beginning)" and
// one "<Hub> LMP" column per hub (e.g. "Indiana Hub LMP"). Each row's hour start
// is checked against its UTC interval end, local date and hour number.
std::vector<SeriesRow> import_eia_hub_lmp(SourceCsv& in, std::string_view hub_column, const std::string& cpnode,
                                          const DateFilter& filter);

}  // namespace drsim::importers

// Streams the meter intervals of a scenario (CSV file or inline rows) one row at a time.
#pragma once

#include <array>
#include <functional>
#include <string_view>

#include "settlement/problem.hpp"
#include "scenarios/scenario.hpp"

namespace drsim {

// Calls `fn` with each meter row of `source`, in file order, reusing one row
// object (no whole-file copy, no allocation per row beyond the resource id's
// buffer). Checks each row on its own: known columns, time, interval_minutes in
// {5, 15, 60}, an interval_start aligned to its length, mw a number (negative
// allowed, rules.md 2 v1.2) within the MW limit. Rows with problems are skipped;
// after the last row, throws InputError with every problem (at most 200 per
// file). Rows may come in any order; overlap of one resource's rows is checked
// by the loader, not here.
void for_each_meter_row(const MeterSource& source, const std::function<void(const MeterRow&)>& fn);

namespace scenarios {

inline const std::array<std::string, 4> kMeterColumns = {"resource", "interval_start", "interval_minutes", "mw"};

// Parses the four meter fields into `row` (row.line is left to the caller).
// `report(column, message)` is called for each field that is wrong; returns
// true when the row is good.
bool parse_meter_fields(const std::array<std::string_view, 4>& fields, MeterRow& row,
                        const std::function<void(std::size_t, std::string)>& report);

}  // namespace scenarios
}  // namespace drsim

// One pass over a meter CSV file: parse and check each row, hand on its interval by resource index.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "settlement/meter_interval.hpp"
#include "scenarios/scenario.hpp"

namespace drsim::scenarios {

// What a scan found. `clean` is false when any row has a problem (a bad field, a
// field count unlike the header's, an unknown resource) or a sink refused an
// interval (an overlap): the caller then runs the exact checker of the loader
// (check_meter), which names every problem with its line, and nothing of the
// scan is used.
struct MeterScanResult {
  std::uint64_t rows = 0;
  bool clean = true;
};

// Takes the intervals of one part, a batch at a time; returns false to refuse
// (an interval overlapping one already taken), which stops the scan.
using MeterBatchSink = std::function<bool(std::span<const MeterInterval>)>;

// Reads the meter CSV `path` once. The work is split over `sinks.size()` threads by
// bytes: thread k takes the lines that start in the k-th equal share of the file and
// hands their intervals, of any resource and in file order within the share, to
// sinks[k] (so the sinks run at once, and may get intervals of one resource from
// several threads). Rows are read exactly as for_each_meter_row reads them (same
// columns, same checks, same values): a fast path over the bytes for the common shape
// (unquoted fields, times YYYY-MM-DDTHH:MM, plain decimals), and the CSV reader's own
// row parser for anything else. `resources` gives the indices. `bytes_done`, when
// given, counts the bytes read by all threads (for a progress bar).
MeterScanResult scan_meter_csv(const std::string& path, const std::vector<Resource>& resources,
                               const std::vector<MeterBatchSink>& sinks,
                               std::atomic<std::uint64_t>* bytes_done = nullptr);

}  // namespace drsim::scenarios

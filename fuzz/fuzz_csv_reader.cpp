// libFuzzer target: the streaming CSV reader and the meter row reader on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_temp_file.hpp"
#include "scenarios/csv_reader.hpp"
#include "scenarios/meter_reader.hpp"
#include "settlement/problem.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = drsim::fuzz::write_input("series.csv", data, size);

  // The generic reader with an hourly series' columns: touch every field of every row.
  std::vector<drsim::Problem> problems;
  drsim::scenarios::CsvReader csv(path, {"cpnode", "hour_start", "usd_per_mwh"}, problems);
  std::size_t chars = 0;
  while (csv.next()) {
    for (std::size_t i = 0; i < csv.columns().size(); ++i) chars += csv.field(i).size();
    if (csv.line() <= 0) __builtin_trap();
  }
  for (const auto& p : problems) {
    if (p.file != path || p.line < 0 || p.message.empty()) __builtin_trap();
  }

  // The meter reader: rows reach the callback checked, or InputError lists the problems.
  drsim::MeterSource source;
  source.csv_path = path;
  source.present = true;
  try {
    drsim::for_each_meter_row(source, [&](const drsim::MeterRow& row) {
      // mw may be negative (rules.md 2, v1.2), never beyond the 100,000 MW limit either way.
      const auto limit = drsim::Decimal::from_int(100'000);
      if (row.resource.empty() || row.mw.value() > limit || row.mw.value() < -limit) __builtin_trap();
    });
  } catch (const drsim::InputError& e) {
    if (e.problems().empty()) __builtin_trap();
  }
  return static_cast<int>(chars & 0);
}

// libFuzzer target: load_scenario on arbitrary bytes; only InputError may escape, nothing may crash.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "fuzz/fuzz_temp_file.hpp"
#include "scenarios/meter_reader.hpp"
#include "scenarios/scenario_loader.hpp"
#include "settlement/problem.hpp"

// The worked example's series files sit next to the input as data/*.csv, so a
// mutated scenario that names them reaches the series readers and the cross checks.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::filesystem::path from = std::filesystem::path(DRSIM_SOURCE_DIR) / "scenarios/examples/worked-example/data";
  const auto to = drsim::fuzz::scratch_dir() / "data";
  std::filesystem::create_directories(to);
  for (const char* name : {"lmp.csv", "meter.csv", "baseline.csv"}) {
    std::filesystem::copy_file(from / name, to / name, std::filesystem::copy_options::overwrite_existing);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = drsim::fuzz::write_input("scenario.yaml", data, size);
  try {
    const drsim::Scenario s = drsim::load_scenario(path);
    // A scenario that loads is streamed again by the simulator: do that too.
    std::size_t rows = 0;
    drsim::for_each_meter_row(s.meter, [&](const drsim::MeterRow&) { ++rows; });
  } catch (const drsim::InputError& e) {
    if (e.problems().empty()) __builtin_trap();  // an InputError must say what is wrong
  }
  return 0;
}

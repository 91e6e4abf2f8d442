// Tests of the exposure: section reader: the bundled study's values, defaults, located problems.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "scenarios/scenario_loader.hpp"

using namespace drsim;
using namespace drsim::sim;

namespace {

const std::string kBundled = std::string(DRSIM_SOURCE_DIR) + "/scenarios/examples/utility-exposure/scenario.yaml";

// The bundled file's market with `exposure` replaced by the given text, in a temporary file.
std::string with_exposure(const std::string& exposure) {
  std::ifstream in(kBundled);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text = text.substr(0, text.find("\nexposure:\n") + 1) + exposure;
  const auto path = std::filesystem::temp_directory_path() / ("drsim_exposure_reader_" + std::to_string(getpid()) + ".yaml");
  std::ofstream(path) << text;
  return path.string();
}

std::vector<std::string> problems_of_file(const std::string& path) {
  try {
    load_scenario(path);
  } catch (const InputError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.str());
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("the bundled utility study reads its exposure section", "[exposure]") {
  const Scenario s = load_scenario(kBundled);
  REQUIRE(s.exposure);
  const ExposureModel& m = *s.exposure;
  const auto& winter = m.seasons[static_cast<std::size_t>(Season::winter)];
  CHECK(winter.emergencies.kind == IntDistribution::Kind::values);
  CHECK(winter.emergencies.values == std::vector<int>{1, 0, 1, 0, 1, 0, 0, 1});
  CHECK(winter.hours.values == std::vector<int>{4, 6, 8});
  CHECK(m.seasons[0].emergencies.kind == IntDistribution::Kind::poisson);
  CHECK(m.seasons[0].emergencies.mean.str() == "0.25");
  REQUIRE(m.coverage.size() == 2);
  CHECK(m.coverage[0].lbas == std::vector<std::string>{"AMMO", "CWLD"});
  CHECK(m.coverage[0].weight == 3);
  CHECK(m.lmp.spike_median_usd_per_mwh.str() == "1500");
  CHECK(m.delivered_by_protocol[0]->min.str() == "0.7");
  CHECK(m.forced_outage_probability.str() == "0.05");
  CHECK(s.resources.size() == 60);
}

TEST_CASE("an empty exposure section takes every default", "[exposure]") {
  const std::string path = with_exposure("exposure: {}\n");
  const Scenario s = load_scenario(path);
  std::filesystem::remove(path);
  REQUIRE(s.exposure);
  const ExposureModel d = default_exposure_model();
  CHECK(s.exposure->notice_h.min == d.notice_h.min);
  CHECK(s.exposure->notice_h.max == d.notice_h.max);
  CHECK(s.exposure->missing_reporting_probability == d.missing_reporting_probability);
  CHECK(s.exposure->coverage.empty());
}

TEST_CASE("bad exposure values are reported with line, column and key", "[exposure]") {
  const std::string path = with_exposure(
      "exposure:\n"
      "  seasons:\n"
      "    winter: {emergencies: {min: 3, max: 1}, hours: {values: [0, 4]}}\n"
      "    autumn: {}\n"
      "  coverage:\n"
      "    - {lbas: [AMMO, NOPE]}\n"
      "  missing_reporting_probability: 1.5\n"
      "  delivered_fraction: {resources: {DR-999: {min: 0.5, max: 0.9}}}\n"
      "  notice_h: {min: 1, max: 2, poisson_mean: 1}\n"
      "  lmp: {sigma: 9}\n");
  const auto problems = problems_of_file(path);
  std::filesystem::remove(path);
  auto has = [&](const std::string& text) {
    for (const auto& p : problems) {
      if (p.find(text) != std::string::npos) return true;
    }
    return false;
  };
  INFO(Catch::Detail::stringify(problems));
  // The line of `exposure:` in the written file; `winter:` is two lines below it, and its
  // `max: 1` value starts at column 41 (4 spaces + "winter: {emergencies: {min: 3, max: ").
  std::ifstream in(kBundled);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const auto exposure_line = std::count(text.begin(), text.begin() + static_cast<long>(text.find("\nexposure:\n") + 1), '\n') + 1;
  CHECK(has(":" + std::to_string(exposure_line + 2) + ":41: exposure.seasons.winter.emergencies.max"));
  CHECK(has("exposure.seasons.winter.emergencies.max: max 1 is below min 3"));
  CHECK(has("exposure.seasons.winter.hours.values"));
  CHECK(has("0 is outside 1..24"));
  CHECK(has("autumn"));
  CHECK(has("NOPE"));
  CHECK(has("exposure.missing_reporting_probability: probability 1.5 is above 1"));
  CHECK(has("DR-999"));
  CHECK(has("exposure.notice_h: give one of"));
  CHECK(has("exposure.lmp.sigma: sigma 9 is above 5"));
}

// One worked example per command, shown at the end of `drsim COMMAND --help` and `drsim help COMMAND`.
#include "app/command_examples.hpp"

#include <map>
#include <string>

namespace drsim::app {

namespace {

// Paths are those of a checkout, run from its top folder.
const std::map<std::string, std::string>& examples() {
  static const std::map<std::string, std::string> table = {
      {"validate", "drsim validate scenarios/examples/worked-example/scenario.yaml"},
      {"run", "drsim run scenarios/real/elliott-2022/scenario.yaml --out out/elliott"},
      {"sweep", "drsim sweep scenarios/real/elliott-2022/scenario.yaml --out out/elliott-sweep\n"
                "  drsim sweep scenarios/examples/worked-example-untested/scenario.yaml "
                "--grid multiplier_applies_to_rsg,untested_multiplier --out out/untested-grid"},
      {"check", "drsim check scenarios/examples scenarios/real --junit out/check.xml"},
      {"report", "drsim report --db out/elliott/results.sqlite --out out/elliott-report"},
      {"explain", "drsim explain out/elliott --line SI-B5@2022-12-23T16:00"},
      {"diff", "drsim diff out/base out/untested --out out/diff"},
      {"accredit", "drsim accredit scenarios/accredit/nyiso_btmng.yaml --out out/accredit"},
      {"exposure", "drsim exposure scenarios/examples/utility-exposure/scenario.yaml --trials 10000 --seed 7 "
                   "--out out/exposure"},
      {"exposure-merge", "drsim exposure-merge out/shard-1 out/shard-2 --out out/exposure"},
      {"generate", "drsim generate --resources 100 --days 92 --interval-minutes 15 --out out/gen"},
      {"import", "drsim import lmp --format eia --node 'Indiana Hub LMP' --cpnode CIN.LMR_INHUB "
                 "scenarios/real/elliott-2022/source/miso_lmp_rt_hr_hubs_2022-12-23.csv > lmp.csv"},
      {"drill", "drsim drill scenarios/examples/worked-example/scenario.yaml --listen 127.0.0.1:8081 --speed 60 "
                "--out out/drill"},
      {"help", "drsim help run"},
  };
  return table;
}

}  // namespace

void add_examples(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    const auto it = examples().find(sub->get_name());
    if (it != examples().end()) sub->footer("Example:\n  " + it->second);
  }
}

}  // namespace drsim::app

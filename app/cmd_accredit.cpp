// `drsim accredit FILE... --out DIR`: the behind-the-meter generation calculators of rules.md 7.
#include <iostream>
#include <string>
#include <vector>

#include "app/command_registry.hpp"
#include "reports/accredit/accredit_csv_writer.hpp"
#include "reports/output_folder.hpp"
#include "scenarios/accredit/accredit_reader.hpp"

namespace {

struct AccreditOptions {
  std::vector<std::string> files;
  std::string out;
  bool force = false;
};

void run(const AccreditOptions& o) {
  // Throws InputError with every problem of every file before anything is written.
  const auto input = drsim::accredit::read_accredit_files(o.files);
  for (const auto& w : input.warnings) std::cerr << w.str() << '\n';
  const auto tables = drsim::accredit::build_accredit_tables(input);
  try {
    drsim::reports::OutputFolder folder(o.out, o.force);  // whole or not at all, never over other files unasked
    drsim::accredit::write_accredit_tables(tables, folder.staging().string());
    folder.commit();
  } catch (const std::runtime_error& e) {
    std::cerr << "drsim accredit: " << e.what() << '\n';
    drsim::app::exit_with(drsim::app::kExitInvalid);
  }
  std::cout << "accredit: " << input.miso.size() << " MISO registration(s), " << input.nyiso.size()
            << " NYISO BTM:NG, " << input.pjm.size() << " PJM co-located, " << input.wapa.size()
            << " WAPA customer(s); " << input.warnings.size() << " warning(s); wrote " << o.out << '\n';
  drsim::app::exit_with(drsim::app::kExitOk);
}

const drsim::app::RegisterCommand accredit_command{50, [](CLI::App& app) {
  auto opts = std::make_shared<AccreditOptions>();
  auto* cmd = app.add_subcommand(
      "accredit",
      "Behind-the-meter generation: MISO BTMG registration checks, NYISO BTM:NG capacity,\n"
      "PJM co-located load, WAPA network service (rules.md 7; file format: docs/accredit.md)");
  cmd->add_option("files", opts->files, "accredit YAML files")->required();
  cmd->add_option("--out", opts->out, "output folder for the CSV files (must not exist or be empty, unless --force)")
      ->required();
  cmd->add_flag("--force", opts->force, "Replace a non-empty output folder");
  cmd->callback([opts] { run(*opts); });
}};

}  // namespace

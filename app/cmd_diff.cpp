// `drsim diff RUN_A RUN_B [--out DIR]`: what changed between two runs, on the terminal (and in DIR/diff.csv).
#include <filesystem>
#include <iostream>

#include "app/command_registry.hpp"
#include "reports/output_folder.hpp"
#include "reports/run_diff.hpp"

namespace drsim::app {
namespace {

struct DiffOptions {
  std::string a;
  std::string b;
  std::string out;  // empty: print only
  bool force = false;
  bool quiet = false;
};

const RegisterCommand diff_command{40, [](CLI::App& app) {
  auto opt = std::make_shared<DiffOptions>();
  auto* cmd = app.add_subcommand(
      "diff",
      "Compare two runs (output folders or results.sqlite files): rule values, totals, per\n"
      "resource, per LSE, capacity, EO, failed occasions, and every hourly line that changed\n"
      "(keyed by instruction_id and hour_start). Prints an aligned table; with --out DIR also writes\n"
      "DIR/diff.csv (section,key,field,a,b,change; change = B - A). Exit 0 when identical, 1 when they\n"
      "differ, 2 when an input cannot be read.");
  cmd->add_option("run_a", opt->a, "Run A: output folder or results.sqlite")->required();
  cmd->add_option("run_b", opt->b, "Run B: output folder or results.sqlite")->required();
  cmd->add_option("--out,-o", opt->out, "Folder to write diff.csv into (must not exist or be empty, unless --force)");
  cmd->add_flag("--force", opt->force, "Replace a non-empty output folder");
  cmd->add_flag("--quiet,-q", opt->quiet, "Print only the summary line");
  cmd->callback([opt] {
    reports::RunDiff diff;
    try {
      const auto a = reports::read_run_tables(reports::results_db_path(opt->a));
      const auto b = reports::read_run_tables(reports::results_db_path(opt->b));
      diff = reports::diff_runs(a, b);
      if (!opt->out.empty()) {
        reports::OutputFolder folder(opt->out, opt->force);
        reports::write_diff_csv(diff, folder.file("diff.csv"));
        folder.commit();
      }
    } catch (const std::exception& e) {
      std::cerr << "drsim diff: " << e.what() << '\n';
      exit_with(kExitInvalid);
    }
    const std::string text = reports::diff_text(diff);
    if (opt->quiet) {
      std::cout << text.substr(text.rfind('\n', text.size() - 2) + 1);
    } else {
      std::cout << text;
    }
    if (!diff.identical()) exit_with(kExitDiffers);
  });
}};

}  // namespace
}  // namespace drsim::app

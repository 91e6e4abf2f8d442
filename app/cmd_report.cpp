// `drsim report --db results.sqlite --out DIR`: write report.html from a run's results database.
#include <filesystem>
#include <iostream>

#include "app/command_registry.hpp"
#include "reports/html_report.hpp"

namespace drsim::app {
namespace {

struct ReportOptions {
  std::string db;
  std::string out;
};

const RegisterCommand report_command{35, [](CLI::App& app) {
  auto opt = std::make_shared<ReportOptions>();
  auto* cmd = app.add_subcommand("report",
                                 "Write report.html from a run's results.sqlite: the same file `drsim run`\n"
                                 "writes (one self-contained page, charts as inline SVG, printable).\n"
                                 "Exit 0 when written, 2 when the database cannot be read.");
  cmd->add_option("--db", opt->db, "results.sqlite of a run (or the run's output folder)")->required();
  cmd->add_option("--out,-o", opt->out, "Folder to write report.html into (created if missing)")->required();
  cmd->callback([opt] {
    std::string db = opt->db;
    if (std::filesystem::is_directory(db)) db = (std::filesystem::path(db) / "results.sqlite").string();
    try {
      std::filesystem::create_directories(opt->out);
      const std::string path = (std::filesystem::path(opt->out) / "report.html").string();
      reports::write_html_report(db, path);
      std::cout << "report: " << path << '\n';
    } catch (const std::exception& e) {
      std::cerr << "drsim report: " << e.what() << '\n';
      exit_with(kExitInvalid);
    }
  });
}};

}  // namespace
}  // namespace drsim::app

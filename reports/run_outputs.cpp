// The output folder of `drsim run`.
#include "run_outputs.hpp"

#include <fstream>
#include <stdexcept>

#include "reports/eo_workbook.hpp"
#include "reports/html_report.hpp"
#include "reports/results_db.hpp"
#include "reports/statement_csv.hpp"
#include "reports/summary_json.hpp"

namespace drsim::reports {

void write_run_outputs(const std::string& dir, RunInfo info, const Scenario& s, const RunRecord& record,
                       const Statement& st) {
  write_statement_csv(dir, s, record, st);
  {
    std::ofstream out(dir + "/summary.json", std::ios::binary);
    out << summary_json(info, record, st, s.warnings);
    if (!out) throw std::runtime_error("failed writing " + dir + "/summary.json");
  }
  write_results_db(dir + "/results.sqlite", info, s, record, st);
  // The report reads the database back, so `drsim report --db` writes the same bytes.
  write_html_report(dir + "/results.sqlite", dir + "/report.html");
  if (!s.eo.empty()) write_eo_workbook(dir + "/eo.xlsx", info, s, st);
}

}  // namespace drsim::reports

// The output folder of `drsim run`.
#include "run_outputs.hpp"

#include <fstream>
#include <future>
#include <stdexcept>

#include "reports/eo_workbook.hpp"
#include "reports/html_report.hpp"
#include "reports/results_db.hpp"
#include "reports/statement_csv.hpp"
#include "reports/summary_json.hpp"

namespace drsim::reports {

void write_run_outputs(const std::string& dir, RunInfo info, const Scenario& s, const RunRecord& record,
                       const Statement& st) {
  // The database and the report read back from it take most of the time: the CSV
  // statements, summary.json and eo.xlsx are written beside them on a second thread.
  // Each writer only reads the run and writes its own files.
  auto rest = std::async(std::launch::async, [&] {
    write_statement_csv(dir, s, record, st);
    {
      std::ofstream out(dir + "/summary.json", std::ios::binary);
      out << summary_json(info, record, st, s);
      if (!out) throw std::runtime_error("failed writing " + dir + "/summary.json");
    }
    if (!s.eo.empty()) write_eo_workbook(dir + "/eo.xlsx", info, s, st);
  });
  try {
    write_results_db(dir + "/results.sqlite", info, s, record, st);
    // The report reads the database back, so `drsim report --db` writes the same bytes.
    write_html_report(dir + "/results.sqlite", dir + "/report.html");
  } catch (...) {
    rest.wait();  // the second thread still reads the run: let it finish before the run goes
    throw;
  }
  rest.get();  // rethrows the second thread's failure
}

}  // namespace drsim::reports

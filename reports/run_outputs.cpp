// The output folder of `drsim run`.
#include "run_outputs.hpp"

#include <exception>
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
  // Three writers at once, each only reading the run and writing its own files: the database;
  // the report, from the tables the database will hold, built in memory by the same writers
  // (results_db.hpp run_tables), so `drsim report --db` of the database writes the same bytes;
  // and the CSV statements, summary.json and eo.xlsx.
  const std::string db = dir + "/results.sqlite";
  auto report = std::async(std::launch::async, [&] {
    write_html_report(run_tables(db, info, s, record, st), dir + "/report.html");
  });
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
    write_results_db(db, info, s, record, st);
  } catch (...) {
    report.wait();  // the other threads still read the run: let them finish before the run goes
    rest.wait();
    throw;
  }
  // Each get() rethrows its thread's failure; the report's first, then the rest's (both waited for).
  std::exception_ptr failed;
  for (auto* f : {&report, &rest}) {
    try {
      f->get();
    } catch (...) {
      if (!failed) failed = std::current_exception();
    }
  }
  if (failed) std::rethrow_exception(failed);
}

}  // namespace drsim::reports

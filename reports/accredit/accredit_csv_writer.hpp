// The CSV files of `drsim accredit`: one table per calculator with every intermediate, written atomically.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "reports/accredit/csv_table.hpp"
#include "settlement/btm/accredit_cases.hpp"

namespace drsim::accredit {

struct NamedTable {
  std::string file;  // "nyiso_btmng.csv"
  CsvTable table;
};

// Evaluates every case and lays out the tables (always all six, header-only
// when a section is empty): miso_btmg_registration.csv, nyiso_btmng.csv,
// nyiso_peak_proxy_hours.csv, pjm_colocated.csv, wapa_nits.csv, wapa_generators.csv.
std::vector<NamedTable> build_accredit_tables(const btm::AccreditInput& in);

// Creates `dir` if needed, writes every table to a temporary name in it, then
// renames them all; on a failure the temporaries are removed and nothing is
// left half-written. Throws std::runtime_error.
void write_accredit_tables(const std::vector<NamedTable>& tables, const std::filesystem::path& dir);

}  // namespace drsim::accredit

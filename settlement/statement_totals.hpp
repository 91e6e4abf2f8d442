// A statement's ledger and its totals: the line items of its lines, and their one aggregation.
#pragma once

#include <string>
#include <vector>

#include "market.hpp"
#include "statement.hpp"

namespace drsim {

// The cut that holds a utility's year of EO to its cap_usd (rules.md 5): zero or negative.
struct EoCut {
  std::string mp_id;
  Money amount;
  std::size_t last_line = 0;  // index into Statement::eo of the entry's last season
};

// The ledger of the statement's lines: per hourly line its energy and RSG charges, then the
// capacity lines, the allocation shares, per EO line its EO before and its adjustment, and the
// cuts. Zero amounts are entries too, so every priced hour and every paid season is listed.
Ledger statement_ledger(const Market& s, const Statement& st, const std::vector<EoCut>& cuts);

// Fills st.ledger's totals: the run's totals, by_resource (every resource of the market, its
// failures from st.failures), by_lse and allocation (every LSE of the market) and disqualified.
void total_statement(const Market& s, Statement& st);

}  // namespace drsim

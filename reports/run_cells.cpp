// The cells of a run's tables: exact texts and figures (see run_cells.hpp).
#include "reports/run_cells.hpp"

namespace drsim::reports {

namespace {

using T = ColumnType;

// `micros` with at least two decimals, as Decimal::str_at_least(2).
std::string at_least_two_places(int128 micros) {
  std::string s = WideDecimal::from_micros(micros).str();
  std::size_t dot = s.find('.');
  if (dot == std::string::npos) {
    dot = s.size();
    s += '.';
  }
  while (s.size() - dot - 1 < 2) s += '0';
  return s;
}

}  // namespace

Cell decimal_cell(int128 micros, ColumnType type) {
  return {type == T::rate ? at_least_two_places(micros) : WideDecimal::from_micros(micros).str(), micros};
}

Cell money_cell(Money m) { return {m.str(), m.cents()}; }

Cell text_cell(std::string text, ColumnType type) {
  Cell c{std::move(text), std::nullopt};
  switch (type) {
    case T::usd:
    case T::total:
      if (const auto m = Money::parse(c.text)) c.figure = m->cents();
      break;
    case T::decimal:
    case T::rate:
    case T::rule:
      c.figure = parse_scaled(c.text, Decimal::kPlaces, false);
      break;
    case T::integer:
    case T::flag:
    case T::cents:
      c.figure = parse_scaled(c.text, 0, true);
      break;
    case T::text: break;
  }
  return c;
}

Cell stored_decimal_cell(int128 micros, ColumnType type) {
  std::string text = WideDecimal::from_micros(micros).str();
  if (real_micros(stored_real(text)) != micros) return text_cell(std::move(text), type);  // exact_figures
  return decimal_cell(micros, type == T::rule ? T::decimal : type);
}

}  // namespace drsim::reports

// Thousands separators for money and counts (exact: works on the decimal text, never on a double).
#include "reports/money_label.hpp"

namespace drsim::reports {

namespace {

std::string grouped(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string usd_grouped(Money m, bool cents) {
  std::string text = m.str();  // "-1234.50": always two decimals
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.erase(0, 1);
  const std::size_t dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string frac = text.substr(dot + 1);
  std::string out = std::string(negative ? "-" : "") + "$" + grouped(whole);
  if (cents || frac != "00") out += "." + frac;
  return out;
}

std::string count_grouped(std::uint64_t n) { return grouped(std::to_string(n)); }

std::string plural(std::uint64_t n, const std::string& word) {
  return count_grouped(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace drsim::reports

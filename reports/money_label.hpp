// Money as people read it on a chart or in a table: "$1,234,567.89", "-$5,000".
#pragma once

#include <string>

#include "settlement/money.hpp"

namespace drsim::reports {

// The exact amount with a dollar sign and thousands separators. Without `cents`, a whole-dollar
// amount drops its ".00" (an amount with cents keeps them: no digit is ever lost).
std::string usd_grouped(Money m, bool cents = true);

// A count with thousands separators: "12,345".
std::string count_grouped(std::uint64_t n);

// A count and its noun, plural-aware: "1 instruction", "0 instructions", "1,000 resources".
std::string plural(std::uint64_t n, const std::string& word);

}  // namespace drsim::reports

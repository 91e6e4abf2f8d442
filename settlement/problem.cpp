// Formatting of input problems.
#include "problem.hpp"

#include <fmt/format.h>

namespace drsim {

std::string Problem::str() const {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (column > 0) where += fmt::format(":{}", column);
  if (key.empty()) return fmt::format("{}: {}", where, message);
  return fmt::format("{}: {}: {}", where, key, message);
}

namespace {
std::string join(const std::vector<Problem>& ps) {
  std::string s;
  for (const auto& p : ps) {
    if (!s.empty()) s += '\n';
    s += p.str();
  }
  return s;
}
}  // namespace

InputError::InputError(std::vector<Problem> problems)
    : std::runtime_error(join(problems)), problems_(std::move(problems)) {}

}  // namespace drsim

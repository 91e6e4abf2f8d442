// Formatting of warnings.
#include "warning.hpp"

#include <fmt/format.h>

namespace drsim {

std::string warning_text(const Problem& w) {
  std::string where = w.file;
  if (w.line > 0) where += fmt::format(":{}", w.line);
  if (w.column > 0) where += fmt::format(":{}", w.column);
  if (w.key.empty()) return fmt::format("{}: warning: {}", where, w.message);
  return fmt::format("{}: warning: {}: {}", where, w.key, w.message);
}

}  // namespace drsim

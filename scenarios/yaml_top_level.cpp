// The cuts of a YAML text at its top-level keys (see yaml_top_level.hpp).
#include "scenarios/yaml_top_level.hpp"

#include <algorithm>

namespace drsim::scenarios::yaml {

namespace {

bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Whether `line` (without its line break) opens a simple top-level key.
bool opens_top_level_key(std::string_view line) {
  if (line.empty()) return false;
  const char c = line[0];
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
  std::size_t i = 1;
  while (i < line.size() && key_char(line[i])) ++i;
  if (i == line.size() || line[i] != ':') return false;
  return i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\r';
}

// Whether `line` is a document marker or a directive: a text with one is never cut.
bool marks_documents(std::string_view line) {
  if (line.starts_with('%')) return true;
  for (std::string_view m : {"---", "..."}) {
    if (line.starts_with(m) && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r')) return true;
  }
  return false;
}

}  // namespace

std::vector<std::size_t> top_level_cuts(std::string_view text, std::size_t parts) {
  if (parts < 2) return {};
  std::vector<std::size_t> keys;  // starts of the top-level key lines after the first line
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    if (marks_documents(line)) return {};
    if (at > 0 && opens_top_level_key(line)) keys.push_back(at);
    at = end + 1;
  }
  std::vector<std::size_t> cuts;
  for (std::size_t k = 1; k < parts && !keys.empty(); ++k) {
    const std::size_t share = text.size() / parts * k;
    const auto near = std::min_element(keys.begin(), keys.end(), [share](std::size_t a, std::size_t b) {
      const auto da = a > share ? a - share : share - a;
      const auto db = b > share ? b - share : share - b;
      return da < db;
    });
    if (cuts.empty() || *near > cuts.back()) cuts.push_back(*near);
  }
  return cuts;
}

}  // namespace drsim::scenarios::yaml

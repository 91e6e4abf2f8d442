// Plain CSV reading for the raw source files: line splitting and problem reporting.
#include "scenarios/importers/source_csv.hpp"

namespace drsim::importers {

std::optional<std::vector<std::string>> SourceCsv::next() {
  std::string text;
  if (!std::getline(in_, text)) return std::nullopt;
  ++line_;
  if (!text.empty() && text.back() == '\r') text.pop_back();
  // Fields may be double-quoted (EIA's "Zones 8, 9, and 10"); "" inside quotes is a quote.
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') fields.back() += c;
      else if (i + 1 < text.size() && text[i + 1] == '"') fields.back() += text[++i];
      else quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

Problem SourceCsv::problem(std::string key, std::string message) const {
  return Problem{file_, line_, 0, std::move(key), std::move(message)};
}

std::optional<Decimal> SourceCsv::number(std::string_view text, const std::string& key,
                                         std::vector<Problem>& problems) const {
  auto value = Decimal::parse(text);
  if (!value) problems.push_back(problem(key, "not a number: '" + std::string(text) + "'"));
  return value;
}

std::optional<std::size_t> column_of(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

}  // namespace drsim::importers

// Streaming CSV: header matched by name, field counts, quoted fields, BOM and CRLF handling.
#include "scenarios/csv_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "scenarios/did_you_mean.hpp"

namespace drsim::scenarios {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string joined(const std::vector<std::string>& columns) {
  std::string s;
  for (const auto& c : columns) s += (s.empty() ? "" : ",") + c;
  return s;
}

}  // namespace

CsvReader::CsvReader(std::string path, std::vector<std::string> columns, std::vector<Problem>& problems)
    : path_(std::move(path)), columns_(std::move(columns)), problems_(problems) {
  in_.open(path_, std::ios::binary);
  if (!in_) {
    report("", fmt::format("cannot open the file: {}", std::strerror(errno)));
    return;
  }
  if (!read_line()) {
    report("", fmt::format("the file is empty (expected the header row {})", joined(columns_)));
    return;
  }
  if (line_.rfind("\xEF\xBB\xBF", 0) == 0) line_.erase(0, 3);
  if (!split()) return;
  ok_ = match_header();
}

// Columns are matched by name (format.md, series files v1.2): each expected
// column once, anywhere in the header; other columns are ignored.
bool CsvReader::match_header() {
  header_fields_ = fields_.size();
  bool good = report_repeated_names();
  position_.assign(columns_.size(), 0);
  std::string missing;  // 'name' (with a likely typo of it in the header), ...
  std::string first_missing;
  std::size_t count = 0;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const auto at = std::find(fields_.begin(), fields_.end(), columns_[i]);
    if (at != fields_.end()) {
      position_[i] = static_cast<std::size_t>(at - fields_.begin());
      continue;
    }
    // A likely typo among the header's other names (the first 64 looked at: a header is short;
    // none when the header is one field, most likely not split on commas at all).
    std::vector<std::string> others;
    for (std::size_t f = 0; fields_.size() > 1 && f < fields_.size() && others.size() < 64; ++f) {
      if (std::find(columns_.begin(), columns_.end(), fields_[f]) == columns_.end()) others.emplace_back(fields_[f]);
    }
    const auto guess = closest(columns_[i], others);
    missing += fmt::format("{}'{}'{}", missing.empty() ? "" : ", ", columns_[i],
                           guess ? fmt::format(" (the header has '{}')", *guess) : std::string());
    if (count++ == 0) first_missing = columns_[i];
  }
  if (count == 0) return good;
  // One problem for the header, however many columns it lacks: the rows are not read after it.
  std::string separator;
  if (fields_.size() == 1 && line_.find_first_of(";\t") != std::string::npos) {
    separator = fmt::format("; fields are separated by commas, this header by '{}'",
                            line_.find(';') != std::string::npos ? ";" : "\\t");
  }
  report(first_missing, fmt::format("missing column{} {} (expected the columns {}, in any order{})",
                                    count > 1 ? "s" : "", missing, joined(columns_), separator));
  return false;
}

// A name given twice in the header is refused: which of the two holds the
// values is not knowable. Sorted, so a header of a million fields stays cheap.
bool CsvReader::report_repeated_names() {
  std::vector<std::size_t> order(fields_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fields_[a] < fields_[b]; });
  std::vector<std::pair<std::size_t, std::size_t>> repeats;  // (second, first) position of each repeated name
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (fields_[order[k]] != fields_[order[k - 1]]) continue;
    if (k >= 2 && fields_[order[k]] == fields_[order[k - 2]]) continue;  // a third time: named once
    repeats.emplace_back(order[k], order[k - 1]);
  }
  std::sort(repeats.begin(), repeats.end());
  constexpr std::size_t kShown = 5;
  for (std::size_t k = 0; k < repeats.size() && k < kShown; ++k) {
    const auto [second, first] = repeats[k];
    report(std::string(fields_[second]), fmt::format("column '{}' appears twice in the header (fields {} and {})",
                                                     fields_[second], first + 1, second + 1));
  }
  if (repeats.size() > kShown) {
    report("", fmt::format("and {} more column names given twice in the header", repeats.size() - kShown));
  }
  return repeats.empty();
}

bool CsvReader::read_line() {
  if (!std::getline(in_, line_)) return false;
  ++line_no_;
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  return true;
}

void CsvReader::report(std::string key, std::string message) {
  problems_.push_back(Problem{path_, line_no_, 0, std::move(key), std::move(message)});
}

Problem CsvReader::problem(std::size_t column, std::string message) const {
  return Problem{path_, line_no_, 0, column < columns_.size() ? columns_[column] : "", std::move(message)};
}

bool CsvReader::split() {
  fields_.clear();
  scratch_.clear();
  scratch_.reserve(line_.size());  // quoted fields never outgrow the line, so views stay valid
  const std::string_view s = line_;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    while (start < s.size() && (s[start] == ' ' || s[start] == '\t')) ++start;
    if (start < s.size() && s[start] == '"') {
      const std::size_t begin = scratch_.size();
      std::size_t j = start + 1;
      bool closed = false;
      while (j < s.size()) {
        if (s[j] == '"') {
          if (j + 1 < s.size() && s[j + 1] == '"') {
            scratch_ += '"';
            j += 2;
            continue;
          }
          closed = true;
          ++j;
          break;
        }
        scratch_ += s[j++];
      }
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) ++j;
      if (!closed || (j < s.size() && s[j] != ',')) {
        report("", closed ? "unexpected text after a closing quote"
                          : "a quoted field is not closed on its line (fields may not span lines)");
        return false;
      }
      fields_.emplace_back(scratch_.data() + begin, scratch_.size() - begin);
      if (j >= s.size()) break;
      i = j + 1;
    } else {
      const std::size_t comma = s.find(',', i);
      fields_.push_back(trim(s.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i)));
      if (comma == std::string_view::npos) break;
      i = comma + 1;
    }
  }
  return true;
}

bool CsvReader::row_in_line() {
  if (trim(line_).empty()) return false;
  if (!split()) return false;
  if (fields_.size() != header_fields_) {
    // One field more is most often a number written with a thousands separator.
    report("", fmt::format("the row has {} fields, the header has {} ({})", fields_.size(), header_fields_,
                           fields_.size() > header_fields_
                               ? "an unquoted thousands separator such as 1,980 splits a number in two: write "
                                 "1980, or quote the field"
                               : "every row has one field per header column; an empty field is nothing between "
                                 "two commas"));
    return false;
  }
  return true;
}

bool CsvReader::next() {
  if (!ok_) return false;
  while (read_line()) {
    if (row_in_line()) return true;
  }
  return false;
}

bool CsvReader::take(std::string_view text, int line_no) {
  line_.assign(text);
  line_no_ = line_no;
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  return ok_ && row_in_line();
}

}  // namespace drsim::scenarios

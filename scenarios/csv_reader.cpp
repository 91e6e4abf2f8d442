// Streaming CSV: header check, quoted fields, BOM and CRLF handling.
#include "scenarios/csv_reader.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

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
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i < fields_.size() && fields_[i] == columns_[i]) continue;
    bool elsewhere = false;
    for (const auto f : fields_) elsewhere = elsewhere || f == columns_[i];
    report(columns_[i], elsewhere ? fmt::format("column '{}' must be column {} (expected the header {})",
                                                columns_[i], i + 1, joined(columns_))
                                  : fmt::format("missing column '{}' (expected the header {})",
                                                columns_[i], joined(columns_)));
    return;
  }
  ok_ = true;
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

bool CsvReader::next() {
  if (!ok_) return false;
  while (read_line()) {
    if (trim(line_).empty()) continue;
    if (!split()) continue;
    if (fields_.size() < columns_.size()) {
      report("", fmt::format("the row has {} fields, expected {} ({})", fields_.size(), columns_.size(),
                             joined(columns_)));
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace drsim::scenarios

// CSV writing with minimal quoting.
#include "csv_writer.hpp"

#include <stdexcept>

namespace drsim::reports {

template <class Header>
void CsvWriter::start(const Header& header) {
  if (!out_) throw std::runtime_error("cannot write " + path_);
  bool first = true;
  for (const auto& h : header) {
    write(h, first);
    first = false;
  }
  out_ << '\n';
}

CsvWriter::CsvWriter(const std::string& path, std::initializer_list<std::string_view> header)
    : path_(path), out_(path, std::ios::binary | std::ios::trunc), columns_(header.size()) {
  start(header);
}

CsvWriter::CsvWriter(const std::string& path, std::span<const std::string> header)
    : path_(path), out_(path, std::ios::binary | std::ios::trunc), columns_(header.size()) {
  start(header);
}

void CsvWriter::write(std::string_view field, bool first) {
  if (!first) out_ << ',';
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) {
    out_ << field;
    return;
  }
  out_ << '"';
  for (char c : field) {
    if (c == '"') out_ << '"';
    out_ << c;
  }
  out_ << '"';
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  if (fields.size() != columns_) throw std::logic_error("csv row width differs from its header in " + path_);
  for (std::size_t i = 0; i < fields.size(); ++i) write(fields[i], i == 0);
  out_ << '\n';
}

void CsvWriter::close() {
  out_.flush();
  if (!out_) throw std::runtime_error("failed writing " + path_);
  out_.close();
}

}  // namespace drsim::reports

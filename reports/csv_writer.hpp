// Writes RFC 4180 CSV: a header, then rows of text fields quoted only when they must be.
#pragma once

#include <fstream>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace drsim::reports {

class CsvWriter {
 public:
  // Opens `path` for writing and writes the header; throws std::runtime_error when it cannot.
  CsvWriter(const std::string& path, std::initializer_list<std::string_view> header);
  // The same with a header built at run time (a table's column description).
  CsvWriter(const std::string& path, std::span<const std::string> header);
  void row(const std::vector<std::string>& fields);
  // Flushes and closes; throws when anything failed to write.
  void close();

 private:
  template <class Header>
  void start(const Header& header);
  void write(std::string_view field, bool first);
  std::string path_;
  std::ofstream out_;
  std::size_t columns_;
};

}  // namespace drsim::reports

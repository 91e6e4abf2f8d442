// A fast buffered text-file writer for bulk CSV output, written to a temporary name and renamed when complete.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace drsim::generator {

// Appends text to one big reused buffer and writes it out in large blocks, so
// tens of millions of rows cost no allocation and no per-row system call.
// The file is written as `path.part` and renamed to `path` by commit(); a
// writer destroyed without commit() removes its partial file, so nothing
// half-written is left under the final name.
class BufferedWriter {
 public:
  explicit BufferedWriter(std::string path, std::size_t buffer_bytes = std::size_t{1} << 22);
  ~BufferedWriter();
  BufferedWriter(const BufferedWriter&) = delete;
  BufferedWriter& operator=(const BufferedWriter&) = delete;

  void put(char c) {
    reserve(1);
    buf_[used_++] = c;
  }
  void put(std::string_view s) {
    reserve(s.size());
    std::memcpy(buf_.data() + used_, s.data(), s.size());
    used_ += s.size();
  }
  void put_int(std::int64_t v) {
    reserve(24);
    used_ += format_int(v, buf_.data() + used_);
  }
  // The decimal text of value / 10^places (places 0..6), shortest exact form:
  // put_scaled(12500, 3) writes "12.5", put_scaled(-7, 2) writes "-0.07".
  void put_scaled(std::int64_t value, int places) {
    reserve(32);
    used_ += format_scaled(value, places, buf_.data() + used_);
  }

  // Writes what is buffered, closes the file and renames it to its final name.
  void commit();
  std::uint64_t bytes_written() const { return written_ + used_; }

  static std::size_t format_int(std::int64_t v, char* out);
  static std::size_t format_scaled(std::int64_t value, int places, char* out);

 private:
  void reserve(std::size_t n) {
    if (used_ + n > buf_.size()) flush();
  }
  void flush();

  std::string path_;
  std::string part_path_;
  std::FILE* file_ = nullptr;
  std::vector<char> buf_;
  std::size_t used_ = 0;
  std::uint64_t written_ = 0;
};

// Shortest exact decimal text of value / 10^places, as a string (for YAML).
std::string scaled_text(std::int64_t value, int places);

}  // namespace drsim::generator

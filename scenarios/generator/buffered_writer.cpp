// The buffered writer's file handling and integer-to-decimal formatting.
#include "scenarios/generator/buffered_writer.hpp"

#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace drsim::generator {

BufferedWriter::BufferedWriter(std::string path, std::size_t buffer_bytes)
    : path_(std::move(path)), part_path_(path_ + ".part"), buf_(buffer_bytes < 64 ? 64 : buffer_bytes) {
  file_ = std::fopen(part_path_.c_str(), "wb");
  if (file_ == nullptr) {
    throw std::system_error(errno, std::generic_category(), "cannot write " + part_path_);
  }
}

BufferedWriter::~BufferedWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(part_path_, ignored);
  }
}

void BufferedWriter::flush() {
  if (used_ == 0) return;
  if (std::fwrite(buf_.data(), 1, used_, file_) != used_) {
    throw std::system_error(errno, std::generic_category(), "cannot write " + part_path_);
  }
  written_ += used_;
  used_ = 0;
}

void BufferedWriter::commit() {
  flush();
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) throw std::system_error(errno, std::generic_category(), "cannot write " + part_path_);
  std::filesystem::rename(part_path_, path_);
}

namespace {

std::size_t format_uint(std::uint64_t u, char* out) {
  char tmp[24];
  std::size_t n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  std::size_t len = 0;
  while (n > 0) out[len++] = tmp[--n];
  return len;
}

// The magnitude as unsigned, so INT64_MIN has no overflow.
std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

}  // namespace

std::size_t BufferedWriter::format_int(std::int64_t v, char* out) {
  std::size_t len = 0;
  if (v < 0) out[len++] = '-';
  return len + format_uint(magnitude(v), out + len);
}

std::size_t BufferedWriter::format_scaled(std::int64_t value, int places, char* out) {
  static constexpr std::uint64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (places < 0 || places > 6) throw std::invalid_argument("format_scaled: places must be 0..6");
  const std::uint64_t scale = kPow10[places];
  const std::uint64_t mag = magnitude(value);
  const std::uint64_t whole = mag / scale;
  std::uint64_t frac = mag % scale;
  std::size_t len = 0;
  if (value < 0) out[len++] = '-';
  len += format_uint(whole, out + len);
  if (frac != 0) {
    int digits = places;
    while (frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
    out[len++] = '.';
    for (int i = digits - 1; i >= 0; --i) {
      out[len + static_cast<std::size_t>(i)] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    len += static_cast<std::size_t>(digits);
  }
  return len;
}

std::string scaled_text(std::int64_t value, int places) {
  char buf[32];
  return std::string(buf, BufferedWriter::format_scaled(value, places, buf));
}

}  // namespace drsim::generator

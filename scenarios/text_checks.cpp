// UTF-8 validation with line and column, and the search for tab indentation.
#include "scenarios/text_checks.hpp"

namespace drsim::scenarios {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is not valid (RFC 3629).
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

}  // namespace

std::optional<BadByte> first_invalid_utf8(std::string_view bytes) {
  std::size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  int line = 1, column = 1;
  while (i < bytes.size()) {
    const std::size_t n = sequence_length(bytes, i);
    if (n == 0) return BadByte{Mark{line, column}, static_cast<unsigned char>(bytes[i])};
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
  return std::nullopt;
}

std::optional<Mark> first_tab_indent(std::string_view bytes, int last_line) {
  int line = 1;
  std::size_t start = 0;
  while (start <= bytes.size() && line <= last_line) {
    for (std::size_t i = start; i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t'); ++i) {
      if (bytes[i] == '\t') return Mark{line, static_cast<int>(i - start) + 1};
    }
    const std::size_t nl = bytes.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
    ++line;
  }
  return std::nullopt;
}

}  // namespace drsim::scenarios

// Byte-level checks of a scenario file before YAML parsing: UTF-8 validity and tab indentation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scenarios/scenario.hpp"

namespace drsim::scenarios {

// The first byte that is not part of valid UTF-8 (overlong forms, surrogates and
// code points beyond U+10FFFF count as invalid), with its 1-based line and
// column (column in characters, as yaml-cpp counts them). A leading byte-order
// mark is skipped.
struct BadByte {
  Mark at;
  unsigned char byte = 0;
};
std::optional<BadByte> first_invalid_utf8(std::string_view bytes);

// The first line at or before `last_line` (1-based) whose indentation holds a
// tab; its mark points at the tab. Used to explain yaml-cpp's parse errors.
std::optional<Mark> first_tab_indent(std::string_view bytes, int last_line);

}  // namespace drsim::scenarios

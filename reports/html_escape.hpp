// Escaping of text for HTML and SVG (element content and attribute values).
#pragma once

#include <string>
#include <string_view>

namespace drsim::reports {

// Replaces & < > " ' with entities; every other byte (UTF-8 included) passes through.
// Control characters other than tab, LF and CR become U+FFFD, so no id can break the page.
std::string html_escape(std::string_view text);

}  // namespace drsim::reports

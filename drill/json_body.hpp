// JSON request bodies read with exact numbers: a fractional number keeps its text (never a double).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "settlement/decimal.hpp"

namespace drsim::drill {

using Json = nlohmann::json;

// Parses `text`; a number with a fraction or exponent is kept as the string of its text, so
// that decimal_of() reads it exactly. Nothing (and `error` set) when the text is not JSON.
std::optional<Json> parse_body(std::string_view text, std::string& error);

// The exact value of a JSON integer, or of a number kept as text by parse_body, or of a
// numeric string; nothing for anything else.
std::optional<Decimal> decimal_of(const Json& v);

// JSON text of an answer: bytes that are not UTF-8 (a request target's, quoted in a problem)
// become U+FFFD instead of throwing.
std::string to_text(const Json& j);

// A Decimal as a JSON number in responses (its shortest exact text, as the scenario writes it).
Json number_of(Decimal d);

}  // namespace drsim::drill

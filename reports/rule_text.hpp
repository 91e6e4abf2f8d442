// What a rule value's text is (a boolean, a number or a name), for the typed outputs:
// summary.json writes it as a JSON boolean, number or string, results.sqlite as INTEGER 0/1, REAL or TEXT.
#pragma once

#include <string_view>

#include "reports/json_writer.hpp"

namespace drsim::reports {

enum class RuleKind { boolean, number, name };

// "true"/"false" are booleans, a decimal ("3", "0.5", "-10") a number, anything else
// ("start_to_start") a name: the texts settlement's rule table prints (settlement/rules.cpp).
RuleKind rule_kind(std::string_view text);

// A rule value as its JSON type: `"multiplier_applies_to_rsg": false`, `"untested_multiplier": 3`.
void rule_json(JsonWriter& j, std::string_view key, std::string_view value);

}  // namespace drsim::reports

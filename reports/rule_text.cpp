// The kind of a rule value's text.
#include "reports/rule_text.hpp"

#include "settlement/decimal.hpp"

namespace drsim::reports {

RuleKind rule_kind(std::string_view text) {
  if (text == "true" || text == "false") return RuleKind::boolean;
  // Only the canonical text is a number, so that writing it as a JSON number or a REAL and
  // reading it back gives the same text.
  if (const auto d = Decimal::parse(text); d && d->str() == text) return RuleKind::number;
  return RuleKind::name;
}

void rule_json(JsonWriter& j, std::string_view key, std::string_view value) {
  switch (rule_kind(value)) {
    case RuleKind::boolean: j.boolean(key, value == "true"); break;
    case RuleKind::number: j.number(key, value); break;  // the canonical decimal text, exactly
    case RuleKind::name: j.string(key, value); break;
  }
}

}  // namespace drsim::reports

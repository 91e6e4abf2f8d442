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

}  // namespace drsim::reports

// Exact JSON numbers: nlohmann's DOM builder, with the fractional numbers kept as their text.
#include "drill/json_body.hpp"

namespace drsim::drill {

namespace {

// nlohmann's own DOM builder, except that number_float keeps the lexer's text.
class ExactDom : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  using Base = nlohmann::detail::json_sax_dom_parser<Json>;
  explicit ExactDom(Json& out) : Base(out, false) {}
  bool number_float(Json::number_float_t /*value*/, const std::string& text) {
    std::string copy = text;
    return Base::string(copy);
  }
  bool parse_error(std::size_t position, const std::string& /*token*/, const nlohmann::detail::exception& e) {
    error = e.what();
    error_at = position;
    return false;
  }
  std::string error;
  std::size_t error_at = 0;
};

}  // namespace

std::optional<Json> parse_body(std::string_view text, std::string& error) {
  Json root;
  ExactDom dom(root);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &dom, nlohmann::detail::input_format_t::json, true);
  if (!ok || root.is_discarded()) {
    error = dom.error.empty() ? "not JSON" : dom.error;
    return std::nullopt;
  }
  return root;
}

std::optional<Decimal> decimal_of(const Json& v) {
  if (v.is_number_integer()) {
    if (v.is_number_unsigned()) {
      const auto u = v.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
      return Decimal::parse(std::to_string(u));
    }
    return Decimal::parse(std::to_string(v.get<std::int64_t>()));
  }
  if (v.is_string()) return Decimal::parse(v.get_ref<const std::string&>());
  return std::nullopt;
}

std::string to_text(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json number_of(Decimal d) { return Json::parse(d.str()); }

}  // namespace drsim::drill

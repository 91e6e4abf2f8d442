// Exact parsing of numbers, money, integers and market times with lower-case messages.
#include "scenarios/value_parsers.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace drsim::scenarios {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "1,000", "12 500.5", "1_000_000": digits grouped in threes by one separator.
bool looks_grouped(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::size_t first = whole.find_first_of(", _'");
  if (first == std::string_view::npos || first == 0 || first > 3) return false;
  const char sep = whole[first];
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const bool at_sep = i >= first && (i - first) % 4 == 0;
    if (at_sep ? whole[i] != sep : !std::isdigit(static_cast<unsigned char>(whole[i]))) return false;
  }
  return (whole.size() - first) % 4 == 0;
}

std::string why_not_number(std::string_view text) {
  const std::string l = lower(text);
  if (text.empty()) return "expected a number, got nothing";
  if (l.find("nan") != std::string::npos || l.find("inf") != std::string::npos) {
    return fmt::format("expected a finite number, got '{}'", text);
  }
  if (looks_grouped(text)) return fmt::format("expected a number without thousands separators, got '{}'", text);
  return fmt::format("expected a number, got '{}'", text);
}

}  // namespace

std::optional<std::string> parse_number(std::string_view text, Decimal& out) {
  auto d = Decimal::parse(text);
  if (!d) {
    // Decimal::parse also fails beyond its range; say so when the text is otherwise a number.
    const bool numeric = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }) && std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (numeric) return fmt::format("number '{}' is out of range", text);
    return why_not_number(text);
  }
  out = *d;
  return std::nullopt;
}

std::optional<std::string> parse_non_negative(std::string_view text, Decimal& out) {
  if (auto e = parse_number(text, out)) return e;
  if (out.is_negative()) return fmt::format("must not be negative, got {}", text);
  return std::nullopt;
}

std::optional<std::string> parse_integer(std::string_view text, long long& out) {
  std::string_view t = text;
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
    return fmt::format("expected a whole number, got '{}'", text);
  }
  return std::nullopt;
}

std::optional<std::string> parse_time(std::string_view text, MarketTime& out) {
  auto r = parse_market_time(text);
  if (auto* e = std::get_if<TimeError>(&r)) return fmt::format("bad time '{}': {}", text, e->message);
  out = std::get<MarketTime>(r);
  return std::nullopt;
}

std::optional<std::string> parse_hour_start(std::string_view text, MarketTime& out) {
  if (auto e = parse_time(text, out)) return e;
  if (!out.on_hour()) return fmt::format("{} is not the start of an hour (expected HH:00)", text);
  return std::nullopt;
}

std::optional<std::string> parse_day(std::string_view text, Date& out) {
  auto r = parse_date(text);
  if (auto* e = std::get_if<TimeError>(&r)) return fmt::format("bad date '{}': {}", text, e->message);
  out = std::get<Date>(r);
  return std::nullopt;
}

std::optional<std::string> check_limit(std::string_view name, Decimal value) {
  const bool mw = name.find("mw") != std::string_view::npos && name.find("usd") == std::string_view::npos;
  const long long limit = mw ? kMaxMw : kMaxValue;
  const Decimal max = Decimal::from_int(limit);
  if (value <= max && value >= -max) return std::nullopt;
  if (mw) return fmt::format("{} is beyond the limit of {} MW (MWh) per value", value.str(), limit);
  return fmt::format("{} is beyond the limit of +-{} for a number", value.str(), limit);
}

std::optional<std::string> parse_money(std::string_view text, Money& out) {
  auto m = Money::parse(text);
  if (!m) {
    Decimal d;
    if (auto e = parse_number(text, d)) return e;
    return fmt::format("expected dollars with at most two decimals, got '{}'", text);
  }
  out = *m;
  return std::nullopt;
}

}  // namespace drsim::scenarios

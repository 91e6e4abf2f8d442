// ISO 8601 times and durations of the OpenADR objects.
#include "drill/iso_time.hpp"

#include <cctype>

#include <fmt/format.h>

#include "scenarios/value_parsers.hpp"

namespace drsim::drill {

std::string iso_time(MarketTime t) {
  const std::int64_t s = t.seconds();
  const std::int64_t sec = ((s % 60) + 60) % 60;
  return fmt::format("{}T{:02}:{:02}:{:02}-05:00", t.date().str(), t.hour(), t.minute(), sec);
}

std::optional<MarketTime> parse_iso_time(std::string_view text) {
  MarketTime out;
  if (text.size() < 16 || scenarios::parse_time(text, out)) return std::nullopt;
  return out;
}

std::string iso_duration(Duration d) {
  std::int64_t s = d.in_seconds();
  if (s <= 0) return "PT0S";
  std::string out = "PT";
  if (s >= 3600) out += fmt::format("{}H", s / 3600);
  s %= 3600;
  if (s >= 60) out += fmt::format("{}M", s / 60);
  s %= 60;
  if (s > 0) out += fmt::format("{}S", s);
  return out;
}

std::optional<Duration> parse_iso_duration(std::string_view text) {
  if (text.size() < 3 || text[0] != 'P') return std::nullopt;
  std::int64_t total = 0;
  bool in_time = false;
  bool any = false;
  std::size_t i = 1;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++i;
      continue;
    }
    std::int64_t n = 0;
    std::size_t digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (++digits > 9) return std::nullopt;
      n = n * 10 + (text[i] - '0');
      ++i;
    }
    if (digits == 0 || i >= text.size()) return std::nullopt;
    const char unit = text[i++];
    if (!in_time && unit == 'D') total += n * 86400;
    else if (in_time && unit == 'H') total += n * 3600;
    else if (in_time && unit == 'M') total += n * 60;
    else if (in_time && unit == 'S') total += n;
    else return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return Duration::seconds(total);
}

}  // namespace drsim::drill

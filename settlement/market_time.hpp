// Market time (EST, UTC-05:00, no daylight saving): civil dates, instants, parsing.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace drsim {

// A length of simulated time, in whole seconds. Made only from its unit:
// Duration::hours(2), Duration::minutes(30), Duration::seconds(7200), never `{7200}`.
class Duration {
 public:
  static constexpr Duration hours(std::int64_t h) { return Duration(h * 3600); }
  static constexpr Duration minutes(std::int64_t m) { return Duration(m * 60); }
  static constexpr Duration seconds(std::int64_t s) { return Duration(s); }
  // The length in whole seconds.
  constexpr std::int64_t in_seconds() const { return seconds_; }
  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration o) const { return Duration(seconds_ + o.seconds_); }
  constexpr Duration operator-(Duration o) const { return Duration(seconds_ - o.seconds_); }

 private:
  explicit constexpr Duration(std::int64_t s) : seconds_(s) {}
  std::int64_t seconds_;
};

// A civil date of the market calendar, as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date from_days(std::int32_t days) { return Date(days); }
  // Throws std::invalid_argument for a date that does not exist (2025-02-29).
  static Date from_ymd(int year, int month, int day);
  // A date known to exist (the first of a month, say), without the check: Hinnant's
  // days_from_civil, the algorithm from_ymd uses through his date library.
  static constexpr Date from_valid_ymd(int year, int month, int day) {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date(era * 146097 + doe - 719468);
  }
  static bool valid_ymd(int year, int month, int day);
  constexpr std::int32_t days() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  int weekday() const;  // 0 = Sunday .. 6 = Saturday
  std::string str() const;  // YYYY-MM-DD
  constexpr Date operator+(int n) const { return Date(days_ + n); }
  constexpr Date operator-(int n) const { return Date(days_ - n); }
  constexpr int operator-(Date o) const { return days_ - o.days_; }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  explicit constexpr Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// An instant in market time, as seconds since 1970-01-01T00:00 EST.
class MarketTime {
 public:
  constexpr MarketTime() = default;
  static constexpr MarketTime from_seconds(std::int64_t s) { return MarketTime(s); }
  static constexpr MarketTime at(Date d, int hour = 0, int minute = 0, int second = 0) {
    return MarketTime(std::int64_t{d.days()} * 86400 + hour * 3600 + minute * 60 + second);
  }
  constexpr std::int64_t seconds() const { return seconds_; }
  Date date() const;
  int hour() const;    // 0..23
  int minute() const;  // 0..59
  // Start of the settlement hour holding this instant.
  MarketTime hour_start() const;
  bool on_hour() const { return seconds_ % 3600 == 0; }
  // Hour Ending label of the settlement hour holding this instant (1..24).
  int he() const { return hour() + 1; }
  // "YYYY-MM-DDTHH:MM" (seconds appended only when not zero).
  std::string str() const;
  constexpr MarketTime operator+(Duration d) const { return MarketTime(seconds_ + d.in_seconds()); }
  constexpr MarketTime operator-(Duration d) const { return MarketTime(seconds_ - d.in_seconds()); }
  constexpr Duration operator-(MarketTime o) const { return Duration::seconds(seconds_ - o.seconds_); }
  constexpr auto operator<=>(const MarketTime&) const = default;

 private:
  explicit constexpr MarketTime(std::int64_t s) : seconds_(s) {}
  std::int64_t seconds_ = 0;
};

// A parse failure: what is wrong, and the character offset where it is.
struct TimeError {
  std::string message;
  std::size_t column = 0;  // 0-based offset into the text
};

// Parses `YYYY-MM-DDTHH:MM[:SS]` in market time, or with an explicit offset
// (`Z`, `+HH:MM`, `-HH:MM`, within -12:00..+14:00) converted to market time.
// Zone names (EDT, CDT, ...) and hour 24 are rejected: market time has no zones,
// and the end of a day is written as the next day's 00:00.
std::variant<MarketTime, TimeError> parse_market_time(std::string_view text);
// Parses `YYYY-MM-DD`.
std::variant<Date, TimeError> parse_date(std::string_view text);

}  // namespace drsim

// Civil-date arithmetic (Howard Hinnant's date) and the market-time parser.
#include "market_time.hpp"

#include <date/date.h>

#include <cctype>
#include <stdexcept>

#include <fmt/format.h>

namespace drsim {

namespace {

date::year_month_day ymd_of(std::int32_t days) {
  return date::year_month_day{date::sys_days{date::days{days}}};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

bool Date::valid_ymd(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return false;
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  return ymd.ok();
}

Date Date::from_ymd(int year, int month, int day) {
  if (!valid_ymd(year, month, day)) {
    throw std::invalid_argument(fmt::format("no such date {:04}-{:02}-{:02}", year, month, day));
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  return Date(static_cast<std::int32_t>(date::sys_days{ymd}.time_since_epoch().count()));
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day())); }
int Date::weekday() const {
  return static_cast<int>(date::weekday{date::sys_days{date::days{days_}}}.c_encoding());
}
std::string Date::str() const { return fmt::format("{:04}-{:02}-{:02}", year(), month(), day()); }

Date MarketTime::date() const {
  return Date::from_days(static_cast<std::int32_t>(floor_div(seconds_, 86400)));
}
int MarketTime::hour() const { return static_cast<int>((seconds_ - std::int64_t{date().days()} * 86400) / 3600); }
int MarketTime::minute() const { return static_cast<int>((seconds_ - floor_div(seconds_, 3600) * 3600) / 60); }
MarketTime MarketTime::hour_start() const { return MarketTime(floor_div(seconds_, 3600) * 3600); }

std::string MarketTime::str() const {
  const int sec = static_cast<int>(seconds_ - floor_div(seconds_, 60) * 60);
  std::string s = fmt::format("{}T{:02}:{:02}", date().str(), hour(), minute());
  if (sec != 0) s += fmt::format(":{:02}", sec);
  return s;
}

namespace {

// Reads exactly n digits at pos; -1 when they are not there.
int digits(std::string_view t, std::size_t pos, std::size_t n) {
  if (pos + n > t.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return -1;
    v = v * 10 + (t[i] - '0');
  }
  return v;
}

std::variant<Date, TimeError> parse_date_prefix(std::string_view t) {
  const int y = digits(t, 0, 4);
  if (y < 0 || t.size() < 10 || t[4] != '-' || t[7] != '-') {
    return TimeError{"expected a date YYYY-MM-DD", 0};
  }
  const int m = digits(t, 5, 2);
  const int d = digits(t, 8, 2);
  if (m < 0 || d < 0) return TimeError{"expected a date YYYY-MM-DD", 0};
  if (m < 1 || m > 12) return TimeError{fmt::format("month {} is outside 1..12", m), 5};
  if (!Date::valid_ymd(y, m, d)) {
    return TimeError{fmt::format("no such date {:04}-{:02}-{:02}", y, m, d), 8};
  }
  return Date::from_ymd(y, m, d);
}

}  // namespace

std::variant<Date, TimeError> parse_date(std::string_view text) {
  auto r = parse_date_prefix(text);
  if (std::holds_alternative<Date>(r) && text.size() != 10) {
    return TimeError{"unexpected text after the date (expected YYYY-MM-DD)", 10};
  }
  return r;
}

std::variant<MarketTime, TimeError> parse_market_time(std::string_view t) {
  auto day = parse_date_prefix(t);
  if (auto* e = std::get_if<TimeError>(&day)) {
    if (e->column == 0) e->message = "expected a time YYYY-MM-DDTHH:MM in market time (EST)";
    return *e;
  }
  if (t.size() < 16 || (t[10] != 'T' && t[10] != ' ') || t[13] != ':') {
    return TimeError{"expected a time YYYY-MM-DDTHH:MM in market time (EST)", std::size_t{t.size() < 10 ? 0U : 10U}};
  }
  const int hh = digits(t, 11, 2);
  const int mm = digits(t, 14, 2);
  if (hh < 0 || mm < 0) return TimeError{"expected a time YYYY-MM-DDTHH:MM in market time (EST)", 11};
  if (hh == 24) {
    return TimeError{"hour 24 is not a time of day: write the next day's 00:00", 11};
  }
  if (hh > 23) return TimeError{fmt::format("hour {} is outside 0..23", hh), 11};
  if (mm > 59) return TimeError{fmt::format("minute {} is outside 0..59", mm), 14};
  std::size_t pos = 16;
  int ss = 0;
  if (pos < t.size() && t[pos] == ':') {
    ss = digits(t, pos + 1, 2);
    if (ss < 0 || ss > 59) return TimeError{"seconds must be two digits 00..59", pos + 1};
    pos += 3;
    if (pos < t.size() && t[pos] == '.') {
      return TimeError{"fractions of a second are not supported", pos};
    }
  }
  std::int64_t offset_seconds = -5 * 3600;  // market time
  if (pos < t.size()) {
    std::size_t zone = pos;
    while (zone < t.size() && t[zone] == ' ') ++zone;
    if (zone < t.size() && std::isalpha(static_cast<unsigned char>(t[zone])) && t.substr(zone) != "Z") {
      return TimeError{fmt::format("time zone name '{}' is not allowed: market time is EST "
                                   "(UTC-05:00) all year; give no zone or a numeric offset",
                                   t.substr(zone)),
                       zone};
    }
    const char c = t[pos];
    if (c == 'Z' && pos + 1 == t.size()) {
      offset_seconds = 0;
    } else if ((c == '+' || c == '-') && t.size() == pos + 6 && t[pos + 3] == ':') {
      const int oh = digits(t, pos + 1, 2);
      const int om = digits(t, pos + 4, 2);
      if (oh < 0 || om < 0 || om > 59) return TimeError{"bad UTC offset (expected +HH:MM)", pos};
      offset_seconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
      if (offset_seconds > 14 * 3600 || offset_seconds < -12 * 3600) {
        return TimeError{"UTC offset outside -12:00..+14:00", pos};
      }
    } else {
      return TimeError{"unexpected text after the time (expected nothing, Z or +HH:MM)", pos};
    }
  }
  const Date d = std::get<Date>(day);
  // Convert the wall time at `offset` to market time (UTC-05:00).
  const std::int64_t local = std::int64_t{d.days()} * 86400 + hh * 3600 + mm * 60 + ss;
  return MarketTime::from_seconds(local - offset_seconds - 5 * 3600);
}

}  // namespace drsim

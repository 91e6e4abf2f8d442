// Planning years, seasons and NERC holidays.
#include "calendar.hpp"

namespace drsim {

std::string_view name(Season s) {
  switch (s) {
    case Season::summer: return "summer";
    case Season::fall: return "fall";
    case Season::winter: return "winter";
    case Season::spring: return "spring";
  }
  return "?";
}

std::optional<Season> parse_season(std::string_view text) {
  for (Season s : kSeasons) {
    if (name(s) == text) return s;
  }
  return std::nullopt;
}

namespace {
int planning_year_of(int year, int month) { return month >= 6 ? year : year - 1; }
}  // namespace

int planning_year_of(Date d) { return planning_year_of(d.year(), d.month()); }

DateRange planning_year_range(int py) {
  return {Date::from_valid_ymd(py, 6, 1), Date::from_valid_ymd(py + 1, 6, 1)};
}

namespace {
Season season_of_month(int m) {
  if (m >= 6 && m <= 8) return Season::summer;
  if (m >= 9 && m <= 11) return Season::fall;
  if (m == 12 || m <= 2) return Season::winter;
  return Season::spring;
}
}  // namespace

Season season_of(Date d) { return season_of_month(d.month()); }

DateRange season_range(int py, Season s) {
  switch (s) {
    case Season::summer: return {Date::from_valid_ymd(py, 6, 1), Date::from_valid_ymd(py, 9, 1)};
    case Season::fall: return {Date::from_valid_ymd(py, 9, 1), Date::from_valid_ymd(py, 12, 1)};
    case Season::winter: return {Date::from_valid_ymd(py, 12, 1), Date::from_valid_ymd(py + 1, 3, 1)};
    case Season::spring: return {Date::from_valid_ymd(py + 1, 3, 1), Date::from_valid_ymd(py + 1, 6, 1)};
  }
  return {};
}

int season_days(int py, Season s) { return season_range(py, s).days(); }

SeasonKey season_key(Date d) {
  const int year = d.year(), month = d.month();
  return {planning_year_of(year, month), season_of_month(month)};
}

bool is_weekday(Date d) {
  const int w = d.weekday();
  return w != 0 && w != 6;
}

namespace {

// The n-th (1-based) given weekday of a month; n = -1 for the last.
Date nth_weekday(int year, int month, int weekday, int n) {
  if (n > 0) {
    Date d = Date::from_ymd(year, month, 1);
    while (d.weekday() != weekday) d = d + 1;
    return d + 7 * (n - 1);
  }
  Date d = Date::from_ymd(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1;
  while (d.weekday() != weekday) d = d - 1;
  return d;
}

// A fixed-date holiday, moved to Monday when it falls on a Sunday.
Date observed(Date d) { return d.weekday() == 0 ? d + 1 : d; }

}  // namespace

bool is_nerc_holiday(Date d) {
  const int y = d.year();
  return d == observed(Date::from_ymd(y, 1, 1)) ||
         d == nth_weekday(y, 5, 1, -1) ||           // Memorial Day: last Monday of May
         d == observed(Date::from_ymd(y, 7, 4)) ||
         d == nth_weekday(y, 9, 1, 1) ||            // Labor Day: first Monday of September
         d == nth_weekday(y, 11, 4, 4) ||           // Thanksgiving: fourth Thursday of November
         d == observed(Date::from_ymd(y, 12, 25));
}

}  // namespace drsim

// The MISO planning-year calendar: seasons, season days, settlement hours, holidays.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "market_time.hpp"

namespace drsim {

// Seasons in planning-year order (rules.md 1).
enum class Season { summer = 0, fall = 1, winter = 2, spring = 3 };
inline constexpr std::array<Season, 4> kSeasons{Season::summer, Season::fall, Season::winter,
                                                Season::spring};

std::string_view name(Season s);
std::optional<Season> parse_season(std::string_view text);

// A half-open range of market days [begin, end).
struct DateRange {
  Date begin;
  Date end;
  int days() const { return end - begin; }
  bool contains(Date d) const { return begin <= d && d < end; }
};

// PY N runs [N-06-01, (N+1)-06-01).
int planning_year_of(Date d);
DateRange planning_year_range(int planning_year);
Season season_of(Date d);
// The market days of a season: 92 / 91 / 90 (91 with a 29 February) / 92.
DateRange season_range(int planning_year, Season s);
int season_days(int planning_year, Season s);

// The (planning year, season) an instant belongs to.
struct SeasonKey {
  int planning_year = 0;
  Season season = Season::summer;
  auto operator<=>(const SeasonKey&) const = default;
};
SeasonKey season_key(Date d);

// NERC holidays (rules.md 4.6): New Year's Day, Memorial Day, Independence Day,
// Labor Day, Thanksgiving, Christmas; one on a Sunday is observed on the Monday.
bool is_nerc_holiday(Date d);
bool is_weekday(Date d);

}  // namespace drsim

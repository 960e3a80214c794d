#include "validation/relative_time.h"

#include "common/civil_date.h"

#include <cmath>
#include <string>

namespace pdex::validation {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0); }

// now + sign * duration in seconds since the epoch, or nullopt.
std::optional<std::int64_t> ShiftedNow(const nlohmann::json& duration, int sign, std::int64_t now) {
  if (!duration.is_object()) return std::nullopt;
  const auto value = duration.find("value");
  const auto code = duration.find("code");
  const auto system = duration.find("system");
  if (value == duration.end() || !value->is_number() || code == duration.end() || !code->is_string()) return std::nullopt;
  if (system != duration.end() && (!system->is_string() || system->get<std::string>() != "http://unitsofmeasure.org")) {
    return std::nullopt;
  }
  const double amount = value->get<double>() * sign;
  const std::string& unit = code->get_ref<const std::string&>();
  const bool whole = std::isfinite(amount) && amount == std::floor(amount);
  if ((unit == "a" || unit == "mo") && whole && std::fabs(amount) * 31622400.0 <= kMaxRelativeSeconds) {
    // Calendar arithmetic on the UTC date; the time of day is kept.
    const std::int64_t days = FloorDiv(now, kSecondsPerDay);
    const std::int64_t time_of_day = now - days * kSecondsPerDay;
    const CivilDate today = CivilFromDays(days);
    const std::int64_t months = today.year * 12 + (today.month - 1) +
                                static_cast<std::int64_t>(amount) * (unit == "a" ? 12 : 1);
    CivilDate shifted{FloorDiv(months, 12), static_cast<int>(months - FloorDiv(months, 12) * 12) + 1, today.day};
    if (shifted.day > DaysInMonth(shifted.year, shifted.month)) shifted.day = DaysInMonth(shifted.year, shifted.month);
    return DaysFromCivil(shifted) * kSecondsPerDay + time_of_day;
  }
  double unit_seconds = 0;
  if (unit == "a") unit_seconds = 365.25 * kSecondsPerDay;
  else if (unit == "mo") unit_seconds = 30.4375 * kSecondsPerDay;
  else if (unit == "wk") unit_seconds = 7.0 * kSecondsPerDay;
  else if (unit == "d") unit_seconds = kSecondsPerDay;
  else if (unit == "h") unit_seconds = 3600;
  else if (unit == "min") unit_seconds = 60;
  else if (unit == "s") unit_seconds = 1;
  else if (unit == "ms") unit_seconds = 0.001;
  else return std::nullopt;
  const double seconds = amount * unit_seconds;
  if (!std::isfinite(seconds) || std::fabs(seconds) > kMaxRelativeSeconds) return std::nullopt;
  return now + static_cast<std::int64_t>(std::llround(seconds));
}

// Reads `count` digits at `at`; -1 when they are not all digits or run past the end.
int Digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int number = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    number = number * 10 + (text[i] - '0');
  }
  return number;
}

int Order(std::int64_t a, std::int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

// Dates as comparable numbers YYYYMMDD (month, day 0 for coarser precisions).
std::int64_t DateKey(std::int64_t year, int month, int day) { return year * 10000 + month * 100 + day; }

}  // namespace

std::optional<int> CompareWithNowOffset(std::string_view value, const nlohmann::json& duration, int sign,
                                        std::int64_t now) {
  const std::optional<std::int64_t> bound = ShiftedNow(duration, sign, now);
  if (!bound) return std::nullopt;
  const CivilDate bound_date = CivilFromDays(FloorDiv(*bound, kSecondsPerDay));
  // YYYY[-MM[-DD[Thh:mm:ss[.f+][Z|(+|-)hh:mm]]]], already checked by the primitive rules.
  const int year = Digits(value, 0, 4);
  if (year < 0) return std::nullopt;
  if (value.size() == 4) return Order(year, bound_date.year);
  const int month = Digits(value, 5, 2);
  if (month < 1 || month > 12) return std::nullopt;
  if (value.size() == 7) return Order(DateKey(year, month, 0), DateKey(bound_date.year, bound_date.month, 0));
  const int day = Digits(value, 8, 2);
  if (day < 1 || day > 31) return std::nullopt;
  if (value.size() == 10) {
    return Order(DateKey(year, month, day), DateKey(bound_date.year, bound_date.month, bound_date.day));
  }
  const int hour = Digits(value, 11, 2), minute = Digits(value, 14, 2), second = Digits(value, 17, 2);
  if (hour < 0 || minute < 0 || second < 0) return std::nullopt;
  std::int64_t offset = 0;  // seconds east of UTC
  const std::size_t zone = value.find_first_of("Z+-", 19);
  if (zone != std::string_view::npos && value[zone] != 'Z') {
    const int zone_hours = Digits(value, zone + 1, 2), zone_minutes = Digits(value, zone + 4, 2);
    if (zone_hours < 0 || zone_minutes < 0) return std::nullopt;
    offset = (value[zone] == '-' ? -1 : 1) * (zone_hours * 3600 + zone_minutes * 60);
  }
  const std::int64_t instant =
      DaysFromCivil(CivilDate{year, month, day}) * kSecondsPerDay + hour * 3600 + minute * 60 + second - offset;
  return Order(instant, *bound);
}

}  // namespace pdex::validation

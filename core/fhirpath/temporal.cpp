// Date/DateTime/Time comparison and arithmetic (FHIRPath §6.1.1 / §6.2 precision rules, §6.6.3
// date/time arithmetic with calendar durations).
#include "fhirpath/evaluator.h"
#include "fhirpath/temporal.h"

#include "common/civil_date.h"

#include <cmath>

namespace pdex::fhirpath {
namespace {

// Milliseconds since the epoch of the (possibly partial) value, missing fields at their minimum.
std::int64_t EpochMillis(const DateTimeValue& v) {
  return DaysFromCivil(CivilDate{v.year, v.month, v.day}) * 86400000LL + v.hour * 3600000LL + v.minute * 60000LL +
         v.second * 1000LL + v.millisecond;
}

void FromEpochMillis(std::int64_t ms, DateTimeValue& v) {
  std::int64_t days = ms >= 0 ? ms / 86400000LL : -((-ms + 86399999LL) / 86400000LL);
  std::int64_t rest = ms - days * 86400000LL;
  const CivilDate date = CivilFromDays(days);
  v.year = static_cast<int>(date.year);
  v.month = date.month;
  v.day = date.day;
  v.hour = static_cast<int>(rest / 3600000LL);
  v.minute = static_cast<int>(rest / 60000LL % 60);
  v.second = static_cast<int>(rest / 1000LL % 60);
  v.millisecond = static_cast<int>(rest % 1000);
}

// Seconds and milliseconds are one precision for comparison (§6.1.1).
int Level(DatePrecision p) { return p == DatePrecision::kMillisecond ? static_cast<int>(DatePrecision::kSecond) : static_cast<int>(p); }

}  // namespace

std::optional<int> CompareTemporal(const DateTimeValue& a_in, const DateTimeValue& b_in) {
  DateTimeValue a = a_in, b = b_in;
  const bool time = a.kind == DateTimeValue::Kind::kTime;
  if (!time && a.precision >= DatePrecision::kHour && b.precision >= DatePrecision::kHour) {
    if (a.has_tz != b.has_tz) return std::nullopt;  // cannot order without knowing the offset
    if (a.has_tz) {
      FromEpochMillis(EpochMillis(a) - a.tz_minutes * 60000LL, a);
      FromEpochMillis(EpochMillis(b) - b.tz_minutes * 60000LL, b);
    }
  }
  const int common = std::min(Level(a.precision), Level(b.precision));
  const int first = time ? static_cast<int>(DatePrecision::kHour) : static_cast<int>(DatePrecision::kYear);
  for (int level = first; level <= common; ++level) {
    int x = 0, y = 0;
    switch (static_cast<DatePrecision>(level)) {
      case DatePrecision::kYear: x = a.year; y = b.year; break;
      case DatePrecision::kMonth: x = a.month; y = b.month; break;
      case DatePrecision::kDay: x = a.day; y = b.day; break;
      case DatePrecision::kHour: x = a.hour; y = b.hour; break;
      case DatePrecision::kMinute: x = a.minute; y = b.minute; break;
      default: x = a.second * 1000 + a.millisecond; y = b.second * 1000 + b.millisecond; break;
    }
    if (x != y) return x < y ? -1 : 1;
  }
  if (Level(a.precision) != Level(b.precision)) return std::nullopt;
  return 0;
}

std::optional<DateTimeValue> AddDuration(const DateTimeValue& base, const Quantity& q, int sign, std::string& error) {
  std::string_view unit = q.unit;
  enum { kYears, kMonths, kDays, kMillis } step;
  std::int64_t per = 1;
  if (unit == "year" || unit == "years") step = kYears;
  else if (unit == "month" || unit == "months") step = kMonths;
  else if (unit == "week" || unit == "weeks" || unit == "wk") { step = kDays; per = 7; }
  else if (unit == "day" || unit == "days" || unit == "d") step = kDays;
  else if (unit == "hour" || unit == "hours" || unit == "h") { step = kMillis; per = 3600000; }
  else if (unit == "minute" || unit == "minutes" || unit == "min") { step = kMillis; per = 60000; }
  else if (unit == "second" || unit == "seconds" || unit == "s") { step = kMillis; per = 1000; }
  else if (unit == "millisecond" || unit == "milliseconds" || unit == "ms") step = kMillis;
  else {
    // 'a' and 'mo' are definite durations of varying calendar length: not allowed (§6.6.3).
    error = "cannot add a quantity in '" + q.unit + "' to a date/time";
    return std::nullopt;
  }
  const double amount = std::trunc(q.value.value);
  if (std::fabs(amount) > 1e12) {
    error = "date/time arithmetic out of range";
    return std::nullopt;
  }
  const std::int64_t n = static_cast<std::int64_t>(amount) * sign * per;
  DateTimeValue v = base;
  if (v.kind == DateTimeValue::Kind::kTime) {
    if (step != kMillis) {
      error = "cannot add a quantity in '" + q.unit + "' to a time";
      return std::nullopt;
    }
    std::int64_t ms = ((v.hour * 3600000LL + v.minute * 60000LL + v.second * 1000LL + v.millisecond + n) % 86400000LL + 86400000LL) % 86400000LL;
    v.hour = static_cast<int>(ms / 3600000);
    v.minute = static_cast<int>(ms / 60000 % 60);
    v.second = static_cast<int>(ms / 1000 % 60);
    v.millisecond = static_cast<int>(ms % 1000);
    return v;
  }
  switch (step) {
    case kYears:
      v.year += static_cast<int>(n);
      v.day = std::min(v.day, DaysInMonth(v.year, v.month));
      break;
    case kMonths: {
      std::int64_t months = v.year * 12LL + (v.month - 1) + n;
      v.year = static_cast<int>(months / 12);
      v.month = static_cast<int>(months % 12) + 1;
      v.day = std::min(v.day, DaysInMonth(v.year, v.month));
      break;
    }
    case kDays: FromEpochMillis(EpochMillis(v) + n * 86400000LL, v); break;
    case kMillis:
      if (v.kind == DateTimeValue::Kind::kDate) FromEpochMillis(EpochMillis(v) + (n / 86400000LL) * 86400000LL, v);
      else FromEpochMillis(EpochMillis(v) + n, v);
      break;
  }
  if (v.year < 1 || v.year > 9999) {
    error = "date/time arithmetic out of range";
    return std::nullopt;
  }
  return v;
}

}  // namespace pdex::fhirpath

#include "pdex/common/fhir_time.h"

namespace pdex::pdex_common {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `width` digits at `pos`; false when they are not there.
bool Digits(std::string_view text, std::size_t& pos, std::size_t width, int& out) {
  if (pos + width > text.size()) return false;
  out = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += width;
  return true;
}

bool Expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

constexpr std::int64_t kMsPerDay = 86400000;

}  // namespace

std::optional<TimeSpan> ParseFhirTime(std::string_view value) {
  std::size_t pos = 0;
  int year = 0, month = 1, day = 1;
  if (!Digits(value, pos, 4, year)) return std::nullopt;
  if (pos == value.size()) {  // "2022": the whole year
    const std::int64_t first = DaysFromCivil(year, 1, 1) * kMsPerDay;
    return TimeSpan{first, DaysFromCivil(year + 1, 1, 1) * kMsPerDay - 1};
  }
  if (!Expect(value, pos, '-') || !Digits(value, pos, 2, month) || month < 1 || month > 12) return std::nullopt;
  if (pos == value.size()) {  // "2022-01": the whole month
    const std::int64_t first = DaysFromCivil(year, static_cast<unsigned>(month), 1) * kMsPerDay;
    return TimeSpan{first, first + DaysInMonth(year, month) * kMsPerDay - 1};
  }
  if (!Expect(value, pos, '-') || !Digits(value, pos, 2, day) || day < 1 || day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  const std::int64_t day_start = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kMsPerDay;
  if (pos == value.size()) return TimeSpan{day_start, day_start + kMsPerDay - 1};  // the whole day, UTC

  int hour = 0, minute = 0, second = 0;
  if (!Expect(value, pos, 'T') || !Digits(value, pos, 2, hour) || hour > 23 || !Expect(value, pos, ':') ||
      !Digits(value, pos, 2, minute) || minute > 59 || !Expect(value, pos, ':') || !Digits(value, pos, 2, second) ||
      second > 60) {
    return std::nullopt;
  }
  std::int64_t ms = 0;
  std::int64_t precision = 1000;  // the span a value without fractions covers: one second
  if (pos < value.size() && value[pos] == '.') {
    ++pos;
    std::size_t digits = 0;
    std::int64_t scale = 100;
    while (pos < value.size() && value[pos] >= '0' && value[pos] <= '9') {
      if (digits < 3) ms += (value[pos] - '0') * scale, scale /= 10;
      ++digits, ++pos;
    }
    if (digits == 0 || digits > 9) return std::nullopt;
    precision = 1;
  }
  // A time needs a zone in FHIR: Z or +hh:mm / -hh:mm.
  std::int64_t offset_ms = 0;
  if (pos < value.size() && value[pos] == 'Z') {
    ++pos;
  } else if (pos < value.size() && (value[pos] == '+' || value[pos] == '-')) {
    const bool minus = value[pos] == '-';
    ++pos;
    int oh = 0, om = 0;
    if (!Digits(value, pos, 2, oh) || oh > 14 || !Expect(value, pos, ':') || !Digits(value, pos, 2, om) || om > 59) {
      return std::nullopt;
    }
    offset_ms = (oh * 60 + om) * 60000LL * (minus ? -1 : 1);
  } else {
    return std::nullopt;
  }
  if (pos != value.size()) return std::nullopt;
  const std::int64_t at = day_start + ((hour * 60LL + minute) * 60 + second) * 1000 + ms - offset_ms;
  return TimeSpan{at, at + precision - 1};
}

}  // namespace pdex::pdex_common

// ElementDefinition.minValue[x] / maxValue[x] given as a Duration on a date, dateTime or instant
// element: a bound relative to the current time, as the HL7 validator's test cases use it
// (minValueDuration 100 a on Patient.birthDate: born at most 100 years ago; maxValueDuration 10 a:
// at most 10 years ahead). The minimum is now minus the duration, the maximum now plus it.
//
// Units are UCUM codes (Duration.system http://unitsofmeasure.org, or absent): `a` and `mo` with a
// whole number move the calendar by years / months (the day clamped to the month's end, Feb 29 ->
// Feb 28); fractional ones use UCUM's 365.25 d and 30.4375 d; `wk`, `d`, `h`, `min`, `s`, `ms` are
// fixed lengths. Any other unit, or a duration past kMaxRelativeSeconds, is not comparable.
//
// The value is compared at its own precision: a year or year-month with the bound's (UTC) year or
// month, a date with its date, a dateTime with time to the second (its offset applied; none = UTC).
// Equal at the value's precision counts as within the bound.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace pdex::validation {

// About 100,000 years: keeps every computation far from integer overflow.
inline constexpr double kMaxRelativeSeconds = 3.2e12;

// Compares `value` (valid date / dateTime / instant text) with the instant now + sign * duration
// (`sign` -1 for a minimum, +1 for a maximum; `now` in seconds since 1970-01-01T00:00:00Z): -1 before,
// 0 equal at the value's precision, 1 after. nullopt when `duration` is not a usable Duration or
// `value` is not a date.
std::optional<int> CompareWithNowOffset(std::string_view value, const nlohmann::json& duration, int sign,
                                        std::int64_t now);

}  // namespace pdex::validation

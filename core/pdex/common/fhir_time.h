// FHIR date, dateTime and instant values as the span of time they stand for, so that "does this
// period cover now?" (HRex Consent provision.period, §2.2) and "_since"/"start"/"end" filters can be
// answered over partial dates ("2022", "2022-01") and time zones. Never throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pdex::pdex_common {

// Milliseconds since 1970-01-01T00:00:00Z, half-open span [first, last + 1).
struct TimeSpan {
  std::int64_t first_ms = 0;  // the earliest instant the value can mean
  std::int64_t last_ms = 0;   // the latest instant the value can mean
};

// The span of a FHIR date ("2022", "2022-01", "2022-01-31"), dateTime or instant
// ("2022-01-31T10:00:00Z", "...+02:00", fractional seconds). A value without a time is read in UTC
// (FHIR leaves its zone unknown; the consent checks document that choice). nullopt when `value`
// is not one of these forms or names an impossible date (month 13, February 30, hour 24...).
std::optional<TimeSpan> ParseFhirTime(std::string_view value);

}  // namespace pdex::pdex_common

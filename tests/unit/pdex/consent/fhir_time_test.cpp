// core/pdex/common/fhir_time.h: the span of FHIR date/dateTime/instant values.
#include "pdex/common/fhir_time.h"

#include <catch2/catch.hpp>

using pdex::pdex_common::ParseFhirTime;

TEST_CASE("a date covers its whole UTC day, a month and a year their whole span") {
  const auto day = ParseFhirTime("2022-01-31");
  REQUIRE(day);
  CHECK(day->first_ms == ParseFhirTime("2022-01-31T00:00:00Z")->first_ms);
  CHECK(day->last_ms == ParseFhirTime("2022-01-31T23:59:59.999Z")->first_ms);
  CHECK(ParseFhirTime("2024-02")->last_ms == ParseFhirTime("2024-02-29T23:59:59.999Z")->first_ms);
  CHECK(ParseFhirTime("2022")->last_ms == ParseFhirTime("2022-12-31T23:59:59.999Z")->first_ms);
}

TEST_CASE("time zones move the instant; a second without fractions spans the whole second") {
  CHECK(ParseFhirTime("2022-01-01T02:00:00+02:00")->first_ms == ParseFhirTime("2022-01-01T00:00:00Z")->first_ms);
  CHECK(ParseFhirTime("2021-12-31T19:00:00-05:00")->first_ms == ParseFhirTime("2022-01-01T00:00:00Z")->first_ms);
  const auto second = ParseFhirTime("2022-01-01T00:00:00Z");
  CHECK(second->last_ms - second->first_ms == 999);
  CHECK(ParseFhirTime("1970-01-01T00:00:00.5Z")->first_ms == 500);
}

TEST_CASE("impossible or malformed values are rejected") {
  for (const char* bad : {"", "22", "2022-13", "2022-02-30", "2023-02-29", "2022-01-01T10:00:00", "2022-01-01T24:00:00Z",
                          "2022-01-01T10:00Z", "2022-01-01 10:00:00Z", "2022-01-01T10:00:00.Z", "2022-01-01T10:00:00Zjunk",
                          "2022-1-01", "abcd"}) {
    INFO(bad);
    CHECK_FALSE(ParseFhirTime(bad));
  }
}

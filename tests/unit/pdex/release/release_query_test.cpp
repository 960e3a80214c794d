// $everything parameters and date rules: instants with zones, partial dates, care dates per type.
#include "pdex/release/release_query.h"

#include "release_test_support.h"

#include <catch2/catch.hpp>

using namespace pdex::pdex_release;
using pdex::release_testing::Res;

TEST_CASE("FHIR instants compare in UTC; dates of any precision start at midnight", "[release][query]") {
  CHECK(ParseFhirInstant("2024-07-01T00:00:00+02:00") == ParseFhirInstant("2024-06-30T22:00:00Z"));
  CHECK(ParseFhirInstant("2024-06-30T22:00:00.123Z") == ParseFhirInstant("2024-06-30T22:00:00Z"));
  CHECK(*ParseFhirInstant("2024") < *ParseFhirInstant("2024-01-01T00:00:01Z"));
  CHECK(ParseFhirInstant("1970-01-01") == 0);
  for (const char* bad : {"", "20x4", "2024-13", "2024-01-01T25", "2024-01-01T10:00:00+0200", "2024-01-01T10:00:00Q"}) {
    INFO(bad);
    CHECK_FALSE(ParseFhirInstant(bad).has_value());
  }
}

TEST_CASE("care dates come from the element each type dates care with, Periods open-ended", "[release][query]") {
  auto window = CareDates(Res("Encounter", "e", {{"period", {{"start", "2023-02-01T09:00:00Z"}}}}));
  REQUIRE(window);
  CHECK(window->low == "2023-02-01");
  CHECK(window->high == "9999-12-31");  // ongoing
  window = CareDates(Res("Condition", "c", {{"recordedDate", "2020-05"}}));
  REQUIRE(window);
  CHECK(window->low == "2020-05-01");
  CHECK(window->high == "2020-05-31");
  window = CareDates(Res("DocumentReference", "d", {{"date", "2019-01-01T00:00:00Z"}, {"context", {{"period", {{"end", "2018-12-31"}}}}}}));
  REQUIRE(window);
  CHECK(window->high == "2018-12-31");  // context.period is preferred over date
  CHECK(CareDates(Res("ExplanationOfBenefit", "x", {{"billablePeriod", {{"start", "2022-01-01"}, {"end", "2022-01-05"}}}}))->low == "2022-01-01");
  CHECK(CareDates(Res("MedicationDispense", "m", {{"whenHandedOver", "2022-03-04"}}))->low == "2022-03-04");
  CHECK_FALSE(CareDates(Res("Patient", "p", {{"birthDate", "2000-01-01"}})).has_value());
  CHECK_FALSE(CareDates(Res("Condition", "c", {{"onsetString", "childhood"}})).has_value());
  // Undated resources are not dropped by a window; dated ones outside it are.
  CHECK(InCareWindow(Res("Condition", "c"), "2024", "2024"));
  CHECK_FALSE(InCareWindow(Res("Procedure", "p", {{"performedDateTime", "2023-12-31T23:00:00Z"}}), "2024", ""));
  CHECK(InCareWindow(Res("Procedure", "p", {{"performedDateTime", "2023-12-31T23:00:00Z"}}), "", "2023-12"));
}

TEST_CASE("a bad query says which parameter is wrong", "[release][query]") {
  pdex::Issues issues;
  ParseReleaseQuery({{"_count", 0}, {"_since", "yesterday"}, {"start", "soon"}, {"_sort", "date"}, {"page", "x"}, {"payer", "me"}}, issues);
  std::set<std::string> where;
  for (const pdex::Issue& issue : issues) {
    CHECK(issue.id == "release.query-invalid");
    where.insert(issue.expression);
  }
  CHECK(where == std::set<std::string>{"_count", "_since", "start", "_sort", "page", "payer"});
  issues.clear();
  ParseReleaseQuery(nlohmann::json::array(), issues);
  CHECK(issues.size() == 1);
  issues.clear();
  const ReleaseQuery query = ParseReleaseQuery({{"_type", "Condition,,Encounter"}, {"_count", "20"}, {"page", 2}, {"base", "https://x/fhir/"}}, issues);
  CHECK(issues.empty());
  CHECK(query.types == std::set<std::string>{"Condition", "Encounter"});
  CHECK(query.offset == 20);
  CHECK(query.base == "https://x/fhir");
}

#include "pdex/common/fhir_refs.h"

#include <catch2/catch.hpp>

using pdex::pdex_common::ParseReference;

TEST_CASE("ParseReference splits relative, versioned, absolute, contained and urn references", "[refs]") {
  auto relative = ParseReference("Patient/123");
  REQUIRE(relative);
  CHECK(relative->type == "Patient");
  CHECK(relative->id == "123");
  CHECK(relative->base.empty());
  CHECK(pdex::pdex_common::TypeAndId(*relative) == "Patient/123");

  auto versioned = ParseReference("Patient/123/_history/2");
  REQUIRE(versioned);
  CHECK(versioned->id == "123");
  CHECK(versioned->version == "2");

  auto absolute = ParseReference("https://payer.example/fhir/r4/Coverage/c-1");
  REQUIRE(absolute);
  CHECK(absolute->base == "https://payer.example/fhir/r4");
  CHECK(pdex::pdex_common::TypeAndId(*absolute) == "Coverage/c-1");

  auto contained = ParseReference("#med1");
  REQUIRE(contained);
  CHECK(contained->contained);
  CHECK(contained->id == "med1");
  CHECK(pdex::pdex_common::TypeAndId(*contained).empty());

  auto urn = ParseReference("urn:uuid:6a1f0c38-0000-4000-8000-000000000001");
  REQUIRE(urn);
  CHECK(urn->urn);
}

TEST_CASE("ParseReference rejects what is not a literal reference", "[refs]") {
  CHECK_FALSE(ParseReference(""));
  CHECK_FALSE(ParseReference("Patient"));
  CHECK_FALSE(ParseReference("patient/1"));
  CHECK_FALSE(ParseReference("Patient/"));
  CHECK_FALSE(ParseReference("Patient/a b"));
  CHECK_FALSE(ParseReference("some/path/Patient/1"));  // a base that is no URL
}

TEST_CASE("Identifiers are found by system and by type coding", "[identifiers]") {
  const nlohmann::json identifiers = nlohmann::json::parse(R"([
    {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1234567893"},
    {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MB"}]},
     "system": "http://example.org/old-payer", "value": "DH10001235"},
    {"system": "http://hl7.org/fhir/sid/us-npi"}
  ])");
  CHECK(pdex::pdex_common::IdentifierValueBySystem(identifiers, "http://hl7.org/fhir/sid/us-npi") == "1234567893");
  CHECK(pdex::pdex_common::IdentifierValueByType(identifiers, "http://terminology.hl7.org/CodeSystem/v2-0203", "MB") ==
        "DH10001235");
  CHECK(pdex::pdex_common::IdentifierValueByType(identifiers, "http://terminology.hl7.org/CodeSystem/v2-0203", "MR")
            .empty());
  CHECK(pdex::pdex_common::IdentifierValueBySystem(nlohmann::json::object(), "x").empty());
}

#include "api/engine.h"
#include "json/serialize.h"

#include <catch2/catch.hpp>

#include <string>

using pdex::api::Engine;

namespace {

const nlohmann::json& FirstIssue(const nlohmann::json& outcome) { return outcome.at("issue").at(0); }

std::string MessageId(const nlohmann::json& issue) {
  for (const auto& extension : issue.value("extension", nlohmann::json::array())) {
    if (extension["url"] == "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id") {
      return extension["valueString"];
    }
  }
  return "";
}

}  // namespace

TEST_CASE("a well-formed resource gives one information issue", "[api]") {
  const auto outcome = Engine().Validate(R"({"resourceType": "Patient", "id": "p1"})");
  CHECK(outcome["resourceType"] == "OperationOutcome");
  REQUIRE(outcome["issue"].size() == 1);
  CHECK(FirstIssue(outcome)["severity"] == "information");
  CHECK(MessageId(FirstIssue(outcome)) == "resource.ok");
}

TEST_CASE("malformed JSON gives an error issue with line and column extensions", "[api]") {
  const auto outcome = Engine().Validate("{\n  \"resourceType\": \"Patient\",\n}");
  const auto& issue = FirstIssue(outcome);
  CHECK(issue["severity"] == "error");
  CHECK(issue["code"] == "structure");
  CHECK(MessageId(issue) == "json.syntax");
  CHECK(issue["extension"][0]["valueInteger"] == 3);
  CHECK(issue["extension"][1]["valueInteger"] == 1);
}

TEST_CASE("JSON that is not a resource is an error", "[api]") {
  CHECK(MessageId(FirstIssue(Engine().Validate("[]"))) == "resource.not-object");
  CHECK(MessageId(FirstIssue(Engine().Validate("{\"id\": \"x\"}"))) == "resource.type-missing");
  CHECK(MessageId(FirstIssue(Engine().Validate("{\"resourceType\": 7}"))) == "resource.type-invalid");
  CHECK(MessageId(FirstIssue(Engine().Validate("{\"resourceType\": \"\"}"))) == "resource.type-invalid");
}

TEST_CASE("hostile input always yields an OperationOutcome", "[api][limits]") {
  const Engine engine;
  for (const std::string& text : {std::string(""), std::string("["), std::string(100000, '['),
                                  std::string("{\"resourceType\":\"\xFF\"}"), std::string("\0\0\0", 3)}) {
    const auto outcome = engine.Validate(text);
    CHECK(outcome["resourceType"] == "OperationOutcome");
    CHECK(FirstIssue(outcome)["severity"] == "error");
  }
}

TEST_CASE("engine limits are honoured", "[api][limits]") {
  const Engine engine(pdex::json::JsonLimits{.max_bytes = 16, .max_depth = 4});
  CHECK(MessageId(FirstIssue(engine.Validate(R"({"resourceType":"Patient"})"))) == "json.too-large");
  CHECK(MessageId(FirstIssue(engine.Validate("[[[[[]]]]]"))) == "json.too-deep");
}

TEST_CASE("ValidateToText is the serialized Validate outcome, byte for byte", "[api]") {
  Engine engine;
  REQUIRE(engine.LoadPath(Engine::DefaultDefinitionsPath())["issue"][0]["severity"] == "information");
  // Positions, ids, expressions; diagnostics with quotes, backslashes, control characters, non-ASCII
  // and invalid UTF-8 (echoed from the input), so both the direct and the escaped paths are taken.
  const std::string texts[] = {
      R"({"resourceType": "Patient", "id": "p1"})",
      "{\n  \"resourceType\": \"Patient\",\n  \"gender\": \"f\\\"e\\\\m\\u0001\",\n  \"na\\\"me\": 1,\n  \"birthDate\": \"20\xC3\xA9\"\n}",
      R"({"resourceType": "Patient", "name": [{"given": [null]}], "_birthDate": 3, "contained": [{}]})",
      R"({"resourceType": "Observation", "status": "final", "code": {}, "valueQuantity": {"value": "x"}})",
      "{\"resourceType\":\"\xFF\"}",
      "[",
      "{\"resourceType\": \"Patient\", \"\xE2\x82\xAC\": true}",
  };
  for (const std::string& text : texts) {
    CHECK(engine.ValidateToText(text) == pdex::json::Serialize(engine.Validate(text)));
  }
}

// core/common/issue.h: severities, the OperationOutcome shape (the HL7 validator's extensions for
// position and message id), and OperationOutcomeText, the tree-free writer of the same text.
#include "common/issue.h"
#include "json/serialize.h"

#include <catch2/catch.hpp>

#include <string>

using pdex::Issue;
using pdex::Issues;
using pdex::Severity;

TEST_CASE("severities have their FHIR codes, and only fatal and error count as errors", "[common]") {
  CHECK(std::string(pdex::SeverityCode(Severity::kFatal)) == "fatal");
  CHECK(std::string(pdex::SeverityCode(Severity::kError)) == "error");
  CHECK(std::string(pdex::SeverityCode(Severity::kWarning)) == "warning");
  CHECK(std::string(pdex::SeverityCode(Severity::kInformation)) == "information");
  CHECK_FALSE(pdex::HasErrors({}));
  CHECK_FALSE(pdex::HasErrors({Issue{.severity = Severity::kWarning}, Issue{.severity = Severity::kInformation}}));
  CHECK(pdex::HasErrors({Issue{.severity = Severity::kInformation}, Issue{.severity = Severity::kError}}));
  CHECK(pdex::HasErrors({Issue{.severity = Severity::kFatal}}));
}

TEST_CASE("an OperationOutcome issue carries position and id in the HL7 validator's extensions", "[common]") {
  const nlohmann::json outcome = pdex::ToOperationOutcome({Issue{.severity = Severity::kWarning,
                                                                 .code = "structure",
                                                                 .id = "json.syntax",
                                                                 .diagnostics = "unexpected '}'",
                                                                 .expression = "Patient.name[0]",
                                                                 .line = 3,
                                                                 .column = 7}});
  const nlohmann::json expected = nlohmann::json::parse(R"({"resourceType": "OperationOutcome", "issue": [{
    "severity": "warning", "code": "structure", "diagnostics": "unexpected '}'", "expression": ["Patient.name[0]"],
    "extension": [
      {"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line", "valueInteger": 3},
      {"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col", "valueInteger": 7},
      {"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id", "valueString": "json.syntax"}]}]})");
  CHECK(outcome == expected);
  // Without position, id and expression: none of their elements, not empty ones.
  const nlohmann::json bare = pdex::ToOperationOutcome({Issue{.diagnostics = "d"}});
  CHECK(bare["issue"][0] == nlohmann::json{{"severity", "error"}, {"code", "invalid"}, {"diagnostics", "d"}});
  CHECK(pdex::ToOperationOutcome({})["issue"] == nlohmann::json::array());
}

TEST_CASE("OperationOutcomeText is Serialize(ToOperationOutcome), byte for byte", "[common]") {
  const Issues cases[] = {
      {},
      {Issue{.diagnostics = "plain"}},
      {Issue{.severity = Severity::kFatal, .code = "exception", .id = "engine.internal", .diagnostics = "x"}},
      {Issue{.id = "only.id", .diagnostics = "no position"}, Issue{.diagnostics = "position, no id", .line = 1, .column = 2}},
      {Issue{.severity = Severity::kInformation,
             .code = "informational",
             .id = "id \"quoted\" \\ back",
             .diagnostics = "quote \" backslash \\ control \x01 tab \t newline \n non-ASCII \xC3\xA9 \xE2\x82\xAC",
             .expression = "Patient.name[0].given[1]",
             .line = 12,
             .column = 345}},
      {Issue{.diagnostics = "invalid UTF-8 \xFF\xC3 echoed from the input", .expression = "Patient.\xFF"}},
  };
  for (const Issues& issues : cases) {
    CHECK(pdex::OperationOutcomeText(issues) == pdex::json::Serialize(pdex::ToOperationOutcome(issues)));
  }
}

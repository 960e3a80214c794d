// QuestionnaireResponse vs Questionnaire (core/validation/questionnaire.h): the rules one by one on
// a small registry, and the hook through Validator with a contained Questionnaire.
#include "test_support.h"

#include "validation/questionnaire.h"

#include <catch2/catch.hpp>

namespace pdex::validation::testing {
namespace {

const char* kQuestionnaire = R"({
  "resourceType": "Questionnaire", "url": "http://example.org/Questionnaire/q", "status": "active",
  "item": [
    {"linkId": "name", "type": "string", "required": true, "maxLength": 5},
    {"linkId": "age", "type": "integer",
     "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 18}]},
    {"linkId": "color", "type": "choice", "repeats": true,
     "answerOption": [{"valueCoding": {"system": "http://example.org/c", "code": "red"}},
                      {"valueCoding": {"system": "http://example.org/c", "code": "none"},
                       "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive",
                                      "valueBoolean": true}]}]},
    {"linkId": "note", "type": "display"},
    {"linkId": "grp", "type": "group", "item": [{"linkId": "inner", "type": "boolean", "required": true}]},
    {"linkId": "parent", "type": "boolean", "item": [{"linkId": "child", "type": "date"}]},
    {"linkId": "dist", "type": "quantity",
     "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity",
                    "valueQuantity": {"value": 5, "system": "http://unitsofmeasure.org", "code": "km"}}]}
  ]})";

struct Found {
  std::string location;
  std::string id;
};

std::vector<Found> Check(const std::string& response_text) {
  static package::Registry registry;
  static const bool loaded = [] {
    registry.LoadResourceText(kQuestionnaire, "questionnaire_test");
    registry.LoadResourceText(R"({"resourceType": "ValueSet", "url": "http://example.org/ValueSet/v",
                                  "status": "active"})",
                              "questionnaire_test");
    return true;
  }();
  (void)loaded;
  static const terminology::TerminologyService terminology(registry);
  const nlohmann::json response = nlohmann::json::parse(response_text);
  std::vector<Found> found;
  ValidateQuestionnaireResponse(response, "QuestionnaireResponse", nullptr, registry, terminology,
                                [&](const std::string& location, Severity severity, const char*, const char* id,
                                    std::string) {
                                  if (severity == Severity::kError) found.push_back({location, id});
                                });
  return found;
}

std::string Qr(const std::string& items, const std::string& status = "completed") {
  return R"({"resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/Questionnaire/q",
             "status": ")" + status + R"(", "item": [{"linkId": "name", "answer": [{"valueString": "Ann"}]},
             {"linkId": "grp", "item": [{"linkId": "inner", "answer": [{"valueBoolean": true}]}]})" +
         (items.empty() ? "" : ", " + items) + "]}";
}

TEST_CASE("a conforming response has no errors", "[questionnaire]") {
  CHECK(Check(Qr(R"({"linkId": "age", "answer": [{"valueInteger": 30}]},
                    {"linkId": "parent", "answer": [{"valueBoolean": true,
                      "item": [{"linkId": "child", "answer": [{"valueDate": "2020-01-01"}]}]}]})"))
            .empty());
}

TEST_CASE("unknown linkIds are reported on the response, also at the wrong nesting level", "[questionnaire]") {
  auto found = Check(Qr(R"({"linkId": "nope"}, {"linkId": "child"})"));
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == "questionnaire.linkid-unknown");
  CHECK(found[0].location == "QuestionnaireResponse");
}

TEST_CASE("answer types follow item.type", "[questionnaire]") {
  auto found = Check(Qr(R"({"linkId": "age", "answer": [{"valueString": "30"}]})"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "questionnaire.answer-type");
  CHECK(found[0].location == "QuestionnaireResponse.item[2].answer[0].valueString");
}

TEST_CASE("required items, repeats, display and group answers", "[questionnaire]") {
  const std::string missing_name = R"({"resourceType": "QuestionnaireResponse",
      "questionnaire": "http://example.org/Questionnaire/q", "status": "completed",
      "item": [{"linkId": "grp", "item": [{"linkId": "inner", "answer": [{"valueBoolean": true}]}]}]})";
  auto found = Check(missing_name);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "questionnaire.required-missing");
  CHECK(found[0].location == "QuestionnaireResponse");
  // In progress: required items may still be missing.
  std::string in_progress = missing_name;
  in_progress.replace(in_progress.find("completed"), 9, "in-progress");
  CHECK(Check(in_progress).empty());

  found = Check(Qr(R"({"linkId": "age", "answer": [{"valueInteger": 30}, {"valueInteger": 31}]},
                      {"linkId": "note", "answer": [{"valueString": "x"}]})"));
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == "questionnaire.answer-repeats");
  CHECK(found[0].location == "QuestionnaireResponse.item[2]");
  CHECK(found[1].id == "questionnaire.display-answer");
}

TEST_CASE("answerOption membership, exclusive options and limits", "[questionnaire]") {
  auto found = Check(Qr(R"({"linkId": "color", "answer": [{"valueCoding": {"system": "http://example.org/c", "code": "red"}},
                           {"valueCoding": {"system": "http://example.org/c", "code": "blue"}},
                           {"valueCoding": {"system": "http://example.org/c", "code": "none"}}]})"));
  REQUIRE(found.size() == 2);
  CHECK(found[0].id == "questionnaire.answer-option");
  CHECK(found[0].location == "QuestionnaireResponse.item[2].answer[1]");
  CHECK(found[1].id == "questionnaire.option-exclusive");
  CHECK(found[1].location == "QuestionnaireResponse.item[2].answer[2]");

  found = Check(Qr(R"({"linkId": "age", "answer": [{"valueInteger": 12}]})"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "questionnaire.min-value");

  std::string long_name = Qr("");
  long_name.replace(long_name.find("Ann"), 3, "Annabelle");
  found = Check(long_name);
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "questionnaire.max-length");
  CHECK(found[0].location == "QuestionnaireResponse.item[0].answer[0].valueString");
}

TEST_CASE("quantity limits convert UCUM units and reject incommensurable ones", "[questionnaire]") {
  auto quantity = [](const std::string& value, const std::string& code) {
    return Qr(R"({"linkId": "dist", "answer": [{"valueQuantity": {"value": )" + value +
              R"(, "system": "http://unitsofmeasure.org", "code": ")" + code + R"("}}]})");
  };
  CHECK(Check(quantity("4000", "m")).empty());
  auto found = Check(quantity("10000", "m"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "questionnaire.quantity-limit");
  CHECK(found[0].location == "QuestionnaireResponse.item[2].answer[0].valueQuantity");
  CHECK(Check(quantity("1", "kg")).size() == 1);
}

TEST_CASE("unresolvable or wrong-type questionnaire canonicals", "[questionnaire]") {
  CHECK(Check(R"({"resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/none",
                  "status": "completed", "item": [{"linkId": "x"}]})")
            .empty());
  auto found = Check(R"({"resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/ValueSet/v",
                         "status": "completed", "item": [{"linkId": "x"}]})");
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == "questionnaire.wrong-type");
  CHECK(found[0].location == "QuestionnaireResponse.questionnaire");
}

TEST_CASE("string answers match the item's regex, patterns core/regex refuses are warnings", "[questionnaire]") {
  package::Registry registry;
  registry.LoadResourceText(R"({"resourceType": "Questionnaire", "url": "http://example.org/Questionnaire/re",
    "status": "active", "item": [
      {"linkId": "email", "type": "string", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "[^@\\s]+@[^@\\s]+"},
        {"url": "http://hl7.org/fhir/StructureDefinition/entryFormat", "valueString": "name@example.org"}]},
      {"linkId": "code", "type": "text", "extension": [
        {"url": "http://hl7.org/fhir/StructureDefinition/regex", "valueString": "(?=x)x"}]}]})",
                            "questionnaire_test");
  const terminology::TerminologyService terminology(registry);
  auto check = [&](const std::string& email, const std::string& code) {
    std::vector<std::pair<Severity, std::string>> found;  // (severity, location)
    const nlohmann::json response = nlohmann::json::parse(
        R"({"resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/Questionnaire/re",
            "status": "completed", "item": [{"linkId": "email", "answer": [{"valueString": ")" + email +
        R"("}]}, {"linkId": "code", "answer": [{"valueString": ")" + code + R"("}]}]})");
    ValidateQuestionnaireResponse(response, "QuestionnaireResponse", nullptr, registry, terminology,
                                  [&](const std::string& location, Severity severity, const char*, const char* id,
                                      std::string) {
                                    if (std::string(id).rfind("questionnaire.regex", 0) == 0) {
                                      found.emplace_back(severity, location);
                                    }
                                  });
    return found;
  };
  auto found = check("ann@example.org", "x");
  // The lookahead is not supported: never a pass or an error, a warning that it was not checked.
  REQUIRE(found.size() == 1);
  CHECK(found[0] == std::make_pair(Severity::kWarning, std::string("QuestionnaireResponse.item[1].answer[0].valueString")));
  found = check("ann@@example.org", "x");
  REQUIRE(found.size() == 2);
  // The whole answer must match (not just a part of it).
  CHECK(found[0] == std::make_pair(Severity::kError, std::string("QuestionnaireResponse.item[0].answer[0].valueString")));
  CHECK(check("ann@example.org extra text", "x").size() == 2);
}

TEST_CASE("the validator checks a response against a contained Questionnaire", "[questionnaire]") {
  static const terminology::TerminologyService terminology(CoreRegistry());
  static const Validator validator(CoreRegistry(), terminology);
  const nlohmann::json response = nlohmann::json::parse(R"({
    "resourceType": "QuestionnaireResponse", "status": "completed", "questionnaire": "#q",
    "contained": [{"resourceType": "Questionnaire", "id": "q", "status": "active",
                   "item": [{"linkId": "a", "text": "A?", "type": "boolean"}]}],
    "item": [{"linkId": "a", "answer": [{"valueDate": "2020-01-01"}]}, {"linkId": "b"}]})");
  const Issues issues = validator.Validate(response);
  int type_errors = 0, link_errors = 0;
  for (const Issue& issue : issues) {
    if (issue.id == "questionnaire.answer-type") {
      ++type_errors;
      CHECK(issue.expression == "QuestionnaireResponse.item[0].answer[0].valueDate");
    }
    if (issue.id == "questionnaire.linkid-unknown") ++link_errors;
  }
  CHECK(type_errors == 1);
  CHECK(link_errors == 1);
}

}  // namespace
}  // namespace pdex::validation::testing

// Terminology checks the validator makes with the local R4 terminology, as the HL7 validator makes
// them: Coding displays, wrong displays failing bindings and answerValueSets, the system of a bare
// code, malformed external codes, and Questionnaire unitValueSet / string answers.
#include "test_support.h"

#include <catch2/catch.hpp>

namespace pdex::validation::testing {
namespace {

// The core definitions plus a Questionnaire whose answers the tests check (loaded once).
Issues Run(const std::string& text) {
  static const TestValidator checker({R"({"resourceType": "Questionnaire", "url": "http://example.org/Questionnaire/t",
      "status": "active", "item": [
        {"linkId": "type", "type": "choice", "answerValueSet": "http://hl7.org/fhir/ValueSet/item-type"},
        {"linkId": "where", "type": "string", "repeats": true,
         "answerValueSet": "http://hl7.org/fhir/ValueSet/jurisdiction"},
        {"linkId": "size", "type": "quantity", "repeats": true,
         "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unitValueSet",
                        "valueCanonical": "http://hl7.org/fhir/ValueSet/jurisdiction"}]}]})"});
  return checker.Run(text);
}

int Count(const Issues& issues, const std::string& id, const std::string& expression = "") {
  int n = 0;
  for (const Issue& issue : issues) {
    if (issue.id == id && (expression.empty() || issue.expression == expression)) ++n;
  }
  return n;
}

std::string MaritalStatus(const std::string& display, const std::string& language = "") {
  return R"({"resourceType": "Patient", )" + (language.empty() ? "" : R"("language": ")" + language + R"(", )") +
         R"("maritalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus",
           "code": "M", "display": ")" + display + R"("}]}})";
}

}  // namespace

TEST_CASE("a Coding's display must be one of its code's displays in a loaded code system", "[terminology]") {
  CHECK(CountErrors(Run(MaritalStatus("Married"))) == 0);
  CHECK(CountErrors(Run(MaritalStatus("MARRIED"))) == 0);
  const Issues wrong = Run(MaritalStatus("M"));
  INFO(Describe(wrong, false));
  CHECK(CountErrors(wrong) == 1);
  CHECK(Count(wrong, "validator.display-wrong", "Patient.maritalStatus.coding[0].display") == 1);
  // The extensible binding fails on the wrong display too: a warning, as in the HL7 validator.
  CHECK(Count(wrong, "validator.binding-extensible", "Patient.maritalStatus") == 1);
  // A resource in another language may use that language's names: not checked.
  CHECK(CountErrors(Run(MaritalStatus("Verheiratet", "de"))) == 0);
  // Unknown, external systems: not checked.
  CHECK(CountErrors(Run(R"({"resourceType": "Observation", "status": "final", "code": {"coding": [
    {"system": "http://loinc.org", "code": "2339-0", "display": "anything"}]}})")) == 0);
}

TEST_CASE("a wrong display fails a required binding", "[terminology]") {
  const Issues issues = Run(R"({"resourceType": "AllergyIntolerance", "patient": {"reference": "Patient/p"},
    "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                   "code": "active", "display": "Ongoing"}]}})");
  INFO(Describe(issues, false));
  CHECK(Count(issues, "validator.display-wrong", "AllergyIntolerance.clinicalStatus.coding[0].display") == 1);
  CHECK(Count(issues, "validator.binding-required", "AllergyIntolerance.clinicalStatus") == 1);
  CHECK(CountErrors(issues) == 2);
}

TEST_CASE("a bare code no include of a required value set holds has no inferable system", "[terminology]") {
  const Issues issues = Run(R"({"resourceType": "Encounter", "status": "completed",
    "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"}})");
  INFO(Describe(issues, false));
  CHECK(Count(issues, "validator.binding-system-undetermined", "Encounter.status") == 1);
  CHECK(Count(issues, "validator.binding-required", "Encounter.status") == 1);
  CHECK(CountErrors(issues) == 2);
  CHECK(CountErrors(Run(R"({"resourceType": "Encounter", "status": "finished",
    "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"}})")) == 0);
}

TEST_CASE("a malformed SNOMED CT code is an unknown code", "[terminology]") {
  auto observation = [](const std::string& code) {
    return R"({"resourceType": "Observation", "status": "final", "code": {"coding": [
      {"system": "http://snomed.info/sct", "code": ")" + code + R"("}]}})";
  };
  CHECK(CountErrors(Run(observation("276885007"))) == 0);
  const Issues issues = Run(observation("276885007x"));
  INFO(Describe(issues, false));
  CHECK(CountErrors(issues) == 1);
  CHECK(Count(issues, "validator.code-unknown", "Observation.code.coding[0].code") == 1);
}

TEST_CASE("ISO 3166 countries and ISO 4217 currencies are checked from the pack", "[terminology]") {
  auto country = [](const std::string& code, const std::string& display) {
    return R"({"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "valueCodeableConcept":
      {"coding": [{"system": "urn:iso:std:iso:3166", "code": ")" + code + R"(", "display": ")" + display + R"("}]}})";
  };
  // Alpha-2, alpha-3 and numeric codes of one country, with its display.
  for (const char* code : {"BD", "BGD", "050"}) CHECK(CountErrors(Run(country(code, "Bangladesh"))) == 0);
  const Issues wrong = Run(country("BD", "Australia"));  // the HL7 case choice-async-qr
  INFO(Describe(wrong, false));
  CHECK(Count(wrong, "validator.display-wrong", "Observation.valueCodeableConcept.coding[0].display") == 1);
  CHECK(Count(Run(country("XQ", "Nowhere")), "validator.code-unknown") == 1);
  auto money = [](const std::string& currency) {
    return R"({"resourceType": "Invoice", "status": "draft", "totalNet": {"value": 10, "currency": ")" + currency + R"("}})";
  };
  const Issues usd = Run(money("USD"));
  CHECK(CountErrors(usd) == 0);
  CHECK(Count(usd, "validator.binding-not-checked") == 0);  // checked, not "not checked"
  CHECK(Count(Run(money("XXY")), "validator.binding-required", "Invoice.totalNet.currency") == 1);
}

TEST_CASE("QuestionnaireResponse answers against answerValueSet and unitValueSet", "[terminology]") {
  auto response = [](const std::string& items) {
    return R"({"resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/Questionnaire/t",
               "status": "completed", "item": [)" + items + "]}";
  };
  const Issues display = Run(response(R"({"linkId": "type", "answer": [{"valueCoding": {
    "system": "http://hl7.org/fhir/item-type", "code": "string", "display": "Australia"}}]})"));
  INFO(Describe(display, false));
  CHECK(Count(display, "validator.display-wrong", "QuestionnaireResponse.item[0].answer[0].valueCoding.display") == 1);
  CHECK(Count(display, "questionnaire.answer-valueset", "QuestionnaireResponse.item[0].answer[0]") == 1);
  CHECK(CountErrors(display) == 2);
  CHECK(CountErrors(Run(response(R"({"linkId": "type", "answer": [{"valueCoding": {
    "system": "http://hl7.org/fhir/item-type", "code": "string", "display": "String"}}]})"))) == 0);

  // String answers are codes of the value set: "AU" may be an ISO 3166 code, "Australia" is none.
  const Issues strings = Run(response(R"({"linkId": "where", "answer": [{"valueString": "AU"}, {"valueString": "Australia"}]})"));
  INFO(Describe(strings, false));
  CHECK(CountErrors(strings) == 1);
  CHECK(Count(strings, "questionnaire.answer-valueset", "QuestionnaireResponse.item[0].answer[1].valueString") == 1);

  // A UCUM unit, with or without a code, is not in a value set of places.
  const Issues units = Run(response(R"({"linkId": "size", "answer": [
    {"valueQuantity": {"value": 10, "unit": "kilometer", "system": "http://unitsofmeasure.org"}},
    {"valueQuantity": {"value": 10, "unit": "kilometer", "system": "http://unitsofmeasure.org", "code": "km"}}]})"));
  INFO(Describe(units, false));
  CHECK(Count(units, "questionnaire.quantity-unit-valueset") == 2);
  CHECK(CountErrors(units) == 2);
}

}  // namespace pdex::validation::testing

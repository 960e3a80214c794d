// How profiles and extensions are applied beyond meta.profile: profiles the specification requires
// (core vital signs), global profiles of implementation guides, fixed values, additional bindings,
// extension urls. Each test loads the R4 pack plus the conformance resources it needs.
#include "test_support.h"

#include <catch2/catch.hpp>

namespace pdex::validation::testing {
namespace {

int Count(const Issues& issues, const std::string& id) {
  int count = 0;
  for (const Issue& issue : issues) count += issue.id == id ? 1 : 0;
  return count;
}

bool Has(const Issues& issues, const std::string& id, const std::string& expression) {
  for (const Issue& issue : issues) {
    if (issue.id == id && issue.expression == expression) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("an Observation with a vital-sign code is checked against the core vital-signs profile", "[profiles]") {
  const TestValidator setup;
  // LOINC 8867-4 is heart rate: the heartrate profile wants category vital-signs and beats per minute.
  const std::string heart_rate = R"({"resourceType":"Observation","status":"final",
    "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"exam"}]}],
    "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"subject":{"reference":"Patient/1"},
    "effectiveDateTime":"2020-01-01","valueQuantity":{"value":60,"unit":"beats/minute","system":"http://unitsofmeasure.org","code":"/min"}})";
  const Issues issues = setup.Run(heart_rate);
  INFO(Describe(issues, false));
  CHECK(Count(issues, "validator.vital-signs-profile") == 1);
  CHECK(Count(issues, "validator.slice-cardinality-min") == 1);  // category:VSCat
  CHECK(CountErrors(issues) == 1);

  // Claiming the profile does not check it twice.
  std::string claimed = heart_rate;
  claimed.insert(1, R"("meta":{"profile":["http://hl7.org/fhir/StructureDefinition/heartrate"]},)");
  const Issues once = setup.Run(claimed);
  CHECK(Count(once, "validator.vital-signs-profile") == 0);
  CHECK(CountErrors(once) == 1);

  // 55284-4 is an equivalent blood-pressure code: only with vital_signs_equivalent_codes does it bring
  // in the bp profile, whose own code 85354-9 is then missing.
  const std::string bp = R"({"resourceType":"Observation","status":"final",
    "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
    "code":{"coding":[{"system":"http://loinc.org","code":"55284-4"}]},"subject":{"reference":"Patient/1"},
    "effectiveDateTime":"2020-01-01","component":[
      {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":120,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
      {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":80,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]})";
  CHECK(CountErrors(setup.Run(bp)) == 0);
  ValidatorOptions equivalent;
  equivalent.vital_signs_equivalent_codes = true;
  const Issues bp_issues = setup.Run(bp, equivalent);
  INFO(Describe(bp_issues, false));
  // Only the magic code is missing: the systolic and diastolic components are told apart by the
  // codes their required coding slices fix (discriminator code.coding.code).
  CHECK(CountErrors(bp_issues) == 1);
  CHECK(Count(bp_issues, "validator.slice-cardinality-min") == 1);

  // The vital-signs units binding (ucum-vitals-common) is applied as extensible, as the HL7 validator
  // does: inhaled oxygen flow in L/min is a warning.
  const Issues oxygen = setup.Run(R"({"resourceType":"Observation","status":"final",
    "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
    "code":{"coding":[{"system":"http://loinc.org","code":"2708-6"}]},"subject":{"reference":"Patient/1"},
    "effectiveDateTime":"2020-01-01","valueQuantity":{"value":95,"unit":"%","system":"http://unitsofmeasure.org","code":"%"},
    "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"3151-8"}]},
      "valueQuantity":{"value":6,"unit":"L/min","system":"http://unitsofmeasure.org","code":"L/min"}}]})");
  INFO(Describe(oxygen, false));
  CHECK(CountErrors(oxygen) == 0);
  CHECK(Count(oxygen, "validator.binding-extensible") >= 1);
}


TEST_CASE("a complex fixed value is compared element by element", "[profiles]") {
  const TestValidator setup({R"({"resourceType":"StructureDefinition","url":"http://example.org/fhir/StructureDefinition/home-phone",
    "name":"HomePhone","status":"active","kind":"resource","abstract":false,"type":"Practitioner",
    "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Practitioner","derivation":"constraint",
    "differential":{"element":[{"id":"Practitioner.telecom","path":"Practitioner.telecom","fixedContactPoint":{"use":"home"}}]}})"});
  ValidatorOptions options;
  options.profiles = {"http://example.org/fhir/StructureDefinition/home-phone"};
  const Issues issues = setup.Run(R"({"resourceType":"Practitioner",
    "telecom":[{"system":"phone","value":"555-0101","use":"home"},{"use":"work"},{"use":"home","id":"t1"}]})", options);
  INFO(Describe(issues, false));
  // telecom[0] adds system and value; telecom[1] has another use; telecom[2] only adds an id.
  CHECK(CountErrors(issues) == 3);
  CHECK(Has(issues, "validator.fixed-mismatch", "Practitioner.telecom[0].system"));
  CHECK(Has(issues, "validator.fixed-mismatch", "Practitioner.telecom[0].value"));
  CHECK(Has(issues, "validator.fixed-mismatch", "Practitioner.telecom[1].use"));
}

TEST_CASE("an extension url carries no version", "[profiles][extensions]") {
  const TestValidator setup;
  const Issues issues = setup.Run(R"({"resourceType":"Patient","extension":[
    {"url":"http://hl7.org/fhir/StructureDefinition/patient-congregation","valueString":"a"},
    {"url":"http://hl7.org/fhir/StructureDefinition/patient-congregation|4.0.1","valueString":"b"}]})");
  INFO(Describe(issues, false));
  CHECK(Count(issues, "validator.extension-url-version") == 1);
  CHECK(Has(issues, "validator.extension-url-version", "Patient.extension[1]"));
}

TEST_CASE("global profiles of a loaded implementation guide apply to every resource of their type", "[profiles]") {
  const TestValidator setup({R"({"resourceType":"ImplementationGuide","url":"http://example.org/fhir/ImplementationGuide/ig",
      "name":"Ig","status":"active","packageId":"example.ig","fhirVersion":["4.0.1"],
      "global":[{"type":"Patient","profile":"http://example.org/fhir/StructureDefinition/named-patient"}]})",
    R"({"resourceType":"StructureDefinition","url":"http://example.org/fhir/StructureDefinition/named-patient",
      "name":"NamedPatient","status":"active","kind":"resource","abstract":false,"type":"Patient",
      "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient","derivation":"constraint",
      "differential":{"element":[{"id":"Patient.name","path":"Patient.name","min":1}]}})"});
  const Issues unnamed = setup.Run(R"({"resourceType":"Patient","active":true})");
  INFO(Describe(unnamed, false));
  CHECK(Count(unnamed, "validator.global-profile") == 1);
  CHECK(Has(unnamed, "validator.cardinality-min", "Patient"));
  CHECK(CountErrors(unnamed) == 1);
  CHECK(CountErrors(setup.Run(R"({"resourceType":"Patient","name":[{"family":"Chalmers"}]})")) == 0);
  // Other types are not concerned; nested resources are (a Bundle entry is a Patient too).
  CHECK(Count(setup.Run(R"({"resourceType":"Practitioner"})"), "validator.global-profile") == 0);
  const Issues bundle = setup.Run(R"({"resourceType":"Bundle","type":"collection",
    "entry":[{"fullUrl":"urn:uuid:6f3c1a52-0b1e-4c57-9d39-3d3f0a2b7c11","resource":{"resourceType":"Patient"}}]})");
  CHECK(Has(bundle, "validator.cardinality-min", "Bundle.entry[0].resource"));
}

TEST_CASE("additional bindings with purpose required or extensible hold like bindings", "[profiles][bindings]") {
  const auto profile = [](const char* purpose) {
    return std::string(R"({"resourceType":"StructureDefinition","url":"http://example.org/fhir/StructureDefinition/obs-)") + purpose +
           R"(","name":"Obs","status":"active","kind":"resource","abstract":false,"type":"Observation",
      "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Observation","derivation":"constraint",
      "differential":{"element":[{"id":"Observation.code","path":"Observation.code","binding":{"strength":"example",
        "valueSet":"http://hl7.org/fhir/ValueSet/observation-codes","extension":[{
          "url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.binding.additional",
          "extension":[{"url":"purpose","valueCode":")" + purpose + R"("},
                       {"url":"valueSet","valueCanonical":"http://example.org/fhir/ValueSet/two-codes"}]}]}}]}})";
  };
  const TestValidator setup({profile("required"), profile("extensible"), profile("ui"),
    R"({"resourceType":"ValueSet","url":"http://example.org/fhir/ValueSet/two-codes","status":"active",
      "compose":{"include":[{"system":"http://example.org/fhir/CodeSystem/local","concept":[{"code":"a"},{"code":"b"}]}]}})"});
  const auto run = [&](const char* purpose, const char* code) {
    ValidatorOptions options;
    options.profiles = {std::string("http://example.org/fhir/StructureDefinition/obs-") + purpose};
    return setup.Run(std::string(R"({"resourceType":"Observation","status":"final","code":{"coding":[
      {"system":"http://example.org/fhir/CodeSystem/local","code":")") + code + R"("}]}})", options);
  };
  CHECK(Count(run("required", "c"), "validator.binding-required") == 1);
  CHECK(Count(run("required", "a"), "validator.binding-required") == 0);
  const Issues extensible = run("extensible", "c");
  CHECK(Count(extensible, "validator.binding-extensible") == 1);
  CHECK(CountErrors(extensible) == 0);
  CHECK(Count(run("ui", "c"), "validator.binding-extensible") == 0);
}

TEST_CASE("a code with only extensions has no code from its required value set", "[profiles][bindings]") {
  const TestValidator setup;
  const Issues issues = setup.Run(R"({"resourceType":"AllergyIntolerance","patient":{"reference":"Patient/1"},
    "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},
    "_category":[{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}]})");
  INFO(Describe(issues, false));
  CHECK(Has(issues, "validator.binding-no-code", "AllergyIntolerance.category[0]"));
  CHECK(CountErrors(issues) == 1);
  // Where the binding is not required (Patient.language: preferred), an absent code is no finding.
  const Issues language = setup.Run(R"({"resourceType":"Patient","_language":{"extension":[
    {"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}})");
  CHECK(CountErrors(language) == 0);
}

TEST_CASE("a reference resolved in the Bundle meets one of its target profiles", "[profiles][references]") {
  const TestValidator setup({R"({"resourceType":"StructureDefinition","url":"http://example.org/fhir/StructureDefinition/known-patient",
      "name":"KnownPatient","status":"active","kind":"resource","abstract":false,"type":"Patient",
      "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient","derivation":"constraint",
      "differential":{"element":[{"id":"Patient.identifier","path":"Patient.identifier","min":1}]}})",
    R"({"resourceType":"StructureDefinition","url":"http://example.org/fhir/StructureDefinition/obs-known-patient",
      "name":"ObsKnownPatient","status":"active","kind":"resource","abstract":false,"type":"Observation",
      "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Observation","derivation":"constraint",
      "differential":{"element":[{"id":"Observation.subject","path":"Observation.subject",
        "type":[{"code":"Reference","targetProfile":["http://example.org/fhir/StructureDefinition/known-patient"]}]}]}})"});
  const auto bundle = [](const char* patient) {
    return std::string(R"({"resourceType":"Bundle","type":"collection","entry":[
      {"fullUrl":"http://example.org/fhir/Observation/o1","resource":{"resourceType":"Observation","id":"o1",
        "meta":{"profile":["http://example.org/fhir/StructureDefinition/obs-known-patient"]},"status":"final",
        "code":{"text":"weight"},"subject":{"reference":"Patient/p1"}}},
      {"fullUrl":"http://example.org/fhir/Patient/p1","resource":)") + patient + "}]}";
  };
  const Issues unknown = setup.Run(bundle(R"({"resourceType":"Patient","id":"p1"})"));
  INFO(Describe(unknown, false));
  CHECK(Has(unknown, "validator.reference-target-profile", "Bundle.entry[0].resource.subject"));
  CHECK(CountErrors(unknown) == 1);
  CHECK(CountErrors(setup.Run(bundle(R"({"resourceType":"Patient","id":"p1","identifier":[{"value":"1"}]})"))) == 0);
}
TEST_CASE("must-support elements left out are reported as information when asked", "[profiles][must-support]") {
  const TestValidator setup;
  // The core heartrate profile marks (among others) dataAbsentReason and component must-support.
  const std::string heart_rate = R"({"resourceType":"Observation","status":"final",
    "meta":{"profile":["http://hl7.org/fhir/StructureDefinition/heartrate"]},
    "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
    "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"subject":{"reference":"Patient/1"},
    "effectiveDateTime":"2020-01-01","valueQuantity":{"value":60,"unit":"beats/minute","system":"http://unitsofmeasure.org","code":"/min"}})";
  CHECK(Count(setup.Run(heart_rate), "validator.must-support-missing") == 0);  // not asked
  ValidatorOptions options;
  options.report_must_support = true;
  const Issues issues = setup.Run(heart_rate, options);
  INFO(Describe(issues, false));
  auto missing = [&](const std::string& start) {
    for (const Issue& issue : issues) {
      if (issue.id == "validator.must-support-missing" && issue.diagnostics.rfind(start, 0) == 0) {
        CHECK(issue.severity == Severity::kInformation);
        return true;
      }
    }
    return false;
  };
  CHECK(missing("dataAbsentReason: must-support element not present"));
  CHECK(missing("component: must-support element not present"));
  CHECK_FALSE(missing("value[x]:"));  // present
  CHECK_FALSE(missing("code:"));
  CHECK(CountErrors(issues) == 0);
  // A base definition declares no must-support elements.
  const Issues base = setup.Run(R"({"resourceType":"Patient"})", options);
  CHECK(Count(base, "validator.must-support-missing") == 0);
}

}  // namespace pdex::validation::testing

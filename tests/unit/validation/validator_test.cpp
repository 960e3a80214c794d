// Behaviour of the Validator on small hand-written resources against the R4 core definitions.
#include "test_support.h"

#include "json/parse.h"
#include "validation/json_positions.h"
#include "validation/primitives.h"

#include <catch2/catch.hpp>

#include <algorithm>

namespace pdex::validation::testing {
namespace {

Issues Run(const std::string& text, ValidatorOptions options = {}, json::Comments comments = json::Comments::kReject) {
  static const terminology::TerminologyService terminology(CoreRegistry());
  static const Validator validator(CoreRegistry(), terminology);
  const json::ParsedJson parsed = json::ParseJson(text, {}, comments);
  REQUIRE(parsed.ok());
  return validator.Validate(parsed.value, options);
}

bool Has(const Issues& issues, const std::string& id, const std::string& expression = "") {
  for (const Issue& issue : issues) {
    if (issue.id == id && (expression.empty() || issue.expression == expression)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a valid Patient has no errors", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Patient","id":"p1","active":true,
    "name":[{"family":"Chalmers","given":["Peter","James"]}],"gender":"male","birthDate":"1974-12-25",
    "telecom":[{"system":"phone","value":"555"}]})");
  INFO(Describe(issues, false));
  CHECK(CountErrors(issues) == 0);
  CHECK_FALSE(Has(issues, "validator.invariant", "Patient"));  // dom-6 is best practice: skipped
  ValidatorOptions best_practice;
  best_practice.best_practice_invariants = true;
  CHECK(Has(Run(R"({"resourceType":"Patient","active":true})", best_practice), "validator.invariant", "Patient"));
  ValidatorOptions no_fhirpath;
  no_fhirpath.evaluate_invariants = false;
  CHECK(Has(Run(R"({"resourceType":"Patient","active":true})", no_fhirpath), "validator.invariants-not-evaluated", "Patient"));
}

TEST_CASE("unknown elements, JSON types and primitive formats", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Patient","foo":1,"active":"yes",
    "name":[{"given":["A", 3]}],"birthDate":"1974-13-25","multipleBirthInteger":1.5,"id":"bad id!"})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.unknown-element", "Patient.foo"));
  CHECK(Has(issues, "validator.json-type", "Patient.active"));
  CHECK(Has(issues, "validator.json-type", "Patient.name[0].given[1]"));
  CHECK(Has(issues, "validator.primitive-format", "Patient.birthDate"));
  CHECK(Has(issues, "validator.json-type", "Patient.multipleBirthInteger"));
  CHECK(Has(issues, "validator.primitive-format", "Patient.id"));
}

TEST_CASE("arrays versus single values, nulls and primitive extensions", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Patient","name":{"family":"x"},"gender":["male"],
    "birthDate":"2000-01-01","_birthDate":{"extension":[{"url":"http://example.org/x","valueString":"a"}]},
    "address":[{"line":["a",null]}],
    "telecom":[{"value":"1","_value":{"foo":1}}]})");
  INFO(Describe(issues, false));
  CHECK(Has(issues, "validator.json-array-expected", "Patient.name"));
  CHECK(Has(issues, "validator.json-array-unexpected", "Patient.gender"));
  CHECK(Has(issues, "validator.json-null", "Patient.address[0].line[1]"));
  CHECK(Has(issues, "validator.unknown-element", "Patient.telecom[0].value.foo"));
  CHECK(Has(issues, "validator.extension-unknown"));
  CHECK_FALSE(Has(issues, "validator.unknown-element", "Patient._birthDate"));
}

TEST_CASE("invariants are evaluated with FHIRPath", "[validator][invariants]") {
  const Issues issues = Run(R"({"resourceType":"Observation","status":"final","code":{"text":"x"},
    "effectivePeriod":{"start":"2020-02-01","end":"2020-01-01"},
    "referenceRange":[{"text":"x"}],"contained":[{"resourceType":"Patient","id":"p","meta":{"versionId":"1"},"text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"}}]})");
  INFO(Describe(issues, false));
  CHECK(Has(issues, "validator.invariant", "Observation.effectivePeriod"));  // per-1: start <= end
  CHECK(Has(issues, "validator.invariant", "Observation"));                  // dom-4: contained with meta.versionId
}

TEST_CASE("cardinality and choice types", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Observation","code":{"text":"x"},
    "valueString":"a","valueBoolean":true,"valueFoo":1})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.cardinality-min", "Observation"));  // status 1..1
  CHECK(Has(issues, "validator.choice-multiple"));
  CHECK(Has(issues, "validator.choice-type-not-allowed", "Observation.valueFoo"));
}

TEST_CASE("required bindings are errors; external code systems are not checked", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Patient","gender":"unknown-gender",
    "maritalStatus":{"coding":[{"system":"http://snomed.info/sct","code":"123"}]}})");
  INFO(Describe(issues, false));
  CHECK(Has(issues, "validator.binding-required", "Patient.gender"));
  // 404684003 (Clinical finding): a well-formed SNOMED CT identifier (code_syntax.h), not in the
  // preferred value set; SNOMED CT itself is not loaded, so it is not checked further.
  const Issues ok = Run(R"({"resourceType":"Condition","subject":{"reference":"Patient/1"},
    "severity":{"coding":[{"system":"http://snomed.info/sct","code":"404684003"}]},
    "code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]}})");
  INFO(Describe(ok, false));
  CHECK(CountErrors(ok) == 0);
  CHECK(Has(ok, "validator.binding-preferred", "Condition.severity"));
}

TEST_CASE("references: contained, target types, format", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Observation","status":"final","code":{"text":"x"},
    "subject":{"reference":"#missing"},"performer":[{"reference":"Medication/1"}],
    "contained":[{"resourceType":"Patient","id":"p","gender":"bad"}],
    "specimen":{"reference":"Foo/1"},"focus":[{"reference":"ht tp://x.org/Patient/1"}]})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.reference-format", "Observation.focus[0]"));
  CHECK(Has(issues, "validator.reference-contained-not-found", "Observation.subject"));
  CHECK(Has(issues, "validator.reference-target-type", "Observation.performer[0]"));
  CHECK(Has(issues, "validator.reference-format", "Observation.specimen"));
  CHECK(Has(issues, "validator.binding-required", "Observation.contained[0].gender"));
}

TEST_CASE("'#' refers from a contained resource to its container (R4 ref-1 erratum)", "[validator]") {
  const Issues contained = Run(R"({"resourceType":"Organization","id":"o","name":"O",
    "contained":[{"resourceType":"OrganizationAffiliation","id":"a","organization":{"reference":"#"}}]})");
  INFO(Describe(contained));
  CHECK_FALSE(Has(contained, "validator.invariant", "Organization.contained[0].organization"));
  // In the container itself "#" names no contained resource: ref-1 still fails.
  const Issues container = Run(R"({"resourceType":"OrganizationAffiliation","id":"a","organization":{"reference":"#"}})");
  INFO(Describe(container));
  CHECK(Has(container, "validator.invariant", "OrganizationAffiliation.organization"));
}

TEST_CASE("Bundle entries are validated as resources, URNs resolve by fullUrl", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Bundle","type":"document","entry":[
    {"fullUrl":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0","resource":{"resourceType":"Patient","active":1}},
    {"fullUrl":"urn:uuid:1c3151bd-1cbf-4d64-b04d-cd9187a4c6e0","resource":{"resourceType":"Observation","status":"final",
      "code":{"text":"x"},"subject":{"reference":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0"},
      "performer":[{"reference":"urn:uuid:ffffffff-1cbf-4d64-b04d-cd9187a4c6e0"}]}}]})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.json-type", "Bundle.entry[0].resource.active"));
  CHECK_FALSE(Has(issues, "validator.reference-bundle-unresolved", "Bundle.entry[1].resource.subject"));
  CHECK(Has(issues, "validator.reference-bundle-unresolved", "Bundle.entry[1].resource.performer[0]"));
  const Issues twice = Run(R"({"resourceType":"Bundle","type":"collection","entry":[
    {"fullUrl":"http://x.org/Patient/1","resource":{"resourceType":"Patient","id":"1"}},
    {"fullUrl":"http://y.org/Patient/1","resource":{"resourceType":"Patient","id":"1"}},
    {"fullUrl":"Patient/2","resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},
      "subject":{"reference":"Patient/1"}}}]})");
  INFO(Describe(twice));
  CHECK(Has(twice, "validator.reference-bundle-ambiguous", "Bundle.entry[2].resource.subject"));
  CHECK(Has(twice, "validator.bundle-fullurl-relative", "Bundle.entry[2]"));
}

TEST_CASE("document section entries resolve to exactly one Bundle entry, by version when given", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Bundle","type":"document","identifier":{"system":"urn:ietf:rfc:3986",
    "value":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0"},"timestamp":"2024-01-01T00:00:00Z","entry":[
    {"fullUrl":"http://x.org/Composition/c","resource":{"resourceType":"Composition","id":"c","status":"final",
      "type":{"text":"x"},"date":"2024-01-01","author":[{"display":"A"}],"title":"T","section":[
      {"title":"one","entry":[{"reference":"Observation/o/_history/3"},{"reference":"Observation/o"},
        {"reference":"Observation/o/_history/1"}],
       "section":[{"title":"nested","entry":[{"reference":"Patient/absent"},{"reference":"http://x.org/Patient/p"}]}]}]}},
    {"fullUrl":"http://x.org/Observation/o","resource":{"resourceType":"Observation","id":"o","meta":{"versionId":"1"},
      "status":"final","code":{"text":"x"}}},
    {"fullUrl":"http://x.org/Observation/o","resource":{"resourceType":"Observation","id":"o","meta":{"versionId":"2"},
      "status":"final","code":{"text":"x"}}},
    {"fullUrl":"http://x.org/Patient/p","resource":{"resourceType":"Patient","id":"p"}}]})");
  INFO(Describe(issues));
  const std::string section = "Bundle.entry[0].resource.section[0]";
  CHECK(Has(issues, "validator.document-entry-not-found", section + ".entry[0]"));
  CHECK(Has(issues, "validator.document-entry-ambiguous", section + ".entry[1]"));
  CHECK_FALSE(Has(issues, "validator.document-entry-not-found", section + ".entry[2]"));
  CHECK_FALSE(Has(issues, "validator.document-entry-ambiguous", section + ".entry[2]"));
  CHECK(Has(issues, "validator.document-entry-not-found", section + ".section[0].entry[0]"));
  CHECK_FALSE(Has(issues, "validator.document-entry-not-found", section + ".section[0].entry[1]"));
}

TEST_CASE("relative references need Type/id and, in a Bundle, an entry fullUrl as their base", "[validator]") {
  const Issues issues = Run(R"({"resourceType":"Bundle","type":"transaction","entry":[
    {"resource":{"resourceType":"Patient","id":"1"},"request":{"method":"POST","url":"Patient"}},
    {"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/1"},
      "focus":[{"reference":"Patient/1"}]},"request":{"method":"POST","url":"Observation"}},
    {"fullUrl":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0","resource":{"resourceType":"Observation","status":"final",
      "code":{"text":"x"},"subject":{"reference":"Patient/1"},"specimen":{"reference":"just-an-id"}},
     "request":{"method":"POST","url":"Observation"}}]})");
  INFO(Describe(issues));
  // Only the entry holding relative references is missing its base, and it is reported once.
  CHECK_FALSE(Has(issues, "validator.bundle-fullurl-missing", "Bundle.entry[0]"));
  CHECK(std::count_if(issues.begin(), issues.end(),
                      [](const Issue& issue) { return issue.id == "validator.bundle-fullurl-missing"; }) == 1);
  CHECK(Has(issues, "validator.bundle-fullurl-missing", "Bundle.entry[1]"));
  CHECK(Has(issues, "validator.reference-no-base", "Bundle.entry[1].resource.subject"));
  CHECK(Has(issues, "validator.reference-no-base", "Bundle.entry[1].resource.focus[0]"));
  CHECK_FALSE(Has(issues, "validator.reference-no-base", "Bundle.entry[2].resource.subject"));
  CHECK(Has(issues, "validator.reference-format", "Bundle.entry[2].resource.specimen"));
}

TEST_CASE("unknown, wrong-type and explicit profiles fail cleanly", "[validator]") {
  ValidatorOptions options;
  options.profiles = {"http://example.org/no-such-profile",
                      "http://hl7.org/fhir/StructureDefinition/bmi"};
  const Issues issues = Run(R"({"resourceType":"Patient","meta":{"profile":["http://example.org/other"]}})", options);
  INFO(Describe(issues, false));
  CHECK(Has(issues, "validator.profile-unknown"));
  CHECK(Has(issues, "validator.profile-wrong-type"));
  int meta_warnings = 0;
  for (const Issue& issue : issues) {
    if (issue.id == "validator.profile-unknown" && issue.severity == Severity::kWarning) ++meta_warnings;
  }
  CHECK(meta_warnings == 1);
}

TEST_CASE("core profiles: fixed values and slicing (vital signs)", "[validator]") {
  // The R4 bmi profile: Observation.code must carry LOINC 39156-5 (pattern), category slice VSCat.
  const Issues bad = Run(R"({"resourceType":"Observation","meta":{"profile":["http://hl7.org/fhir/StructureDefinition/bmi"]},
    "status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"exam"}]}],
    "code":{"coding":[{"system":"http://loinc.org","code":"1234-5"}]},"subject":{"reference":"Patient/1"},
    "effectiveDateTime":"2020-01-01","valueQuantity":{"value":20,"unit":"kg/m2","system":"http://unitsofmeasure.org","code":"kg/m2"}})");
  INFO(Describe(bad));
  CHECK(Has(bad, "validator.slice-cardinality-min"));
  CHECK(CountErrors(bad) >= 2);
  const Issues good = Run(R"({"resourceType":"Observation","meta":{"profile":["http://hl7.org/fhir/StructureDefinition/bmi"]},
    "status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
    "code":{"coding":[{"system":"http://loinc.org","code":"39156-5"}]},"subject":{"reference":"Patient/1"},
    "effectiveDateTime":"2020-01-01","valueQuantity":{"value":20,"unit":"kg/m2","system":"http://unitsofmeasure.org","code":"kg/m2"}})");
  INFO(Describe(good));
  CHECK(CountErrors(good) == 0);
}

TEST_CASE("limits: max issues and max depth", "[validator]") {
  std::string text = R"({"resourceType":"Patient")";
  for (int i = 0; i < 50; ++i) text += ",\"x" + std::to_string(i) + "\":1";
  text += "}";
  ValidatorOptions options;
  options.max_issues = 10;
  const Issues issues = Run(text, options);
  CHECK(Has(issues, "validator.too-many-issues"));
  CHECK(issues.size() <= 12);
  // Deeply nested QuestionnaireResponse items (contentReference recursion) stop at max_depth.
  std::string deep = R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[)";
  for (int i = 0; i < 40; ++i) deep += R"({"linkId":"a","item":[)";
  deep += R"({"linkId":"z"})";
  for (int i = 0; i < 40; ++i) deep += "]}";
  deep += "]}";
  ValidatorOptions shallow;
  shallow.max_depth = 20;
  CHECK(Has(Run(deep, shallow), "validator.too-deep"));
  CHECK(CountErrors(Run(deep)) == 0);
}

TEST_CASE("circular and broken profiles are reported, never followed forever", "[validator][profiles]") {
  // Two differential-only profiles deriving from each other (circular baseDefinition), and a snapshot
  // profile whose extension slice refers to itself as its own type profile.
  const TestValidator checker({R"({"resourceType":"StructureDefinition","url":"http://x/a","type":"Patient",
    "kind":"resource","derivation":"constraint","baseDefinition":"http://x/b",
    "differential":{"element":[{"id":"Patient","path":"Patient"}]}})",
                               R"({"resourceType":"StructureDefinition","url":"http://x/b","type":"Patient",
    "kind":"resource","derivation":"constraint","baseDefinition":"http://x/a",
    "differential":{"element":[{"id":"Patient","path":"Patient"}]}})",
                               R"({"resourceType":"StructureDefinition","url":"http://x/ext","type":"Extension",
    "kind":"complex-type","derivation":"constraint","context":[{"type":"element","expression":"Element"}],
    "snapshot":{"element":[{"id":"Extension","path":"Extension","min":0,"max":"*"},
      {"id":"Extension.extension","path":"Extension.extension","min":0,"max":"*","base":{"max":"*"},
       "slicing":{"discriminator":[{"type":"value","path":"url"}],"rules":"open"},"type":[{"code":"Extension"}]},
      {"id":"Extension.extension:self","path":"Extension.extension","sliceName":"self","min":0,"max":"*",
       "base":{"max":"*"},"type":[{"code":"Extension","profile":["http://x/ext"]}]},
      {"id":"Extension.url","path":"Extension.url","min":1,"max":"1","base":{"max":"1"},"type":[{"code":"uri"}],
       "fixedUri":"http://x/ext"}]}})"});
  const Validator& validator = *checker.validator;
  ValidatorOptions options;
  options.profiles = {"http://x/a"};
  const Issues issues = validator.Validate(nlohmann::json::parse(R"({"resourceType":"Patient"})"), options);
  INFO(Describe(issues, false));
  CHECK(Has(issues, "validator.profile-unknown"));
  std::string nested = R"({"url":"http://x/ext","valueString":"x"})";
  for (int i = 0; i < 30; ++i) nested = R"({"url":"http://x/ext","extension":[)" + nested + "]}";
  const Issues deep = validator.Validate(nlohmann::json::parse(R"({"resourceType":"Patient","extension":[)" + nested + "]}"));
  INFO(Describe(deep, false));
  CHECK(HasErrors(deep));  // nesting is cut (too deep / circular), reported as an error
}

TEST_CASE("non-resources never crash", "[validator]") {
  CHECK(Has(Run("[1,2]"), "validator.resource-type-missing"));
  CHECK(Has(Run(R"({"resourceType":"NoSuchThing"})"), "validator.resource-type-unknown"));
  CHECK(Has(Run(R"({"resourceType":"HumanName"})"), "validator.resource-type-unknown"));
}

TEST_CASE("issues get the line and column of the value they are about", "[validator][positions]") {
  const std::string text = "{\"resourceType\": \"Patient\",\n  \"name\": [{\"given\": [\"a\", 7]}],\n"
                           "  \"_birthDate\": {\"foo\": 1}, \"birthDate\": \"1990\",\n  \"contact\": [{}]}";
  Issues issues = Run(text);
  AnnotatePositions(text, issues);
  auto find = [&](const std::string& expression) -> const Issue* {
    for (const Issue& issue : issues) {
      if (issue.expression == expression && issue.severity == Severity::kError) return &issue;
    }
    return nullptr;
  };
  const Issue* given = find("Patient.name[0].given[1]");
  REQUIRE(given != nullptr);
  CHECK(given->line == 2);
  CHECK(given->column == 28);
  const Issue* foo = find("Patient.birthDate.foo");
  REQUIRE(foo != nullptr);
  CHECK(foo->line == 3);
  const Issue* contact = find("Patient.contact[0]");
  REQUIRE(contact != nullptr);  // an empty object (ele-1)
  CHECK(contact->line == 4);
}

TEST_CASE("positions step over the comments of text parsed with comments allowed", "[validator][positions]") {
  // A '/' inside a string is not a comment; comments sit before values, between members and after numbers.
  const std::string text = "// leading\n{\"resourceType\": /* type */ \"Patient\", \"id\": \"a//b\",\n"
                           "  \"multipleBirthInteger\": 2// trailing\n, /* x */ \"gender\": /* y\n */ \"f\"}";
  CHECK_FALSE(json::ParseJson(text).ok());
  Issues issues = Run(text, {}, json::Comments::kSkip);
  AnnotatePositions(text, issues);
  INFO(Describe(issues));
  REQUIRE(CountErrors(issues) == 3);  // id "a//b"; gender "f" (no system, not in the value set)
  for (const Issue& issue : issues) {
    if (issue.severity != Severity::kError) continue;
    if (issue.expression == "Patient.id") {
      CHECK(issue.line == 2);
      CHECK(issue.column == 46);
    } else {
      CHECK(issue.expression == "Patient.gender");
      CHECK(issue.line == 5);
      CHECK(issue.column == 5);
    }
  }
}

TEST_CASE("uri values: urn:uuid and urn:oid forms, canonicals are absolute or fragments", "[validator][uri]") {
  const Issues issues = Run(R"({"resourceType":"Questionnaire","status":"active",
    "url":"urn:uuid:6A2EE390-978e-42c6-8f88-c17dff3bd8a3","derivedFrom":["Questionnaire/q1","#v"],
    "item":[{"linkId":"1","type":"string","definition":"urn:oid:1.02.3"}],
    "contained":[{"resourceType":"ValueSet","id":"v","status":"active","url":"urn:uuid:6a2ee390-978e-42c6-8f88-c17dff3bd8a3"}]})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.primitive-format", "Questionnaire.url"));  // uppercase hex
  CHECK(Has(issues, "validator.primitive-format", "Questionnaire.derivedFrom[0]"));
  CHECK_FALSE(Has(issues, "validator.primitive-format", "Questionnaire.derivedFrom[1]"));
  CHECK(Has(issues, "validator.primitive-format", "Questionnaire.item[0].definition"));
  CHECK(CountErrors(issues) == 3);
}

TEST_CASE("canonical resources have absolute urls, ValueSet include systems are absolute", "[validator][rules]") {
  const Issues issues = Run(R"({"resourceType":"ValueSet","status":"active","url":"ValueSet/vs1",
    "contained":[{"resourceType":"CodeSystem","id":"c1","url":"c1","status":"active","content":"complete"}],
    "compose":{"include":[{"system":"#c1"},{"system":"http://loinc.org"}],"exclude":[{"system":"c2"}]}})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.canonical-url-relative", "ValueSet.url"));
  CHECK(Has(issues, "validator.canonical-url-relative", "ValueSet.contained[0].url"));
  CHECK(Has(issues, "validator.valueset-system-relative", "ValueSet.compose.include[0]"));
  CHECK_FALSE(Has(issues, "validator.valueset-system-relative", "ValueSet.compose.include[1]"));
  CHECK(Has(issues, "validator.valueset-system-relative", "ValueSet.compose.exclude[0]"));
  // A Patient has no canonical url rule.
  CHECK(CountErrors(Run(R"({"resourceType":"Patient","active":true})")) == 0);
}

TEST_CASE("Bundle links occur once per relation, search results match the search", "[validator][rules]") {
  const Issues issues = Run(R"({"resourceType":"Bundle","type":"searchset",
    "link":[{"relation":"self","url":"http://x.org/fhir/Patient?name=a"},{"relation":"self","url":"http://x.org/b"},
            {"relation":"next","url":"http://x.org/c"}],
    "entry":[{"fullUrl":"http://x.org/fhir/Patient/1","resource":{"resourceType":"Patient","id":"1"},"search":{"mode":"match"}},
             {"fullUrl":"http://x.org/fhir/Observation/2","resource":{"resourceType":"Observation","status":"final",
               "code":{"text":"x"}},"search":{"mode":"match"}},
             {"fullUrl":"http://x.org/fhir/Patient/3","resource":{"resourceType":"Patient","id":"3"},"search":{"mode":"outcome"}}]})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.bundle-link-duplicate", "Bundle.link[1]"));
  CHECK_FALSE(Has(issues, "validator.bundle-link-duplicate", "Bundle.link[2]"));
  CHECK_FALSE(Has(issues, "validator.bundle-search-no-id", "Bundle.entry[0].resource"));
  CHECK(Has(issues, "validator.bundle-search-no-id", "Bundle.entry[1].resource"));
  CHECK(Has(issues, "validator.bundle-search-wrong-type", "Bundle.entry[1].resource"));
  CHECK(Has(issues, "validator.bundle-search-outcome-type", "Bundle.entry[2].resource"));
  // _type names the searched types when the path has none.
  const Issues typed = Run(R"({"resourceType":"Bundle","type":"searchset",
    "link":[{"relation":"self","url":"http://x.org/fhir?_type=Observation,Patient"}],
    "entry":[{"fullUrl":"http://x.org/fhir/Patient/1","resource":{"resourceType":"Patient","id":"1"},"search":{"mode":"match"}}]})");
  INFO(Describe(typed));
  CHECK(CountErrors(typed) == 0);
}

TEST_CASE("que-12 is checked as its text says (R4 erratum: more than one enableWhen)", "[validator][invariants]") {
  auto questionnaire = [](int conditions) {
    std::string when;
    for (int i = 0; i < conditions; ++i) {
      when += std::string(i ? "," : "") + R"({"question":"a","operator":"exists","answerBoolean":true})";
    }
    return R"({"resourceType":"Questionnaire","status":"active","item":[{"linkId":"a","type":"boolean"},
      {"linkId":"b","type":"boolean","enableWhen":[)" + when + "]}]}";
  };
  CHECK_FALSE(Has(Run(questionnaire(1)), "validator.invariant", "Questionnaire.item[1]"));
  CHECK(Has(Run(questionnaire(2)), "validator.invariant", "Questionnaire.item[1]"));
}

TEST_CASE("codings do not name a code system supplement", "[validator][terminology]") {
  const TestValidator checker({R"({"resourceType":"CodeSystem","url":"http://example.org/supplement","status":"active",
    "content":"supplement","supplements":"http://loinc.org"})",
                               R"({"resourceType":"CodeSystem","url":"http://example.org/s2","status":"active",
    "content":"complete","supplements":"http://loinc.org"})"});
  const Validator& validator = *checker.validator;
  const json::ParsedJson observation = json::ParseJson(R"({"resourceType":"Observation","status":"final",
    "code":{"coding":[{"system":"http://example.org/supplement","code":"x"}]}})");
  const Issues issues = validator.Validate(observation.value);
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.coding-system-is-supplement", "Observation.code.coding[0].system"));
  // A code system with `supplements` is a supplement, whatever its content says (and it must say
  // content = supplement).
  const json::ParsedJson complete = json::ParseJson(R"({"resourceType":"Observation","status":"final",
    "code":{"coding":[{"system":"http://example.org/s2","code":"x"}]}})");
  CHECK(Has(validator.Validate(complete.value), "validator.coding-system-is-supplement", "Observation.code.coding[0].system"));
  const json::ParsedJson wrong = json::ParseJson(R"({"resourceType":"CodeSystem","url":"http://example.org/s2",
    "status":"active","content":"complete","supplements":"http://loinc.org"})");
  CHECK(Has(validator.Validate(wrong.value), "validator.codesystem-supplement-content", "CodeSystem.content"));
}


TEST_CASE("attachment size matches the decoded data", "[validator]") {
  // "aGVscCBpJ20gYSBidWc=" decodes to 14 bytes.
  auto media = [](const std::string& size) {
    return R"({"resourceType":"Media","status":"completed","content":{"contentType":"text/plain",
      "data":"aGVscCBpJ20gYSBidWc=","size":)" + size + "}}";
  };
  CHECK(Has(Run(media("100")), "validator.attachment-size", "Media.content"));
  CHECK(CountErrors(Run(media("14"))) == 0);
}

TEST_CASE("XHTML narrative uses only XML entities", "[validator][primitives]") {
  CHECK(InvalidXmlEntity("<div>a &lt; b &amp; c &#174; &#xAE; &quot;</div>").empty());
  CHECK(InvalidXmlEntity("<div>CPT&reg; code</div>") == "&reg;");
  CHECK(InvalidXmlEntity("<div>a & b</div>") == "&");
  CHECK(InvalidXmlEntity("<div>&#x;</div>") == "&#x;");
  const Issues issues = Run(R"({"resourceType":"Patient","text":{"status":"generated",
    "div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">a&nbsp;b</div>"}})");
  INFO(Describe(issues));
  CHECK(Has(issues, "validator.primitive-format", "Patient.text.div"));
}

TEST_CASE("example URLs: allowed by default, errors when examples are not allowed", "[validator][extensions]") {
  const std::string patient = R"({"resourceType":"Patient","birthDate":"2000-01-01",
    "_birthDate":{"extension":[{"url":"http://example.org/fhir/StructureDefinition/x","valueString":"a"}]},
    "photo":[{"url":"http://repository.example.org/photo/1"}]})";
  ValidatorOptions strict;
  strict.unknown_extensions = UnknownExtensionPolicy::kError;
  const Issues allowed = Run(patient, strict);
  INFO(Describe(allowed, false));
  CHECK(CountErrors(allowed) == 0);  // the unknown example.org extension is only information
  CHECK(Has(allowed, "validator.extension-unknown", "Patient.birthDate.extension[0]"));
  strict.allow_example_urls = false;
  const Issues refused = Run(patient, strict);
  INFO(Describe(refused));
  CHECK(Has(refused, "validator.example-url", "Patient.birthDate.extension[0].url"));
  CHECK(Has(refused, "validator.extension-unknown", "Patient.birthDate.extension[0]"));
  CHECK(Has(refused, "validator.example-url", "Patient.photo[0].url"));
}

TEST_CASE("minValue/maxValue Quantities compare after UCUM conversion", "[validator][profiles]") {
  const TestValidator checker({R"({"resourceType":"StructureDefinition","url":"http://example.org/obs-kg",
    "name":"ObsKg","status":"active","kind":"resource","abstract":false,"type":"Observation",
    "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Observation","derivation":"constraint",
    "differential":{"element":[{"path":"Observation.value[x]","type":[{"code":"Quantity"}]},
      {"path":"Observation.valueQuantity","minValueQuantity":{"value":0,"system":"http://unitsofmeasure.org","code":"kg"},
       "maxValueQuantity":{"value":10,"system":"http://unitsofmeasure.org","code":"kg"}}]}})"});
  const Validator& validator = *checker.validator;
  ValidatorOptions options;
  options.profiles = {"http://example.org/obs-kg"};
  auto grams = [&](const std::string& value) {
    return validator.Validate(json::ParseJson(R"({"resourceType":"Observation","status":"final","code":{"text":"w"},
      "valueQuantity":{"value":)" + value + R"(,"system":"http://unitsofmeasure.org","code":"g"}})").value, options);
  };
  CHECK(Has(grams("-1"), "validator.min-value", "Observation.valueQuantity"));
  CHECK(Has(grams("11000"), "validator.max-value", "Observation.valueQuantity"));
  const Issues ok = grams("9000");
  INFO(Describe(ok));
  CHECK(CountErrors(ok) == 0);
}

TEST_CASE("dom-3: contained resources are referenced from their container", "[validator][invariants]") {
  const Issues unreferenced = Run(R"({"resourceType":"Condition","subject":{"reference":"Patient/1"},
    "contained":[{"resourceType":"Practitioner","id":"pr1"}]})");
  INFO(Describe(unreferenced, false));
  CHECK(Has(unreferenced, "validator.invariant", "Condition"));
  CHECK_FALSE(Has(unreferenced, "validator.invariants-not-evaluated", "Condition"));
  const Issues referenced = Run(R"({"resourceType":"Condition","subject":{"reference":"Patient/1"},
    "asserter":{"reference":"#pr1"},"contained":[{"resourceType":"Practitioner","id":"pr1"}]})");
  INFO(Describe(referenced, false));
  CHECK(CountErrors(referenced) == 0);
}

TEST_CASE("a slice that leaves a discriminator path open matches without it", "[validator][slicing]") {
  // referenceRange sliced by type and appliesTo (patterns); slice 'treatment' fixes only type. Its
  // appliesTo keeps the base's example binding, which does not discriminate.
  const TestValidator checker({R"({"resourceType":"StructureDefinition","url":"http://example.org/rr","name":"Rr",
    "status":"active","kind":"resource","abstract":false,"type":"Observation",
    "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Observation","derivation":"constraint",
    "differential":{"element":[
      {"id":"Observation.referenceRange","path":"Observation.referenceRange","slicing":{"discriminator":[
        {"type":"pattern","path":"type"},{"type":"pattern","path":"appliesTo"}],"rules":"open"}},
      {"id":"Observation.referenceRange:normal","path":"Observation.referenceRange","sliceName":"normal","min":1,"max":"1"},
      {"id":"Observation.referenceRange:normal.type","path":"Observation.referenceRange.type","min":1,
       "patternCodeableConcept":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/referencerange-meaning","code":"normal"}]}},
      {"id":"Observation.referenceRange:normal.appliesTo","path":"Observation.referenceRange.appliesTo","min":1,
       "patternCodeableConcept":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Race","code":"2036-2"}]}},
      {"id":"Observation.referenceRange:treatment","path":"Observation.referenceRange","sliceName":"treatment","min":1,"max":"1"},
      {"id":"Observation.referenceRange:treatment.type","path":"Observation.referenceRange.type","min":1,
       "patternCodeableConcept":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/referencerange-meaning","code":"treatment"}]}}]}})"});
  const Validator& validator = *checker.validator;
  ValidatorOptions options;
  options.profiles = {"http://example.org/rr"};
  const Issues issues = validator.Validate(json::ParseJson(R"({"resourceType":"Observation","status":"final",
    "code":{"text":"x"},"referenceRange":[
      {"low":{"value":1},"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/referencerange-meaning","code":"normal"}]},
       "appliesTo":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Race","code":"2036-2"}]}]},
      {"low":{"value":1},"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/referencerange-meaning","code":"treatment"}]}}]})").value,
                                                options);
  INFO(Describe(issues));
  CHECK(CountErrors(issues) == 0);
}

TEST_CASE("a resource in a profiled Resource element conforms to the element's type profiles", "[validator][profiles]") {
  package::Registry registry;
  registry.LoadPackText(ReadText(PDEX_DEFAULT_DEFINITIONS_PACK).value_or(""), "pack");
  for (const char* patient : {"named", "born"}) {
    registry.LoadResourceText(std::string(R"({"resourceType":"StructureDefinition","url":"http://example.org/)") + patient +
                                  R"(","name":"P","status":"active","kind":"resource","abstract":false,"type":"Patient",
      "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient","derivation":"constraint",
      "differential":{"element":[{"id":"Patient.)" + (std::string(patient) == "named" ? "name" : "birthDate") +
                                  R"(","path":"Patient.)" + (std::string(patient) == "named" ? "name" : "birthDate") +
                                  R"(","min":1}]}})",
                              "test");
  }
  auto parameters = [&](const std::string& profiles) {
    registry.LoadResourceText(R"({"resourceType":"StructureDefinition","url":"http://example.org/params","name":"Pa",
      "status":"active","kind":"resource","abstract":false,"type":"Parameters",
      "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Parameters","derivation":"constraint",
      "differential":{"element":[{"id":"Parameters.parameter.resource","path":"Parameters.parameter.resource",
        "type":[{"code":"Resource","profile":[)" + profiles + "]}]}]}}", "test");
  };
  const nlohmann::json instance = json::ParseJson(R"({"resourceType":"Parameters","parameter":[{"name":"p",
    "resource":{"resourceType":"Patient","birthDate":"2000-01-01"}}]})").value;
  ValidatorOptions options;
  options.profiles = {"http://example.org/params"};
  parameters(R"("http://example.org/named")");
  {
    const terminology::TerminologyService terminology(registry);
    const Validator validator(registry, terminology);
    const Issues issues = validator.Validate(instance, options);
    INFO(Describe(issues));
    CHECK(Has(issues, "validator.cardinality-min", "Parameters.parameter[0].resource"));
  }
  parameters(R"("http://example.org/named","http://example.org/born")");  // conforms to the second
  {
    const terminology::TerminologyService terminology(registry);
    const Validator validator(registry, terminology);
    const Issues issues = validator.Validate(instance, options);
    INFO(Describe(issues));
    CHECK(CountErrors(issues) == 0);
  }
}

TEST_CASE("an absent sliced element still owes its required slices; a prohibited type slice is an error",
          "[validator][slicing]") {
  // The core blood-pressure profile: category and component are sliced with required slices, and
  // value[x] is type-sliced with valueQuantity 0..0 (the HL7 validator's case obs-quantity-us).
  ValidatorOptions options;
  options.profiles = {"http://hl7.org/fhir/StructureDefinition/bp"};
  const Issues issues = Run(R"({"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org",
    "code":"85354-9"}]},"subject":{"reference":"Patient/1"},"effectiveDateTime":"2020-01-01",
    "valueQuantity":{"value":120,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}})", options);
  INFO(Describe(issues, false));
  auto has_message = [&](const std::string& id, const std::string& start) {
    return std::any_of(issues.begin(), issues.end(), [&](const Issue& issue) {
      return issue.id == id && issue.diagnostics.rfind(start, 0) == 0;
    });
  };
  CHECK(has_message("validator.cardinality-min", "category: minimum required = 1"));
  CHECK(has_message("validator.slice-cardinality-min", "category:VSCat: minimum required = 1"));
  CHECK(has_message("validator.slice-cardinality-min", "component:SystolicBP: minimum required = 1"));
  CHECK(has_message("validator.slice-cardinality-min", "component:DiastolicBP: minimum required = 1"));
  CHECK(Has(issues, "validator.slice-cardinality-max", "Observation.valueQuantity"));
  // Without the profile none of this applies.
  CHECK_FALSE(Has(Run(R"({"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1}})"),
                  "validator.slice-cardinality-min"));
}

TEST_CASE("narrative links to the resource's own anchors resolve in the resource or its Bundle", "[validator][narrative]") {
  auto patient = [](const std::string& div, const std::string& more = "") {
    return R"({"resourceType":"Patient","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">)" +
           div + R"(</div>"})" + more + "}";
  };
  const Issues unresolved = Run(patient(R"(<a href=\"#nowhere\">x</a>)"));
  INFO(Describe(unresolved, false));
  CHECK(Has(unresolved, "validator.narrative-link-unresolved", "Patient.text.div"));
  CHECK(CountErrors(unresolved) == 1);  // an error for a resource on its own (a warning in a Bundle, below)
  CHECK_FALSE(Has(Run(patient(R"(<a href=\"#here\">x</a><a name=\"here\"/>)")), "validator.narrative-link-unresolved"));
  CHECK_FALSE(Has(Run(patient(R"(<a href=\"#p\">x</a><p id=\"p\">y</p>)")), "validator.narrative-link-unresolved"));
  CHECK_FALSE(Has(Run(patient(R"(<a href=\"#\">top</a><a href=\"http://example.org/#x\">out</a>)")),
                  "validator.narrative-link-unresolved"));
  // An element id (here a contained resource's id) is a target too.
  CHECK_FALSE(Has(Run(patient(R"(<a href=\"#o1\">org</a>)",
                              R"(,"contained":[{"resourceType":"Organization","id":"o1"}],"managingOrganization":{"reference":"#o1"})")),
                  "validator.narrative-link-unresolved"));
  // In a Bundle, the anchor may be in another entry's narrative.
  const Issues bundled = Run(R"({"resourceType":"Bundle","type":"collection","entry":[
    {"fullUrl":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0","resource":{"resourceType":"Patient","text":{"status":"generated",
      "div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"#org\">see</a></div>"}}},
    {"fullUrl":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e1","resource":{"resourceType":"Organization","text":{"status":"generated",
      "div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><a name=\"org\"/>Acme</div>"},"name":"Acme"}}]})");
  INFO(Describe(bundled, false));
  CHECK_FALSE(Has(bundled, "validator.narrative-link-unresolved"));
  const Issues dangling = Run(R"({"resourceType":"Bundle","type":"collection","entry":[
    {"fullUrl":"urn:uuid:0c3151bd-1cbf-4d64-b04d-cd9187a4c6e0","resource":{"resourceType":"Patient","text":{"status":"generated",
      "div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"#Organization_1\">see</a></div>"}}}]})");
  INFO(Describe(dangling, false));
  CHECK(Has(dangling, "validator.narrative-link-unresolved", "Bundle.entry[0].resource.text.div"));
  CHECK(CountErrors(dangling) == 0);
}

TEST_CASE("a type discriminator through resolve() compares the target's type with the slice's target profiles",
          "[validator][slicing]") {
  // The HL7 case ab-list-slicing: a contained Appointment whose supportingInformation is sliced closed by
  // $this.resolve() type, with one slice for Devices; "#d1" resolves to the container's contained Device.
  const TestValidator checker({R"json({"resourceType":"StructureDefinition","url":"http://example.org/appt","name":"Appt",
    "status":"active","kind":"resource","abstract":false,"type":"Appointment","derivation":"constraint",
    "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Appointment","differential":{"element":[
      {"id":"Appointment.supportingInformation","path":"Appointment.supportingInformation",
       "slicing":{"discriminator":[{"type":"type","path":"$this.resolve()"}],"rules":"closed"}},
      {"id":"Appointment.supportingInformation:device","path":"Appointment.supportingInformation","sliceName":"device",
       "min":0,"max":"1","type":[{"code":"Reference","targetProfile":["http://hl7.org/fhir/StructureDefinition/Device"]}]}]}})json"});
  auto list = [&](const std::string& target_type) {
    return checker.Run(R"({"resourceType":"List","status":"current","mode":"working",
      "entry":[{"item":{"reference":"#a1"}}],"contained":[
      {"resourceType":"Appointment","id":"a1","meta":{"profile":["http://example.org/appt"]},"status":"proposed",
       "supportingInformation":[{"reference":"#d1"}],"participant":[{"actor":{"display":"Fred"},"status":"accepted"}]},
      {"resourceType":")" + target_type + R"(","id":"d1"}]})");
  };
  const Issues device = list("Device");
  INFO(Describe(device, false));
  CHECK_FALSE(Has(device, "validator.slice-closed"));
  CHECK(Has(list("Substance"), "validator.slice-closed", "List.contained[0].supportingInformation[0]"));
}

}  // namespace pdex::validation::testing

// Behaviour of the resource-specific rules (core/validation/*_rules.cpp) on small hand-written
// conformance resources, against the R4 core pack plus a few supporting code systems, value sets and
// measures of our own.
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <set>

namespace pdex::validation::testing {
namespace {

// The core definitions plus the supporting resources the tests refer to (loaded once).
Issues Run(const std::string& text) {
  static const TestValidator checker({
             R"({"resourceType":"CodeSystem","url":"http://example.org/cs/colors","status":"active","content":"complete",
                 "hierarchyMeaning":"is-a",
                 "property":[{"code":"shade","type":"Coding"},{"code":"rank","type":"integer"},{"code":"weight","type":"decimal"},
                             {"code":"bright","type":"boolean"},{"code":"label","type":"string"}],
                 "concept":[{"code":"red"},{"code":"blue","concept":[{"code":"navy"}]}]})",
             R"({"resourceType":"CodeSystem","url":"http://example.org/cs/shades","status":"active","content":"complete",
                 "concept":[{"code":"light"},{"code":"dark"}]})",
             R"({"resourceType":"ValueSet","url":"http://example.org/vs/warm","version":"1.0","status":"active",
                 "compose":{"include":[{"system":"http://example.org/cs/colors","concept":[{"code":"red"}]}]}})",
             R"({"resourceType":"ValueSet","url":"http://example.org/vs/snomed-places","status":"active",
                 "compose":{"include":[{"system":"http://snomed.info/sct","concept":[{"code":"264372000"}]}]}})",
             R"({"resourceType":"Measure","url":"http://example.org/Measure/m","status":"active",
                 "scoring":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-scoring","code":"proportion"}]},
                 "group":[{"code":{"coding":[{"system":"http://example.org/g","code":"g1"}]},
                   "population":[{"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-population","code":"numerator"}]}},
                                 {"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-population","code":"denominator"}]}},
                                 {"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-population","code":"measure-observation"}]}}],
                   "stratifier":[{"id":"s1","code":{"coding":[{"system":"http://example.org/s","code":"age"}]}}]}]})",
             R"({"resourceType":"StructureDefinition","url":"http://example.org/sd/op-in","name":"OpIn","status":"active",
                 "kind":"resource","abstract":false,"type":"Parameters","derivation":"constraint",
                 "baseDefinition":"http://hl7.org/fhir/StructureDefinition/Parameters","differential":{"element":[
                   {"id":"Parameters.parameter","path":"Parameters.parameter",
                    "slicing":{"discriminator":[{"type":"value","path":"name"}],"rules":"open"}},
                   {"id":"Parameters.parameter:subject","path":"Parameters.parameter","sliceName":"subject","min":1,"max":"1"},
                   {"id":"Parameters.parameter:subject.name","path":"Parameters.parameter.name","fixedString":"subject"},
                   {"id":"Parameters.parameter:subject.value[x]","path":"Parameters.parameter.value[x]",
                    "type":[{"code":"Reference","targetProfile":["http://hl7.org/fhir/StructureDefinition/Patient"]}]},
                   {"id":"Parameters.parameter:subject.resource","path":"Parameters.parameter.resource","max":"0"},
                   {"id":"Parameters.parameter:extra","path":"Parameters.parameter","sliceName":"extra","min":0,"max":"1"},
                   {"id":"Parameters.parameter:extra.name","path":"Parameters.parameter.name","fixedString":"extra"}]}})"});
  return checker.Run(text);
}

// The issues with `id` (any severity), as "severity@location".
std::multiset<std::string> Found(const Issues& issues, const std::string& id) {
  std::multiset<std::string> out;
  for (const Issue& issue : issues) {
    if (issue.id == id) out.insert(std::string(SeverityCode(issue.severity)) + "@" + issue.expression);
  }
  return out;
}

}  // namespace

TEST_CASE("CodeSystem count, content and nested concepts", "[rules][codesystem]") {
  const char* complete = R"({"resourceType":"CodeSystem","url":"http://example.org/cs/a","status":"active",
    "content":"complete","count":%d,"concept":[{"code":"a","concept":[{"code":"a1"}]},{"code":"b"}]})";
  char text[512];
  std::snprintf(text, sizeof text, complete, 3);  // nested concepts count
  CHECK(Found(Run(text), "validator.codesystem-count").empty());
  std::snprintf(text, sizeof text, complete, 2);
  CHECK(Found(Run(text), "validator.codesystem-count") == std::multiset<std::string>{"error@CodeSystem.count"});
  // A fragment states more concepts than it lists; listing as many is a warning.
  const Issues fragment = Run(R"({"resourceType":"CodeSystem","url":"http://example.org/cs/b","status":"active",
    "content":"fragment","count":1,"concept":[{"code":"a"}]})");
  CHECK(Found(fragment, "validator.codesystem-count") == std::multiset<std::string>{"warning@CodeSystem.count"});
  const Issues not_present = Run(R"({"resourceType":"CodeSystem","url":"http://example.org/cs/c","status":"active",
    "content":"not-present","concept":[{"code":"a"}]})");
  CHECK(Found(not_present, "validator.codesystem-concepts-not-present") ==
        std::multiset<std::string>{"error@CodeSystem.concept[0]"});
}

TEST_CASE("CodeSystem property definitions and concept property values", "[rules][codesystem]") {
  const Issues issues = Run(R"({"resourceType":"CodeSystem","url":"http://example.org/cs/p","status":"active",
    "content":"complete",
    "property":[{"uri":"http://hl7.org/fhir/concept-properties#inactive","code":"inactive","type":"boolean"},
                {"code":"inactive","type":"string"},
                {"uri":"http://hl7.org/fhir/concept-properties#inactive","code":"retired","type":"boolean"},
                {"uri":"http://hl7.org/fhir/concept-properties#deprecationDate","code":"notSelectable","type":"code"},
                {"code":"comment","type":"string"},
                {"uri":"relative","code":"other","type":"integer"}],
    "concept":[{"code":"a","property":[{"code":"inactive","valueBoolean":true},{"code":"other","valueString":"x"},
                                       {"code":"unknown","valueBoolean":true}],
                "concept":[{"code":"a1","property":[{"code":"other","valueInteger":1},{"code":"inactive","valueCode":"x"}]}]}]})");
  INFO(Describe(issues, false));
  CHECK(Found(issues, "validator.codesystem-property-duplicate") ==
        std::multiset<std::string>{"error@CodeSystem.property[1]", "error@CodeSystem.property[2]"});
  // deprecationDate keeps its code and its type dateTime; a standard code without its URI is a
  // warning (and so is its non-standard type).
  CHECK(Found(issues, "validator.codesystem-property-standard") ==
        std::multiset<std::string>{"error@CodeSystem.property[3]", "error@CodeSystem.property[3]",
                                   "warning@CodeSystem.property[1]", "warning@CodeSystem.property[1]",
                                   "warning@CodeSystem.property[4]"});
  CHECK(Found(issues, "validator.codesystem-property-uri") == std::multiset<std::string>{"error@CodeSystem.property[5]"});
  CHECK(Found(issues, "validator.codesystem-property-value-type") ==
        std::multiset<std::string>{"error@CodeSystem.concept[0].property[1]",
                                   "error@CodeSystem.concept[0].concept[0].property[1]"});
  CHECK(Found(issues, "validator.codesystem-property-undefined") ==
        std::multiset<std::string>{"warning@CodeSystem.concept[0].property[2]"});
}

TEST_CASE("ValueSet filters: property types, operators, codes and SNOMED ECL", "[rules][valueset]") {
  const Issues issues = Run(R"({"resourceType":"ValueSet","url":"http://example.org/vs/f","status":"active",
    "compose":{"include":[{"system":"http://example.org/cs/colors","filter":[
      {"property":"shade","op":"=","value":"http://example.org/cs/shades#dark"},
      {"property":"shade","op":"=","value":"http://example.org/cs/shades#grey"},
      {"property":"shade","op":"=","value":"dark"},
      {"property":"rank","op":"=","value":"lt2"},
      {"property":"rank","op":"in","value":"1,x"},
      {"property":"weight","op":"=","value":"1.5e3"},
      {"property":"bright","op":"=","value":"1"},
      {"property":"label","op":"=","value":"anything"},
      {"property":"concept","op":"is-a","value":"navy"},
      {"property":"concept","op":"is-a","value":"green"},
      {"property":"concept","op":"regex","value":"r.*"},
      {"property":"inactive","op":"exists","value":"yes"},
      {"property":"colour","op":"=","value":"red"}]},
    {"system":"http://snomed.info/sct","filter":[
      {"property":"constraint","op":"=","value":"<< 404684003 |Clinical finding|"},
      {"property":"expression","op":"=","value":"234234 << 234234"}]}]}})");
  INFO(Describe(issues, false));
  const std::string filter = "@ValueSet.compose.include[0].filter[";
  CHECK(Found(issues, "validator.valueset-filter-value") ==
        std::multiset<std::string>{"error" + filter + "1]", "error" + filter + "2]", "error" + filter + "4]",
                                   "error" + filter + "6]", "error" + filter + "9]", "error" + filter + "11]"});
  CHECK(Found(issues, "validator.valueset-filter-op") == std::multiset<std::string>{"error" + filter + "10]"});
  CHECK(Found(issues, "validator.valueset-filter-property") == std::multiset<std::string>{"warning" + filter + "12]"});
  CHECK(Found(issues, "validator.valueset-filter-ecl") ==
        std::multiset<std::string>{"error@ValueSet.compose.include[1].filter[1]"});
  // A filter on an unknown code system is not judged.
  CHECK(CountErrors(Run(R"({"resourceType":"ValueSet","url":"http://example.org/vs/g","status":"active",
    "compose":{"include":[{"system":"http://example.org/cs/unknown","filter":[{"property":"x","op":"=","value":"y"}]}]}})")) == 0);
}

TEST_CASE("ConceptMap codes belong to their code systems and scope value sets", "[rules][conceptmap]") {
  const Issues issues = Run(R"({"resourceType":"ConceptMap","url":"http://example.org/cm","status":"active",
    "sourceCanonical":"http://example.org/vs/warm","targetUri":"http://example.org/vs/snomed-places",
    "group":[{"source":"http://example.org/cs/colors","target":"http://snomed.info/sct",
      "element":[{"code":"red","target":[{"code":"264372000","equivalence":"equivalent"}]},
                 {"code":"blue","target":[{"code":"22298006","equivalence":"equivalent"}]},
                 {"code":"purple","target":[{"code":"22298006","equivalence":"equivalent"}]}]}]})");
  INFO(Describe(issues, false));
  // 'blue' is a color outside the source value set; 'purple' is no color. SNOMED CT membership
  // (22298006 outside the enumerated target value set) is left to a terminology server.
  CHECK(Found(issues, "validator.conceptmap-code") ==
        std::multiset<std::string>{"error@ConceptMap.group[0].element[1].code", "error@ConceptMap.group[0].element[2].code"});
}

TEST_CASE("MeasureReport against its Measure", "[rules][measure]") {
  const std::string numerator = R"({"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-population","code":"numerator"}]},"count":1})";
  const std::string denominator = R"({"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-population","code":"denominator"}]},"count":2})";
  const std::string stratifier = R"("stratifier":[{"code":[{"coding":[{"system":"http://example.org/s","code":"age"}]}]}])";
  auto report = [&](const std::string& group) {
    return Run(R"({"resourceType":"MeasureReport","status":"complete","type":"summary",
      "measure":"http://example.org/Measure/m","period":{"start":"2020-01-01","end":"2020-12-31"},"group":[)" + group + "]}");
  };
  const Issues good = report("{\"population\":[" + numerator + "," + denominator + "]," + stratifier +
                             ",\"measureScore\":{\"value\":0.5}}");
  INFO(Describe(good, false));
  CHECK(Found(good, "validator.measurereport").empty());
  // A proportion's score is a unitless value from 0 to 1; populations and stratifiers the Measure
  // defines are all reported (measure-observation excepted), and none it does not define.
  const Issues bad = report(R"({"population":[)" + numerator + R"(,{"code":{"coding":[{"system":"http://example.org/p","code":"x"}]}}],
    "stratifier":[{}],"measureScore":{"value":2,"unit":"%"}})");
  INFO(Describe(bad, false));
  CHECK(Found(bad, "validator.measurereport") ==
        std::multiset<std::string>{"error@MeasureReport.group[0].population[1]", "error@MeasureReport.group[0]",
                                   "error@MeasureReport.group[0].measureScore.unit",
                                   "error@MeasureReport.group[0].measureScore.value",
                                   "error@MeasureReport.group[0].stratifier[0]", "error@MeasureReport.group[0]"});
  CHECK(Found(report("{\"population\":[" + numerator + "," + denominator + "]," + stratifier + "}"),
              "validator.measurereport") == std::multiset<std::string>{"error@MeasureReport.group[0]"});
  // A cohort measure (here contained) has no score.
  const Issues cohort = Run(R"({"resourceType":"MeasureReport","status":"complete","type":"summary","measure":"#m",
    "period":{"start":"2020-01-01","end":"2020-12-31"},
    "contained":[{"resourceType":"Measure","id":"m","status":"active",
      "scoring":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-scoring","code":"cohort"}]},
      "group":[{"population":[{"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-population","code":"initial-population"}]}}]}]}],
    "group":[{"population":[{"code":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/measure-population","code":"initial-population"}]},"count":3}],
              "measureScore":{"value":3}}]})");
  INFO(Describe(cohort, false));
  CHECK(Found(cohort, "validator.measurereport") == std::multiset<std::string>{"error@MeasureReport.group[0].measureScore"});
  const Issues unknown = Run(R"({"resourceType":"MeasureReport","status":"complete","type":"summary",
    "measure":"http://example.org/Measure/none","period":{"start":"2020-01-01","end":"2020-12-31"}})");
  CHECK(Found(unknown, "validator.measurereport-measure") == std::multiset<std::string>{"warning@MeasureReport.measure"});
}

TEST_CASE("SearchParameter derivation and expression, CapabilityStatement search parameter types", "[rules][search]") {
  const Issues derived = Run(R"({"resourceType":"SearchParameter","url":"http://example.org/sp","name":"n","status":"active",
    "description":"d","code":"name","base":["Patient"],"type":"token","expression":"Organization.name | Organization.alias",
    "derivedFrom":"http://hl7.org/fhir/SearchParameter/Organization-name"})");
  INFO(Describe(derived, false));
  CHECK(Found(derived, "validator.searchparameter-derived") ==
        std::multiset<std::string>{"error@SearchParameter", "error@SearchParameter"});
  CHECK(Found(derived, "validator.searchparameter-expression") ==
        std::multiset<std::string>{"error@SearchParameter.expression"});
  // One branch per base, elements the bases have: no error.
  const Issues multi = Run(R"({"resourceType":"SearchParameter","url":"http://example.org/sp2","name":"n","status":"active",
    "description":"d","code":"who","base":["Patient","Practitioner"],"type":"string",
    "expression":"Patient.name.family | Practitioner.name.where(use = 'official').family"})");
  INFO(Describe(multi, false));
  CHECK(CountErrors(multi) == 0);
  CHECK(Found(Run(R"({"resourceType":"SearchParameter","url":"http://example.org/sp3","name":"n","status":"active",
    "description":"d","code":"x","base":["Patient"],"type":"string","expression":"Patient.nosuchelement"})"),
              "validator.searchparameter-expression") == std::multiset<std::string>{"error@SearchParameter.expression"});
  const Issues statement = Run(R"({"resourceType":"CapabilityStatement","status":"active","date":"2020-01-01",
    "kind":"requirements","fhirVersion":"4.0.1","format":["json"],
    "rest":[{"mode":"server","resource":[{"type":"AllergyIntolerance","searchParam":[
      {"name":"clinical-status","definition":"http://hl7.org/fhir/SearchParameter/AllergyIntolerance-clinical-status","type":"date"},
      {"name":"code","definition":"http://hl7.org/fhir/SearchParameter/clinical-code","type":"token"}]}]}]})");
  INFO(Describe(statement, false));
  CHECK(Found(statement, "validator.capabilitystatement-searchparam-type") ==
        std::multiset<std::string>{"error@CapabilityStatement.rest[0].resource[0].searchParam[0]"});
}

TEST_CASE("StructureDefinition differentials: root slicing, bindings, snapshot generation, order, slicing", "[rules][sd]") {
  auto profile = [](const std::string& elements) {
    return Run(R"({"resourceType":"StructureDefinition","url":"http://example.org/sd","name":"P","status":"draft",
      "kind":"resource","abstract":false,"type":"Patient","baseDefinition":"http://hl7.org/fhir/StructureDefinition/Patient",
      "derivation":"constraint","differential":{"element":[)" + elements + "]}}");
  };
  const Issues good = profile(R"({"id":"Patient","path":"Patient"},{"id":"Patient.identifier","path":"Patient.identifier","min":1},
    {"id":"Patient.gender","path":"Patient.gender","binding":{"strength":"required","valueSet":"http://hl7.org/fhir/ValueSet/administrative-gender"}},
    {"id":"Patient.birthDate","path":"Patient.birthDate","min":1},
    {"id":"Patient.deceasedBoolean","path":"Patient.deceasedBoolean"})");
  INFO(Describe(good, false));
  CHECK(CountErrors(good) == 0);
  // Listed after birthDate, identifier is reached first by a walk of the base; birthDate never is.
  const Issues unordered = profile(R"({"id":"Patient.birthDate","path":"Patient.birthDate","type":[{"code":"date"}],
    "binding":{"strength":"required","valueSet":"http://hl7.org/fhir/ValueSet/administrative-gender"}},
    {"id":"Patient.identifier","path":"Patient.identifier","min":1})");
  INFO(Describe(unordered, false));
  CHECK(Found(unordered, "validator.sd-binding-type") ==
        std::multiset<std::string>{"error@StructureDefinition.differential.element[0]"});
  CHECK(Found(unordered, "validator.sd-differential-order") ==
        std::multiset<std::string>{"error@StructureDefinition.differential.element[0]", "error@StructureDefinition"});
  const Issues broken = profile(R"({"id":"Patient","path":"Patient","slicing":{"discriminator":[{"type":"value","path":"id"}],"rules":"open"}},
    {"id":"Patient.deceasedBoolean","path":"Patient.deceasedBla"})");
  INFO(Describe(broken, false));
  CHECK(Found(broken, "validator.sd-root-slicing") == std::multiset<std::string>{"error@StructureDefinition.differential.element[0]"});
  CHECK(Found(broken, "validator.sd-snapshot") == std::multiset<std::string>{"error@StructureDefinition", "error@StructureDefinition"});
  // Discriminator paths start with an element of the sliced type; a slice does not restate its
  // element's slicing differently.
  const Issues slicing = profile(R"({"id":"Patient.extension","path":"Patient.extension",
      "slicing":{"discriminator":[{"type":"value","path":"url"}],"rules":"open"}},
    {"id":"Patient.extension:foo","path":"Patient.extension","sliceName":"foo",
      "slicing":{"discriminator":[{"type":"value","path":"type"}],"rules":"open"}},
    {"id":"Patient.identifier","path":"Patient.identifier","slicing":{"discriminator":[{"type":"value","path":"system"},
      {"type":"pattern","path":"$this"},{"type":"value","path":"extension('http://example.org/x').value"}],"rules":"open"}},
    {"id":"Patient.contact","path":"Patient.contact","slicing":{"discriminator":[{"type":"value","path":"relationship.coding.code"},
      {"type":"value","path":"nonsense"}],"rules":"open"}})");
  INFO(Describe(slicing, false));
  CHECK(Found(slicing, "validator.sd-discriminator") ==
        std::multiset<std::string>{"error@StructureDefinition.differential.element[1].slicing.discriminator[0]",
                                   "error@StructureDefinition.differential.element[3].slicing.discriminator[1]"});
  CHECK(Found(slicing, "validator.sd-snapshot") == std::multiset<std::string>{"error@StructureDefinition"});
  // eld-19: element paths are checked whole ('Patient...name' is not a path).
  CHECK(Found(profile(R"({"id":"Patient...name","path":"Patient...name"})"), "validator.invariant")
            .count("error@StructureDefinition.differential.element[0]") == 1);
  // An unknown base: a warning, the differential is not checked against it.
  const Issues no_base = Run(R"({"resourceType":"StructureDefinition","url":"http://example.org/sd2","name":"P","status":"draft",
    "kind":"resource","abstract":false,"type":"Patient","baseDefinition":"http://example.org/none","derivation":"constraint",
    "differential":{"element":[{"id":"Patient","path":"Patient"}]}})");
  CHECK(Found(no_base, "validator.sd-snapshot") == std::multiset<std::string>{"warning@StructureDefinition"});
}

TEST_CASE("OperationDefinition parameters agree with the inputProfile, opd-3 as corrected", "[rules][operation]") {
  auto operation = [](const std::string& parameters) {
    return Run(R"({"resourceType":"OperationDefinition","url":"http://example.org/op","name":"Op","status":"active",
      "kind":"operation","code":"op","system":false,"type":true,"instance":false,"resource":["Patient"],
      "inputProfile":"http://example.org/sd/op-in","parameter":[)" + parameters + "]}");
  };
  const Issues good = operation(R"({"name":"subject","use":"in","min":1,"max":"1","type":"Reference",
    "targetProfile":["http://hl7.org/fhir/StructureDefinition/Patient"]},
    {"name":"extra","use":"in","min":0,"max":"1","type":"string"},
    {"name":"result","use":"out","min":1,"max":"1","type":"Patient",
     "targetProfile":["http://hl7.org/fhir/StructureDefinition/Patient"]})");
  INFO(Describe(good, false));
  CHECK(CountErrors(good) == 0);  // a resource-typed parameter may name a profile (opd-3 as corrected)
  const Issues bad = operation(R"({"name":"subject","use":"in","min":0,"max":"*","type":"string"},
    {"name":"count","use":"in","min":0,"max":"1","type":"integer","targetProfile":["http://example.org/p"]})");
  INFO(Describe(bad, false));
  // min, max, Reference (profile only), string (operation only), the Patient target (profile only).
  CHECK(Found(bad, "validator.operationdefinition-profile") ==
        std::multiset<std::string>{"error@OperationDefinition.parameter[0]", "error@OperationDefinition.parameter[0]",
                                   "error@OperationDefinition.parameter[0]", "error@OperationDefinition.parameter[0]",
                                   "error@OperationDefinition.parameter[0]", "warning@OperationDefinition.inputProfile",
                                   "warning@OperationDefinition.parameter[1]"});
  CHECK(Found(bad, "validator.invariant").count("error@OperationDefinition.parameter[1]") == 1);  // opd-3 on integer
}

}  // namespace pdex::validation::testing

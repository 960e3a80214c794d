// dom-3 decided natively (contained_references.h) against the FHIRPath evaluation of both published
// forms of its expression: on hand-made cases, then on every resource of the corpora in ../shared
// (Synthea, IG examples, the HL7 validator's test cases; skipped when absent).
#include "test_support.h"

#include "json/parse.h"
#include "validation/contained_references.h"
#include "validation/invariants.h"

#include <catch2/catch.hpp>

namespace pdex::validation::testing {
namespace {

const FhirPathInvariants& Invariants() {
  static const terminology::TerminologyService terminology(CoreRegistry());
  static const model::TypeModel type_model =
      model::TypeModel::FromStructureDefinitions(CoreRegistry().All("StructureDefinition"));
  static const FhirPathInvariants invariants(type_model, terminology);
  return invariants;
}

// Both ways for `resource` with %resource `scope`; counts agreements, describes disagreements.
struct Comparison {
  int compared = 0;
  int with_contained = 0;
  std::vector<std::string> disagreements;

  void Add(const nlohmann::json& resource, const nlohmann::json& scope, const std::string& where) {
    if (!resource.is_object() || !resource.contains("resourceType")) return;
    const std::string type = resource["resourceType"].is_string() ? resource["resourceType"].get<std::string>() : "";
    with_contained += resource.contains("contained") ? 1 : 0;
    for (const std::string_view expression : {kDom3R4, kDom3Corrected}) {
      LocalReferenceIndex index;
      const std::optional<bool> native = ContainedResourcesReferenced(expression, resource, scope, index);
      const InvariantResult fhirpath = Invariants().Evaluate(InvariantContext{
          .resource = &scope, .root_resource = &scope, .value = &resource, .type = type, .element_path = type,
          .expression = expression});
      ++compared;
      if (native && fhirpath && *native == *fhirpath) continue;
      if (!native && !fhirpath) continue;  // both decline (e.g. a numeric contained id)
      disagreements.push_back(where + (expression == kDom3R4 ? " (R4 form)" : " (corrected form)") + ": native " +
                              (native ? (*native ? "true" : "false") : "none") + ", FHIRPath " +
                              (fhirpath ? (*fhirpath ? "true" : "false") : "not evaluated"));
    }
  }

  void AddDocument(const nlohmann::json& document, const std::string& where) {
    Add(document, document, where);
    if (!document.is_object() || document.value("resourceType", "") != "Bundle") return;
    const auto entries = document.find("entry");
    if (entries == document.end() || !entries->is_array()) return;
    for (std::size_t i = 0; i < entries->size(); ++i) {
      const auto& entry = (*entries)[i];
      // An entry's %resource is its Bundle, as the validator evaluates it.
      if (entry.is_object() && entry.contains("resource")) Add(entry["resource"], document, where + " entry " + std::to_string(i));
    }
  }
};

}  // namespace

TEST_CASE("dom-3 natively: referenced, referring to the container, unreferenced, without id", "[validator][dom-3]") {
  Comparison comparison;
  const char* const kCases[] = {
      // referenced by a Reference
      R"({"resourceType":"Condition","asserter":{"reference":"#pr1"},"contained":[{"resourceType":"Practitioner","id":"pr1"}]})",
      // referenced by a canonical
      R"({"resourceType":"Questionnaire","status":"active","item":[{"linkId":"1","type":"choice","answerValueSet":"#vs"}],
        "contained":[{"resourceType":"ValueSet","id":"vs","status":"active"}]})",
      // refers to its container
      R"({"resourceType":"Condition","contained":[{"resourceType":"Provenance","id":"p","target":[{"reference":"#"}]}]})",
      // unreferenced
      R"({"resourceType":"Condition","subject":{"reference":"Patient/1"},"contained":[{"resourceType":"Practitioner","id":"pr1"}]})",
      // one of two unreferenced
      R"({"resourceType":"Condition","asserter":{"reference":"#a"},"contained":[{"resourceType":"Practitioner","id":"a"},
        {"resourceType":"Practitioner","id":"b"}]})",
      // without an id: the two forms differ
      R"({"resourceType":"Condition","contained":[{"resourceType":"Practitioner"}]})",
      // no contained at all
      R"({"resourceType":"Condition"})"};
  for (const char* text : kCases) comparison.AddDocument(ParseTestJson(text), text);
  // In a Bundle the reference may sit in another entry.
  comparison.AddDocument(ParseTestJson(R"({"resourceType":"Bundle","type":"collection","entry":[
    {"resource":{"resourceType":"Condition","contained":[{"resourceType":"Practitioner","id":"x"}]}},
    {"resource":{"resourceType":"Observation","status":"final","code":{"text":"c"},"performer":[{"reference":"#x"}]}}]})"),
                         "Bundle");
  INFO(Catch::Detail::stringify(comparison.disagreements));
  CHECK(comparison.disagreements.empty());
  CHECK(comparison.compared == 2 * 10);
  // What the native form answers, spelled out.
  LocalReferenceIndex index;
  const nlohmann::json unreferenced = ParseTestJson(kCases[3]);
  CHECK(ContainedResourcesReferenced(kDom3R4, unreferenced, unreferenced, index) == false);
  const nlohmann::json no_id = ParseTestJson(kCases[5]);
  CHECK(ContainedResourcesReferenced(kDom3R4, no_id, no_id, index) == true);
  CHECK(ContainedResourcesReferenced(kDom3Corrected, no_id, no_id, index) == false);
  CHECK_FALSE(ContainedResourcesReferenced("contained.empty()", no_id, no_id, index).has_value());
}

TEST_CASE("dom-3 natively agrees with its FHIRPath on every corpus resource", "[validator][dom-3][corpus]") {
  const std::string shared = PDEX_SHARED_DIR;
  if (!Exists(shared)) {
    WARN("skipped: no " << shared);
    return;
  }
  Comparison comparison;
  for (const char* folder : {"/fixtures/synthea", "/ig", "/fixtures/validator"}) {
    for (const std::string& file : JsonFilesUnder(shared + folder, true)) {
      const std::optional<std::string> text = ReadText(file);
      if (!text) continue;
      const json::ParsedJson parsed = json::ParseJson(*text);
      if (parsed.ok()) comparison.AddDocument(parsed.value, file.substr(shared.size()));
    }
  }
  std::printf("dom-3: %d comparisons, %d resources with contained resources, %zu disagreements\n", comparison.compared,
              comparison.with_contained, comparison.disagreements.size());
  INFO(Catch::Detail::stringify(comparison.disagreements));
  CHECK(comparison.disagreements.empty());
  CHECK(comparison.with_contained > 100);
}

}  // namespace pdex::validation::testing

// core/pdex/segmentation/segmenter.h: what each policy releases, how resources are redacted rather
// than withheld, the consent-constraint answer, the report, and bad input.
#include "pdex/segmentation/segmenter.h"

#include "../common/pdex_test_support.h"
#include "pdex/common/codes.h"
#include "pdex/segmentation/classify.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace {

using namespace pdex::segmentation;
using nlohmann::json;
namespace codes = pdex::pdex_codes;

pdex::consent::ConsentDecision Decision(pdex::consent::ConsentPolicy policy, bool permitted = true) {
  pdex::consent::ConsentDecision decision;
  decision.permitted = permitted;
  decision.policy = policy;
  return decision;
}
const auto kRegular = Decision(pdex::consent::ConsentPolicy::kRegular);
const auto kSensitive = Decision(pdex::consent::ConsentPolicy::kSensitive);

json Concept(std::string_view system, const char* code) { return {{"coding", {{{"system", system}, {"code", code}}}}}; }

json Condition(const char* id, std::string_view system, const char* code) {
  return {{"resourceType", "Condition"}, {"id", id}, {"code", Concept(system, code)}, {"subject", {{"reference", "Patient/p"}}}};
}

json BundleOf(std::vector<json> resources) {
  json entries = json::array();
  for (auto& resource : resources) {
    const std::string key = resource["resourceType"].get<std::string>() + "/" + resource["id"].get<std::string>();
    entries.push_back({{"fullUrl", "urn:uuid:" + key}, {"resource", std::move(resource)}});
  }
  return {{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", entries.size()}, {"entry", entries}};
}

json Patient() { return {{"resourceType", "Patient"}, {"id", "p"}}; }

// The released resource with this type/id, or null.
json Released(const SegmentResult& result, const std::string& type, const std::string& id) {
  for (const auto& entry : result.bundle["entry"]) {
    if (entry["resource"]["resourceType"] == type && entry["resource"]["id"] == id) return entry["resource"];
  }
  return nullptr;
}

bool IsRedacted(const json& resource) {
  for (const auto& label : resource["meta"].value("security", json::array())) {
    if (label["system"] == codes::kV3ObservationValue && label["code"] == "REDACTED") return true;
  }
  return false;
}

json Eob() {
  json diagnosis = json::array({
      {{"sequence", 1}, {"diagnosisCodeableConcept", Concept(codes::kIcd10Cm, "I10")},
       {"type", {Concept("http://terminology.hl7.org/CodeSystem/ex-diagnosistype", "principal")}}},
      {{"sequence", 2}, {"diagnosisCodeableConcept", Concept(codes::kIcd10Cm, "F33.1")}},
      {{"sequence", 3}, {"diagnosisCodeableConcept", Concept(codes::kIcd10Cm, "E11.9")}},
  });
  json items = json::array({
      {{"sequence", 1}, {"productOrService", Concept(codes::kCpt, "99213")}, {"diagnosisSequence", {1}}},
      {{"sequence", 2}, {"productOrService", Concept(codes::kCpt, "99214")}, {"diagnosisSequence", {2}}},
      {{"sequence", 3}, {"productOrService", Concept(codes::kCpt, "90834")}, {"diagnosisSequence", {3}}},
      {{"sequence", 4}, {"productOrService", Concept(codes::kCpt, "80053")}, {"diagnosisSequence", {3, 1}}},
  });
  return {{"resourceType", "ExplanationOfBenefit"}, {"id", "eob"}, {"status", "active"},
          {"type", Concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional")}, {"use", "claim"},
          {"patient", {{"reference", "Patient/p"}}}, {"created", "2025-01-01T00:00:00Z"},
          {"insurer", {{"reference", "Organization/o"}}}, {"provider", {{"reference", "Organization/o"}}},
          {"outcome", "complete"}, {"insurance", {{{"focal", true}, {"coverage", {{"reference", "Coverage/c"}}}}}},
          {"diagnosis", diagnosis}, {"item", items},
          {"text", {{"status", "generated"}, {"div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">claim</div>"}}}};
}

}  // namespace

TEST_CASE("a consent that is not permitted releases nothing and says why") {
  auto refused = Decision(pdex::consent::ConsentPolicy::kSensitive, false);
  refused.issues.push_back(pdex::Issue{.code = "forbidden", .id = "consent.expired", .diagnostics = "ended"});
  const auto result = Segment(BundleOf({Patient()}), refused);
  CHECK_FALSE(result.released);
  CHECK(result.bundle.is_null());
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].id == "consent.expired");
  CHECK(result.report["outcome"] == "refused");
  CHECK(result.report["released"] == 0);
}

TEST_CASE("#sensitive releases everything, labels and all; #regular withholds the labelled and coded") {
  json labelled = Condition("c1", codes::kIcd10Cm, "I10");
  labelled["meta"]["security"] = {{{"system", codes::kV3ActCode}, {"code", "42CFRPart2"}}};
  const json bundle = BundleOf({Patient(), labelled, Condition("c2", codes::kIcd10Cm, "F11.20"), Condition("c3", codes::kIcd10Cm, "I10")});
  const auto all = Segment(bundle, kSensitive);
  REQUIRE(all.released);
  CHECK(all.bundle["entry"].size() == 4);
  CHECK(all.bundle["entry"] == bundle["entry"]);
  const auto regular = Segment(bundle, kRegular);
  REQUIRE(regular.released);
  CHECK(Released(regular, "Condition", "c1").is_null());
  CHECK(Released(regular, "Condition", "c2").is_null());
  CHECK(Released(regular, "Condition", "c3") == bundle["entry"][3]["resource"]);  // untouched
  CHECK(regular.bundle["total"] == 2);
  CHECK(regular.report["withheldByRule"] == json{{"security-label", 1}, {"sensitive-code", 1}});
  CHECK(regular.report["withheldByCategory"] == json{{"substance-use", 2}});
}

TEST_CASE("an EOB with sensitive lines is redacted: lines, diagnoses and links go, sequences renumbered") {
  const auto result = Segment(BundleOf({Patient(), Eob()}), kRegular);
  REQUIRE(result.released);
  const json eob = Released(result, "ExplanationOfBenefit", "eob");
  REQUIRE(eob.is_object());
  CHECK(IsRedacted(eob));
  CHECK_FALSE(eob.contains("text"));  // the narrative would describe what was removed
  // Diagnosis 2 (F33.1) goes with item 2 (billed for it); item 3 (psychotherapy 90834) goes; items 1 and 4 stay.
  REQUIRE(eob["diagnosis"].size() == 2);
  CHECK(eob["diagnosis"][0]["sequence"] == 1);
  CHECK(eob["diagnosis"][1]["sequence"] == 2);
  CHECK(eob["diagnosis"][1]["diagnosisCodeableConcept"]["coding"][0]["code"] == "E11.9");
  REQUIRE(eob["item"].size() == 2);
  CHECK(eob["item"][0]["productOrService"]["coding"][0]["code"] == "99213");
  CHECK(eob["item"][1]["productOrService"]["coding"][0]["code"] == "80053");
  CHECK(eob["item"][1]["sequence"] == 2);
  CHECK(eob["item"][1]["diagnosisSequence"] == json({2, 1}));  // E11.9 renumbered 3 -> 2
  CHECK(pdex::pdex_testing::ProfileErrors(eob) == "");
  CHECK(result.report["redacted"] == 1);
  CHECK(result.report["redactedPartsByRule"]["sensitive-code"] == 2);
}

TEST_CASE("an EOB whose principal diagnosis is sensitive is withheld, with the Provenance only about it") {
  json eob = Eob();
  eob["diagnosis"][0]["diagnosisCodeableConcept"] = Concept(codes::kIcd10Cm, "B20");
  const json only = {{"resourceType", "Provenance"}, {"id", "prov1"}, {"target", {{{"reference", "ExplanationOfBenefit/eob"}}}},
                     {"recorded", "2025-01-01T00:00:00Z"}, {"agent", {{{"who", {{"reference", "Organization/o"}}}}}}};
  json both = only;
  both["id"] = "prov2";
  both["target"].push_back({{"reference", "Patient/p"}});
  const auto result = Segment(BundleOf({Patient(), eob, only, both}), kRegular);
  REQUIRE(result.released);
  CHECK(Released(result, "ExplanationOfBenefit", "eob").is_null());
  CHECK(Released(result, "Provenance", "prov1").is_null());
  const json kept = Released(result, "Provenance", "prov2");
  REQUIRE(kept.is_object());
  CHECK(kept["target"] == json::array({{{"reference", "Patient/p"}}}));
  CHECK(IsRedacted(kept));
  CHECK(result.bundle.dump().find("eob") == std::string::npos);  // no id of withheld data anywhere
}

TEST_CASE("Encounter: a sensitive reasonCode among others and a diagnosis of a withheld Condition are removed") {
  json encounter = {{"resourceType", "Encounter"}, {"id", "e"}, {"status", "finished"},
                    {"class", {{"system", codes::kV3ActCode}, {"code", "AMB"}}}, {"subject", {{"reference", "Patient/p"}}},
                    {"reasonCode", {Concept(codes::kIcd10Cm, "I10"), Concept(codes::kSnomedCt, "35489007")}},
                    {"diagnosis", {{{"condition", {{"reference", "Condition/bad"}}}}, {{"condition", {{"reference", "Condition/ok"}}}}}}};
  const auto result = Segment(BundleOf({Patient(), encounter, Condition("bad", codes::kIcd10Cm, "F20.9"),
                                        Condition("ok", codes::kIcd10Cm, "I10")}),
                              kRegular);
  REQUIRE(result.released);
  const json kept = Released(result, "Encounter", "e");
  REQUIRE(kept.is_object());
  CHECK(kept["reasonCode"] == json::array({Concept(codes::kIcd10Cm, "I10")}));
  CHECK(kept["diagnosis"] == json::array({{{"condition", {{"reference", "Condition/ok"}}}}}));
  CHECK(IsRedacted(kept));
}

TEST_CASE("a required reference to withheld data withholds the referrer; medications via reference and contained") {
  json medication = {{"resourceType", "Medication"}, {"id", "m"}, {"code", Concept(codes::kRxNorm, "6813")}};
  json request = {{"resourceType", "MedicationRequest"}, {"id", "r"}, {"status", "active"}, {"intent", "order"},
                  {"subject", {{"reference", "Patient/p"}}}, {"medicationReference", {{"reference", "Medication/m"}}}};
  json contained = request;
  contained["id"] = "r2";
  contained["contained"] = {{{"resourceType", "Medication"}, {"id", "x"}, {"code", Concept(codes::kRxNorm, "7243")}}};
  contained["medicationReference"] = {{"reference", "#x"}};
  const auto result = Segment(BundleOf({Patient(), medication, request, contained}), kRegular);
  REQUIRE(result.released);
  CHECK(result.bundle["entry"].size() == 1);
  CHECK(result.report["withheldByRule"]["reference-to-withheld"] == 1);
}

TEST_CASE("narrative with a sensitive term, or naming withheld data, is removed; the resource released") {
  json condition = Condition("c", codes::kIcd10Cm, "I10");
  condition["text"] = {{"status", "generated"}, {"div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">also on methadone</div>"}};
  json observation = {{"resourceType", "Observation"}, {"id", "o"}, {"status", "final"}, {"code", Concept(codes::kLoinc, "2339-0")},
                      {"text", {{"status", "generated"}, {"div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">see Condition/hiv1</div>"}}}};
  const auto result = Segment(BundleOf({Patient(), condition, observation, Condition("hiv1", codes::kIcd10Cm, "B20")}), kRegular);
  REQUIRE(result.released);
  for (const char* id : {"c", "o"}) {
    const json kept = Released(result, id[0] == 'c' ? "Condition" : "Observation", id);
    REQUIRE(kept.is_object());
    CHECK_FALSE(kept.contains("text"));
    CHECK(IsRedacted(kept));
  }
}

TEST_CASE("documents: a sensitive text attachment or title, or an unreadable one, withholds the DocumentReference") {
  auto document = [](const char* id, const char* type, const char* data, const char* title) {
    json attachment = {{"contentType", type}, {"data", data}};
    if (title != nullptr) attachment["title"] = title;
    return json{{"resourceType", "DocumentReference"}, {"id", id}, {"status", "current"}, {"content", {{{"attachment", attachment}}}}};
  };
  const auto result = Segment(BundleOf({Patient(), document("d1", "text/plain", "SGFzIGRlcHJlc3Npb24=", nullptr),  // "Has depression"
                                        document("d2", "text/plain", "b2s=", "Psychiatric intake"),
                                        document("d3", "application/pdf", "JVBERi0=", nullptr),
                                        document("d4", "text/plain", "b2s=", "Visit")}),
                              kRegular);
  REQUIRE(result.released);
  CHECK(result.bundle["entry"].size() == 2);
  CHECK(Released(result, "DocumentReference", "d4").is_object());
  CHECK(result.report["withheldByRule"] == json{{"sensitive-attachment", 1}, {"sensitive-text", 1}, {"unreadable-attachment", 1}});
}

TEST_CASE("can this payer comply? content it cannot classify refuses a #regular release, not a #sensitive one") {
  json unknown_label = Condition("c1", codes::kIcd10Cm, "I10");
  unknown_label["meta"]["security"] = {{{"system", "http://acme.example/labels"}, {"code", "PRIVATE"}}};
  json unknown_code = Condition("c2", "http://acme.example/dx", "DX-17");
  json uncoded = {{"resourceType", "Condition"}, {"id", "c3"}, {"code", {{"text", "manic episode"}}}};
  for (const json& resource : {unknown_label, unknown_code, uncoded}) {
    INFO(resource.dump());
    const auto result = Segment(BundleOf({Patient(), resource}), kRegular);
    CHECK_FALSE(result.released);
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues[0].id == "segmentation.cannot-classify");
    CHECK(result.report["outcome"] == "refused");
    CHECK(Segment(BundleOf({Patient(), resource}), kSensitive).released);
  }
  // Content that is withheld anyway (labelled R) cannot leak, so it does not stop the release.
  json withheld_anyway = unknown_code;
  withheld_anyway["meta"]["security"] = {{{"system", codes::kV3Confidentiality}, {"code", "R"}}};
  CHECK(Segment(BundleOf({Patient(), withheld_anyway}), kRegular).released);
}

TEST_CASE("the report counts, never data; bad input is a clean refusal or a warning") {
  const auto result = Segment(BundleOf({Patient(), Condition("secret-id", codes::kIcd10Cm, "F20.9")}), kRegular);
  const std::string report = result.report.dump();
  CHECK(report.find("secret-id") == std::string::npos);
  CHECK(report.find("F20") == std::string::npos);
  CHECK(result.report["input"] == 2);
  CHECK(result.report["withheld"] == 1);

  const auto not_bundle = Segment(Patient(), kRegular);
  CHECK_FALSE(not_bundle.released);
  CHECK(not_bundle.issues.at(0).id == "segmentation.not-bundle");
  json malformed = BundleOf({Patient()});
  malformed["entry"].push_back({{"fullUrl", "urn:x"}});
  malformed["entry"].push_back(7);
  const auto partial = Segment(malformed, kRegular);
  REQUIRE(partial.released);
  CHECK(partial.bundle["entry"].size() == 1);
  CHECK(partial.issues.size() == 2);
  CHECK(partial.issues[0].id == "segmentation.malformed-entry");
  SegmentOptions small;
  small.max_entries = 1;
  CHECK(Segment(BundleOf({Patient(), Patient()}), kRegular, small).issues.at(0).id == "segmentation.too-many-entries");
}

TEST_CASE("conformance data: the Inferno PDex $everything response under #regular and #sensitive") {
  std::ifstream in(pdex::pdex_testing::SharedDir() + "/fixtures/claims/inferno-pdex/everything_response.fhir.json");
  if (!in) {
    WARN("../shared/fixtures absent: not checked");
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  const json bundle = json::parse(text.str());
  const auto all = Segment(bundle, kSensitive);
  REQUIRE(all.released);
  CHECK(all.bundle["entry"].size() == bundle["entry"].size());
  const auto regular = Segment(bundle, kRegular);
  INFO(regular.report.dump());
  if (!regular.released) {
    // Refusing is allowed only for content the segmenter cannot classify, and says so.
    CHECK(regular.issues.at(0).id == "segmentation.cannot-classify");
    return;
  }
  // Whatever is released has nothing sensitive left in it.
  for (const auto& entry : regular.bundle["entry"]) CHECK(ClassifyResource(entry["resource"]).findings.empty());
}

TEST_CASE("a long chain of required references to withheld data is followed to its end") {
  // Observation k's subject is Observation k+1; the last one is sensitive: everything in the chain
  // goes, whatever the order of the entries (reversed here, the worst case for a round-based scrub).
  constexpr int kChain = 20000;
  auto id = [](int k) {  // appended, not concatenated: GCC 12's false -Wrestrict (bug 105329)
    std::string text = "o";
    text += std::to_string(k);
    return text;
  };
  std::vector<json> resources = {Patient()};
  for (int k = kChain - 1; k >= 0; --k) {
    json observation = {{"resourceType", "Observation"}, {"id", id(k)}, {"status", "final"},
                        {"code", Concept(codes::kLoinc, k == kChain - 1 ? "7917-8" : "2339-0")}};
    if (k + 1 < kChain) observation["subject"] = {{"reference", "Observation/" + id(k + 1)}};
    resources.push_back(observation);
  }
  std::reverse(resources.begin() + 1, resources.end());
  const auto result = Segment(BundleOf(resources), kRegular);
  REQUIRE(result.released);
  CHECK(result.bundle["entry"].size() == 1);
  CHECK(result.report["withheldByRule"]["reference-to-withheld"] == kChain - 1);
}

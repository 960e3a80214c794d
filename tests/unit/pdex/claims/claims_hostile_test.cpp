// Claims → clinical on bad input: never a crash, never an invalid resource, every problem an issue
// saying what and where, and the rest of the input still converted; bounded work on huge arrays.
#include "claims_test_support.h"

#include <string>

using pdex::claims::ClaimsOptions;
using pdex::claims::ClaimsResult;
using pdex::claims::ClaimsToClinical;
using pdex::claims_testing::CheckConversion;
using pdex::claims_testing::CountByType;

namespace {

const pdex::Issue* FindIssue(const ClaimsResult& result, const std::string& id) {
  for (const pdex::Issue& issue : result.issues) {
    if (issue.id == id) return &issue;
  }
  return nullptr;
}

nlohmann::json MinimalEob(const std::string& claim, const std::string& type = "professional") {
  return {{"resourceType", "ExplanationOfBenefit"},
          {"id", claim},
          {"identifier", {{{"system", "https://payer.example/claim"}, {"value", claim}}}},
          {"status", "active"},
          {"type", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/claim-type"}, {"code", type}}}}}},
          {"patient", {{"reference", "Patient/m1"}}},
          {"created", "2024-02-01T08:00:00Z"},
          {"billablePeriod", {{"start", "2024-01-15"}}},
          {"diagnosis", {{{"sequence", 1},
                          {"diagnosisCodeableConcept",
                           {{"coding", {{{"system", "http://hl7.org/fhir/sid/icd-10-cm"}, {"code", "I10"}}}}}}}}},
          {"item", {{{"sequence", 1},
                     {"productOrService", {{"coding", {{{"system", "http://www.ama-assn.org/go/cpt"}, {"code", "99213"}}}}}},
                     {"servicedDate", "2024-01-15"}}}}};
}

// prefix + number, built by appending (GCC 12's -Wrestrict misfires on "literal" + std::string).
std::string Numbered(const char* prefix, int number) {
  std::string out = prefix;
  out += std::to_string(number);
  return out;
}

ClaimsResult Convert(const std::string& text, ClaimsOptions options = {}) {
  return ClaimsToClinical({{"input.json", text}}, options);
}

}  // namespace

TEST_CASE("input that is not FHIR gives an error issue and an empty Bundle", "[claims][hostile]") {
  for (const std::string text : {"{not json", "[1,2,3]", "\"text\"", "42", "{\"no\": \"resourceType\"}", ""}) {
    INFO(text);
    const ClaimsResult result = Convert(text);
    CHECK(pdex::HasErrors(result.issues));
    CHECK_FALSE(result.bundle.contains("entry"));
  }
  std::string nested(2000, '[');
  nested.append(2000, ']');
  const ClaimsResult deep = Convert(nested);
  REQUIRE(FindIssue(deep, "json.too-deep") != nullptr);
}

TEST_CASE("a resource that is no claim converts to nothing, with a warning", "[claims][hostile]") {
  const ClaimsResult result = Convert(R"({"resourceType": "Patient", "id": "p"})");
  CHECK_FALSE(result.bundle.contains("entry"));
  CHECK(FindIssue(result, "claims.no-eob") != nullptr);
  CHECK_FALSE(pdex::HasErrors(result.issues));
}

TEST_CASE("EOBs lacking what the mapping needs are skipped with an issue naming what and where", "[claims][hostile]") {
  nlohmann::json no_id = MinimalEob("a");
  no_id.erase("identifier");
  nlohmann::json no_patient = MinimalEob("b");
  no_patient["patient"] = "Patient/m1";  // wrong type
  nlohmann::json unknown_type = MinimalEob("c");
  unknown_type["type"] = {{"text", "vision-ish"}};
  nlohmann::json no_date = MinimalEob("d");
  no_date.erase("created");
  nlohmann::json good = MinimalEob("e");
  const nlohmann::json bundle = {{"resourceType", "Bundle"},
                                 {"type", "collection"},
                                 {"entry", {{{"resource", no_id}}, {{"resource", no_patient}}, {{"resource", unknown_type}},
                                            {{"resource", no_date}}, {{"resource", good}}, {{"resource", 7}}}}};
  const ClaimsResult result = Convert(bundle.dump());
  CheckConversion(result, "skips");
  CHECK(result.figures.eobs_read == 5);
  CHECK(result.figures.eobs_converted == 1);
  const std::pair<const char*, const char*> expected[] = {
      {"claims.eob-no-claim-id", "Bundle.entry[0].resource.identifier"},
      {"claims.eob-no-patient", "Bundle.entry[1].resource.patient"},
      {"claims.eob-unknown-type", "Bundle.entry[2].resource.type"},
      {"claims.eob-no-receipt-date", "Bundle.entry[3].resource.created"},
      {"claims.entry-not-resource", "Bundle.entry[5]"}};
  for (const auto& [id, where] : expected) {
    INFO(id);
    const pdex::Issue* issue = FindIssue(result, id);
    REQUIRE(issue != nullptr);
    CHECK(issue->expression == where);
  }
  // A receipt date given by the caller converts the undated claim.
  ClaimsOptions options;
  options.receipt = "2024-03-01T09:00:00Z";
  CHECK(Convert(bundle.dump(), options).figures.eobs_converted == 2);
}

TEST_CASE("wrong JSON types inside an EOB are reported and the rest of it is converted", "[claims][hostile]") {
  nlohmann::json eob = MinimalEob("w");
  eob["careTeam"] = 12;
  eob["procedure"] = {{"sequence", 1}};  // an object, not an array
  eob["item"].push_back("not an item");
  eob["item"].push_back({{"sequence", "two"}, {"productOrService", {{"coding", "cpt"}}}});
  eob["diagnosis"].push_back({{"sequence", 2}, {"diagnosisCodeableConcept", {{"coding", {{{"code", 5}}}}}}});
  eob["provider"] = {{"reference", "#missing"}};
  eob["billablePeriod"] = {{"start", "2024-13-45"}};
  const ClaimsResult result = Convert(eob.dump());
  CheckConversion(result, "wrong types");
  CHECK(result.figures.eobs_converted == 1);
  CHECK(FindIssue(result, "claims.wrong-type") != nullptr);
  CHECK(FindIssue(result, "claims.provider-unresolved") != nullptr);
  CHECK(FindIssue(result, "claims.diagnosis-no-code") != nullptr);
  const auto counts = CountByType(result.bundle);
  CHECK(counts.at("Condition") == 1);
  CHECK(counts.at("Procedure") == 1);
}

TEST_CASE("huge arrays and inputs are bounded by the limits", "[claims][hostile]") {
  nlohmann::json eob = MinimalEob("h");
  const nlohmann::json item = eob["item"][0];
  eob["item"] = nlohmann::json::array();
  for (int i = 0; i < 5000; ++i) {
    nlohmann::json line = item;
    line["sequence"] = i + 1;
    eob["item"].push_back(std::move(line));
  }
  ClaimsOptions options;
  options.limits.max_lines_per_eob = 100;
  const ClaimsResult result = Convert(eob.dump(), options);
  CHECK(CountByType(result.bundle).at("Procedure") == 100);
  CHECK(FindIssue(result, "claims.array-truncated") != nullptr);

  std::string ndjson;
  for (int i = 0; i < 30; ++i) ndjson += MinimalEob(Numbered("n", i)).dump() + "\n";
  options.limits.max_eobs = 10;
  const ClaimsResult many = Convert(ndjson, options);
  CHECK(many.figures.eobs_read == 10);
  CHECK(FindIssue(many, "claims.too-many-eobs") != nullptr);

  // Each minimal claim gives 3 resources (Encounter, Condition, Procedure): at most 9 + one claim's worth.
  options.limits.max_eobs = 100;
  options.limits.max_resources = 9;
  const ClaimsResult capped = Convert(ndjson, options);
  CHECK(capped.figures.eobs_converted == 3);
  CHECK(FindIssue(capped, "claims.too-many-resources") != nullptr);
}

TEST_CASE("NDJSON: a bad line is reported with its line number and the other lines convert", "[claims][hostile]") {
  const std::string ndjson = MinimalEob("x1").dump() + "\n{broken\n" + MinimalEob("x2").dump() + "\n";
  const ClaimsResult result = Convert(ndjson);
  CheckConversion(result, "ndjson");
  CHECK(result.figures.eobs_converted == 2);
  const pdex::Issue* bad = FindIssue(result, "json.syntax");
  REQUIRE(bad != nullptr);
  CHECK(bad->line == 2);
}

TEST_CASE("a payer option that is no Organization is an error and the insurer is used", "[claims][hostile]") {
  ClaimsOptions options;
  options.payer = {{"resourceType", "Patient"}};
  options.receipt = "yesterday";
  const ClaimsResult result = Convert(MinimalEob("p").dump(), options);
  CHECK(FindIssue(result, "claims.payer-not-organization") != nullptr);
  CHECK(FindIssue(result, "claims.receipt-invalid") != nullptr);
  CHECK(result.figures.eobs_converted == 1);
  CheckConversion(result, "bad options");
}

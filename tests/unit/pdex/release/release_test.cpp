// Patient/$everything as a payer releases it: compartment, query parameters, Provenance, the consent
// filter seam, on our own records and on the PDex 2.0.0 examples / inferno-pdex $everything fixture.
#include "pdex/release/release.h"

#include "json/fields.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex_test_support.h"
#include "release_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using namespace pdex::release_testing;
using pdex::pdex_common::ResourceKey;

namespace {

std::set<std::string> KeySet(const std::vector<nlohmann::json>& entries, const char* mode = nullptr) {
  std::set<std::string> keys;
  for (const nlohmann::json& entry : entries) {
    if (mode == nullptr || entry["search"]["mode"] == mode) keys.insert(ResourceKey(entry["resource"]));
  }
  return keys;
}

std::vector<nlohmann::json> Resources(const std::vector<nlohmann::json>& entries) {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& entry : entries) out.push_back(entry["resource"]);
  return out;
}

// Provenance.target references of the released Provenances, by Provenance key.
std::map<std::string, std::vector<std::string>> Targets(const std::vector<nlohmann::json>& entries) {
  std::map<std::string, std::vector<std::string>> out;
  for (const nlohmann::json& entry : entries) {
    const nlohmann::json& resource = entry["resource"];
    if (resource["resourceType"] != "Provenance") continue;
    auto& targets = out[ResourceKey(resource)];
    for (const nlohmann::json& target : resource["target"]) targets.push_back(target.value("reference", ""));
  }
  return out;
}

// The released resource keys (non-Provenance) that some released Provenance targets.
std::set<std::string> Covered(const std::vector<nlohmann::json>& entries) {
  std::set<std::string> out;
  for (const auto& [key, targets] : Targets(entries)) {
    for (const std::string& target : targets) {
      const auto parts = pdex::pdex_common::ParseReference(target);
      if (parts) out.insert(pdex::pdex_common::TypeAndId(*parts));
    }
  }
  return out;
}

const nlohmann::json kPayer = {{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "1497758544"}}},
                               {"display", "Old Health Plan"}};

}  // namespace

TEST_CASE("the compartment is the member's data plus what it references; another member's data stays out", "[release]") {
  const Walk walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"payer", kPayer}});
  const std::set<std::string> match = KeySet(walk.entries, "match");
  CHECK(match == std::set<std::string>{"Patient/m1", "Encounter/enc-1", "Condition/cond-1", "Condition/cond-2",
                                       "MedicationRequest/mr-1", "Observation/obs-1", "Coverage/cov-1"});
  const std::set<std::string> include = KeySet(walk.entries, "include");
  for (const char* key : {"Organization/org-1", "Practitioner/pr-1", "Practitioner/pr-2", "Location/loc-1", "Medication/med-1"}) {
    CHECK(include.count(key) == 1);
  }
  for (const char* key : {"Patient/m2", "Condition/cond-m2", "Provenance/prov-m2", "Organization/org-unused"}) {
    CHECK(KeySet(walk.entries).count(key) == 0);
  }
}

TEST_CASE("a record with several Patients needs the member named; an unknown member or no base is refused", "[release]") {
  pdex::Issues issues;
  auto result = pdex::pdex_release::AssembleRelease(Record(MemberRecord()), pdex::pdex_release::ParseReleaseQuery({{"base", kOldBase}}, issues), {});
  CHECK(result.bundle.is_null());
  REQUIRE(!result.issues.empty());
  CHECK(result.issues[0].id == "release.patient-ambiguous");
  result = pdex::pdex_release::AssembleRelease(Record(MemberRecord()), pdex::pdex_release::ParseReleaseQuery({{"base", kOldBase}, {"patient", "zz"}}, issues), {});
  CHECK(result.bundle.is_null());
  CHECK(result.issues[0].id == "release.patient-not-found");
  result = pdex::pdex_release::AssembleRelease(Record(MemberRecord()), pdex::pdex_release::ParseReleaseQuery({{"patient", "m1"}}, issues), {});
  CHECK(result.issues[0].id == "release.base-missing");
}

TEST_CASE("_type narrows the member's data; supporting resources and Provenance still follow", "[release]") {
  const Walk walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"_type", "Condition,Encounter"}, {"payer", kPayer}});
  CHECK(KeySet(walk.entries, "match") == std::set<std::string>{"Encounter/enc-1", "Condition/cond-1", "Condition/cond-2"});
  CHECK(KeySet(walk.entries).count("Practitioner/pr-1") == 1);  // the Encounter's participant
  CHECK(KeySet(walk.entries).count("Medication/med-1") == 0);   // only the MedicationRequest needed it
}

TEST_CASE("_since keeps resources updated at or after the instant, across time zones", "[release]") {
  // cond-2 was updated 2024-07-01T00:00:00+02:00 = 2024-06-30T22:00:00Z.
  Walk walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"_since", "2024-06-30T21:59:59Z"}, {"payer", kPayer}});
  std::set<std::string> match = KeySet(walk.entries, "match");
  CHECK(match.count("Condition/cond-2") == 1);
  CHECK(match.count("Condition/cond-1") == 0);
  CHECK(match.count("MedicationRequest/mr-1") == 0);
  CHECK(match.count("Observation/obs-1") == 1);  // no lastUpdated: cannot be shown older
  CHECK(match.count("Patient/m1") == 1);
  walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"_since", "2024-06-30T22:00:01Z"}, {"payer", kPayer}});
  CHECK(KeySet(walk.entries, "match").count("Condition/cond-2") == 0);
}

TEST_CASE("start and end compare with each type's care date, at any precision", "[release]") {
  // enc-1 2023-02-01, cond-1 2023-02-01, cond-2 2024-06, mr-1 authoredOn 2022-11-30, obs-1 2021-01..2021-03.
  Walk walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"start", "2023"}, {"end", "2023-12-31"}, {"payer", kPayer}});
  CHECK(KeySet(walk.entries, "match") ==
        std::set<std::string>{"Patient/m1", "Encounter/enc-1", "Condition/cond-1", "Coverage/cov-1"});  // Coverage: no period
  walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"start", "2021-02-15"}, {"end", "2022-11"}, {"payer", kPayer}});
  CHECK(KeySet(walk.entries, "match") ==
        std::set<std::string>{"Patient/m1", "Observation/obs-1", "MedicationRequest/mr-1", "Coverage/cov-1"});
  walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"start", "2024-06-30"}, {"payer", kPayer}});
  CHECK(KeySet(walk.entries, "match").count("Condition/cond-2") == 1);  // "2024-06" reaches June 30
}

TEST_CASE("paging through every page returns each resource exactly once, with stable pages and capped _count", "[release][paging]") {
  std::vector<nlohmann::json> resources = MemberRecord();
  for (int i = 0; i < 40; ++i) {
    resources.push_back(Res("Observation", "o-" + std::to_string(i), {{"subject", Ref("Patient/m1")}, {"status", "final"},
                                                                      {"code", {{"text", "x"}}}}));
  }
  const nlohmann::json record = Record(resources);
  const Walk all = AllPages(record, {{"patient", "m1"}, {"_count", 1000}, {"payer", kPayer}});
  REQUIRE(all.pages.size() == 1);
  for (const int count : {1, 7, 50}) {
    const Walk walk = AllPages(record, {{"patient", "m1"}, {"_count", count}, {"payer", kPayer}});
    const std::multiset<std::string> keys = Keys(walk.entries);
    CHECK(keys.size() == all.entries.size());
    CHECK(std::set<std::string>(keys.begin(), keys.end()).size() == keys.size());  // none twice
    CHECK(keys == Keys(all.entries));
    for (const nlohmann::json& page : walk.pages) CHECK(page["total"] == all.entries.size());
    CHECK(walk.pages.size() == (all.entries.size() + count - 1) / static_cast<std::size_t>(count));
  }
  // The same request twice gives the same page: _offset is a cursor over a deterministic order.
  pdex::Issues issues;
  const auto query = pdex::pdex_release::ParseReleaseQuery({{"base", kOldBase}, {"patient", "m1"}, {"_count", 7}, {"page", 3}, {"payer", kPayer}}, issues);
  CHECK(query.offset == 14);
  const auto first = pdex::pdex_release::AssembleRelease(record, query, {});
  const auto again = pdex::pdex_release::AssembleRelease(record, query, {});
  CHECK(first.bundle == again.bundle);
  bool previous = false;
  for (const nlohmann::json& link : first.bundle["link"]) {
    if (link["relation"] == "previous") previous = OffsetOf(link["url"]) == 7;
    if (link["relation"] == "self") CHECK(link["url"].get<std::string>().find("/Patient/m1/$everything?_count=7&_offset=14") != std::string::npos);
  }
  CHECK(previous);
  // A _count past the cap is served at the cap, with a warning.
  issues.clear();
  const auto capped = pdex::pdex_release::ParseReleaseQuery({{"_count", 5000}}, issues);
  CHECK(capped.count == pdex::pdex_release::kMaxCount);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].id == "release.count-capped");
}

TEST_CASE("held Provenance keeps only released targets, and the payer adds a valid PDex Provenance where none exists", "[release][provenance]") {
  const Walk walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"payer", kPayer}});
  const auto targets = Targets(walk.entries);
  REQUIRE(targets.count("Provenance/prov-held") == 1);
  CHECK(targets.at("Provenance/prov-held") == std::vector<std::string>{"Condition/cond-1"});  // not cond-m2, not the Bundle
  CHECK(targets.count("Provenance/prov-m2") == 0);
  // Every released member resource has a Provenance.
  const std::set<std::string> covered = Covered(walk.entries);
  for (const std::string& key : KeySet(walk.entries, "match")) CHECK(covered.count(key) == 1);
  int added = 0;
  for (const nlohmann::json& entry : walk.entries) {
    const nlohmann::json& resource = entry["resource"];
    if (resource["resourceType"] != "Provenance" || resource["id"].get<std::string>().rfind("pdex-release-", 0) != 0) continue;
    ++added;
    CHECK(entry["search"]["mode"] == "include");
    CHECK(resource["agent"][0]["who"] == kPayer);
    CHECK(resource["agent"][0]["type"]["coding"][0]["code"] == "transmitter");
    CHECK(pdex::pdex_testing::ProfileErrors(resource) == "");
  }
  CHECK(added == 5);  // Patient, enc-1, mr-1, obs-1, cov-1: all member resources but cond-1 and cond-2
}

TEST_CASE("a filter that withholds data leaves no entry, reference, Provenance or lone supporting resource of it", "[release][filter]") {
  const Walk walk = AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"_count", 3}, {"payer", kPayer}},
                             Withholding({"Condition/cond-2"}));
  const std::set<std::string> keys = KeySet(walk.entries);
  CHECK(keys.count("Condition/cond-2") == 0);
  CHECK(keys.count("Provenance/prov-sensitive") == 0);  // its only target is withheld
  CHECK(keys.count("Practitioner/pr-2") == 0);          // seen only for the withheld condition
  for (const std::string& reference : AllReferences(Resources(walk.entries))) {
    CHECK(reference.find("cond-2") == std::string::npos);
    CHECK(reference.find("pr-2") == std::string::npos);
  }
  for (const nlohmann::json& page : walk.pages) CHECK(page.dump().find("cond-2") == std::string::npos);
  // The Encounter that gave it as a reason keeps the element, masked.
  for (const nlohmann::json& entry : walk.entries) {
    if (ResourceKey(entry["resource"]) != "Encounter/enc-1") continue;
    CHECK(entry["resource"]["reasonReference"][0]["extension"][0]["valueCode"] == "masked");
  }
  CHECK(keys.count("Condition/cond-1") == 1);
  CHECK(walk.pages[0]["total"] == walk.entries.size());
}

TEST_CASE("PDex 2.0.0 example Bundles: Provenance chains narrowed to what is released, the Bundle target dropped", "[release][ig]") {
  const std::string dir = pdex::pdex_testing::SharedDir() + "/ig/hl7.fhir.us.davinci-pdex#2.0.0/examples/";
  for (const char* name : {"Bundle-1000000-1.json", "Bundle-1000000-2.json", "Bundle-1000000-3.json", "Bundle-3000003.json"}) {
    const auto record = ReadJson(dir + name);
    if (!record) {
      WARN("skipped: " << dir << name << " not found (../shared absent)");
      return;
    }
    INFO(name);
    nlohmann::json query = {{"payer", kPayer}, {"_count", 2}};
    // Bundle-3000003 holds Conditions of Patient/1 without the Patient: add a Patient so it has a member.
    nlohmann::json input = *record;
    if (std::string(name) == "Bundle-3000003.json") input["entry"].push_back({{"resource", {{"resourceType", "Patient"}, {"id", "1"}}}});
    const Walk walk = AllPages(input, query);
    REQUIRE(!walk.entries.empty());
    const std::set<std::string> keys = KeySet(walk.entries);
    for (const auto& [provenance, targets] : Targets(walk.entries)) {
      CHECK(!targets.empty());
      for (const std::string& target : targets) {
        const auto parts = pdex::pdex_common::ParseReference(target);
        REQUIRE(parts);
        CHECK(keys.count(pdex::pdex_common::TypeAndId(*parts)) == 1);  // never Bundle/..., never unreleased
      }
    }
    const std::set<std::string> covered = Covered(walk.entries);
    for (const std::string& key : KeySet(walk.entries, "match")) CHECK(covered.count(key) == 1);
    for (const nlohmann::json& entry : walk.entries) {
      const nlohmann::json& resource = entry["resource"];
      if (resource["resourceType"] == "Provenance" && resource["id"].get<std::string>().rfind("pdex-release-", 0) == 0) {
        CHECK(pdex::pdex_testing::ProfileErrors(resource) == "");
      }
    }
  }
  // Bundle-1000000-1: the transmitter Provenance 1000004-1 targets only the Bundle, so it does not travel.
  const Walk first = AllPages(*ReadJson(dir + "Bundle-1000000-1.json"), {{"payer", kPayer}});
  CHECK(KeySet(first.entries).count("Provenance/1000004-1") == 0);
  CHECK(KeySet(first.entries).count("Provenance/1000002-1") == 1);
}

TEST_CASE("inferno-pdex $everything searchset as a record: every resource of Patient/999 released with Provenance", "[release][fixture]") {
  const auto record = ReadJson(pdex::pdex_testing::SharedDir() + "/fixtures/claims/inferno-pdex/everything_response.fhir.json");
  if (!record) {
    WARN("skipped: ../shared/fixtures/claims/inferno-pdex absent");
    return;
  }
  const Walk walk = AllPages(*record, {{"payer", kPayer}, {"_count", 4}});
  std::set<std::string> in_record;
  for (const nlohmann::json& entry : (*record)["entry"]) in_record.insert(ResourceKey(entry["resource"]));
  const std::set<std::string> match = KeySet(walk.entries, "match");
  for (const std::string& key : in_record) CHECK(KeySet(walk.entries).count(key) == 1);
  CHECK(match.count("Patient/999") == 1);
  const std::set<std::string> covered = Covered(walk.entries);
  for (const std::string& key : match) CHECK(covered.count(key) == 1);
  int validated = 0;
  for (const nlohmann::json& entry : walk.entries) {
    if (entry["resource"]["resourceType"] != "Provenance") continue;
    CHECK(pdex::pdex_testing::ProfileErrors(entry["resource"]) == "");
    ++validated;
  }
  CHECK(validated == static_cast<int>(match.size()));
}

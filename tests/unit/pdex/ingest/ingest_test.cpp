// The receiving payer: patient check, id and reference rewriting, NPI mapping, Provenance kept and
// added, the consent filter, idempotence — on releases of our own records and the PDex 2.0.0 examples.
#include "pdex/ingest/ingest.h"

#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex_test_support.h"
#include "../release/release_test_support.h"

#include <catch2/catch.hpp>

#include <map>

using namespace pdex::release_testing;
using pdex::pdex_common::ResourceKey;
using pdex::pdex_ingest::IngestOptions;
using pdex::pdex_ingest::IngestRelease;
using pdex::pdex_ingest::IngestResult;

namespace {

const nlohmann::json kNewPlan = {{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "1234567893"}}},
                                 {"display", "New Health Plan"}};

// The receiver's record: its member (same person, other ids) and an Organization with org-1's NPI.
std::vector<nlohmann::json> ReceiverResources() {
  return {Res("Patient", "new-7", {{"name", {{{"family", "APPLESEED"}, {"given", {"John"}}}}}, {"birthDate", "1986-01-01"}, {"gender", "male"},
                                   {"identifier", {{{"system", "https://new-plan.example/member"}, {"value", "N-7"}}}}}),
          Res("Organization", "clinic-at-new-plan", {{"identifier", NpiIdentifier("1144221847")}, {"name", "Good Health Clinic LLC"}})};
}

IngestOptions Options() {
  IngestOptions options;
  options.patient = "Patient/new-7";
  options.receiver = kNewPlan;
  options.recorded = "2025-01-15T12:00:00Z";
  return options;
}

// The pages the old plan releases for member m1.
std::vector<nlohmann::json> ReleasedPages(int count = 4) {
  return AllPages(Record(MemberRecord()), {{"patient", "m1"}, {"_count", count},
                                           {"payer", {{"display", "Old Health Plan"}}}}).pages;
}

std::vector<nlohmann::json> Stored(const IngestResult& result) {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& entry : result.transaction.value("entry", nlohmann::json::array())) out.push_back(entry["resource"]);
  return out;
}

// The receiver's record after applying the transaction (PUT = upsert by Type/id).
std::vector<nlohmann::json> Apply(std::vector<nlohmann::json> record, const IngestResult& result) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < record.size(); ++i) at[ResourceKey(record[i])] = i;
  for (const nlohmann::json& resource : Stored(result)) {
    const auto it = at.find(ResourceKey(resource));
    if (it != at.end()) {
      record[it->second] = resource;
    } else {
      at[ResourceKey(resource)] = record.size();
      record.push_back(resource);
    }
  }
  return record;
}

nlohmann::json Array(const std::vector<nlohmann::json>& resources) { return nlohmann::json(resources); }

}  // namespace

TEST_CASE("ingested resources get receiver ids, and no reference to the sender's ids survives", "[ingest]") {
  const std::vector<nlohmann::json> pages = ReleasedPages();
  const IngestResult result = IngestRelease(pages, Array(ReceiverResources()), Options(), {});
  REQUIRE(!result.transaction.is_null());
  const std::vector<nlohmann::json> stored = Stored(result);
  // Everything a reference names is stored now or was held already.
  std::set<std::string> known;
  for (const nlohmann::json& resource : Apply(ReceiverResources(), result)) known.insert(ResourceKey(resource));
  std::set<std::string> sender_keys;
  for (const nlohmann::json& resource : MemberRecord()) sender_keys.insert(ResourceKey(resource));
  for (const std::string& reference : AllReferences(stored)) {
    INFO(reference);
    CHECK(known.count(reference) == 1);
    CHECK(sender_keys.count(reference) == 0);
    CHECK(reference.find(kOldBase) == std::string::npos);
  }
  for (const nlohmann::json& entry : result.transaction["entry"]) {
    CHECK(entry["request"]["method"] == "PUT");
    CHECK(entry["request"]["url"] == ResourceKey(entry["resource"]));
    CHECK(sender_keys.count(ResourceKey(entry["resource"])) == 0);
  }
  // The source id is kept as an identifier; the member's Patient gains the sender's identifiers.
  bool encounter_seen = false;
  for (const nlohmann::json& resource : stored) {
    if (resource["resourceType"] == "Encounter") {
      encounter_seen = true;
      CHECK(pdex::pdex_common::IdentifierValueBySystem(resource["identifier"], pdex::pdex_codes::kUriIdentifierSystem) ==
            std::string(kOldBase) + "/Encounter/enc-1");
    }
    if (ResourceKey(resource) == "Patient/new-7") {
      CHECK(pdex::pdex_common::IdentifierValueBySystem(resource["identifier"], "https://old-plan.example/member") == "M-1");
      CHECK(pdex::pdex_common::IdentifierValueBySystem(resource["identifier"], "https://new-plan.example/member") == "N-7");
      CHECK(resource["name"][0]["family"] == "APPLESEED");  // the receiver's own data stays
    }
  }
  CHECK(encounter_seen);
  CHECK(result.report["received"] == 19);  // 7 member, 5 supporting, 2 held + 5 added Provenances, over every page
}

TEST_CASE("Practitioner/Organization/Location map by NPI onto the receiver's, or are created once", "[ingest][npi]") {
  const IngestResult result = IngestRelease(ReleasedPages(), Array(ReceiverResources()), Options(), {});
  REQUIRE(!result.transaction.is_null());
  CHECK(result.report["idMap"][std::string(kOldBase) + "/Organization/org-1"] == "Organization/clinic-at-new-plan");
  CHECK(result.report["mappedByNpi"] == 1);
  for (const nlohmann::json& resource : Stored(result)) {
    CHECK(resource["resourceType"] != "Organization");  // the held clinic is not overwritten
    if (resource["resourceType"] == "Coverage") CHECK(resource["payor"][0]["reference"] == "Organization/clinic-at-new-plan");
    if (resource["resourceType"] == "Location") CHECK(resource["managingOrganization"]["reference"] == "Organization/clinic-at-new-plan");
  }
  // Practitioners pr-1, pr-2 are not held: created under new ids, keeping their NPI.
  int practitioners = 0;
  for (const nlohmann::json& resource : Stored(result)) {
    if (resource["resourceType"] != "Practitioner") continue;
    ++practitioners;
    CHECK(!pdex::pdex_common::IdentifierValueBySystem(resource["identifier"], pdex::pdex_codes::kNpiSystem).empty());
  }
  CHECK(practitioners == 2);
  CHECK(result.report["createdSupporting"] == 3);  // pr-1, pr-2, loc-1
}

TEST_CASE("the sender's Provenance is kept with rewritten targets; ours says custodian, RECORDMGT, APPEND and validates", "[ingest][provenance]") {
  const IngestResult result = IngestRelease(ReleasedPages(), Array(ReceiverResources()), Options(), {});
  REQUIRE(!result.transaction.is_null());
  const std::string held = result.report["idMap"][std::string(kOldBase) + "/Provenance/prov-held"];
  const std::string condition = result.report["idMap"][std::string(kOldBase) + "/Condition/cond-1"];
  int custodians = 0, non_provenance = 0;
  for (const nlohmann::json& resource : Stored(result)) {
    if (resource["resourceType"] != "Provenance") {
      ++non_provenance;
      continue;
    }
    if (ResourceKey(resource) == held) CHECK(resource["target"] == nlohmann::json::array({Ref(condition)}));
    if (resource["id"].get<std::string>().rfind("pdex-custody-", 0) != 0) continue;
    ++custodians;
    CHECK(resource["reason"][0]["coding"][0]["code"] == "RECORDMGT");
    CHECK(resource["activity"]["coding"][0]["code"] == "APPEND");
    CHECK(resource["agent"][0]["type"]["coding"][0]["code"] == "custodian");
    CHECK(resource["agent"][0]["who"] == kNewPlan);
    CHECK(pdex::pdex_testing::ProfileErrors(resource) == "");
  }
  CHECK(custodians == non_provenance);  // one per stored resource, the Patient included
}

TEST_CASE("ingest is idempotent: the same pages again, or twice in one go, store nothing new", "[ingest][idempotent]") {
  const std::vector<nlohmann::json> pages = ReleasedPages();
  const IngestResult first = IngestRelease(pages, Array(ReceiverResources()), Options(), {});
  REQUIRE(!first.transaction.is_null());
  const std::vector<nlohmann::json> after = Apply(ReceiverResources(), first);
  IngestOptions later = Options();
  later.recorded = "2025-02-01T00:00:00Z";  // another day: held custodian Provenances keep their time
  const IngestResult second = IngestRelease(pages, Array(after), later, {});
  REQUIRE(!second.transaction.is_null());
  CHECK_FALSE(second.transaction.contains("entry"));
  CHECK(second.report["upserted"] == 0);
  CHECK(second.report["unchanged"] == first.report["upserted"]);
  CHECK(Apply(after, second) == after);
  // Pages duplicated, reordered and paged differently: the same transaction.
  std::vector<nlohmann::json> doubled = ReleasedPages(5);
  const std::vector<nlohmann::json> copy = doubled;
  doubled.insert(doubled.begin(), copy.rbegin(), copy.rend());
  const IngestResult once_more = IngestRelease(doubled, Array(ReceiverResources()), Options(), {});
  CHECK(Keys(first.transaction["entry"]) == Keys(once_more.transaction["entry"]));
  CHECK(once_more.transaction == first.transaction);
  CHECK(Stored(once_more).size() == Stored(first).size());
}

TEST_CASE("a received Patient that is not the member is refused and nothing is stored", "[ingest][patient]") {
  std::vector<nlohmann::json> receiver = ReceiverResources();
  receiver[0]["birthDate"] = "1986-02-01";
  IngestResult result = IngestRelease(ReleasedPages(), Array(receiver), Options(), {});
  CHECK(result.transaction.is_null());
  REQUIRE(!result.issues.empty());
  CHECK(result.issues.back().id == "ingest.patient-mismatch");
  CHECK(result.issues.back().diagnostics.find("birthDate") != std::string::npos);
  receiver = ReceiverResources();
  receiver[0]["name"][0]["family"] = "Smith";
  result = IngestRelease(ReleasedPages(), Array(receiver), Options(), {});
  CHECK(result.transaction.is_null());
  CHECK(result.issues.back().id == "ingest.patient-mismatch");
  // A hyphenated family name shares a part: the same person.
  receiver[0]["name"][0]["family"] = "Smith-Appleseed";
  CHECK_FALSE(IngestRelease(ReleasedPages(), Array(receiver), Options(), {}).transaction.is_null());
  IngestOptions wrong = Options();
  wrong.patient = "Patient/nobody";
  result = IngestRelease(ReleasedPages(), Array(ReceiverResources()), wrong, {});
  CHECK(result.transaction.is_null());
  CHECK(result.issues.back().id == "ingest.target-not-found");
}

TEST_CASE("what the consent filter does not allow is never stored, nor referenced", "[ingest][filter]") {
  const IngestResult result = IngestRelease(ReleasedPages(), Array(ReceiverResources()), Options(),
                                            Withholding({"Condition/cond-2", "Practitioner/pr-2"}));
  REQUIRE(!result.transaction.is_null());
  CHECK(result.report["withheld"] == 2);
  const std::string text = result.transaction.dump();
  CHECK(text.find("cond-2") == std::string::npos);
  CHECK(text.find("sensitive") == std::string::npos);
  CHECK(text.find("Psych") == std::string::npos);
  CHECK(result.report["idMap"].dump().find("cond-2") == std::string::npos);
  for (const nlohmann::json& resource : Stored(result)) {
    // prov-sensitive targeted only the withheld Condition: dropped.
    if (resource["resourceType"] == "Provenance") CHECK(resource["target"].size() >= 1);
  }
  CHECK(result.report["droppedProvenance"] == 1);
}

TEST_CASE("contained resources are rewritten too; a urn:uuid collection ingests", "[ingest]") {
  const nlohmann::json patient = Res("Patient", "p", {{"name", {{{"family", "Appleseed"}}}}, {"birthDate", "1986-01-01"}});
  const nlohmann::json request = Res("MedicationRequest", "mr", {
      {"status", "active"}, {"intent", "order"}, {"subject", Ref("urn:uuid:0d3b1a9c-0000-4000-8000-000000000001")},
      {"medicationReference", Ref("#m")},
      {"contained", {Res("Medication", "m", {{"code", {{"text", "x"}}}}),
                     Res("Provenance", "cp", {{"target", {Ref("urn:uuid:0d3b1a9c-0000-4000-8000-000000000002")}}})}}});
  const nlohmann::json bundle = {{"resourceType", "Bundle"}, {"type", "collection"},
                                 {"entry", {{{"fullUrl", "urn:uuid:0d3b1a9c-0000-4000-8000-000000000001"}, {"resource", patient}},
                                            {{"fullUrl", "urn:uuid:0d3b1a9c-0000-4000-8000-000000000002"}, {"resource", request}}}}};
  const IngestResult result = IngestRelease({bundle}, Array(ReceiverResources()), Options(), {});
  REQUIRE(!result.transaction.is_null());
  for (const nlohmann::json& resource : Stored(result)) {
    if (resource["resourceType"] != "MedicationRequest") continue;
    CHECK(resource["subject"]["reference"] == "Patient/new-7");
    CHECK(resource["medicationReference"]["reference"] == "#m");
    CHECK(resource["contained"][1]["target"][0]["reference"] == "MedicationRequest/" + resource["id"].get<std::string>());
  }
}

TEST_CASE("PDex 2.0.0 example chain: Bundle-1000000-2 ingested, its transmitter Provenance spread over what the Bundle held", "[ingest][ig]") {
  const auto bundle = ReadJson(pdex::pdex_testing::SharedDir() + "/ig/hl7.fhir.us.davinci-pdex#2.0.0/examples/Bundle-1000000-2.json");
  if (!bundle) {
    WARN("skipped: ../shared absent");
    return;
  }
  const IngestResult result = IngestRelease({*bundle}, Array(ReceiverResources()), Options(), {});
  REQUIRE(!result.transaction.is_null());
  const std::string transmitter = result.report["idMap"]["https://example.com/base/Provenance/1000005-2"];
  std::set<std::string> stored_keys;
  for (const nlohmann::json& resource : Stored(result)) stored_keys.insert(ResourceKey(resource));
  bool found = false;
  for (const nlohmann::json& resource : Stored(result)) {
    for (const std::string& reference : AllReferences({resource})) {
      CHECK(reference.find("example.com") == std::string::npos);
      CHECK(reference.find("Bundle/") == std::string::npos);
    }
    if (ResourceKey(resource) != transmitter) continue;
    found = true;
    std::set<std::string> targets;
    for (const nlohmann::json& target : resource["target"]) targets.insert(target["reference"]);
    CHECK(targets.count("Patient/new-7") == 1);
    CHECK(targets.size() == 8);  // the Patient, 3 Encounters, the 4 other Provenances
    for (const std::string& target : targets) CHECK((stored_keys.count(target) == 1 || target == "Patient/new-7"));
  }
  CHECK(found);
  // Its stored Encounters still declare us-core-encounter and carry no sender id but the source identifier.
  for (const nlohmann::json& resource : Stored(result)) {
    if (resource["resourceType"] == "Provenance" && resource["id"].get<std::string>().rfind("pdex-custody-", 0) == 0) {
      CHECK(pdex::pdex_testing::ProfileErrors(resource) == "");
    }
  }
}

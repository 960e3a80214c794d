// The mapping rules of pdex-facts §7.2 on the CARIN BB 1.1.0 inpatient and pharmacy examples: what
// each EOB element becomes. Expected values are read from the input EOB where they are copied.
#include "claims_test_support.h"

#include <filesystem>

namespace fs = std::filesystem;
using pdex::claims::ClaimsOptions;
using pdex::claims::ClaimsResult;
using pdex::claims::ClaimsToClinicalDocuments;

namespace {

const fs::path kExamples = fs::path(PDEX_SHARED_DIR) / "ig/hl7.fhir.us.carin-bb#1.1.0/examples";

std::vector<nlohmann::json> OfType(const ClaimsResult& result, const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& entry : result.bundle["entry"]) {
    if (entry["resource"]["resourceType"] == type) out.push_back(entry["resource"]);
  }
  return out;
}

}  // namespace

TEST_CASE("inpatient institutional EOB: Encounter IMP, diagnoses, ICD-10-PCS procedures, care team, x12837",
          "[claims][mapping]") {
  const fs::path file = kExamples / "ExplanationOfBenefit-InpatientEOBExample1.json";
  if (!fs::exists(file)) {
    WARN("skipped: " << file << " is absent");
    return;
  }
  const nlohmann::json eob = nlohmann::json::parse(pdex::claims_testing::ReadFile(file.string()));
  const nlohmann::json practitioner =
      nlohmann::json::parse(pdex::claims_testing::ReadFile((kExamples / "Practitioner-Practitioner2.json").string()));
  const nlohmann::json organization =
      nlohmann::json::parse(pdex::claims_testing::ReadFile((kExamples / "Organization-ProviderOrganization3.json").string()));
  const ClaimsResult result = ClaimsToClinicalDocuments({&eob, &practitioner, &organization}, ClaimsOptions{});
  pdex::claims_testing::CheckConversion(result, "inpatient example");

  const auto encounters = OfType(result, "Encounter");
  REQUIRE(encounters.size() == 1);
  const nlohmann::json& encounter = encounters[0];
  CHECK(encounter["class"]["code"] == "IMP");
  CHECK(encounter["status"] == "finished");
  CHECK(encounter["identifier"][0]["value"] == eob["identifier"][0]["value"]);
  CHECK(encounter["subject"] == eob["patient"]);
  CHECK(encounter["period"]["start"] == "2017-05-23");  // admissionperiod
  CHECK(encounter["serviceProvider"]["reference"].get<std::string>().rfind("Organization/", 0) == 0);
  const std::string encounter_ref = "Encounter/" + encounter["id"].get<std::string>();

  std::set<std::string> eob_codes, condition_codes;
  for (const nlohmann::json& diagnosis : eob["diagnosis"]) {
    eob_codes.insert(diagnosis["diagnosisCodeableConcept"]["coding"][0]["code"].get<std::string>());
  }
  for (const nlohmann::json& condition : OfType(result, "Condition")) {
    condition_codes.insert(condition["code"]["coding"][0]["code"].get<std::string>());
    CHECK(condition["category"][0]["coding"][0]["code"] == "encounter-diagnosis");
    CHECK(condition["encounter"]["reference"] == encounter_ref);
  }
  CHECK(condition_codes == eob_codes);
  CHECK(encounter["diagnosis"].size() == eob_codes.size());

  int icd10pcs = 0;
  for (const nlohmann::json& procedure : OfType(result, "Procedure")) {
    CHECK(procedure["status"] == "completed");
    CHECK(procedure["encounter"]["reference"] == encounter_ref);
    CHECK(procedure.contains("performedDateTime") != procedure.contains("performedPeriod"));
    if (procedure["code"]["coding"][0]["system"] == "http://www.cms.gov/Medicare/Coding/ICD10") {
      ++icd10pcs;
      CHECK(procedure["performedDateTime"] == "2017-05-23");
    }
  }
  CHECK(icd10pcs == static_cast<int>(eob["procedure"].size()));

  const auto teams = OfType(result, "CareTeam");
  REQUIRE(teams.size() == 1);
  CHECK(teams[0]["encounter"]["reference"] == encounter_ref);
  CHECK(teams[0]["participant"].size() == eob["careTeam"].size());

  const auto provenances = OfType(result, "Provenance");
  REQUIRE(provenances.size() == 1);
  CHECK(provenances[0]["recorded"] == eob["created"]);
  CHECK(provenances[0]["entity"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "x12837");
  CHECK(provenances[0]["target"].size() == result.bundle["entry"].size() - 1);
}

TEST_CASE("pharmacy EOB: PDex MedicationDispense with NDC, days supply, refills; ncpdp", "[claims][mapping]") {
  const fs::path file = kExamples / "ExplanationOfBenefit-EOBPharmacy1.json";
  if (!fs::exists(file)) {
    WARN("skipped: " << file << " is absent");
    return;
  }
  const nlohmann::json eob = nlohmann::json::parse(pdex::claims_testing::ReadFile(file.string()));
  const ClaimsResult result = ClaimsToClinicalDocuments({&eob}, ClaimsOptions{});
  pdex::claims_testing::CheckConversion(result, "pharmacy example");
  const auto dispenses = OfType(result, "MedicationDispense");
  REQUIRE(dispenses.size() == 1);
  const nlohmann::json& dispense = dispenses[0];
  CHECK(dispense["medicationCodeableConcept"]["coding"][0] == eob["item"][0]["productOrService"]["coding"][0]);
  CHECK(dispense["status"] == "completed");
  CHECK(dispense["daysSupply"]["value"] == 30);
  CHECK(dispense["extension"][0]["url"] == "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/DispenseRefill");
  CHECK(dispense["performer"][0]["actor"] == eob["provider"]);
  CHECK(OfType(result, "Encounter")[0]["class"]["code"] == "AMB");
  const auto provenances = OfType(result, "Provenance");
  REQUIRE(provenances.size() == 1);
  CHECK(provenances[0]["entity"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "ncpdp");
  // The insurer is the transmitter when no payer is given.
  bool transmitter = false;
  for (const nlohmann::json& agent : provenances[0]["agent"]) {
    if (agent["type"]["coding"][0]["code"] == "transmitter") transmitter = agent["who"] == eob["insurer"];
  }
  CHECK(transmitter);
}

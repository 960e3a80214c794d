// Claims → clinical over generated claims (eob_generator.h): every claim type and the awkward cases
// real feeds have. Every produced resource meets its profile; skipped parts are reported; a second
// run gives the same Bundle (idempotent ids).
#include "claims_test_support.h"
#include "eob_generator.h"

#include <iostream>

using pdex::claims::ClaimsOptions;
using pdex::claims::ClaimsResult;
using pdex::claims::ClaimsToClinicalDocuments;
using pdex::claims_testing::CheckConversion;
using pdex::claims_testing::CountByType;
using pdex::claims_testing::GenerateClaims;

namespace {

bool HasIssue(const ClaimsResult& result, const std::string& id) {
  for (const pdex::Issue& issue : result.issues) {
    if (issue.id == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("generated claims of every type convert into resources that meet their profiles", "[claims][generated]") {
  const auto generated = GenerateClaims(20261204, 250);
  const ClaimsResult result = ClaimsToClinicalDocuments({&generated.bundle}, ClaimsOptions{});
  const int checked = CheckConversion(result, "generated claims");
  std::cout << "claims-to-clinical generated (seed 20261204): " << result.figures.eobs_converted << " of "
            << result.figures.eobs_read << " EOBs converted, " << result.figures.resources << " resources + "
            << result.figures.provenances << " Provenance, " << checked << " of " << result.bundle["entry"].size()
            << " validate with 0 errors;";
  for (const auto& [type, count] : CountByType(result.bundle)) std::cout << " " << type << " " << count;
  std::cout << "\n";
  CHECK(result.figures.eobs_read == 250);
  // A claim is skipped only for want of a receipt date (created 80%, but meta.lastUpdated always set).
  CHECK(result.figures.eobs_converted == 250);
  CHECK_FALSE(pdex::HasErrors(result.issues));
  for (const char* type : {"Encounter", "Condition", "Procedure", "MedicationDispense", "CareTeam", "Practitioner",
                           "Organization", "Location", "Provenance"}) {
    INFO(type);
    CHECK(CountByType(result.bundle).count(type) == 1);
  }
  // The generator's awkward parts are reported, not emitted invalid.
  for (const char* id : {"claims.diagnosis-no-code", "claims.item-not-procedure", "claims.item-no-ndc",
                         "claims.provider-incomplete", "claims.careteam-member-skipped"}) {
    INFO(id);
    CHECK(HasIssue(result, id));
  }
}

TEST_CASE("converting the same claims twice gives the same Bundle", "[claims][generated]") {
  const auto generated = GenerateClaims(7, 40);
  const ClaimsResult first = ClaimsToClinicalDocuments({&generated.bundle}, ClaimsOptions{});
  const ClaimsResult second = ClaimsToClinicalDocuments({&generated.bundle}, ClaimsOptions{});
  CheckConversion(first, "40 generated claims, validated as one Bundle too");
  CHECK(first.bundle == second.bundle);
  // The same claims given twice in one call are converted once.
  const ClaimsResult doubled = ClaimsToClinicalDocuments({&generated.bundle, &generated.bundle}, ClaimsOptions{});
  CHECK(doubled.bundle["entry"].size() == first.bundle["entry"].size());
}

TEST_CASE("providers are de-duplicated by NPI across claims", "[claims][generated]") {
  const auto generated = GenerateClaims(11, 120);
  const ClaimsResult result = ClaimsToClinicalDocuments({&generated.bundle}, ClaimsOptions{});
  std::set<std::string> npis;
  for (const nlohmann::json& entry : result.bundle["entry"]) {
    const nlohmann::json& resource = entry["resource"];
    if (resource["resourceType"] != "Practitioner" && resource["resourceType"] != "Organization") continue;
    for (const nlohmann::json& identifier : resource["identifier"]) {
      if (identifier["system"] == "http://hl7.org/fhir/sid/us-npi") {
        CHECK(npis.insert(resource["resourceType"].get<std::string>() + identifier["value"].get<std::string>()).second);
      }
    }
  }
  CHECK_FALSE(npis.empty());
}

TEST_CASE("the payer option is the transmitter and the receipt option the recorded date", "[claims][generated]") {
  const auto generated = GenerateClaims(3, 10);
  ClaimsOptions options;
  options.payer = {{"resourceType", "Organization"}, {"id", "newpayer"}, {"active", true}, {"name", "New Health Plan"},
                   {"identifier", {{{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", "1497758544"}}}}};
  options.receipt = "2024-03-01";
  const ClaimsResult result = ClaimsToClinicalDocuments({&generated.bundle}, options);
  CheckConversion(result, "payer option");
  int provenances = 0;
  for (const nlohmann::json& entry : result.bundle["entry"]) {
    const nlohmann::json& resource = entry["resource"];
    if (resource["resourceType"] != "Provenance") continue;
    ++provenances;
    CHECK(resource["recorded"] == "2024-03-01T00:00:00Z");
    bool transmitter = false;
    for (const nlohmann::json& agent : resource["agent"]) {
      if (agent["type"]["coding"][0]["code"] == "transmitter") {
        transmitter = true;
        CHECK(agent["who"]["reference"] == "Organization/npi-1497758544");
      }
    }
    CHECK(transmitter);
  }
  CHECK(provenances == 10);
}

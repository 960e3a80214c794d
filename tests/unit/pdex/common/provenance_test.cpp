#include "pdex/common/provenance.h"

#include "pdex/common/codes.h"
#include "pdex_test_support.h"

#include <catch2/catch.hpp>

using pdex::pdex_common::BuildPdexProvenance;
using pdex::pdex_common::ProvenanceSpec;

namespace {

nlohmann::json Npi(const char* npi, const char* display) {
  return {{"identifier", {{"system", pdex::pdex_codes::kNpiSystem}, {"value", npi}}}, {"display", display}};
}

}  // namespace

TEST_CASE("a claim-derived Provenance names author, transmitter and source format and meets pdex-provenance",
          "[provenance]") {
  ProvenanceSpec spec;
  spec.id = "prov-1";
  spec.targets = {"Condition/c-1", "Encounter/e-1"};
  spec.recorded = "2024-03-01T10:00:00Z";
  spec.authors = {{Npi("1234567893", "Good Health Clinic"), nullptr}};
  spec.transmitter = Npi("1497758544", "Old Health Plan");
  spec.source_format = "x12837";
  const nlohmann::json provenance = BuildPdexProvenance(spec);

  CHECK(provenance["meta"]["profile"] == nlohmann::json::array({pdex::pdex_codes::kPdexProvenance}));
  CHECK(provenance["target"].size() == 2);
  CHECK(provenance["agent"].size() == 2);
  CHECK(provenance["entity"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "x12837");
  CHECK(pdex::pdex_testing::ProfileErrors(provenance) == "");
}

TEST_CASE("a practitioner author carries onBehalfOf and a custodian Provenance has no entity", "[provenance]") {
  ProvenanceSpec spec;
  spec.targets = {"MedicationDispense/md-1"};
  spec.recorded = "2024-03-01T10:00:00Z";
  spec.authors = {{{{"reference", "Practitioner/p-1"}}, {{"reference", "Organization/o-1"}}}};
  spec.custodian = Npi("1497758544", "New Health Plan");
  const nlohmann::json provenance = BuildPdexProvenance(spec);

  CHECK(provenance["agent"][0]["onBehalfOf"]["reference"] == "Organization/o-1");
  CHECK_FALSE(provenance.contains("entity"));
  CHECK_FALSE(provenance.contains("id"));
}

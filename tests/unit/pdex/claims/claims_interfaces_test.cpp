// The interfaces of claims → clinical: Engine::ClaimsToClinical (what the WASM binding wraps) and the
// built `pdex claims-to-clinical` command, on the CARIN BB example EOBs and on bad input.
#include "../../cli/run_pdex.h"
#include "api/engine.h"
#include "claims_test_support.h"

#include <filesystem>

namespace fs = std::filesystem;
using pdex::claims_testing::ReadFile;
using pdex::testing::Pdex;
using pdex::testing::Run;

namespace {

const fs::path kExamples = fs::path(PDEX_SHARED_DIR) / "ig/hl7.fhir.us.carin-bb#1.1.0/examples";

const nlohmann::json& Parameter(const nlohmann::json& parameters, const std::string& name) {
  for (const nlohmann::json& parameter : parameters["parameter"]) {
    if (parameter["name"] == name) return parameter["resource"];
  }
  FAIL("no parameter " << name);
  static const nlohmann::json kNull;
  return kNull;
}

// ' path ' for the shell, built by appending (GCC 12's -Wrestrict misfires on "'" + std::string).
std::string Quoted(const fs::path& path) {
  std::string out(1, '\'');
  out += path.string();
  out += "' ";
  return out;
}

}  // namespace

TEST_CASE("Engine::ClaimsToClinical returns the Bundle and the outcome as Parameters", "[claims][engine]") {
  const fs::path eob = kExamples / "ExplanationOfBenefit-EOBPharmacy1.json";
  if (!fs::exists(eob)) {
    WARN("skipped: " << eob << " is absent");
    return;
  }
  const pdex::api::Engine engine;
  const nlohmann::json answer = engine.ClaimsToClinical(ReadFile(eob.string()),
                                                        R"({"receipt": "2024-05-01", "base": "https://payer.example/fhir"})");
  REQUIRE(answer["resourceType"] == "Parameters");
  const nlohmann::json& bundle = Parameter(answer, "return");
  CHECK(bundle["type"] == "collection");
  bool dispense = false;
  for (const nlohmann::json& entry : bundle["entry"]) {
    CHECK(entry["fullUrl"].get<std::string>().rfind("https://payer.example/fhir/", 0) == 0);
    if (entry["resource"]["resourceType"] == "MedicationDispense") {
      dispense = true;
      CHECK(entry["resource"]["medicationCodeableConcept"]["coding"][0]["code"] == "0777-3105-02");
      CHECK(entry["resource"]["daysSupply"]["value"] == 30);
    }
    if (entry["resource"]["resourceType"] == "Provenance") {
      CHECK(entry["resource"]["recorded"] == "2024-05-01T00:00:00Z");
      CHECK(entry["resource"]["entity"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "ncpdp");
    }
  }
  CHECK(dispense);
  CHECK(Parameter(answer, "outcome")["resourceType"] == "OperationOutcome");
}

TEST_CASE("Engine::ClaimsToClinical answers unusable input or options with an OperationOutcome", "[claims][engine]") {
  const pdex::api::Engine engine;
  CHECK(engine.ClaimsToClinical("{oops")["resourceType"] == "OperationOutcome");
  CHECK(engine.ClaimsToClinical(R"({"resourceType":"Patient","id":"p"})")["resourceType"] == "Parameters");
  const nlohmann::json bad_options = engine.ClaimsToClinical(R"({"resourceType":"Patient"})", "{options");
  REQUIRE(bad_options["resourceType"] == "OperationOutcome");
  CHECK(bad_options["issue"][0]["severity"] == "error");
}

TEST_CASE("pdex claims-to-clinical prints one collection Bundle over several files", "[claims][cli]") {
  if (!fs::is_directory(kExamples)) {
    WARN("skipped: " << kExamples << " is absent");
    return;
  }
  std::string args = "claims-to-clinical --payer ";
  for (const char* file : {"Organization-PayerOrganizationExample1.json", "ExplanationOfBenefit-InpatientEOBExample1.json",
                           "ExplanationOfBenefit-ProfessionalEOBExample1.json", "Practitioner-Practitioner1.json",
                           "Practitioner-Practitioner2.json"}) {
    args += Quoted(kExamples / file);
  }
  const Run run = Pdex(args);
  CHECK(run.status == 0);
  const nlohmann::json bundle = nlohmann::json::parse(run.out);
  CHECK(bundle["type"] == "collection");
  std::set<std::string> practitioners;
  int provenances = 0;
  for (const nlohmann::json& entry : bundle["entry"]) {
    const nlohmann::json& resource = entry["resource"];
    if (resource["resourceType"] == "Practitioner") practitioners.insert(resource["id"].get<std::string>());
    if (resource["resourceType"] == "Provenance") ++provenances;
    CHECK(pdex::pdex_testing::ProfileErrors(resource) == "");
  }
  CHECK(practitioners.size() == 2);  // Practitioner1 and Practitioner2, each once
  CHECK(provenances == 2);
}

TEST_CASE("pdex claims-to-clinical: usage errors exit 2, unreadable JSON exits 1", "[claims][cli]") {
  CHECK(Pdex("claims-to-clinical").status == 2);
  CHECK(Pdex("claims-to-clinical --bogus x.json").status == 2);
  CHECK(Pdex("claims-to-clinical /nonexistent/file.json").status == 2);
  const fs::path bad = fs::temp_directory_path() / "pdex-claims-bad.json";
  { std::ofstream(bad) << "{not json"; }
  const fs::path outcome = fs::temp_directory_path() / "pdex-claims-outcome.json";
  std::string args = "claims-to-clinical --outcome ";
  args += Quoted(outcome);
  args += Quoted(bad);
  const Run run = Pdex(args);
  CHECK(run.status == 1);
  const nlohmann::json answer = nlohmann::json::parse(ReadFile(outcome.string()));
  CHECK(answer["resourceType"] == "OperationOutcome");
  CHECK(answer["issue"][0]["severity"] == "error");
  fs::remove(bad);
  fs::remove(outcome);
}

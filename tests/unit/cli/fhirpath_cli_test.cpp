// Runs the built `pdex` binary: `pdex fhirpath` output, exit codes and stderr messages.
#include "run_pdex.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

using pdex::testing::Pdex;
using pdex::testing::ReadAll;
using pdex::testing::Run;

namespace {

const std::string kInput = std::string(PDEX_SHARED_DIR) + "/fixtures/fhirpath/input-json/";

}  // namespace

TEST_CASE("pdex fhirpath prints the result collection as JSON", "[cli]") {
  Run r = Pdex("fhirpath \"1 + 1 | 'a' | @2015-02-04 | 4 'g'\" {}");
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(R"([2, "a", "@2015-02-04", {"value": 4, "unit": "g"}])"));
  r = Pdex("fhirpath '%context.count()' - < /dev/null");
  CHECK(r.status == 1);  // empty stdin is not JSON
}

TEST_CASE("pdex fhirpath over a resource, with and without definitions", "[cli]") {
  std::ifstream probe(kInput + "observation-example.json");
  if (!probe) {
    WARN("fixtures absent; skipped");
    return;
  }
  Run r = Pdex("fhirpath 'Observation.value.unit | Observation.value.is(Quantity)' " + kInput + "observation-example.json");
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(R"(["lbs", true])"));
  r = Pdex("fhirpath --syntax-only 'Observation.value.unit' - < " + kInput + "observation-example.json");
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(R"(["lbs"])"));
  const std::string err = "/tmp/pdex_fhirpath_cli_trace.txt";
  r = Pdex("fhirpath \"Patient.name.given.trace('g').count()\" " + kInput + "patient-example.json", err);
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse("[5]"));
  CHECK(ReadAll(err).find("trace g:") != std::string::npos);
}

TEST_CASE("pdex fhirpath exit codes and messages", "[cli]") {
  const std::string err = "/tmp/pdex_fhirpath_cli_err.txt";
  Run r = Pdex("fhirpath 'name.(' {}", err);
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(ReadAll(err).find("syntax error at position 5") != std::string::npos);
  r = Pdex("fhirpath '(1 | 2).single()' {}", err);
  CHECK(r.status == 1);
  CHECK(ReadAll(err).find("evaluation error at position 8") != std::string::npos);
  r = Pdex("fhirpath '-7 mod 3' {}");  // a leading '-' starts an expression, not an option
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse("[-1]"));
  CHECK(Pdex("fhirpath '1'").status == 2);
  CHECK(Pdex("fhirpath --bogus '1' {}").status == 2);
  CHECK(Pdex("fhirpath --definitions /nonexistent '1' {}").status == 2);
  CHECK(Pdex("fhirpath '1' /nonexistent.json").status == 1);
  r = Pdex("fhirpath --help");
  CHECK(r.status == 0);
  CHECK(r.out.find("usage: pdex fhirpath") != std::string::npos);
  CHECK(Pdex("--help").out.find("fhirpath") != std::string::npos);
}

TEST_CASE("pdex fhirpath types elements from the definitions pack it finds, as pdex validate does", "[cli]") {
  const std::string patient = "/tmp/pdex_fhirpath_cli_patient.json";
  std::ofstream(patient) << R"({"resourceType": "Patient", "gender": "female", "deceasedBoolean": false})";
  // Found beside the binary (build/native/definitions): FHIR types, as the specification answers.
  Run r = Pdex("fhirpath 'Patient.gender.is(code) and Patient.deceased.is(boolean)' " + patient);
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse("[true]"));
  r = Pdex("fhirpath --definitions " + std::string(PDEX_MEDPLUM_R4_DIR) + " 'Patient.gender.is(code)' " + patient);
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse("[true]"));
  // --syntax-only asked for types inferred from the JSON: a string is no FHIR code then.
  r = Pdex("fhirpath --syntax-only 'Patient.gender.is(code)' " + patient);
  CHECK(r.status == 0);
  CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse("[false]"));
  const std::string err = "/tmp/pdex_fhirpath_cli_definitions.txt";
  CHECK(Pdex("fhirpath --definitions " + patient + " 'Patient.gender' " + patient, err).status == 2);
  CHECK(ReadAll(err).find("cannot load FHIR definitions") != std::string::npos);
  CHECK(Pdex("fhirpath --syntax-only --definitions /x 'Patient.gender' " + patient).status == 2);
  CHECK(Pdex("fhirpath --help").out.find("--syntax-only") != std::string::npos);
}

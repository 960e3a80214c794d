// Engine::EvaluateConsent / Engine::Segment and the `pdex segment` command (the built binary):
// outputs, report file, exit codes.
#include "api/engine.h"

#include "../../cli/run_pdex.h"
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace {

using nlohmann::json;

const char* const kRegular = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular";

json Consent() {
  auto actor = [](const char* system, const char* code, const char* npi) {
    return json{{"role", {{"coding", {{{"system", system}, {"code", code}}}}}},
                {"reference", {{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", npi}}}}}};
  };
  return {{"resourceType", "Consent"}, {"status", "active"},
          {"scope", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/consentscope"}, {"code", "patient-privacy"}}}}}},
          {"patient", {{"reference", "Patient/1"}}}, {"policy", {{{"uri", kRegular}}}},
          {"provision", {{"type", "permit"}, {"period", {{"start", "2026-01-01"}, {"end", "2026-03-31"}}},
                         {"actor", {actor("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "performer", "9876543210"),
                                    actor("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "0123456789")}},
                         {"action", {{{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/consentaction"}, {"code", "disclose"}}}}}}}}}};
}

json Bundle() {
  auto condition = [](const char* id, const char* code) {
    return json{{"resource", {{"resourceType", "Condition"}, {"id", id}, {"subject", {{"reference", "Patient/1"}}},
                              {"code", {{"coding", {{{"system", "http://hl7.org/fhir/sid/icd-10-cm"}, {"code", code}}}}}}}}};
  };
  return {{"resourceType", "Bundle"}, {"type", "collection"},
          {"entry", {{{"resource", {{"resourceType", "Patient"}, {"id", "1"}}}}, condition("ok", "I10"), condition("hidden", "F11.20")}}};
}

const char* const kContext = R"({"now": "2026-02-01T00:00:00Z", "payer": "9876543210", "requester": "0123456789", "member": "Patient/1"})";

using pdex::testing::Pdex;
using pdex::testing::Run;

std::string Write(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "pdex-segment-cli-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("Engine::EvaluateConsent: permitted with the policy; a malformed context is refused") {
  const pdex::api::Engine engine;
  const json decision = engine.EvaluateConsent(Consent().dump(), kContext);
  CHECK(decision["permitted"] == true);
  CHECK(decision["policy"] == "regular");
  const json bad = engine.EvaluateConsent(Consent().dump(), "{\"now\":");
  CHECK(bad["permitted"] == false);
  CHECK(bad["issue"][0]["code"] == "structure");
  const json garbage = engine.EvaluateConsent("\x01\x02", "");
  CHECK(garbage["permitted"] == false);
}

TEST_CASE("Engine::Segment: the releasable Bundle and report, or the OperationOutcome") {
  const pdex::api::Engine engine;
  const json released = engine.Segment(Bundle().dump(), Consent().dump(), kContext);
  REQUIRE(released.contains("bundle"));
  CHECK(released["bundle"]["entry"].size() == 2);
  CHECK(released["report"]["withheld"] == 1);
  CHECK(released.dump().find("hidden") == std::string::npos);

  const json expired = engine.Segment(Bundle().dump(), Consent().dump(), R"({"now": "2026-04-01T00:00:00Z"})");
  REQUIRE(expired.contains("outcome"));
  CHECK_FALSE(expired.contains("bundle"));
  CHECK(expired["outcome"]["resourceType"] == "OperationOutcome");
  CHECK(expired.dump().find("consent.expired") != std::string::npos);

  const json unparseable = engine.Segment("{\"resourceType\": \"Bundle\"", Consent().dump(), kContext);
  REQUIRE(unparseable.contains("outcome"));
  CHECK(unparseable.dump().find("segmentation.unparseable") != std::string::npos);
}

TEST_CASE("pdex segment: Bundle and report (exit 0), OperationOutcome (exit 1), usage (exit 2)") {
  const std::string consent = Write("consent.json", Consent().dump());
  const std::string bundle = Write("bundle.json", Bundle().dump());
  const std::string report = Write("report.json", "");
  const std::string parties = " --payer 9876543210 --requester 0123456789 --member Patient/1 ";

  const Run ok = Pdex("segment --consent " + consent + " --report " + report + parties + "--now 2026-02-01T00:00:00Z " + bundle);
  CHECK(ok.status == 0);
  const json output = json::parse(ok.out);
  CHECK(output["resourceType"] == "Bundle");
  CHECK(output["entry"].size() == 2);
  std::ifstream report_in(report);
  const json counts = json::parse(report_in);
  CHECK(counts["withheldByRule"]["sensitive-code"] == 1);
  CHECK(counts["withheldByCategory"]["substance-use"] == 1);

  const Run other = Pdex("segment --consent " + consent + " --payer 9876543210 --requester 1111111111 --now 2026-02-01T00:00:00Z " + bundle);
  CHECK(other.status == 1);
  const json outcome = json::parse(other.out);
  CHECK(outcome["resourceType"] == "OperationOutcome");
  CHECK(other.out.find("consent.recipient-mismatch") != std::string::npos);

  CHECK(Pdex("segment --consent /nonexistent/consent.json " + bundle).status == 1);
  CHECK(Pdex("segment " + bundle).status == 2);
  CHECK(Pdex("segment --consent " + consent).status == 2);
  CHECK(Pdex("segment --bogus --consent " + consent + " " + bundle).status == 2);
  CHECK(Pdex("segment --help").status == 0);
}

// $member-match through the Engine (request validated by our validator with the profiles pack) on
// the official HRex 1.0.0 examples and the Inferno PDex fixtures, and through the `pdex` command.
#include "../../cli/run_pdex.h"
#include "api/engine.h"
#include "pdex_test_support.h"
#include "population.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace pdex::member_match {
namespace {

using nlohmann::json;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string kHrexExamples = pdex_testing::SharedDir() + "/ig/hl7.fhir.us.davinci-hrex#1.0.0/examples/";
const std::string kInferno = pdex_testing::SharedDir() + "/fixtures/claims/inferno-pdex/";

// One Engine with the R4 pack and our profiles pack for the whole executable.
api::Engine& ProfiledEngine() {
  static api::Engine* engine = [] {
    auto* made = new api::Engine();
    made->LoadPath(api::Engine::DefaultDefinitionsPath());
    made->LoadPath(PDEX_DEFAULT_PROFILES_PACK);
    return made;
  }();
  return *engine;
}

bool SharedAvailable() {
  if (std::filesystem::exists(kHrexExamples + "Parameters-member-match-in.json")) return true;
  WARN("../shared is absent: skipping the official-example tests");
  return false;
}

// The payer's side of the HRex example: the member the request is about, as the old payer keeps them
// (MB id of the example's answer, Coverage id of its CoverageToMatch), plus a namesake born another day.
const char kExamplePayer[] = R"({"resourceType":"Bundle","type":"collection","entry":[
 {"resource":{"resourceType":"Patient","id":"pat-55678","identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MB"}]},"system":"http://example.org/target-payer/identifiers/member","value":"55678"}],"name":[{"family":"Person","given":["Patricia","Ann"]}],"gender":"female","birthDate":"1974-12-25"}},
 {"resource":{"resourceType":"Coverage","id":"c1","status":"active","identifier":[{"system":"http://example.org/old-payer","value":"DH10001235"}],"subscriberId":"DH10001235","beneficiary":{"reference":"Patient/pat-55678"},"payor":[{"display":"Old Health Plan"}]}},
 {"resource":{"resourceType":"Patient","id":"pat-other","identifier":[{"type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0203","code":"MB"}]},"system":"http://example.org/target-payer/identifiers/member","value":"55999"}],"name":[{"family":"Person","given":["Patricia"]}],"gender":"female","birthDate":"1971-03-02"}},
 {"resource":{"resourceType":"Coverage","id":"c2","status":"active","identifier":[{"system":"http://example.org/old-payer","value":"DH10009999"}],"beneficiary":{"reference":"Patient/pat-other"},"payor":[{"display":"Old Health Plan"}]}}]})";

TEST_CASE("the official HRex member-match-in example matches and the answer meets the out profile", "[member-match][conformance]") {
  if (!SharedAvailable()) return;
  api::Engine& engine = ProfiledEngine();
  REQUIRE(engine.LoadMemberIndex(kExamplePayer, "example payer", true)["issue"].back()["severity"] == "information");
  REQUIRE(engine.MemberIndexSize() == 2);
  const std::string official_out = ReadText(kHrexExamples + "Parameters-member-match-out.json");
  const json expected = json::parse(official_out)["parameter"][0]["valueIdentifier"];
  for (const char* example : {"Parameters-member-match-in.json", "Parameters-member-match-in-provider.json"}) {
    INFO(example);
    api::MemberMatchOptions options;
    options.explain = true;
    json explanation;
    const json answer = engine.MemberMatch(ReadText(kHrexExamples + example), options, &explanation);
    REQUIRE(answer["resourceType"] == "Parameters");
    const json& identifier = answer["parameter"][0]["valueIdentifier"];
    CHECK(identifier["value"] == expected["value"]);
    CHECK(identifier["type"] == expected["type"]);
    CHECK(pdex_testing::ProfileErrors(answer) == "");
    CHECK(explanation["memberId"] == "Patient/pat-55678");
  }
  // HRex 1.1: UMB and MemberId.
  api::MemberMatchOptions v11;
  v11.hrex = "1.1";
  const json answer = engine.MemberMatch(ReadText(kHrexExamples + "Parameters-member-match-in.json"), v11);
  REQUIRE(answer["resourceType"] == "Parameters");
  CHECK(answer["parameter"][0]["valueIdentifier"]["type"]["coding"][0]["code"] == "UMB");
  CHECK(answer["parameter"][1]["valueReference"]["reference"] == "Patient/pat-55678");
}

TEST_CASE("requests that break the input profile are invalid, with the validator's findings", "[member-match][conformance]") {
  if (!SharedAvailable()) return;
  api::Engine& engine = ProfiledEngine();
  engine.LoadMemberIndex(kExamplePayer, "example payer", true);
  json request = json::parse(ReadText(kHrexExamples + "Parameters-member-match-in.json"));
  // Only the profile knows this: CoverageToMatch.status is required in R4 Coverage.
  request["parameter"][1]["resource"].erase("status");
  const json outcome = engine.MemberMatch(request.dump());
  REQUIRE(outcome["resourceType"] == "OperationOutcome");
  CHECK(outcome["issue"][0]["code"] == "invalid");
  CHECK(outcome.dump().find("status") != std::string::npos);
  // Not JSON: an invalid request, not a crash.
  CHECK(engine.MemberMatch("{\"resourceType\": ")["issue"][0]["code"] == "invalid");
  CHECK(engine.MemberMatch("")["resourceType"] == "OperationOutcome");
}

TEST_CASE("the Inferno PDex fixtures: an absolute beneficiary is refused; the payer's other member is no match", "[member-match][conformance]") {
  if (!std::filesystem::exists(kInferno + "member_patient.fhir.json")) {
    WARN("../shared/fixtures/claims/inferno-pdex is absent: skipping");
    return;
  }
  api::Engine& engine = ProfiledEngine();
  auto parameter = [](const char* name, const std::string& file) {
    return json{{"name", name}, {"resource", json::parse(ReadText(kInferno + file))}};
  };
  json request = {{"resourceType", "Parameters"},
                  {"parameter", {parameter("MemberPatient", "member_patient.fhir.json"),
                                 parameter("CoverageToMatch", "coverage_to_match.fhir.json"),
                                 parameter("CoverageToLink", "coverage_to_link.fhir.json"),
                                 parameter("Consent", "consent.fhir.json")}}};
  // Inferno's CoverageToLink names the beneficiary by an absolute URL: HRex wants Patient/<MemberPatient.id>.
  engine.LoadMemberIndex(kExamplePayer, "example payer", true);
  const json invalid = engine.MemberMatch(request.dump());
  REQUIRE(invalid["resourceType"] == "OperationOutcome");
  bool named = false;
  for (const json& issue : invalid["issue"]) {
    named = named || issue.value("expression", json::array()).dump().find("parameter[2].resource.beneficiary") != std::string::npos;
  }
  CHECK(named);
  CHECK(invalid.dump().find("member-match.patient-reference-not-local") != std::string::npos);

  // Without CoverageToLink (0..1) the request is valid. The Inferno payer's Patient 999 (from its
  // search response) is another person than the request's, even when a Coverage with the card's id
  // names it: no match.
  request["parameter"].erase(2);
  const json bundle = json::parse(ReadText(kInferno + "patient_identifier_response.fhir.json"));
  json payer = bundle;
  payer["entry"].push_back({{"resource", {{"resourceType", "Coverage"}, {"status", "active"},
                                          {"identifier", {{{"system", "http://github.com/inferno-framework/old-payer"}, {"value", "DH10001235"}}}},
                                          {"beneficiary", {{"reference", "Patient/999"}}}, {"payor", {{{"display", "Old Health Plan"}}}}}}});
  engine.LoadMemberIndex(payer.dump(), "inferno payer", true);
  const json none = engine.MemberMatch(request.dump());
  REQUIRE(none["resourceType"] == "OperationOutcome");
  CHECK(none["issue"][0]["code"] == "not-found");
  // Add the member the request is about (its own MemberPatient, as the payer would hold it): a match.
  json member = json::parse(ReadText(kInferno + "member_patient.fhir.json"));
  member["id"] = "inferno-member";
  const json coverage = {{"resourceType", "Coverage"}, {"status", "active"},
                         {"identifier", {{{"system", "http://github.com/inferno-framework/old-payer"}, {"value", "DH10001235"}}}},
                         {"beneficiary", {{"reference", "Patient/inferno-member"}}}, {"payor", {{{"display", "Old Health Plan"}}}}};
  engine.LoadMemberIndex(member.dump() + "\n" + coverage.dump() + "\n", "inferno member");
  const json match = engine.MemberMatch(request.dump());
  REQUIRE(match["resourceType"] == "Parameters");
  CHECK(match["parameter"][0]["valueIdentifier"]["value"] == "55678");
}

TEST_CASE("the generated requests are valid HRex 1.0 requests for our validator", "[member-match][conformance]") {
  const testing::Population population = testing::GeneratePopulation(200, 7);
  api::Engine& engine = ProfiledEngine();
  engine.LoadMemberIndex(testing::ToNdjson(population), "generated", true);
  int checked = 0;
  for (const testing::Query& query : testing::GenerateQueries(population, 30, 8)) {
    const json answer = engine.MemberMatch(query.request.dump());
    INFO(query.variation << ": " << answer.dump());
    CHECK(answer.dump().find("member-match.invalid-request") == std::string::npos);
    ++checked;
  }
  CHECK(checked == 30);
}

// Runs the built `pdex member-match ARGS`, capturing stdout and stderr.
struct CliRun {
  int status;
  std::string out;
  std::string err;
};
CliRun RunCli(const std::vector<std::string>& args) {
  const std::filesystem::path err_file = std::filesystem::temp_directory_path() / "pdex-member-match-cli.err";
  std::string command = "member-match";
  for (const std::string& arg : args) command += " '" + arg + "'";
  const pdex::testing::Run run = pdex::testing::Pdex(command, err_file.string());
  return {run.status, run.out, ReadText(err_file.string())};
}

TEST_CASE("pdex member-match: exit 0 with Parameters, 1 with an OperationOutcome, 2 on usage", "[member-match][cli]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "pdex-member-match-cli";
  std::filesystem::create_directories(dir);
  const std::string members = (dir / "members.json").string();
  std::ofstream(members) << kExamplePayer;
  const testing::Population population = testing::GeneratePopulation(50, 3);
  const std::string more = (dir / "more.ndjson").string();
  std::ofstream(more) << testing::ToNdjson(population);
  const std::vector<testing::Query> queries = testing::GenerateQueries(population, 40, 4);
  const testing::Query* for_member = nullptr;
  const testing::Query* for_stranger = nullptr;
  for (const testing::Query& query : queries) {
    if (query.variation == "exact" && for_member == nullptr) for_member = &query;
    if (query.variation == "non-member-stranger" && for_stranger == nullptr) for_stranger = &query;
  }
  REQUIRE(for_member != nullptr);
  REQUIRE(for_stranger != nullptr);
  const std::string member_request = (dir / "member.json").string();
  std::ofstream(member_request) << for_member->request.dump();
  const std::string stranger_request = (dir / "stranger.json").string();
  std::ofstream(stranger_request) << for_stranger->request.dump();
  const std::string broken = (dir / "broken.json").string();
  std::ofstream(broken) << "{\"resourceType\": \"Parameters\", ";

  CliRun run = RunCli({"--members", members, more, "--explain", member_request});
  CHECK(run.status == 0);
  CHECK(json::parse(run.out)["resourceType"] == "Parameters");
  CHECK(json::parse(run.err)["memberId"] == "Patient/" + for_member->expected);

  run = RunCli({"--hrex", "1.1", "--members", more, member_request});
  CHECK(run.status == 0);
  CHECK(json::parse(run.out)["parameter"][1]["valueReference"]["reference"] == "Patient/" + for_member->expected);

  // The request's Consent (source: Old Health Plan NPI 9876543210, recipient: New Health Plan NPI
  // 0123456789, period 2026) is evaluated for the match, with the parties given.
  run = RunCli({"--payer", "9876543210", "--requester", "http://hl7.org/fhir/sid/us-npi|0123456789", "--now",
                "2026-06-01T00:00:00Z", "--members", more, member_request});
  CHECK(run.status == 0);
  CHECK(json::parse(run.out)["resourceType"] == "Parameters");
  run = RunCli({"--payer", "9876543210", "--requester", "1111111112", "--members", more, member_request});
  CHECK(run.status == 1);
  CHECK(json::parse(run.out)["issue"][0]["code"] == "business-rule");
  CHECK(run.out.find("consent.recipient-mismatch") != std::string::npos);
  run = RunCli({"--now", "2028-01-01T00:00:00Z", "--members", more, member_request});  // the period is over
  CHECK(run.status == 1);
  CHECK(json::parse(run.out)["issue"][0]["code"] == "business-rule");
  CHECK(RunCli({"--members", more, member_request, "--payer"}).status == 2);

  run = RunCli({"--members", members, more, "--explain", stranger_request});
  CHECK(run.status == 1);
  CHECK(json::parse(run.out)["issue"][0]["code"] == "not-found");
  CHECK(json::parse(run.err)["decision"] == "no-match");

  run = RunCli({"--members", more, broken});
  CHECK(run.status == 1);
  CHECK(json::parse(run.out)["resourceType"] == "OperationOutcome");

  CHECK(RunCli({"--members", (dir / "absent.ndjson").string(), member_request}).status == 2);
  CHECK(RunCli({"--members", broken, member_request}).status == 2);  // a member file that does not parse
  CHECK(RunCli({member_request}).status == 2);                        // no --members
  CHECK(RunCli({"--hrex", "2.0", "--members", more, member_request}).status == 2);
  CHECK(RunCli({"--bogus"}).status == 2);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace pdex::member_match

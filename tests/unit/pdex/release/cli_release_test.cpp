// `pdex release` and `pdex ingest`: output and exit codes, running the built binary.
#include "release_test_support.h"

#include "../../cli/run_pdex.h"
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sys/wait.h>

using namespace pdex::release_testing;

namespace {

using pdex::testing::Run;

// Runs `pdex COMMAND ARGS...` (arguments single-quoted for the shell), stdout captured, stderr dropped.
Run Command(const char* command, const std::vector<std::string>& args) {
  std::string line = command;
  for (const std::string& arg : args) line += " '" + arg + "'";
  return pdex::testing::Pdex(line);
}

std::string Write(const std::string& name, const nlohmann::json& value) {
  const std::string path = "/tmp/pdex-release-cli-test-" + name;
  std::ofstream(path) << value.dump();
  return path;
}

}  // namespace

TEST_CASE("pdex release prints a searchset page; pdex ingest a transaction; exit codes 0/1/2", "[cli]") {
  const std::string record = Write("record.json", Record(MemberRecord()));
  Run run = Command("release", {"--patient", "m1", "--count", "100", "--payer-npi", "1497758544", "--base", kOldBase, record});
  REQUIRE(run.status == 0);
  const nlohmann::json page = nlohmann::json::parse(run.out);
  CHECK(page["type"] == "searchset");
  CHECK(page["total"] == page["entry"].size());
  CHECK(Command("release", {"--base", kOldBase, record}).status == 1);  // two Patients, none named
  CHECK(Command("release", {record}).status == 2);                      // no --base
  CHECK(Command("release", {"--bogus", record}).status == 2);

  const std::string received = Write("page.json", page);
  const std::string receiver = Write("receiver.json", nlohmann::json::array({Res("Patient", "new-7", {{"birthDate", "1986-01-01"}})}));
  run = Command("ingest", {"--patient", "Patient/new-7", "--record", receiver, "--recorded", "2025-01-01T00:00:00Z", received});
  REQUIRE(run.status == 0);
  CHECK(nlohmann::json::parse(run.out)["type"] == "transaction");
  const std::string other = Write("other.json", nlohmann::json::array({Res("Patient", "new-7", {{"birthDate", "1999-09-09"}})}));
  run = Command("ingest", {"--patient", "Patient/new-7", "--record", other, received});
  CHECK(run.status == 1);
  CHECK(nlohmann::json::parse(run.out)["resourceType"] == "OperationOutcome");
  CHECK(Command("ingest", {"--record", receiver, received}).status == 2);  // no --patient
  for (const std::string& path : {record, received, receiver, other}) std::remove(path.c_str());
}

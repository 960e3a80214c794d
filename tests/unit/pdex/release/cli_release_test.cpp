// `pdex release` and `pdex ingest`: output and exit codes, running the command functions in-process.
#include "cli/command.h"

#include "release_test_support.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace pdex::release_testing;

namespace {

struct Run {
  int status;
  std::string out;
};

Run Command(int (*run)(const std::vector<std::string>&), const std::vector<std::string>& args) {
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  const int status = run(args);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return Run{status, out.str()};
}

std::string Write(const std::string& name, const nlohmann::json& value) {
  const std::string path = std::string(std::tmpnam(nullptr)) + "-" + name;
  std::ofstream(path) << value.dump();
  return path;
}

}  // namespace

TEST_CASE("pdex release prints a searchset page; pdex ingest a transaction; exit codes 0/1/2", "[cli]") {
  const std::string record = Write("record.json", Record(MemberRecord()));
  Run run = Command(pdex::cli::RunRelease, {"--patient", "m1", "--count", "100", "--payer-npi", "1497758544", "--base", kOldBase, record});
  REQUIRE(run.status == 0);
  const nlohmann::json page = nlohmann::json::parse(run.out);
  CHECK(page["type"] == "searchset");
  CHECK(page["total"] == page["entry"].size());
  CHECK(Command(pdex::cli::RunRelease, {"--base", kOldBase, record}).status == 1);  // two Patients, none named
  CHECK(Command(pdex::cli::RunRelease, {record}).status == 2);                      // no --base
  CHECK(Command(pdex::cli::RunRelease, {"--bogus", record}).status == 2);

  const std::string received = Write("page.json", page);
  const std::string receiver = Write("receiver.json", nlohmann::json::array({Res("Patient", "new-7", {{"birthDate", "1986-01-01"}})}));
  run = Command(pdex::cli::RunIngest, {"--patient", "Patient/new-7", "--record", receiver, "--recorded", "2025-01-01T00:00:00Z", received});
  REQUIRE(run.status == 0);
  CHECK(nlohmann::json::parse(run.out)["type"] == "transaction");
  const std::string other = Write("other.json", nlohmann::json::array({Res("Patient", "new-7", {{"birthDate", "1999-09-09"}})}));
  run = Command(pdex::cli::RunIngest, {"--patient", "Patient/new-7", "--record", other, received});
  CHECK(run.status == 1);
  CHECK(nlohmann::json::parse(run.out)["resourceType"] == "OperationOutcome");
  CHECK(Command(pdex::cli::RunIngest, {"--record", receiver, received}).status == 2);  // no --patient
  for (const std::string& path : {record, received, receiver, other}) std::remove(path.c_str());
}

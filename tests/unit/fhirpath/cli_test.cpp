// Runs the built `pdex` binary: `pdex fhirpath` output, exit codes and stderr messages.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace {

struct Run {
  int status;
  std::string out;
};

// Runs `pdex ARGS` through the shell; stdout captured, stderr redirected to `err_file`.
Run Pdex(const std::string& args, const std::string& err_file = "/dev/null") {
  std::string command = std::string(PDEX_BINARY) + " " + args + " 2>" + err_file;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  int status = pclose(pipe);
  return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

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
  r = Pdex("fhirpath --no-definitions 'Observation.value.unit' - < " + kInput + "observation-example.json");
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

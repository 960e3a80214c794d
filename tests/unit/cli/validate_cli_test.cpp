// `pdex validate` as a pipeline runs it: the HL7 validator's switches and --syntax-only. Each option
// is checked against the same input without it, so the test sees what the option changes.
#include "run_pdex.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>
#include <utility>

#include <unistd.h>

using pdex::testing::Pdex;
using pdex::testing::ReadAll;
using pdex::testing::Run;

namespace {

using Found = std::multiset<std::pair<std::string, std::string>>;  // {severity, message id}

// The {severity, id} of every issue of the outcome `pdex validate --base-only OPTIONS` prints for `resource`.
Found Validate(const std::string& options, const std::string& resource, int expected_status) {
  // One file per process: ctest runs test cases in parallel processes.
  const std::string file = "/tmp/pdex_validate_cli_input_" + std::to_string(::getpid()) + ".json";
  std::ofstream(file) << resource;
  const Run run = Pdex("validate --base-only " + options + " " + file);
  INFO("pdex validate " << options << "\n" << run.out);
  CHECK(run.status == expected_status);
  Found found;
  const nlohmann::json outcome = nlohmann::json::parse(run.out);
  for (const auto& issue : outcome.at("issue")) {
    for (const auto& extension : issue.value("extension", nlohmann::json::array())) {
      if (extension.value("url", "").find("operationoutcome-message-id") != std::string::npos) {
        found.emplace(issue.at("severity").get<std::string>(), extension.at("valueString").get<std::string>());
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("pdex validate --display-issues-are-warnings: a wrong display warns and fails no binding", "[cli]") {
  const std::string wrong_display = R"({"resourceType": "Patient", "maritalStatus": {"coding": [{
    "system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "M", "display": "Wed"}]}})";
  CHECK(Validate("", wrong_display, 1) ==
        Found{{"error", "validator.display-wrong"}, {"warning", "validator.binding-extensible"}});
  CHECK(Validate("--display-issues-are-warnings", wrong_display, 0) == Found{{"warning", "validator.display-wrong"}});
}

TEST_CASE("pdex validate --security-checks: HTML in any primitive is an error", "[cli]") {
  const std::string script = R"({"resourceType": "Patient", "name": [{"family": "<script>x</script>"}]})";
  CHECK(Validate("", script, 0) == Found{{"information", "validator.string-html"}});
  CHECK(Validate("--security-checks", script, 1) == Found{{"error", "validator.string-html"}});
}

TEST_CASE("pdex validate --html-in-markdown ignore|warning|error", "[cli]") {
  const std::string note = R"({"resourceType": "Observation", "status": "final", "code": {"text": "x"},
    "note": [{"text": "<b>bold</b>"}]})";
  CHECK(Validate("", note, 0) == Found{{"warning", "validator.markdown-html"}});
  CHECK(Validate("--html-in-markdown warning", note, 0) == Found{{"warning", "validator.markdown-html"}});
  CHECK(Validate("--html-in-markdown error", note, 1) == Found{{"error", "validator.markdown-html"}});
  CHECK(Validate("--html-in-markdown ignore", note, 0) == Found{{"information", "resource.ok"}});
  CHECK(Pdex("validate --html-in-markdown loud x.json").status == 2);
}

TEST_CASE("pdex validate --ignore-contained skips contained resources", "[cli]") {
  const std::string contained = R"({"resourceType": "Patient", "text": {"status": "generated",
    "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"},
    "contained": [{"resourceType": "Patient", "id": "c", "gender": "bad"}]})";
  const Found checked = Validate("", contained, 1);
  CHECK(checked.count({"error", "validator.binding-required"}) == 1);
  CHECK(checked.count({"error", "validator.invariant"}) == 1);  // dom-3: the contained Patient is not referenced
  CHECK(Validate("--ignore-contained", contained, 0) == Found{{"information", "resource.ok"}});
}

TEST_CASE("pdex validate --check-references-exist: a relative reference must resolve", "[cli]") {
  const std::string coverage = R"({"resourceType": "Coverage", "status": "active",
    "beneficiary": {"reference": "Patient/1"}, "payor": [{"display": "P"}]})";
  CHECK(Validate("", coverage, 0) == Found{{"information", "resource.ok"}});
  CHECK(Validate("--check-references-exist", coverage, 1) == Found{{"error", "validator.reference-unresolved"}});
}

TEST_CASE("pdex validate --syntax-only checks well-formedness without definitions", "[cli]") {
  const std::string file = "/tmp/pdex_validate_cli_syntax_" + std::to_string(::getpid()) + ".json";
  std::ofstream(file) << R"({"resourceType": "Patient", "gender": "bad"})";
  const Run syntax = Pdex("validate --syntax-only " + file);
  CHECK(syntax.status == 0);
  CHECK(syntax.out.find("resource.ok") != std::string::npos);
  CHECK(Pdex("validate " + file).status == 1);  // with the definitions found beside pdex: a bad code
  CHECK(Pdex("validate --syntax-only --profile http://x " + file).status == 2);
  const std::string err = "/tmp/pdex_validate_cli_err_" + std::to_string(::getpid()) + ".txt";
  CHECK(Pdex("validate --definitions /nonexistent " + file, err).status == 2);
  CHECK(ReadAll(err).find("cannot load definitions") != std::string::npos);
}

TEST_CASE("pdex validate --help documents every option", "[cli]") {
  const Run help = Pdex("validate --help");
  CHECK(help.status == 0);
  for (const char* option : {"--syntax-only", "--display-issues-are-warnings", "--security-checks",
                             "--html-in-markdown", "--ignore-contained", "--check-references-exist", "--must-support",
                             "--allow-comments", "--base-only", "--package", "--profile", "--definitions"}) {
    INFO(option);
    CHECK(help.out.find(option) != std::string::npos);
  }
}

// Redacting the official CARIN BB 1.1.0 ExplanationOfBenefit examples (../shared/ig, skipped when
// absent): a sensitive line or secondary diagnosis injected into each is removed, and the redacted
// claim still validates against its CARIN profile exactly as well as the original did.
#include "../common/pdex_test_support.h"
#include "pdex/common/codes.h"
#include "pdex/segmentation/segmenter.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <fstream>
#include <sstream>

namespace {

using nlohmann::json;
namespace codes = pdex::pdex_codes;

json Released(const json& eob) {
  pdex::consent::ConsentDecision regular;
  regular.permitted = true;
  regular.policy = pdex::consent::ConsentPolicy::kRegular;
  const json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", {{{"resource", eob}}}}};
  const auto result = pdex::segmentation::Segment(bundle, regular);
  if (!result.released || result.bundle["entry"].empty()) return nullptr;
  return result.bundle["entry"][0]["resource"];
}

}  // namespace

TEST_CASE("official CARIN BB EOB examples: injected sensitive lines and diagnoses are redacted, profiles still met") {
  const std::filesystem::path dir = pdex::pdex_testing::SharedDir() + "/ig/hl7.fhir.us.carin-bb#1.1.0/examples";
  if (!std::filesystem::exists(dir)) {
    WARN("../shared/ig absent: CARIN examples not checked");
    return;
  }
  int checked = 0, examples = 0, valid_examples = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    if (file.path().filename().string().rfind("ExplanationOfBenefit-", 0) != 0) continue;
    std::ifstream in(file.path());
    std::stringstream text;
    text << in.rdbuf();
    const json original = json::parse(text.str());
    INFO(file.path().filename().string());
    const std::string baseline = pdex::pdex_testing::ProfileErrors(original);
    ++examples;
    if (baseline.empty()) ++valid_examples;

    // The untouched example comes out untouched (its codes are not sensitive).
    CHECK(Released(original) == original);

    // A psychotherapy line added to the claim: the line goes, the claim stays valid.
    if (original.contains("item") && !original["item"].empty()) {
      json eob = original;
      json line = eob["item"][0];
      line["sequence"] = static_cast<int>(eob["item"].size()) + 1;
      line["productOrService"] = {{"coding", {{{"system", codes::kCpt}, {"code", "90837"}}}}};
      eob["item"].push_back(line);
      const json redacted = Released(eob);
      REQUIRE(redacted.is_object());
      CHECK(redacted.dump().find("90837") == std::string::npos);
      CHECK(redacted["item"].size() == original["item"].size());
      CHECK(pdex::pdex_testing::ProfileErrors(redacted) == baseline);
      ++checked;
    }
    // A secondary diagnosis of opioid dependence: the diagnosis (and any line billed for it) goes.
    if (original.contains("diagnosis") && original["diagnosis"].size() > 1) {
      json eob = original;
      eob["diagnosis"][1]["diagnosisCodeableConcept"] = {{"coding", {{{"system", codes::kIcd10Cm}, {"code", "F11.20"}}}}};
      const json redacted = Released(eob);
      REQUIRE(redacted.is_object());
      CHECK(redacted.dump().find("F11.20") == std::string::npos);
      CHECK(redacted["diagnosis"].size() == original["diagnosis"].size() - 1);
      CHECK(pdex::pdex_testing::ProfileErrors(redacted) == baseline);
      ++checked;
    }
  }
  std::cout << "CARIN BB 1.1.0 EOB examples: " << examples << " (" << valid_examples
            << " with zero profile errors as published), " << checked << " redactions checked\n";
  CHECK(checked >= 4);
}

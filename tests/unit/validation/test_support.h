// Shared by the validation tests: the R4 definitions pack loaded once per test executable, and
// small file helpers. Tests that need /work/shared skip cleanly when it is absent.
#pragma once

#include "common/issue.h"
#include "package/registry.h"
#include "terminology/terminology.h"
#include "validation/validator.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pdex::validation::testing {

// The core registry (pack at PDEX_DEFAULT_DEFINITIONS_PACK); load time printed once.
const package::Registry& CoreRegistry();
std::optional<std::string> ReadText(const std::string& path);
bool Exists(const std::string& path);
// The .json files in `dir` (and its subfolders when `recursive`), sorted; empty when `dir` is missing.
std::vector<std::string> JsonFilesUnder(const std::string& dir, bool recursive);
int CountErrors(const Issues& issues);
std::string Describe(const Issues& issues, bool errors_only = true);
// A tracked list in tests/unit/validation/ ("<key> | <reason>" per line, '#' comments): key -> reason
// (empty when a line has no " | "). Empty when the file is missing.
std::map<std::string, std::string> ReadReasonList(const std::string& file_name);
// `text` read by the core's JSON parser; malformed text throws std::runtime_error (a failed test).
nlohmann::json ParseTestJson(const std::string& text);
// A registry with the R4 pack and `extra` conformance resources (JSON texts), and a validator over it.
struct TestValidator {
  explicit TestValidator(const std::vector<std::string>& extra = {});
  Issues Run(const std::string& text, const ValidatorOptions& options = {}) const {
    return validator->Validate(ParseTestJson(text), options);
  }
  package::Registry registry;
  std::unique_ptr<terminology::TerminologyService> terminology;
  std::unique_ptr<Validator> validator;
};

}  // namespace pdex::validation::testing

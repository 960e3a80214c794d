// The facade over the core that everything outside core/ uses: the `pdex` CLI and the Embind
// bindings in wasm/. Inputs are JSON text, results are FHIR JSON (OperationOutcome, ...), so the
// bindings stay a thin layer of string conversions.
//
// Never throws: every failure, of the data or of our own code, comes back as an OperationOutcome.
// An Engine is not thread-safe; use one per thread (in the browser, one per Web Worker).
#pragma once

#include "json/parse.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace pdex::api {

struct ValidateOptions {
  // Canonical URLs of profiles to validate against, in addition to the resource's meta.profile.
  std::vector<std::string> profiles;
};

class Engine {
 public:
  explicit Engine(json::JsonLimits limits = {}) : limits_(limits) {}

  // Validates one FHIR JSON resource (or Bundle) given as text. Returns an OperationOutcome with at
  // least one issue: the findings, or a single information issue when there are none.
  nlohmann::json Validate(std::string_view resource_text, const ValidateOptions& options = {}) const;

  const json::JsonLimits& limits() const { return limits_; }

 private:
  json::JsonLimits limits_;
};

}  // namespace pdex::api

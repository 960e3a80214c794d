// The facade over the core that everything outside core/ uses: the `pdex` CLI and the Embind
// bindings in wasm/. Inputs are JSON text, results are FHIR JSON (OperationOutcome, ...), so the
// bindings stay a thin layer of string conversions.
//
// Never throws: every failure, of the data or of our own code, comes back as an OperationOutcome.
// An Engine is not thread-safe; use one per thread (in the browser, one per Web Worker).
#pragma once

#include "common/issue.h"
#include "json/parse.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::fhirpath {
class CompiledExpression;
}
namespace pdex::model {
class LazyTypeModel;
}
namespace pdex::package {
class Registry;
}
namespace pdex::terminology {
class TerminologyService;
}
namespace pdex::validation {
class Validator;
}

namespace pdex::api {

class CompiledFhirPath;  // api/prepared.h
class ParsedResource;

// What markdown holding raw HTML tags gets (ValidatorOptions::markdown_html).
enum class MarkdownHtml { kIgnore, kWarning, kError };

struct ValidateOptions {
  // Canonical URLs of profiles to validate against, in addition to the resource's meta.profile.
  std::vector<std::string> profiles;
  // Skip `//` and `/* */` comments in the resource text (hand-written test data; FHIR JSON has none).
  bool allow_comments = false;
  // Report absent must-support elements of the applied profiles (ValidatorOptions::report_must_support).
  bool report_must_support = false;
  // The HL7 validator's switches, passed to ValidatorOptions (core/validation/validator.h says what
  // each checks): -display-issues-are-warnings, -security-checks, markdown with HTML (its
  // noHtmlInMarkdown = kError), validateContains (false = IGNORE), validateReference CHECK_EXISTS.
  bool display_issues_are_warnings = false;
  bool security_checks = false;
  MarkdownHtml markdown_html = MarkdownHtml::kWarning;
  bool validate_contained = true;
  bool check_references_exist = false;
};

class Engine {
 public:
  explicit Engine(json::JsonLimits limits = {});
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  // Validates one FHIR JSON resource (or Bundle) given as text. Returns an OperationOutcome with at
  // least one issue: the findings, or a single information issue when there are none.
  // Without loaded definitions only JSON well-formedness and resourceType are checked; once the
  // definitions pack is loaded, the resource is validated against base R4, its meta.profile and
  // `options.profiles` (core/validation/validator.h).
  nlohmann::json Validate(std::string_view resource_text, const ValidateOptions& options = {}) const;
  // The same OperationOutcome as compact JSON text (json::Serialize(Validate(...)), byte for byte),
  // written without building the JSON tree: what the WebAssembly binding returns.
  std::string ValidateToText(std::string_view resource_text, const ValidateOptions& options = {}) const;

  // Loading conformance resources (api/engine_registry.cpp). Each returns an OperationOutcome: the load problems, or one
  // information issue saying what was loaded. Never throws.
  // The R4 definitions pack (text of r4-core.pack.json, built by scripts/build-definitions-pack.mjs).
  nlohmann::json LoadDefinitions(std::string_view pack_text);
  // A FHIR NPM package as an uncompressed tar (gunzip .tgz first), package/*.json.
  nlohmann::json LoadPackageTar(std::string_view tar_bytes, std::string_view name);
  // One conformance resource or a Bundle of them, as JSON text.
  nlohmann::json LoadResources(std::string_view json_text, std::string_view name);
  // A path on the (native or Emscripten) filesystem: folder, .tar, pack or resource/Bundle JSON;
  // natively also a .tgz (gunzipped with zlib; in WASM the JS side gunzips and calls LoadPackageTar).
  nlohmann::json LoadPath(const std::string& path);
  // Where the build put the definitions pack (absolute path in the build tree), for the CLI.
  static std::string DefaultDefinitionsPath();

  // FHIRPath (core/fhirpath, api/engine_fhirpath.cpp). The answer is the compact JSON text of
  // {"result": [...]} in the form of fhirpath::ToJson, or {"error": {"kind": "syntax"|"semantic"|"execution", "message", "position"}}.
  // Element types come from the loaded definitions (inferred from the JSON without them).
  // `resource_text` "{}" (or empty) evaluates with no context; `variables` maps %name to a JSON value
  // or an array of them.
  std::string EvaluateFhirPath(std::string_view expression, std::string_view resource_text,
                               const nlohmann::json& variables = nlohmann::json::object()) const;
  // The same over an expression compiled once and a resource parsed once (for repeated evaluation).
  std::string EvaluateFhirPath(const fhirpath::CompiledExpression& expression, const nlohmann::json& resource,
                               const nlohmann::json& variables = nlohmann::json::object()) const;
  // The same over prepared inputs (api/prepared.h); an expression that did not compile or a resource
  // that did not parse gives the {"error": ...} answer.
  std::string EvaluateCompiled(const CompiledFhirPath& expression, const ParsedResource& resource) const;

  // The loaded StructureDefinitions (api/engine_registry.cpp, with the loaders), sorted by url: [{url, version, name, title, type, kind,
  // derivation, baseDefinition}] (fields absent from a definition are omitted).
  nlohmann::json ListProfiles() const;

  // True once LoadDefinitions succeeded (base R4 StructureDefinitions are available).
  bool has_definitions() const { return has_definitions_; }
  const json::JsonLimits& limits() const { return limits_; }

 private:
  void ResetValidator();
  // The issues of Validate (never empty).
  Issues ValidationIssues(std::string_view resource_text, const ValidateOptions& options) const;
  // Runs `load` (which adds to the registry), then refreshes the validator's caches; the outcome
  // holds the load's issues or one information issue saying how many resources `what` added.
  nlohmann::json Load(const std::string& what, const std::function<Issues()>& load);

  json::JsonLimits limits_;
  std::unique_ptr<package::Registry> registry_;
  std::unique_ptr<terminology::TerminologyService> terminology_;
  // The type model of the registry's definitions, built on first use, shared by FHIRPath and the validator.
  std::unique_ptr<model::LazyTypeModel> type_model_;
  std::unique_ptr<validation::Validator> validator_;
  // Whether the registry holds the base Resource definition: decided once per load (ResetValidator),
  // since every validation and FHIRPath evaluation asks.
  bool has_definitions_ = false;
};

}  // namespace pdex::api

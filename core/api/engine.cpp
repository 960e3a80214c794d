// Engine's construction and validation (declared in api/engine.h); the loaders are in
// engine_registry.cpp, FHIRPath in engine_fhirpath.cpp.
#include "api/engine.h"

#include "api/outcomes.h"
#include "common/issue.h"
#include "model/type_model.h"
#include "package/registry.h"
#include "terminology/terminology.h"
#include "validation/json_positions.h"
#include "validation/validator.h"

#include <exception>

namespace pdex::api {
namespace {

// The checks that hold for any FHIR JSON resource before profiles come in.
Issues CheckResourceShape(const nlohmann::json& resource) {
  if (!resource.is_object()) {
    return {Issue{.code = "structure",
                  .id = "resource.not-object",
                  .diagnostics = std::string("a FHIR resource must be a JSON object, found ") + resource.type_name()}};
  }
  const auto type = resource.find("resourceType");
  if (type == resource.end()) {
    return {Issue{.code = "required",
                  .id = "resource.type-missing",
                  .diagnostics = "the JSON object has no resourceType property, so it is not a FHIR resource"}};
  }
  if (!type->is_string() || type->get_ref<const std::string&>().empty()) {
    return {Issue{.code = "structure",
                  .id = "resource.type-invalid",
                  .diagnostics = std::string("resourceType must be a non-empty string, found ") + type->dump(),
                  .expression = "resourceType"}};
  }
  return {};
}

validation::ValidatorOptions ToValidatorOptions(const ValidateOptions& options) {
  validation::ValidatorOptions out;
  out.profiles = options.profiles;
  out.report_must_support = options.report_must_support;
  out.display_issues_are_warnings = options.display_issues_are_warnings;
  out.security_checks = options.security_checks;
  out.markdown_html = options.markdown_html == MarkdownHtml::kIgnore  ? validation::MarkdownHtml::kIgnore
                      : options.markdown_html == MarkdownHtml::kError ? validation::MarkdownHtml::kError
                                                                      : validation::MarkdownHtml::kWarning;
  out.validate_contained = options.validate_contained;
  out.check_references_exist = options.check_references_exist;
  return out;
}

}  // namespace

Engine::Engine(json::JsonLimits limits) : limits_(limits), registry_(std::make_unique<package::Registry>()) {
  ResetValidator();
}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

void Engine::ResetValidator() {
  // The validator caches element indexes and expansions over the registry's contents; after new
  // resources arrive, start from fresh caches.
  validator_.reset();
  terminology_ = std::make_unique<terminology::TerminologyService>(*registry_);
  const package::Registry& registry = *registry_;
  type_model_ = std::make_unique<model::LazyTypeModel>([&registry] { return registry.All("StructureDefinition"); });
  validator_ = std::make_unique<validation::Validator>(*registry_, *terminology_, type_model_.get());
  has_definitions_ = registry_->FindTypeDefinition("Resource") != nullptr;
}

nlohmann::json Engine::Validate(std::string_view resource_text, const ValidateOptions& options) const {
  return ToOperationOutcome(ValidationIssues(resource_text, options));
}

std::string Engine::ValidateToText(std::string_view resource_text, const ValidateOptions& options) const {
  return OperationOutcomeText(ValidationIssues(resource_text, options));
}

Issues Engine::ValidationIssues(std::string_view resource_text, const ValidateOptions& options) const {
  Issues issues;
  try {
    json::ParsedJson parsed = json::ParseJson(resource_text, limits_,
                                               options.allow_comments ? json::Comments::kSkip : json::Comments::kReject);
    if (!parsed.ok()) {
      issues.push_back(JsonErrorIssue(*parsed.error));
    } else {
      issues = CheckResourceShape(parsed.value);
      if (issues.empty() && has_definitions()) {
        issues = validator_->Validate(parsed.value, ToValidatorOptions(options));
        validation::AnnotatePositions(resource_text, issues);
      } else {
        for (const std::string& profile : options.profiles) {
          issues.push_back(Issue{.code = "not-found",
                                 .id = "profile.unknown",
                                 .diagnostics = "unknown profile '" + profile + "': no loaded package defines it"});
        }
      }
      if (issues.empty()) {
        issues.push_back(Issue{.severity = Severity::kInformation,
                               .code = "informational",
                               .id = "resource.ok",
                               .diagnostics = "well-formed " + parsed.value["resourceType"].get<std::string>() +
                                              " resource: no issues found",
                               .expression = parsed.value["resourceType"].get<std::string>()});
      }
    }
  } catch (const std::exception& e) {  // e.g. std::bad_alloc on a huge input: report it, never crash
    issues.push_back(InternalErrorIssue(e.what(), "while validating"));
  }
  return issues;
}

}  // namespace pdex::api

#include "api/engine.h"

#include "common/issue.h"
#include "package/registry.h"
#include "terminology/terminology.h"
#include "validation/json_positions.h"
#include "validation/validator.h"

#ifdef PDEX_HAVE_GUNZIP
#include "package/gunzip.h"
#endif

#include <exception>
#include <fstream>
#include <sstream>

namespace pdex::api {
namespace {

Issue FromJsonError(const json::JsonError& error) {
  return Issue{.severity = Severity::kError,
               .code = error.id == "json.syntax" ? "structure" : "too-costly",
               .id = error.id,
               .diagnostics = error.message,
               .line = error.line,
               .column = error.column};
}

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

nlohmann::json LoadOutcome(Issues issues, const std::string& what, std::size_t before, std::size_t after) {
  if (!HasErrors(issues)) {
    issues.push_back(Issue{.severity = Severity::kInformation,
                           .code = "informational",
                           .id = "package.loaded",
                           .diagnostics = what + ": " + std::to_string(after - before) + " conformance resources loaded"});
  }
  return ToOperationOutcome(issues);
}

nlohmann::json InternalError(const std::exception& e) {
  return ToOperationOutcome({Issue{.severity = Severity::kFatal,
                                   .code = "exception",
                                   .id = "engine.internal",
                                   .diagnostics = std::string("internal error: ") + e.what()}});
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
  validator_ = std::make_unique<validation::Validator>(*registry_, *terminology_);
  has_definitions_ = registry_->FindTypeDefinition("Resource") != nullptr;
}

nlohmann::json Engine::Load(const std::string& what, const std::function<Issues()>& load) {
  try {
    const std::size_t before = registry_->size();
    Issues issues = load();
    ResetValidator();
    return LoadOutcome(std::move(issues), what, before, registry_->size());
  } catch (const std::exception& e) {
    return InternalError(e);
  }
}

nlohmann::json Engine::LoadDefinitions(std::string_view pack_text) {
  return Load("definitions pack", [&] { return registry_->LoadPackText(pack_text, "definitions pack"); });
}

nlohmann::json Engine::LoadPackageTar(std::string_view tar_bytes, std::string_view name) {
  return Load(std::string(name), [&] { return registry_->LoadTar(tar_bytes, name); });
}

nlohmann::json Engine::LoadResources(std::string_view json_text, std::string_view name) {
  return Load(std::string(name), [&] { return registry_->LoadResourceText(json_text, name); });
}

std::string Engine::DefaultDefinitionsPath() {
#ifdef PDEX_DEFAULT_DEFINITIONS_PACK
  return PDEX_DEFAULT_DEFINITIONS_PACK;
#else
  return {};
#endif
}

nlohmann::json Engine::LoadPath(const std::string& path) {
  return Load(path, [&]() -> Issues {
#ifdef PDEX_HAVE_GUNZIP
    const bool gzipped = path.size() > 4 && (path.compare(path.size() - 4, 4, ".tgz") == 0 ||
                                             path.compare(path.size() - 3, 3, ".gz") == 0);
    if (gzipped) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream buffer;
      buffer << in.rdbuf();
      std::string error;
      const std::optional<std::string> tar = in ? package::Gunzip(buffer.str(), error) : std::nullopt;
      if (!tar) {
        return {Issue{.code = "processing", .id = "package.bad-gzip",
                      .diagnostics = path + ": " + (in ? error : "cannot read the file")}};
      }
      return registry_->LoadTar(*tar, path);
    }
#endif
    return registry_->LoadPath(path);
  });
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
      issues.push_back(FromJsonError(*parsed.error));
    } else {
      issues = CheckResourceShape(parsed.value);
      if (issues.empty() && has_definitions()) {
        validation::ValidatorOptions validator_options;
        validator_options.profiles = options.profiles;
        validator_options.report_must_support = options.report_must_support;
        issues = validator_->Validate(parsed.value, validator_options);
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
    issues.push_back(Issue{.severity = Severity::kFatal,
                           .code = "exception",
                           .id = "engine.internal",
                           .diagnostics = std::string("internal error while validating: ") + e.what()});
  }
  return issues;
}

}  // namespace pdex::api

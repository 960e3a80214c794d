#include "api/engine.h"

#include "common/issue.h"

#include <exception>

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

}  // namespace

nlohmann::json Engine::Validate(std::string_view resource_text, const ValidateOptions& options) const {
  Issues issues;
  try {
    json::ParsedJson parsed = json::ParseJson(resource_text, limits_);
    if (!parsed.ok()) {
      issues.push_back(FromJsonError(*parsed.error));
    } else {
      issues = CheckResourceShape(parsed.value);
      for (const std::string& profile : options.profiles) {
        issues.push_back(Issue{.code = "not-found",
                               .id = "profile.unknown",
                               .diagnostics = "unknown profile '" + profile + "': no loaded package defines it"});
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
  return ToOperationOutcome(issues);
}

}  // namespace pdex::api

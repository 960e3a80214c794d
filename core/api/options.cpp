#include "api/options.h"

#include <string>

namespace pdex::api {
namespace {

nlohmann::json ParseObject(std::string_view options_json) {
  nlohmann::json options = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
  return options.is_object() ? options : nlohmann::json::object();
}

void ReadFlag(const nlohmann::json& options, const char* name, bool& out) {
  const auto value = options.find(name);
  if (value != options.end() && value->is_boolean()) out = value->get<bool>();
}

}  // namespace

ValidateOptions ValidateOptionsFromJson(std::string_view options_json) {
  const nlohmann::json parsed = ParseObject(options_json);
  ValidateOptions options;
  if (const auto profiles = parsed.find("profiles"); profiles != parsed.end() && profiles->is_array()) {
    for (const auto& profile : *profiles) {
      if (profile.is_string()) options.profiles.push_back(profile.get<std::string>());
    }
  }
  ReadFlag(parsed, "allowComments", options.allow_comments);
  ReadFlag(parsed, "reportMustSupport", options.report_must_support);
  ReadFlag(parsed, "displayIssuesAreWarnings", options.display_issues_are_warnings);
  ReadFlag(parsed, "securityChecks", options.security_checks);
  ReadFlag(parsed, "validateContained", options.validate_contained);
  ReadFlag(parsed, "checkReferencesExist", options.check_references_exist);
  if (const auto markdown = parsed.find("markdownHtml"); markdown != parsed.end() && markdown->is_string()) {
    if (*markdown == "ignore") options.markdown_html = MarkdownHtml::kIgnore;
    if (*markdown == "warning") options.markdown_html = MarkdownHtml::kWarning;
    if (*markdown == "error") options.markdown_html = MarkdownHtml::kError;
  }
  return options;
}

nlohmann::json FhirPathVariablesFromJson(std::string_view options_json) {
  const nlohmann::json parsed = ParseObject(options_json);
  const auto variables = parsed.find("variables");
  return variables != parsed.end() && variables->is_object() ? *variables : nlohmann::json::object();
}

}  // namespace pdex::api

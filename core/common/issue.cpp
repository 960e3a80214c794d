#include "common/issue.h"

#include <algorithm>

namespace pdex {

const char* SeverityCode(Severity severity) {
  switch (severity) {
    case Severity::kFatal: return "fatal";
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInformation: return "information";
  }
  return "error";
}

bool HasErrors(const Issues& issues) {
  return std::any_of(issues.begin(), issues.end(), [](const Issue& issue) {
    return issue.severity == Severity::kFatal || issue.severity == Severity::kError;
  });
}

namespace {

constexpr const char* kLineExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line";
constexpr const char* kColumnExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col";
constexpr const char* kMessageIdExtension =
    "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id";

nlohmann::json IssueToJson(const Issue& issue) {
  nlohmann::json out = nlohmann::json::object();
  nlohmann::json extensions = nlohmann::json::array();
  if (issue.line > 0) {
    extensions.push_back({{"url", kLineExtension}, {"valueInteger", issue.line}});
    extensions.push_back({{"url", kColumnExtension}, {"valueInteger", issue.column}});
  }
  if (!issue.id.empty()) extensions.push_back({{"url", kMessageIdExtension}, {"valueString", issue.id}});
  if (!extensions.empty()) out["extension"] = std::move(extensions);
  out["severity"] = SeverityCode(issue.severity);
  out["code"] = issue.code;
  out["diagnostics"] = issue.diagnostics;
  if (!issue.expression.empty()) out["expression"] = nlohmann::json::array({issue.expression});
  return out;
}

}  // namespace

nlohmann::json ToOperationOutcome(const Issues& issues) {
  nlohmann::json outcome = {{"resourceType", "OperationOutcome"}, {"issue", nlohmann::json::array()}};
  for (const Issue& issue : issues) outcome["issue"].push_back(IssueToJson(issue));
  return outcome;
}

}  // namespace pdex

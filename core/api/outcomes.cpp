#include "api/outcomes.h"

namespace pdex::api {

Issue JsonErrorIssue(const json::JsonError& error) {
  return Issue{.severity = Severity::kError,
               .code = error.id == "json.syntax" ? "structure" : "too-costly",
               .id = error.id,
               .diagnostics = error.message,
               .line = error.line,
               .column = error.column};
}

Issue InternalErrorIssue(std::string_view what, std::string_view during) {
  std::string diagnostics = "internal error";
  if (!during.empty()) diagnostics.append(" ").append(during);
  diagnostics.append(": ").append(what);
  return Issue{.severity = Severity::kFatal, .code = "exception", .id = "engine.internal", .diagnostics = diagnostics};
}

std::string InternalErrorOutcomeText(std::string_view what) { return OperationOutcomeText({InternalErrorIssue(what)}); }

}  // namespace pdex::api

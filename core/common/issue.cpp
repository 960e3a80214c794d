#include "common/issue.h"

#include <algorithm>
#include <optional>

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

// Strings nlohmann writes unchanged (printable ASCII without quote or backslash).
bool PlainAscii(const std::string& s) {
  for (const char c : s) {
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
  }
  return true;
}

// Appends JSON text the way nlohmann's compact dump writes it; strings that need escaping or UTF-8
// checks go through nlohmann's own serializer.
class TextWriter {
 public:
  explicit TextWriter(std::string& out) : out_(out) {}
  void String(const std::string& value) {
    if (PlainAscii(value)) {
      out_.append(1, '"').append(value).append(1, '"');
      return;
    }
    if (!serializer_) serializer_.emplace(nlohmann::detail::output_adapter<char, std::string>(out_), ' ',
                                          nlohmann::json::error_handler_t::replace);
    serializer_->dump(nlohmann::json(value), false, false, 0);
  }
  void Extension(const char* url, const char* value_key) {
    out_.append("{\"url\":\"").append(url).append("\",\"").append(value_key).append("\":");
  }

 private:
  std::string& out_;
  std::optional<nlohmann::detail::serializer<nlohmann::json>> serializer_;
};

}  // namespace

std::string OperationOutcomeText(const Issues& issues) {
  std::string out = "{\"issue\":[";
  TextWriter writer(out);
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const Issue& issue = issues[i];
    if (i > 0) out += ',';
    // The keys of IssueToJson in sorted order: code, diagnostics, expression, extension, severity.
    out += "{\"code\":";
    writer.String(issue.code);
    out += ",\"diagnostics\":";
    writer.String(issue.diagnostics);
    if (!issue.expression.empty()) {
      out += ",\"expression\":[";
      writer.String(issue.expression);
      out += ']';
    }
    if (issue.line > 0 || !issue.id.empty()) {
      out += ",\"extension\":[";
      if (issue.line > 0) {
        writer.Extension(kLineExtension, "valueInteger");
        out.append(std::to_string(issue.line)).append("},");
        writer.Extension(kColumnExtension, "valueInteger");
        out.append(std::to_string(issue.column)).append(1, '}');
        if (!issue.id.empty()) out += ',';
      }
      if (!issue.id.empty()) {
        writer.Extension(kMessageIdExtension, "valueString");
        writer.String(issue.id);
        out += '}';
      }
      out += ']';
    }
    out.append(",\"severity\":\"").append(SeverityCode(issue.severity)).append("\"}");
  }
  out += "],\"resourceType\":\"OperationOutcome\"}";
  return out;
}

nlohmann::json ToOperationOutcome(const Issues& issues) {
  nlohmann::json outcome = {{"resourceType", "OperationOutcome"}, {"issue", nlohmann::json::array()}};
  for (const Issue& issue : issues) outcome["issue"].push_back(IssueToJson(issue));
  return outcome;
}

}  // namespace pdex

// Findings about the data (as opposed to failures of our own code) and their FHIR form.
//
// Every check in the core reports an Issue; callers turn a list of them into an OperationOutcome.
// Issues are plain values: no ownership, safe to copy between threads.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pdex {

// OperationOutcome.issue.severity (http://hl7.org/fhir/issue-severity), most severe first.
enum class Severity { kFatal, kError, kWarning, kInformation };

const char* SeverityCode(Severity severity);

struct Issue {
  Severity severity = Severity::kError;
  // OperationOutcome.issue.code (http://hl7.org/fhir/issue-type), e.g. "structure", "invalid", "required".
  std::string code = "invalid";
  // Stable identifier of the kind of finding, e.g. "json.syntax"; listed in docs/issue-ids.md.
  std::string id;
  // Human-readable explanation: what is wrong and, where useful, what was expected.
  std::string diagnostics;
  // FHIRPath location with indices, e.g. "Patient.name[0].given[1]"; empty when unknown.
  std::string expression;
  // 1-based position in the JSON text; 0 when unknown.
  int line = 0;
  int column = 0;
};

using Issues = std::vector<Issue>;

// True when any issue is fatal or error.
bool HasErrors(const Issues& issues);

// An OperationOutcome resource holding `issues`. Positions and ids use the extensions the HL7 Java
// validator uses (operationoutcome-issue-line/-col, operationoutcome-message-id), so tools that read
// its output read ours.
nlohmann::json ToOperationOutcome(const Issues& issues);
// Its compact JSON text, byte-identical to json::Serialize(ToOperationOutcome(issues)) (keys in
// nlohmann's sorted order, invalid UTF-8 replaced), written without building the tree first: the
// WebAssembly result path, where the tree and its dump cost as much as a tenth of a validation.
std::string OperationOutcomeText(const Issues& issues);

}  // namespace pdex

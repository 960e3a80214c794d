// The issues claims-to-clinical reports (ids listed in docs/issue-ids.md under "Claims → clinical").
#pragma once

#include "common/issue.h"

#include <string>
#include <utility>

namespace pdex::claims {

// An issue about input named `source` (a file; empty when unnamed): the name leads the diagnostics so
// that findings over several files stay attributable.
inline Issue ClaimsIssue(Severity severity, std::string code, std::string id, std::string diagnostics,
                         std::string expression, const std::string& source = "", int line = 0) {
  Issue issue;
  issue.severity = severity;
  issue.code = std::move(code);
  issue.id = std::move(id);
  issue.diagnostics = source.empty() ? std::move(diagnostics) : source + ": " + diagnostics;
  issue.expression = std::move(expression);
  issue.line = line;
  return issue;
}

}  // namespace pdex::claims

// Engine's claims → clinical entry point (declared in api/engine.h; the logic is core/pdex/claims).
#include "api/engine.h"
#include "api/outcomes.h"
#include "pdex/claims/claims_to_clinical.h"

#include <exception>

namespace pdex::api {

nlohmann::json Engine::ClaimsToClinical(std::string_view input_text, std::string_view options_json) const {
  try {
    Issues issues;
    claims::ClaimsOptions options;
    if (options_json.find_first_not_of(" \t\r\n") != std::string_view::npos) {
      json::ParsedJson parsed = json::ParseJson(options_json, limits_);
      if (!parsed.ok()) {
        Issue issue = JsonErrorIssue(*parsed.error);
        issue.id = "claims.options-invalid";
        issue.diagnostics = "options are not JSON: " + issue.diagnostics;
        issue.expression = "options";
        return ToOperationOutcome({issue});
      }
      options = claims::ClaimsOptionsFromJson(parsed.value, issues);
    }
    claims::ClaimsResult result = claims::ClaimsToClinical({{"", input_text}}, options, limits_);
    for (Issue& issue : result.issues) issues.push_back(std::move(issue));
    if (result.figures.eobs_read == 0 && HasErrors(issues)) return ToOperationOutcome(issues);
    return {{"resourceType", "Parameters"},
            {"parameter",
             {{{"name", "return"}, {"resource", std::move(result.bundle)}},
              {{"name", "outcome"}, {"resource", ToOperationOutcome(issues)}}}}};
  } catch (const std::exception& e) {
    return ToOperationOutcome({InternalErrorIssue(e.what())});
  }
}

}  // namespace pdex::api

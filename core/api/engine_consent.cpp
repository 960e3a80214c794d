// Engine's consent-decision and segmentation entry points (declared in api/engine.h).
#include "api/engine.h"
#include "pdex/consent/consent_decision.h"
#include "pdex/segmentation/segmenter.h"

#include <exception>

namespace pdex::api {
namespace {

Issue JsonIssue(const json::JsonError& error, const std::string& what, std::string id) {
  return Issue{.severity = Severity::kError,
               .code = error.id == "json.syntax" ? "structure" : "too-costly",
               .id = std::move(id),
               .diagnostics = what + " is not readable JSON: " + error.message,
               .line = error.line,
               .column = error.column};
}

// The context, or the issues saying why it cannot be read.
consent::ConsentContext ReadContext(std::string_view context_json, const json::JsonLimits& limits, Issues& issues) {
  if (context_json.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
  json::ParsedJson parsed = json::ParseJson(context_json, limits);
  if (!parsed.ok()) {
    issues.push_back(JsonIssue(*parsed.error, "the consent context", "consent.context-invalid"));
    return {};
  }
  return consent::ParseConsentContext(parsed.value, issues);
}

consent::ConsentDecision Decide(std::string_view consent_text, std::string_view context_json, const json::JsonLimits& limits) {
  Issues context_issues;
  const consent::ConsentContext context = ReadContext(context_json, limits, context_issues);
  if (HasErrors(context_issues)) {
    consent::ConsentDecision refused;
    refused.issues = std::move(context_issues);
    return refused;
  }
  return consent::EvaluateConsentText(consent_text, context, limits);
}

nlohmann::json Internal(const std::exception& e) {
  return ToOperationOutcome({Issue{.severity = Severity::kFatal, .code = "exception", .id = "engine.internal",
                                   .diagnostics = std::string("internal error: ") + e.what()}});
}

}  // namespace

nlohmann::json Engine::EvaluateConsent(std::string_view consent_text, std::string_view context_json) const {
  try {
    return consent::DecisionToJson(Decide(consent_text, context_json, limits_));
  } catch (const std::exception& e) {
    return {{"permitted", false}, {"policy", "none"}, {"issue", Internal(e)["issue"]}};
  }
}

nlohmann::json Engine::Segment(std::string_view bundle_text, std::string_view consent_text, std::string_view context_json) const {
  try {
    const consent::ConsentDecision decision = Decide(consent_text, context_json, limits_);
    json::ParsedJson bundle = json::ParseJson(bundle_text, limits_);
    if (!bundle.ok()) {
      // The consent's own failures come first: they are the answer whatever the data.
      Issues issues = decision.permitted ? Issues{} : decision.issues;
      issues.push_back(JsonIssue(*bundle.error, "the Bundle", "segmentation.unparseable"));
      return {{"outcome", ToOperationOutcome(issues)}, {"report", nlohmann::json::object()}};
    }
    const segmentation::SegmentResult result = segmentation::Segment(bundle.value, decision);
    if (!result.released) return {{"outcome", ToOperationOutcome(result.issues)}, {"report", result.report}};
    return {{"bundle", result.bundle}, {"report", result.report}};
  } catch (const std::exception& e) {
    return {{"outcome", Internal(e)}, {"report", nlohmann::json::object()}};
  }
}

}  // namespace pdex::api

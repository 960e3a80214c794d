// Engine's consent-decision and segmentation entry points (declared in api/engine.h).
#include "api/engine.h"
#include "api/outcomes.h"
#include "json/fields.h"
#include "pdex/consent/consent_decision.h"
#include "pdex/segmentation/release_filter.h"
#include "pdex/segmentation/segmenter.h"

#include <exception>
#include <utility>

namespace pdex::api {
namespace {

// A JSON error of `what`, under the capability's own issue id.
Issue JsonIssue(const json::JsonError& error, const std::string& what, std::string id) {
  Issue issue = JsonErrorIssue(error);
  issue.id = std::move(id);
  issue.diagnostics = what + " is not readable JSON: " + issue.diagnostics;
  return issue;
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

nlohmann::json Internal(const std::exception& e) { return ToOperationOutcome({InternalErrorIssue(e.what())}); }

// A filter that releases nothing and says why.
pdex_common::ReleaseFilter RefusingFilter(Issues issues) {
  return [issues = std::move(issues)](const std::vector<nlohmann::json>&) {
    return pdex_common::FilterResult{.released = {}, .issues = issues};
  };
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

pdex_common::ReleaseFilter Engine::ConsentReleaseFilter(std::string_view consent_release_json) const {
  if (consent_release_json.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
  json::ParsedJson parsed = json::ParseJson(consent_release_json, limits_);
  if (!parsed.ok()) return RefusingFilter({JsonIssue(*parsed.error, "the release consent", "consent.unparseable")});
  const nlohmann::json* consent = json::ObjectAt(parsed.value, "consent");
  if (consent == nullptr) {
    return RefusingFilter({Issue{.code = "required", .id = "consent.unparseable",
                                 .diagnostics = "the release consent must be {\"consent\": Consent, \"context\": {...}}"}});
  }
  const nlohmann::json* context = json::ObjectAt(parsed.value, "context");
  consent::ConsentDecision decision = Decide(consent->dump(), context != nullptr ? context->dump() : "", limits_);
  if (!decision.permitted) return RefusingFilter(std::move(decision.issues));
  return segmentation::ReleaseFilterFor(std::move(decision));
}

}  // namespace pdex::api

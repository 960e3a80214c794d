// Engine's $member-match entry points (declared in api/engine.h; the logic is core/pdex/member_match).
#include "api/engine.h"
#include "api/outcomes.h"
#include "common/issue.h"
#include "package/registry.h"
#include "pdex/common/codes.h"
#include "pdex/consent/consent_decision.h"
#include "pdex/member_match/member_index.h"
#include "pdex/member_match/member_match.h"
#include "validation/json_positions.h"
#include "validation/validator.h"

#include <exception>

namespace pdex::api {
nlohmann::json Engine::LoadMemberIndex(std::string_view text, std::string_view name, bool replace) {
  try {
    if (!member_index_ || replace) member_index_ = std::make_shared<member_match::MemberIndex>();
    member_match::LoadCounts counts;
    Issues issues = member_index_->Add(text, name, limits_, counts);
    if (member_index_->unresolved_coverages() > 0) {
      issues.push_back(Issue{.severity = Severity::kWarning, .code = "not-found", .id = "member-match.index-unresolved-coverage",
                             .diagnostics = std::to_string(member_index_->unresolved_coverages()) +
                                            " Coverage(s) name a beneficiary Patient that is not in the index (yet)"});
    }
    issues.push_back(Issue{.severity = Severity::kInformation, .code = "informational", .id = "member-match.index-loaded",
                           .diagnostics = std::string(name) + ": " + std::to_string(counts.patients) + " Patient(s), " +
                                          std::to_string(counts.coverages) + " Coverage(s) added, " +
                                          std::to_string(counts.other) + " other resource(s) ignored; " +
                                          std::to_string(member_index_->size()) + " member(s) in the index"});
    return ToOperationOutcome(issues);
  } catch (const std::exception& e) {
    return ToOperationOutcome({InternalErrorIssue(e.what(), "in $member-match")});
  }
}

std::size_t Engine::MemberIndexSize() const { return member_index_ ? member_index_->size() : 0; }

nlohmann::json Engine::MemberMatch(std::string_view request_text, const MemberMatchOptions& options,
                                   nlohmann::json* explanation) const {
  try {
    json::ParsedJson parsed = json::ParseJson(request_text, limits_);
    if (!parsed.ok()) {
      return member_match::FailureOutcome(
          member_match::Outcome::kInvalidRequest,
          {JsonErrorIssue(*parsed.error)});
    }
    member_match::MemberMatchOptions match_options;
    if (options.hrex == "1.1" || options.hrex == "1.1.0") {
      match_options.hrex = member_match::HrexVersion::k1_1;
    } else if (options.hrex != "1.0" && options.hrex != "1.0.0" && !options.hrex.empty()) {
      return member_match::FailureOutcome(
          member_match::Outcome::kInvalidRequest,
          {Issue{.code = "not-supported", .id = "member-match.unknown-hrex-version",
                 .diagnostics = "unknown HRex version '" + options.hrex + "' (1.0 or 1.1)"}});
    }
    match_options.explain = options.explain && explanation != nullptr;
    if (options.consent) {
      match_options.consent = [&options](const nlohmann::json* consent, const std::string& patient_id) {
        MemberMatchConsent decision = options.consent(consent, patient_id);
        return member_match::ConsentDecision{decision.honoured, std::move(decision.issues)};
      };
    }
    // Our validator: base R4 always; for HRex 1.0 the input profile too (the loaded HRex is 1.0.0,
    // whose Consent 1..1 and us-core-patient do not hold for 1.1 requests). References checked.
    Issues validation_issues;
    if (has_definitions() && parsed.value.is_object()) {
      validation::ValidatorOptions validator_options;
      validator_options.check_references_exist = true;
      const bool profile_known = registry_->FindStructureDefinition(pdex_codes::kHrexMemberMatchIn) != nullptr;
      if (match_options.hrex == member_match::HrexVersion::k1_0 && profile_known) {
        validator_options.profiles.emplace_back(pdex_codes::kHrexMemberMatchIn);
      }
      for (Issue& issue : validator_->Validate(parsed.value, validator_options)) {
        if (issue.severity == Severity::kError || issue.severity == Severity::kFatal) validation_issues.push_back(std::move(issue));
      }
      validation::AnnotatePositions(request_text, validation_issues);
    }
    const member_match::MemberIndex empty_index;
    member_match::MemberMatchAnswer answer = member_match::MemberMatch(
        parsed.value, member_index_ ? *member_index_ : empty_index, match_options, validation_issues);
    if (match_options.explain) *explanation = std::move(answer.explanation);
    return std::move(answer.resource);
  } catch (const std::exception& e) {
    return ToOperationOutcome({InternalErrorIssue(e.what(), "in $member-match")});
  }
}

MemberMatchOptions::ConsentCheck EvaluatingConsentIn(const nlohmann::json& context_json) {
  Issues context_issues;
  consent::ConsentContext context = consent::ParseConsentContext(context_json, context_issues);
  return [context = std::move(context), context_issues = std::move(context_issues)](const nlohmann::json* consent,
                                                                                    const std::string&) {
    if (consent == nullptr) return MemberMatchConsent{};
    if (HasErrors(context_issues)) return MemberMatchConsent{.honoured = false, .issues = context_issues};
    consent::ConsentDecision decision = consent::EvaluateConsent(*consent, context);
    if (decision.permitted) return MemberMatchConsent{};
    Issues errors;
    for (Issue& issue : decision.issues) {
      if (issue.severity == Severity::kError || issue.severity == Severity::kFatal) errors.push_back(std::move(issue));
    }
    return MemberMatchConsent{.honoured = false, .issues = std::move(errors)};
  };
}

}  // namespace pdex::api

#include "pdex/member_match/member_match.h"

#include "pdex/common/codes.h"

namespace pdex::member_match {
namespace {

nlohmann::json TypeCoding(HrexVersion version) {
  return version == HrexVersion::k1_0
             ? nlohmann::json{{"coding", {{{"system", pdex_codes::kV2IdentifierType}, {"code", "MB"}}}}}
             : nlohmann::json{{"coding", {{{"system", pdex_codes::kHrexTemp}, {"code", "UMB"}}}}};
}

// The outcome's issue for each failure, with PDex's result code in details.
struct FailureIssue {
  const char* code;
  const char* id;
  const char* result_code;  // PdexMultiMemberMatchResultCS; null for none
  const char* text;
};

FailureIssue FailureFor(Outcome outcome) {
  switch (outcome) {
    case Outcome::kNoMatch:
      return {"not-found", "member-match.no-match", "nomatch",
              "No Match: no member of this payer matches the request uniquely"};
    case Outcome::kMultipleMatches:
      return {"multiple-matches", "member-match.multiple-matches", "nomatch",
              "Multiple Matches: the request does not identify one member of this payer; send more demographics or the "
              "member id"};
    case Outcome::kConsentRefused:
      return {"business-rule", "member-match.consent-constraint", "consentconstraint",
              "Consent Constraint: the member was matched but this payer cannot comply with the consent request"};
    default:
      return {"invalid", "member-match.invalid-request", nullptr,
              "the $member-match request is not valid (hrex-parameters-member-match-in)"};
  }
}

}  // namespace

nlohmann::json MatchParameters(const Member& member, HrexVersion version) {
  nlohmann::json identifier = version == HrexVersion::k1_1 && !member.unique_member_identifier.is_null()
                                  ? member.unique_member_identifier
                                  : member.member_identifier;
  nlohmann::json value = {{"type", TypeCoding(version)}};
  if (identifier.contains("system")) value["system"] = identifier["system"];
  value["value"] = identifier.value("value", std::string());
  nlohmann::json parameters = {{"resourceType", "Parameters"},
                               {"parameter", {{{"name", "MemberIdentifier"}, {"valueIdentifier", std::move(value)}}}}};
  if (version == HrexVersion::k1_0) {
    parameters["meta"] = {{"profile", {pdex_codes::kHrexMemberMatchOut}}};
  } else {
    // HRex 1.1.0 MemberId (FHIR-42810), which PDex 2.1 requires (FHIR-47053).
    parameters["parameter"].push_back(
        {{"name", "MemberId"}, {"valueReference", {{"reference", "Patient/" + member.patient_id}}}});
  }
  return parameters;
}

nlohmann::json FailureOutcome(Outcome outcome, const Issues& extra) {
  const FailureIssue failure = FailureFor(outcome);
  Issues issues = {Issue{.severity = Severity::kError, .code = failure.code, .id = failure.id, .diagnostics = failure.text}};
  issues.insert(issues.end(), extra.begin(), extra.end());
  nlohmann::json outcome_json = ToOperationOutcome(issues);
  nlohmann::json details = {{"text", failure.text}};
  if (failure.result_code != nullptr) {
    details["coding"] = {{{"system", kMatchResultSystem}, {"code", failure.result_code}}};
  }
  outcome_json["issue"][0]["details"] = std::move(details);
  return outcome_json;
}

MemberMatchAnswer MemberMatch(const nlohmann::json& request, const MemberIndex& index, const MemberMatchOptions& options,
                              const Issues& validation_issues) {
  MemberMatchAnswer answer;
  RequestParts parts;
  Issues issues = CheckRequest(request, options.hrex, parts);
  issues.insert(issues.end(), validation_issues.begin(), validation_issues.end());
  if (HasErrors(issues)) {
    answer.outcome = Outcome::kInvalidRequest;
    answer.resource = FailureOutcome(Outcome::kInvalidRequest, issues);
    if (options.explain) answer.explanation = {{"decision", "invalid-request"}};
    return answer;
  }
  const Probe probe = ReadProbe(*parts.member_patient, *parts.coverage_to_match);
  const MatchResult result = Match(probe, index);
  if (options.explain) answer.explanation = Explain(result, probe, index);
  if (result.decision != Decision::kMatch || !result.member) {
    answer.outcome = result.decision == Decision::kMultiple ? Outcome::kMultipleMatches : Outcome::kNoMatch;
    answer.resource = FailureOutcome(answer.outcome);
    return answer;
  }
  const Member& member = index.member(*result.member);
  if (member.member_identifier.is_null() && member.unique_member_identifier.is_null()) {
    // Matched a Patient with no member id to give: nothing the requester could use; say no match.
    answer.outcome = Outcome::kNoMatch;
    answer.resource = FailureOutcome(Outcome::kNoMatch);
    if (options.explain) answer.explanation["note"] = "the matched Patient has no member identifier to answer with";
    return answer;
  }
  if (options.consent) {
    const ConsentDecision consent = options.consent(parts.consent, member.patient_id);
    if (!consent.honoured) {
      // §6.3 step 5: a unique match whose consent cannot be honoured SHALL NOT return the patient id.
      answer.outcome = Outcome::kConsentRefused;
      answer.resource = FailureOutcome(Outcome::kConsentRefused, consent.issues);
      if (options.explain) {
        answer.explanation["decision"] = "consent-constraint";
        answer.explanation.erase("memberId");
      }
      return answer;
    }
  }
  answer.outcome = Outcome::kMatched;
  answer.resource = MatchParameters(member, options.hrex);
  return answer;
}

}  // namespace pdex::member_match

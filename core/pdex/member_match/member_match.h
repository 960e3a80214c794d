// $member-match end to end over a parsed request and a member index: checks the request
// (request_checks.h), matches (matcher.h), asks the consent decision for a unique match, and
// answers with hrex-parameters-member-match-out Parameters or an OperationOutcome
// (../shared/spec/pdex-facts.md §2.1, §4.1, §6.3).
//
// Failures, each a 422 for the server, told apart by issue.code and by a details coding from PDex's
// PdexMultiMemberMatchResultCS:
//   invalid request    issue.code invalid/structure/required, no details coding
//   no match           issue.code not-found,        details nomatch
//   several matches    issue.code multiple-matches, details nomatch (bulk $member-match puts them in NonMatched)
//   consent refused    issue.code business-rule,    details consentconstraint
// No failure says anything about any member.
#pragma once

#include "common/issue.h"
#include "pdex/member_match/matcher.h"
#include "pdex/member_match/member_index.h"
#include "pdex/member_match/request_checks.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace pdex::member_match {

inline constexpr std::string_view kMatchResultSystem =
    "http://hl7.org/fhir/us/davinci-pdex/CodeSystem/PdexMultiMemberMatchResultCS";

// Whether the old payer can comply with the request's Consent for the matched member (evaluated by
// core/pdex/consent; the lead wires it). Not honoured -> 422 consent-constraint, no member id.
struct ConsentDecision {
  bool honoured = true;
  Issues issues;  // why not (added to the OperationOutcome after the consent-constraint issue)
};
// consent: the Consent parameter (null when the request has none); matched_patient_id: the payer's
// Patient.id of the unique match.
using ConsentEvaluator = std::function<ConsentDecision(const nlohmann::json* consent, const std::string& matched_patient_id)>;

struct MemberMatchOptions {
  HrexVersion hrex = HrexVersion::k1_0;  // 1.0.0: MemberIdentifier type v2-0203#MB; 1.1.0: hrex-temp#UMB + MemberId
  bool explain = false;
  ConsentEvaluator consent;  // unset: every consent is honoured
};

enum class Outcome { kMatched, kInvalidRequest, kNoMatch, kMultipleMatches, kConsentRefused };

struct MemberMatchAnswer {
  Outcome outcome = Outcome::kNoMatch;
  nlohmann::json resource;     // Parameters (kMatched) or OperationOutcome
  nlohmann::json explanation;  // when options.explain (null otherwise)
};

// `validation_issues`: what our validator said about the request against the input profile (the
// Engine's part); their errors make the request invalid together with CheckRequest's.
MemberMatchAnswer MemberMatch(const nlohmann::json& request, const MemberIndex& index, const MemberMatchOptions& options,
                              const Issues& validation_issues = {});

// The answers, for callers that decide elsewhere.
nlohmann::json MatchParameters(const Member& member, HrexVersion version);
nlohmann::json FailureOutcome(Outcome outcome, const Issues& extra = {});

}  // namespace pdex::member_match

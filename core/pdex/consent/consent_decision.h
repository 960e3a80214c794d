// Evaluating an HRex Consent (http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-consent,
// ../shared/spec/pdex-facts.md §2.2, §4.1, §6.3 step 5) for one release: may this payer disclose the
// member's data to this requester now, and under which policy (#regular: everything except what US
// federal/state law deems sensitive; #sensitive: everything)?
//
// Fail closed: anything that is not a valid, current, permit/disclose consent from this payer to this
// requester for this member permits NOTHING. Every failure is its own issue (docs/issue-ids.md,
// "Consent decisions"). Used by $member-match (the consent-constraint answer) and by the release
// assembly and the segmenter (core/pdex/segmentation), which take the ConsentDecision as input.
#pragma once

#include "common/issue.h"
#include "json/parse.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace pdex::consent {

enum class ConsentPolicy { kNone, kRegular, kSensitive };

// "regular", "sensitive" or "none".
const char* PolicyName(ConsentPolicy policy);

// One identity of an organization: an identifier (system may be empty: the value alone must match,
// in any system) or a literal reference ("Organization/123"; a base URL is ignored).
struct PartyId {
  std::string system;
  std::string value;
  std::string reference;
};

// What the consent is checked against. An empty `payer`/`requester`/`member` skips that check with
// a warning issue (consent.*-not-checked): the caller (server, CLI without --payer...) must supply
// them to have them checked.
struct ConsentContext {
  std::string now;                  // FHIR instant; empty = the system clock
  std::vector<PartyId> payer;       // this (old) payer: some source actor must be one of these
  std::vector<PartyId> requester;   // the requesting (new) payer: some recipient actor must be one
  std::string member;               // the matched member's reference as the consent names it ("Patient/1")
};

struct ConsentDecision {
  bool permitted = false;
  ConsentPolicy policy = ConsentPolicy::kNone;  // set when the policy was read, even if not permitted
  Issues issues;                                // errors (why not permitted) and warnings
};

// Evaluates `consent` (a parsed Consent resource). Never throws.
ConsentDecision EvaluateConsent(const nlohmann::json& consent, const ConsentContext& context);
// The same from JSON text: unparseable text is a decision with consent.unparseable.
ConsentDecision EvaluateConsentText(std::string_view consent_text, const ConsentContext& context,
                                    const json::JsonLimits& limits = {});

// Reads the context from JSON: {"now": "2026-01-01T00:00:00Z", "payer": [ID...], "requester": [ID...],
// "member": "Patient/1"}; an ID is a string ("system|value", "Type/id" or a bare NPI) or an object
// {"system", "value"} / {"reference"}; "payer"/"requester" may be a single ID. Wrong types are
// issues (consent.context-invalid) and leave the field empty.
ConsentContext ParseConsentContext(const nlohmann::json& context_json, Issues& issues);
// One ID in the string form above ("system|value", "Type/id", or a value taken as an NPI).
PartyId ParsePartyId(std::string_view text);

// The decision as JSON: {"permitted": bool, "policy": "regular"|"sensitive"|"none", "issue": [...]}
// (issues in OperationOutcome.issue form).
nlohmann::json DecisionToJson(const ConsentDecision& decision);

}  // namespace pdex::consent

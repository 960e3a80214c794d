#include "pdex/consent/consent_decision.h"

#include "json/fields.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex/common/fhir_time.h"

#include <chrono>

namespace pdex::consent {
namespace {

using json::ArrayAt;
using json::ObjectAt;
using json::StringAt;
namespace codes = pdex_codes;

Issue Fail(std::string id, std::string code, std::string diagnostics, std::string expression) {
  return Issue{.severity = Severity::kError,
               .code = std::move(code),
               .id = std::move(id),
               .diagnostics = std::move(diagnostics),
               .expression = std::move(expression)};
}

Issue Warn(std::string id, std::string diagnostics) {
  return Issue{.severity = Severity::kWarning, .code = "informational", .id = std::move(id), .diagnostics = std::move(diagnostics)};
}

std::string Quote(std::string_view text) {
  constexpr std::size_t kMax = 120;  // diagnostics never echo unbounded input
  std::string out(1, '\'');
  out.append(text.substr(0, kMax));
  out.append(text.size() > kMax ? "...'" : "'");
  return out;
}

std::int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The policy of policy[].uri: one of the two HRex policies, exactly (§2.2: required binding).
void CheckPolicy(const nlohmann::json& consent, ConsentDecision& decision) {
  bool regular = false, sensitive = false, other = false;
  if (const auto* policies = ArrayAt(consent, "policy")) {
    for (const auto& policy : *policies) {
      const std::string_view uri = StringAt(policy, "uri");
      if (uri == codes::kConsentPolicyRegular) regular = true;
      else if (uri == codes::kConsentPolicySensitive) sensitive = true;
      else other = true;
    }
  }
  if (regular && sensitive) {
    decision.issues.push_back(Fail("consent.policy-conflict", "invalid",
                                   "the consent names both the #regular and the #sensitive HRex policy; which data may be "
                                   "released is undecidable, so nothing is",
                                   "Consent.policy"));
  } else if (regular || sensitive) {
    decision.policy = regular ? ConsentPolicy::kRegular : ConsentPolicy::kSensitive;
  } else {
    decision.issues.push_back(Fail(other ? "consent.policy-unknown" : "consent.policy-missing", other ? "not-supported" : "required",
                                   other ? "no policy.uri is one of the HRex consent policies (...hrex-consent.html#regular "
                                           "or #sensitive); this payer honours only those"
                                         : "the consent has no policy.uri; HRex requires #regular or #sensitive",
                                   "Consent.policy"));
  }
}

// provision.period covers `now_ms`; start and end are both required (HRex 1..1).
void CheckPeriod(const nlohmann::json& provision, std::int64_t now_ms, ConsentDecision& decision) {
  const auto* period = ObjectAt(provision, "period");
  const std::string_view start = period ? StringAt(*period, "start") : std::string_view();
  const std::string_view end = period ? StringAt(*period, "end") : std::string_view();
  if (start.empty() || end.empty()) {
    decision.issues.push_back(Fail("consent.period-missing", "required",
                                   "provision.period needs both start and end (HRex 1..1); an open-ended consent is not honoured",
                                   "Consent.provision.period"));
    return;
  }
  const auto start_span = pdex_common::ParseFhirTime(start);
  const auto end_span = pdex_common::ParseFhirTime(end);
  if (!start_span || !end_span || start_span->first_ms > end_span->last_ms) {
    decision.issues.push_back(Fail("consent.period-invalid", "invalid",
                                   "provision.period " + Quote(start) + " to " + Quote(end) +
                                       " is not a valid FHIR date/dateTime period (or ends before it starts)",
                                   "Consent.provision.period"));
    return;
  }
  if (now_ms < start_span->first_ms) {
    decision.issues.push_back(Fail("consent.not-yet-valid", "forbidden",
                                   "the consent period starts " + std::string(start) + ", after now", "Consent.provision.period.start"));
  } else if (now_ms > end_span->last_ms) {
    decision.issues.push_back(Fail("consent.expired", "forbidden", "the consent period ended " + std::string(end),
                                   "Consent.provision.period.end"));
  }
}

bool HasRole(const nlohmann::json& actor, std::string_view system, std::string_view code) {
  const auto* role = ObjectAt(actor, "role");
  return role != nullptr && pdex_common::HasCoding(*role, system, code);
}

bool SameReference(std::string_view a, std::string_view b) {
  const auto pa = pdex_common::ParseReference(a);
  const auto pb = pdex_common::ParseReference(b);
  if (pa && pb && !pa->contained && !pb->contained && !pa->urn && !pb->urn) {
    return pdex_common::TypeAndId(*pa) == pdex_common::TypeAndId(*pb);
  }
  return a == b;
}

bool IdentifierMatches(const nlohmann::json& identifier, const PartyId& party) {
  if (party.value.empty() || StringAt(identifier, "value") != party.value) return false;
  return party.system.empty() || StringAt(identifier, "system") == party.system;
}

// Whether the actor's reference (identifier, literal reference, or a contained resource's
// identifiers) names one of `parties`.
bool ActorIsOneOf(const nlohmann::json& consent, const nlohmann::json& actor, const std::vector<PartyId>& parties) {
  const auto* reference = ObjectAt(actor, "reference");
  if (reference == nullptr) return false;
  const auto* identifier = ObjectAt(*reference, "identifier");
  const std::string_view literal = StringAt(*reference, "reference");
  const nlohmann::json* contained_identifiers = nullptr;
  if (literal.size() > 1 && literal[0] == '#') {
    if (const auto* contained = ArrayAt(consent, "contained")) {
      for (const auto& resource : *contained) {
        if (StringAt(resource, "id") == literal.substr(1)) contained_identifiers = ArrayAt(resource, "identifier");
      }
    }
  }
  for (const PartyId& party : parties) {
    if (!party.reference.empty() && !literal.empty() && literal[0] != '#' && SameReference(literal, party.reference)) return true;
    if (identifier != nullptr && IdentifierMatches(*identifier, party)) return true;
    if (contained_identifiers != nullptr) {
      for (const auto& contained_identifier : *contained_identifiers) {
        if (IdentifierMatches(contained_identifier, party)) return true;
      }
    }
  }
  return false;
}

// provision.actor: some `source` (provenance-participant-type#performer) is this payer and some
// `recipient` (v3-ParticipationType#IRCP) is the requester (§2.2).
void CheckActors(const nlohmann::json& consent, const nlohmann::json& provision, const ConsentContext& context,
                 ConsentDecision& decision) {
  struct Slice {
    const char* name;
    std::string_view system, code;
    const std::vector<PartyId>& parties;
    const char* who;
  };
  const Slice slices[] = {
      {"source", codes::kProvenanceParticipantType, "performer", context.payer, "this payer"},
      {"recipient", codes::kV3ParticipationType, "IRCP", context.requester, "the requester"},
  };
  for (const Slice& slice : slices) {
    bool any = false, matched = false;
    if (const auto* actors = ArrayAt(provision, "actor")) {
      for (const auto& actor : *actors) {
        if (!HasRole(actor, slice.system, slice.code)) continue;
        any = true;
        if (!slice.parties.empty() && ActorIsOneOf(consent, actor, slice.parties)) matched = true;
      }
    }
    const std::string name = slice.name;
    if (!any) {
      decision.issues.push_back(Fail("consent." + name + "-missing", "required",
                                     "provision.actor has no " + name + " actor (role " + std::string(slice.system) + "#" +
                                         std::string(slice.code) + ")",
                                     "Consent.provision.actor"));
    } else if (slice.parties.empty()) {
      decision.issues.push_back(Warn("consent." + name + "-not-checked",
                                     "no identity of " + std::string(slice.who) + " was given, so the " + name +
                                         " actor was not checked"));
    } else if (!matched) {
      decision.issues.push_back(Fail("consent." + name + "-mismatch", "forbidden",
                                     "no " + name + " actor of the consent is " + std::string(slice.who) +
                                         " (compared by identifier and literal reference)",
                                     "Consent.provision.actor"));
    }
  }
}

// Elements HRex prohibits (0..0): the rules are expressed by the policy alone (§2.2). A consent that
// narrows them another way cannot be honoured by a policy-only segmenter.
void CheckProhibited(const nlohmann::json& provision, ConsentDecision& decision) {
  for (const char* name : {"securityLabel", "purpose", "class", "code", "dataPeriod", "data", "provision"}) {
    if (provision.contains(name)) {
      decision.issues.push_back(Fail("consent.provision-restricted", "not-supported",
                                     std::string("provision.") + name +
                                         " is prohibited by HRex (rules are expressed by the policy alone); this consent "
                                         "cannot be honoured as written",
                                     std::string("Consent.provision.") + name));
    }
  }
}

void CheckProvision(const nlohmann::json& consent, const ConsentContext& context, std::int64_t now_ms,
                    ConsentDecision& decision) {
  const auto* provision = ObjectAt(consent, "provision");
  if (provision == nullptr) {
    decision.issues.push_back(Fail("consent.provision-missing", "required", "the consent has no provision", "Consent.provision"));
    return;
  }
  if (StringAt(*provision, "type") != "permit") {
    decision.issues.push_back(Fail("consent.provision-type", "forbidden",
                                   "provision.type is " + Quote(StringAt(*provision, "type")) + ", not 'permit'",
                                   "Consent.provision.type"));
  }
  bool disclose = false;
  if (const auto* actions = ArrayAt(*provision, "action")) {
    for (const auto& action : *actions) disclose = disclose || pdex_common::HasCoding(action, codes::kConsentAction, "disclose");
  }
  if (!disclose) {
    decision.issues.push_back(Fail("consent.action", "forbidden",
                                   "provision.action does not include consentaction#disclose", "Consent.provision.action"));
  }
  CheckProhibited(*provision, decision);
  CheckPeriod(*provision, now_ms, decision);
  CheckActors(consent, *provision, context, decision);
}

void CheckPatient(const nlohmann::json& consent, const ConsentContext& context, ConsentDecision& decision) {
  const auto* patient = ObjectAt(consent, "patient");
  const std::string_view reference = patient ? StringAt(*patient, "reference") : std::string_view();
  if (reference.empty()) {
    decision.issues.push_back(Fail("consent.patient-missing", "required", "Consent.patient has no reference", "Consent.patient"));
  } else if (context.member.empty()) {
    decision.issues.push_back(Warn("consent.patient-not-checked", "no member reference was given, so Consent.patient was not checked"));
  } else if (!SameReference(reference, context.member)) {
    decision.issues.push_back(Fail("consent.patient-mismatch", "forbidden",
                                   "Consent.patient is not the matched member", "Consent.patient"));
  }
}

}  // namespace

const char* PolicyName(ConsentPolicy policy) {
  switch (policy) {
    case ConsentPolicy::kRegular: return "regular";
    case ConsentPolicy::kSensitive: return "sensitive";
    case ConsentPolicy::kNone: break;
  }
  return "none";
}

ConsentDecision EvaluateConsent(const nlohmann::json& consent, const ConsentContext& context) {
  ConsentDecision decision;
  if (!consent.is_object() || StringAt(consent, "resourceType") != "Consent") {
    decision.issues.push_back(Fail("consent.not-consent", "structure",
                                   "the consent must be a JSON object with resourceType 'Consent'", ""));
    return decision;
  }
  std::int64_t now_ms = SystemNowMs();
  if (!context.now.empty()) {
    const auto now = pdex_common::ParseFhirTime(context.now);
    if (!now) {
      decision.issues.push_back(Fail("consent.now-invalid", "invalid",
                                     "'now' " + Quote(context.now) + " is not a FHIR instant", ""));
      return decision;
    }
    now_ms = now->first_ms;
  }
  const std::string_view status = StringAt(consent, "status");
  if (status != "active") {
    decision.issues.push_back(Fail("consent.not-active", "forbidden",
                                   "Consent.status is " + Quote(status) +
                                       "; only an 'active' consent is honoured (inactive = revoked or expired)",
                                   "Consent.status"));
  }
  const auto* scope = ObjectAt(consent, "scope");
  if (scope == nullptr || !pdex_common::HasCoding(*scope, codes::kConsentScope, "patient-privacy")) {
    decision.issues.push_back(Fail("consent.scope", "invalid",
                                   "Consent.scope is not consentscope#patient-privacy (HRex 1..1)", "Consent.scope"));
  }
  CheckPolicy(consent, decision);
  CheckProvision(consent, context, now_ms, decision);
  CheckPatient(consent, context, decision);
  decision.permitted = !HasErrors(decision.issues) && decision.policy != ConsentPolicy::kNone;
  return decision;
}

ConsentDecision EvaluateConsentText(std::string_view consent_text, const ConsentContext& context,
                                    const json::JsonLimits& limits) {
  json::ParsedJson parsed = json::ParseJson(consent_text, limits);
  if (!parsed.ok()) {
    ConsentDecision decision;
    decision.issues.push_back(Issue{.severity = Severity::kError,
                                    .code = "structure",
                                    .id = "consent.unparseable",
                                    .diagnostics = "the consent is not readable JSON: " + parsed.error->message,
                                    .line = parsed.error->line,
                                    .column = parsed.error->column});
    return decision;
  }
  return EvaluateConsent(parsed.value, context);
}

PartyId ParsePartyId(std::string_view text) {
  PartyId party;
  const std::size_t bar = text.find('|');
  if (bar != std::string_view::npos) {
    party.system = std::string(text.substr(0, bar));
    party.value = std::string(text.substr(bar + 1));
  } else if (text.find('/') != std::string_view::npos) {
    party.reference = std::string(text);
  } else {
    party.system = std::string(pdex_codes::kNpiSystem);  // a bare value is an NPI, the HRex examples' identifier
    party.value = std::string(text);
  }
  return party;
}

namespace {

bool ReadParty(const nlohmann::json& value, PartyId& party) {
  if (value.is_string()) {
    party = ParsePartyId(value.get_ref<const std::string&>());
    return true;
  }
  if (!value.is_object()) return false;
  party.system = std::string(StringAt(value, "system"));
  party.value = std::string(StringAt(value, "value"));
  party.reference = std::string(StringAt(value, "reference"));
  return !party.value.empty() || !party.reference.empty();
}

void ReadParties(const nlohmann::json& context_json, const char* key, std::vector<PartyId>& out, Issues& issues) {
  const auto* value = json::MemberAt(context_json, key);
  if (value == nullptr || value->is_null()) return;
  const bool ok = [&] {
    if (!value->is_array()) {
      PartyId party;
      if (!ReadParty(*value, party)) return false;
      out.push_back(party);
      return true;
    }
    for (const auto& item : *value) {
      PartyId party;
      if (!ReadParty(item, party)) return false;
      out.push_back(party);
    }
    return true;
  }();
  if (!ok) {
    out.clear();
    issues.push_back(Fail("consent.context-invalid", "invalid",
                          std::string("context.") + key +
                              " must be an identity (\"system|value\", \"Type/id\", an NPI, {system, value} or {reference}) or an array of them",
                          std::string(key)));
  }
}

}  // namespace

ConsentContext ParseConsentContext(const nlohmann::json& context_json, Issues& issues) {
  ConsentContext context;
  if (context_json.is_null()) return context;
  if (!context_json.is_object()) {
    issues.push_back(Fail("consent.context-invalid", "invalid", "the consent context must be a JSON object", ""));
    return context;
  }
  for (const char* key : {"now", "member"}) {
    const auto* value = json::MemberAt(context_json, key);
    if (value == nullptr || value->is_null()) continue;
    if (!value->is_string()) {
      issues.push_back(Fail("consent.context-invalid", "invalid", std::string("context.") + key + " must be a string", key));
      continue;
    }
    (std::string_view(key) == "now" ? context.now : context.member) = value->get<std::string>();
  }
  ReadParties(context_json, "payer", context.payer, issues);
  ReadParties(context_json, "requester", context.requester, issues);
  return context;
}

nlohmann::json DecisionToJson(const ConsentDecision& decision) {
  nlohmann::json outcome = ToOperationOutcome(decision.issues);
  return nlohmann::json{{"permitted", decision.permitted},
                        {"policy", PolicyName(decision.policy)},
                        {"issue", outcome.value("issue", nlohmann::json::array())}};
}

}  // namespace pdex::consent

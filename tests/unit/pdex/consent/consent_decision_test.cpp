// core/pdex/consent: every failure of an HRex Consent has its own issue id and permits nothing;
// a valid consent permits under its policy. Checked on our own consents and on the HRex 1.0.0
// $member-match example (../shared/ig, skipped when absent).
#include "pdex/consent/consent_decision.h"

#include "../common/pdex_test_support.h"
#include "json/parse.h"
#include "pdex/common/codes.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

namespace {

using namespace pdex::consent;
namespace codes = pdex::pdex_codes;

constexpr const char* kOldPayerNpi = "9876543210";
constexpr const char* kNewPayerNpi = "0123456789";

nlohmann::json Actor(std::string_view role_system, std::string_view role_code, const nlohmann::json& reference) {
  return {{"role", {{"coding", {{{"system", role_system}, {"code", role_code}}}}}}, {"reference", reference}};
}

nlohmann::json NpiRef(const std::string& npi) {
  return {{"identifier", {{"system", codes::kNpiSystem}, {"value", npi}}}, {"display", "a plan"}};
}

// A valid HRex Consent from the old payer to the new payer for Patient/1, January 2026.
nlohmann::json ValidConsent(std::string_view policy = codes::kConsentPolicyRegular) {
  return {
      {"resourceType", "Consent"},
      {"status", "active"},
      {"scope", {{"coding", {{{"system", codes::kConsentScope}, {"code", "patient-privacy"}}}}}},
      {"category", {{{"coding", {{{"system", codes::kV3ActCode}, {"code", "IDSCL"}}}}}}},
      {"patient", {{"reference", "Patient/1"}}},
      {"performer", {{{"reference", "Patient/1"}}}},
      {"sourceReference", {{"reference", "http://example.org/DocumentReference/consent.pdf"}}},
      {"policy", {{{"uri", policy}}}},
      {"provision",
       {{"type", "permit"},
        {"period", {{"start", "2026-01-01"}, {"end", "2026-01-31"}}},
        {"actor",
         {Actor(codes::kProvenanceParticipantType, "performer", NpiRef(kOldPayerNpi)),
          Actor(codes::kV3ParticipationType, "IRCP", NpiRef(kNewPayerNpi))}},
        {"action", {{{"coding", {{{"system", codes::kConsentAction}, {"code", "disclose"}}}}}}}}},
  };
}

ConsentContext Context(std::string now = "2026-01-15T12:00:00Z") {
  ConsentContext context;
  context.now = std::move(now);
  context.payer = {ParsePartyId(kOldPayerNpi)};
  context.requester = {ParsePartyId(kNewPayerNpi)};
  context.member = "Patient/1";
  return context;
}

std::vector<std::string> ErrorIds(const ConsentDecision& decision) {
  std::vector<std::string> ids;
  for (const auto& issue : decision.issues) {
    if (issue.severity == pdex::Severity::kError || issue.severity == pdex::Severity::kFatal) ids.push_back(issue.id);
  }
  return ids;
}

// The consent fails with exactly this error id and permits nothing.
void RequireRefused(const nlohmann::json& consent, const ConsentContext& context, const std::string& id) {
  const ConsentDecision decision = EvaluateConsent(consent, context);
  INFO(DecisionToJson(decision).dump());
  CHECK_FALSE(decision.permitted);
  CHECK(ErrorIds(decision) == std::vector<std::string>{id});
}

}  // namespace

TEST_CASE("a valid consent permits under its policy, with no issues") {
  const ConsentDecision regular = EvaluateConsent(ValidConsent(), Context());
  CHECK(regular.permitted);
  CHECK(regular.policy == ConsentPolicy::kRegular);
  CHECK(regular.issues.empty());
  const ConsentDecision sensitive = EvaluateConsent(ValidConsent(codes::kConsentPolicySensitive), Context());
  CHECK(sensitive.permitted);
  CHECK(sensitive.policy == ConsentPolicy::kSensitive);
}

TEST_CASE("the consent period: date-only bounds cover their whole day; outside is expired or not yet valid") {
  CHECK(EvaluateConsent(ValidConsent(), Context("2026-01-01T00:00:00Z")).permitted);
  CHECK(EvaluateConsent(ValidConsent(), Context("2026-01-31T23:59:59.999Z")).permitted);
  RequireRefused(ValidConsent(), Context("2026-02-01T00:00:00Z"), "consent.expired");
  RequireRefused(ValidConsent(), Context("2025-12-31T23:59:59Z"), "consent.not-yet-valid");
  auto consent = ValidConsent();
  consent["provision"]["period"].erase("end");
  RequireRefused(consent, Context(), "consent.period-missing");
  consent = ValidConsent();
  consent["provision"]["period"]["end"] = "2026-31-01";
  RequireRefused(consent, Context(), "consent.period-invalid");
  consent = ValidConsent();
  consent["provision"]["period"] = {{"start", "2026-02-01"}, {"end", "2026-01-01"}};
  RequireRefused(consent, Context(), "consent.period-invalid");
}

TEST_CASE("revoked, inactive and other non-active consents release nothing") {
  for (const char* status : {"inactive", "rejected", "proposed", "draft", "entered-in-error"}) {
    auto consent = ValidConsent();
    consent["status"] = status;
    RequireRefused(consent, Context(), "consent.not-active");
  }
  auto consent = ValidConsent();
  consent.erase("status");
  RequireRefused(consent, Context(), "consent.not-active");
}

TEST_CASE("a consent for another recipient, from another source, or for another member releases nothing") {
  auto context = Context();
  context.requester = {ParsePartyId("1111111111")};
  RequireRefused(ValidConsent(), context, "consent.recipient-mismatch");
  context = Context();
  context.payer = {ParsePartyId("2222222222")};
  RequireRefused(ValidConsent(), context, "consent.source-mismatch");
  context = Context();
  context.member = "Patient/2";
  RequireRefused(ValidConsent(), context, "consent.patient-mismatch");
  // The same value in another identifier system is another organization.
  context = Context();
  context.requester = {ParsePartyId(std::string(codes::kTinSystem) + "|" + kNewPayerNpi)};
  RequireRefused(ValidConsent(), context, "consent.recipient-mismatch");
}

TEST_CASE("actors are matched by identifier, literal reference or contained Organization") {
  auto consent = ValidConsent();
  consent["provision"]["actor"][1]["reference"] = {{"reference", "https://new.example/fhir/Organization/new-plan"}};
  auto context = Context();
  context.requester = {ParsePartyId("Organization/new-plan")};
  CHECK(EvaluateConsent(consent, context).permitted);
  context.requester = {ParsePartyId("Organization/other")};
  RequireRefused(consent, context, "consent.recipient-mismatch");

  consent = ValidConsent();
  consent["contained"] = {{{"resourceType", "Organization"}, {"id", "old"},
                           {"identifier", {{{"system", codes::kNpiSystem}, {"value", kOldPayerNpi}}}}}};
  consent["provision"]["actor"][0]["reference"] = {{"reference", "#old"}};
  CHECK(EvaluateConsent(consent, Context()).permitted);
  // Mutual consent: both payers in both slices still needs the requester among the recipients.
  consent = ValidConsent();
  consent["provision"]["actor"].push_back(Actor(codes::kV3ParticipationType, "IRCP", NpiRef(kOldPayerNpi)));
  CHECK(EvaluateConsent(consent, Context()).permitted);
}

TEST_CASE("missing actors, policy, provision parts and prohibited elements are each their own failure") {
  auto consent = ValidConsent();
  consent["provision"]["actor"].erase(1);
  RequireRefused(consent, Context(), "consent.recipient-missing");
  consent = ValidConsent();
  consent["provision"]["actor"].erase(0);
  RequireRefused(consent, Context(), "consent.source-missing");
  consent = ValidConsent();
  consent.erase("policy");
  RequireRefused(consent, Context(), "consent.policy-missing");
  consent = ValidConsent();
  consent["policy"] = {{{"uri", "http://example.org/policy"}}};
  RequireRefused(consent, Context(), "consent.policy-unknown");
  consent = ValidConsent();
  consent["policy"].push_back({{"uri", codes::kConsentPolicySensitive}});
  RequireRefused(consent, Context(), "consent.policy-conflict");
  consent = ValidConsent();
  consent["provision"]["type"] = "deny";
  RequireRefused(consent, Context(), "consent.provision-type");
  consent = ValidConsent();
  consent["provision"]["action"][0]["coding"][0]["code"] = "access";
  RequireRefused(consent, Context(), "consent.action");
  consent = ValidConsent();
  consent.erase("provision");
  RequireRefused(consent, Context(), "consent.provision-missing");
  consent = ValidConsent();
  consent["provision"]["securityLabel"] = {{{"system", codes::kV3Confidentiality}, {"code", "R"}}};
  RequireRefused(consent, Context(), "consent.provision-restricted");
  consent = ValidConsent();
  consent["scope"]["coding"][0]["code"] = "research";
  RequireRefused(consent, Context(), "consent.scope");
  consent = ValidConsent();
  consent.erase("patient");
  RequireRefused(consent, Context(), "consent.patient-missing");
}

TEST_CASE("unparseable or non-Consent input and a bad 'now' permit nothing") {
  const ConsentDecision unparseable = EvaluateConsentText("{\"resourceType\": \"Consent\",", Context());
  CHECK_FALSE(unparseable.permitted);
  CHECK(ErrorIds(unparseable) == std::vector<std::string>{"consent.unparseable"});
  RequireRefused(nlohmann::json::array(), Context(), "consent.not-consent");
  RequireRefused(nlohmann::json{{"resourceType", "Patient"}}, Context(), "consent.not-consent");
  RequireRefused(ValidConsent(), Context("yesterday"), "consent.now-invalid");
  // Wrong types everywhere: still a clean refusal, never a throw.
  const nlohmann::json garbage = {{"resourceType", "Consent"}, {"status", 1}, {"policy", "x"}, {"provision", {{"actor", 3}, {"period", "x"}}}, {"patient", 2}};
  CHECK_FALSE(EvaluateConsent(garbage, Context()).permitted);
}

TEST_CASE("without payer, requester or member identities the checks are skipped with warnings") {
  ConsentContext context;
  context.now = "2026-01-15T00:00:00Z";
  const ConsentDecision decision = EvaluateConsent(ValidConsent(), context);
  CHECK(decision.permitted);
  std::vector<std::string> warnings;
  for (const auto& issue : decision.issues) warnings.push_back(issue.id);
  std::sort(warnings.begin(), warnings.end());
  CHECK(warnings == std::vector<std::string>{"consent.patient-not-checked", "consent.recipient-not-checked", "consent.source-not-checked"});
}

TEST_CASE("the context is read from JSON in every documented form") {
  pdex::Issues issues;
  const auto context = ParseConsentContext(
      nlohmann::json::parse(R"({"now": "2026-01-15T00:00:00Z", "payer": "9876543210",
        "requester": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "0123456789"}, {"reference": "Organization/x"}],
        "member": "Patient/1"})"),
      issues);
  CHECK(issues.empty());
  CHECK(EvaluateConsent(ValidConsent(), context).permitted);
  REQUIRE(context.requester.size() == 2);
  CHECK(context.requester[1].reference == "Organization/x");
  pdex::Issues bad;
  ParseConsentContext(nlohmann::json::parse(R"({"now": 5, "payer": [7]})"), bad);
  CHECK(bad.size() == 2);
}

TEST_CASE("the HRex 1.0.0 $member-match example's Consent: permitted in its period for its parties") {
  std::ifstream in(pdex::pdex_testing::SharedDir() + "/ig/hl7.fhir.us.davinci-hrex#1.0.0/examples/Parameters-member-match-in.json");
  if (!in) {
    WARN("../shared/ig absent: HRex example not checked");
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto parameters = nlohmann::json::parse(text.str());
  nlohmann::json consent;
  for (const auto& parameter : parameters["parameter"]) {
    if (parameter.value("name", "") == "Consent") consent = parameter["resource"];
  }
  REQUIRE(consent.is_object());
  auto context = Context("2022-01-15T00:00:00Z");
  const ConsentDecision decision = EvaluateConsent(consent, context);
  INFO(DecisionToJson(decision).dump());
  CHECK(decision.permitted);
  CHECK(decision.policy == ConsentPolicy::kRegular);
  RequireRefused(consent, Context("2022-02-01T00:00:00Z"), "consent.expired");
}

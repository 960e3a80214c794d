// Fuzzes api::Engine::Segment (consent + member Bundle): whatever the bytes, the answer is either a
// Bundle or an OperationOutcome, with a report, and serializing it works. Input: CONSENT '\0' BUNDLE;
// an empty CONSENT stands for a valid #regular consent, so the segmenter itself is reached.
#include "api/engine.h"
#include "json/serialize.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

constexpr std::string_view kRegularConsent = R"({"resourceType": "Consent", "status": "active",
  "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
  "patient": {"reference": "Patient/1"},
  "policy": [{"uri": "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular"}],
  "provision": {"type": "permit", "period": {"start": "2026-01-01", "end": "2026-12-31"},
    "actor": [{"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "code": "performer"}]},
               "reference": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "9876543210"}}},
              {"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP"}]},
               "reference": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "0123456789"}}}],
    "action": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentaction", "code": "disclose"}]}]}})";

constexpr std::string_view kContext = R"({"now": "2026-06-01T00:00:00Z", "payer": "9876543210", "requester": "0123456789"})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pdex::api::Engine engine;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  std::string_view consent = split == std::string_view::npos ? std::string_view() : input.substr(0, split);
  const std::string_view bundle = split == std::string_view::npos ? input : input.substr(split + 1);
  if (consent.empty()) consent = kRegularConsent;
  const nlohmann::json answer = engine.Segment(bundle, consent, kContext);
  const bool has_bundle = answer.contains("bundle"), has_outcome = answer.contains("outcome");
  if (has_bundle == has_outcome || !answer.contains("report")) std::abort();
  if (has_bundle && answer["bundle"]["resourceType"] != "Bundle") std::abort();
  if (has_outcome && (answer["outcome"]["resourceType"] != "OperationOutcome" || answer["outcome"]["issue"].empty())) std::abort();
  (void)pdex::json::Serialize(answer);
  const nlohmann::json decision = engine.EvaluateConsent(consent, kContext);
  if (!decision.contains("permitted")) std::abort();
  return 0;
}

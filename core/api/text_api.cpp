#include "api/text_api.h"

#include "api/options.h"
#include "api/outcomes.h"
#include "json/fields.h"
#include "json/parse.h"
#include "json/serialize.h"

#include <exception>

namespace pdex::api::text {
namespace {

// Runs `body`, turning an escaped exception into a fatal OperationOutcome (Engine itself never
// throws; this guards the conversions around it, e.g. std::bad_alloc building a large answer).
template <typename Body>
std::string Guarded(Body&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return InternalErrorOutcomeText(e.what());
  } catch (...) {
    return InternalErrorOutcomeText("unknown exception");
  }
}

}  // namespace

std::string Validate(const Engine& engine, std::string_view resource, const std::string& options_json) {
  return Guarded([&] { return engine.ValidateToText(resource, ValidateOptionsFromJson(options_json)); });
}

std::string LoadDefinitions(Engine& engine, const std::string& pack) {
  return Guarded([&] { return json::Serialize(engine.LoadDefinitions(pack)); });
}

std::string LoadPackageTar(Engine& engine, const std::string& tar, const std::string& name) {
  return Guarded([&] { return json::Serialize(engine.LoadPackageTar(tar, name)); });
}

std::string LoadResources(Engine& engine, const std::string& json, const std::string& name) {
  return Guarded([&] { return json::Serialize(engine.LoadResources(json, name)); });
}

std::string ListProfiles(const Engine& engine) {
  return Guarded([&] { return json::Serialize(engine.ListProfiles()); });
}

std::string EvaluateFhirPath(const Engine& engine, const std::string& expression, const std::string& resource,
                             const std::string& options_json) {
  return Guarded([&] { return engine.EvaluateFhirPath(expression, resource, FhirPathVariablesFromJson(options_json)); });
}

CompiledFhirPath* CompileFhirPath(const Engine&, const std::string& expression) {
  return new CompiledFhirPath(expression);
}

ParsedResource* ParseResource(const Engine& engine, const std::string& text) {
  return new ParsedResource(text, engine.limits());
}

// ---- PDex, payer side ----

namespace {

// The options object of a text call, or an empty object when the text is not one.
nlohmann::json OptionsObject(const std::string& options_json, const json::JsonLimits& limits) {
  json::ParsedJson parsed = json::ParseJson(options_json, limits);
  return parsed.ok() && parsed.value.is_object() ? std::move(parsed.value) : nlohmann::json::object();
}

}  // namespace

std::string LoadMemberIndex(Engine& engine, const std::string& text, const std::string& name, bool replace) {
  return Guarded([&] { return json::Serialize(engine.LoadMemberIndex(text, name, replace)); });
}

std::string MemberMatch(const Engine& engine, const std::string& request, const std::string& options_json) {
  return Guarded([&] {
    const nlohmann::json options = OptionsObject(options_json, engine.limits());
    MemberMatchOptions match;
    if (const std::string_view hrex = json::StringAt(options, "hrex"); !hrex.empty()) match.hrex = std::string(hrex);
    match.explain = json::BoolAt(options, "explain");
    const nlohmann::json* context = json::ObjectAt(options, "consentContext");
    match.consent = EvaluatingConsentIn(context != nullptr ? *context : nlohmann::json::object());
    nlohmann::json explanation;
    nlohmann::json resource = engine.MemberMatch(request, match, match.explain ? &explanation : nullptr);
    const bool matched = json::StringAt(resource, "resourceType") == "Parameters";
    nlohmann::json answer = {{"status", matched ? 200 : 422}, {"resource", std::move(resource)}};
    if (match.explain && !explanation.is_null()) answer["explanation"] = std::move(explanation);
    return json::Serialize(answer);
  });
}

std::string EvaluateConsent(const Engine& engine, const std::string& consent, const std::string& context_json) {
  return Guarded([&] { return json::Serialize(engine.EvaluateConsent(consent, context_json)); });
}

std::string Segment(const Engine& engine, const std::string& bundle, const std::string& consent,
                    const std::string& context_json) {
  return Guarded([&] { return json::Serialize(engine.Segment(bundle, consent, context_json)); });
}

std::string ClaimsToClinical(const Engine& engine, const std::string& input, const std::string& options_json) {
  return Guarded([&] { return json::Serialize(engine.ClaimsToClinical(input, options_json)); });
}

std::string AssembleRelease(const Engine& engine, const std::string& record, const std::string& query_json,
                            const std::string& consent_json) {
  return Guarded([&] {
    return json::Serialize(engine.AssembleRelease(record, query_json, engine.ConsentReleaseFilter(consent_json)));
  });
}

std::string IngestRelease(const Engine& engine, const std::string& received, const std::string& receiver_record,
                          const std::string& options_json, const std::string& consent_json) {
  return Guarded([&] {
    return json::Serialize(
        engine.IngestRelease(received, receiver_record, options_json, engine.ConsentReleaseFilter(consent_json)));
  });
}

}  // namespace pdex::api::text

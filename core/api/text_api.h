// Engine's entry points with JSON text in and out: what a binding to another language exposes
// (wasm/bindings.cpp binds each with one line). Every argument and result is a string, options are
// JSON objects (api/options.h), and nothing throws: a failure of our own code comes back as an
// OperationOutcome with a fatal engine.internal issue (api/outcomes.h).
//
// Adding an Engine method to the WebAssembly module: write it in core/api (returning JSON or text),
// add its text form here when its arguments or result are not already strings, and bind it in
// wasm/bindings.cpp.
#pragma once

#include "api/engine.h"
#include "api/prepared.h"

#include <string>
#include <string_view>

namespace pdex::api::text {

// Engine::ValidateToText with options as JSON (ValidateOptionsFromJson).
std::string Validate(const Engine& engine, std::string_view resource, const std::string& options_json);

// Engine's loaders and ListProfiles, their outcome (or list) as compact JSON text.
std::string LoadDefinitions(Engine& engine, const std::string& pack);
std::string LoadPackageTar(Engine& engine, const std::string& tar, const std::string& name);
std::string LoadResources(Engine& engine, const std::string& json, const std::string& name);
std::string ListProfiles(const Engine& engine);

// Engine::EvaluateFhirPath with options {"variables": {"name": value}}.
std::string EvaluateFhirPath(const Engine& engine, const std::string& expression, const std::string& resource,
                             const std::string& options_json);

// Prepared inputs for Engine::EvaluateFhirPath(CompiledFhirPath, ParsedResource); the caller owns
// the object returned (JavaScript calls delete()).
CompiledFhirPath* CompileFhirPath(const Engine& engine, const std::string& expression);
ParsedResource* ParseResource(const Engine& engine, const std::string& text);

// ---- PDex, payer side (api/text_payer.cpp): each returns compact JSON text ----
// Engine::LoadMemberIndex's OperationOutcome.
std::string LoadMemberIndex(Engine& engine, const std::string& text, const std::string& name, bool replace);
// $member-match. options_json: {"hrex": "1.0"|"1.1", "explain": bool, "consentContext": {...}} where
// consentContext is EvaluateConsent's context (this payer, the requester, now). A request that carries
// a Consent always has it evaluated (with an empty context when none is given: status, period, policy,
// provision checked; parties not) and a Consent not permitted is the consent-constraint answer.
// Returns {"status": 200|422, "resource": Parameters|OperationOutcome, "explanation"?: {...}}.
std::string MemberMatch(const Engine& engine, const std::string& request, const std::string& options_json);
// Engine::EvaluateConsent and Engine::Segment.
std::string EvaluateConsent(const Engine& engine, const std::string& consent, const std::string& context_json);
std::string Segment(const Engine& engine, const std::string& bundle, const std::string& consent,
                    const std::string& context_json);
// Engine::ClaimsToClinical.
std::string ClaimsToClinical(const Engine& engine, const std::string& input, const std::string& options_json);
// Engine::AssembleRelease and Engine::IngestRelease under Engine::ConsentReleaseFilter(consent_json)
// ({"consent": Consent, "context": {...}}; "" releases everything).
std::string AssembleRelease(const Engine& engine, const std::string& record, const std::string& query_json,
                            const std::string& consent_json);
std::string IngestRelease(const Engine& engine, const std::string& received, const std::string& receiver_record,
                          const std::string& options_json, const std::string& consent_json);

}  // namespace pdex::api::text

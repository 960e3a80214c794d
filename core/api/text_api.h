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

}  // namespace pdex::api::text

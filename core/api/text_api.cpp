#include "api/text_api.h"

#include "api/options.h"
#include "api/outcomes.h"
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

}  // namespace pdex::api::text

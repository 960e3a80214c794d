// Engine's FHIRPath entry points (declared in api/engine.h).
#include "api/engine.h"
#include "api/prepared.h"
#include "fhirpath/fhirpath.h"
#include "json/serialize.h"
#include "model/type_model.h"

#include <exception>

namespace pdex::api {
namespace {

std::string ErrorAnswer(const fhirpath::Error& error) {
  return json::Serialize(nlohmann::json{{"error", fhirpath::ErrorToJson(error)}});
}

// A failure that is not about the expression (bad resource JSON, an internal error).
std::string ExecutionError(std::string message) {
  return ErrorAnswer(fhirpath::Error{.kind = fhirpath::ErrorKind::kExecution, .message = std::move(message)});
}

// %name variables: each JSON value (or each item of a JSON array) becomes one item. The nodes point
// into `variables`, which outlives the evaluation.
void AddVariables(const model::TypeModel* model, const nlohmann::json& variables, fhirpath::Environment& environment) {
  for (const auto& [name, value] : variables.items()) {
    fhirpath::Collection items;
    if (value.is_array()) {
      for (const nlohmann::json& item : value) items.push_back(fhirpath::Value::MakeNode(fhirpath::MakeNode(item, "", model)));
    } else if (!value.is_null()) {
      items.push_back(fhirpath::Value::MakeNode(fhirpath::MakeNode(value, "", model)));
    }
    environment.variables.emplace(name, std::move(items));
  }
}

// Written straight from the result nodes: no copy of the answer into a JSON tree first.
std::string Answer(const fhirpath::Result<fhirpath::Collection>& result) {
  if (!result.ok()) return ErrorAnswer(result.error());
  return fhirpath::ResultToJsonText(result.value());
}

}  // namespace

std::string Engine::EvaluateFhirPath(const fhirpath::CompiledExpression& expression, const nlohmann::json& resource,
                                     const nlohmann::json& variables) const {
  try {
    fhirpath::Environment environment;
    environment.model = has_definitions() ? &type_model_->Get() : nullptr;
    if (variables.is_object() && !variables.empty()) AddVariables(environment.model, variables, environment);
    // "{}" is the FHIRPath test suite's way of saying "no input": evaluate on an empty collection.
    if (resource.is_object() && resource.empty()) {
      return Answer(fhirpath::Evaluate(expression, fhirpath::Collection{}, environment));
    }
    return Answer(fhirpath::Evaluate(expression, resource, environment));
  } catch (const std::exception& e) {
    return ExecutionError(std::string("internal error: ") + e.what());
  }
}

std::string Engine::EvaluateFhirPath(std::string_view expression, std::string_view resource_text,
                                     const nlohmann::json& variables) const {
  try {
    const fhirpath::Result<fhirpath::CompiledExpression> compiled = fhirpath::Compile(expression);
    if (!compiled.ok()) return ErrorAnswer(compiled.error());
    if (resource_text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      return EvaluateFhirPath(compiled.value(), nlohmann::json::object(), variables);
    }
    const json::ParsedJson parsed = json::ParseJson(resource_text, limits_);
    if (!parsed.ok()) {
      const json::JsonError& error = *parsed.error;
      return ExecutionError("the resource is not valid JSON (line " + std::to_string(error.line) + ", column " +
                            std::to_string(error.column) + "): " + error.message);
    }
    return EvaluateFhirPath(compiled.value(), parsed.value, variables);
  } catch (const std::exception& e) {
    return ExecutionError(std::string("internal error: ") + e.what());
  }
}

std::string Engine::EvaluateCompiled(const CompiledFhirPath& expression, const ParsedResource& resource) const {
  try {
    if (!expression.compiled().ok()) return ErrorAnswer(expression.compiled().error());
    if (!resource.parsed().ok()) return ExecutionError("the resource is not valid JSON: " + resource.parsed().error->message);
    return EvaluateFhirPath(expression.compiled().value(), resource.parsed().value);
  } catch (const std::exception& e) {
    return ExecutionError(std::string("internal error: ") + e.what());
  }
}

}  // namespace pdex::api

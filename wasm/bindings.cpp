// The only Embind code in PDex Bridge: binds core/api's Engine to JavaScript.
//
// Every function takes and returns strings (JSON text) so the crossing stays thin and the TypeScript
// layer (wasm/js/) owns the typed API. std::string parameters accept a JS string (encoded as UTF-8)
// or a Uint8Array (raw bytes, so invalid UTF-8 reaches the core and is reported, not replaced).
// No C++ exception crosses this boundary: Engine never throws, and each entry point catches anyway.
#include "api/engine.h"
#include "common/issue.h"
#include "fhirpath/fhirpath.h"
#include "json/serialize.h"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <utility>

namespace {

using pdex::api::Engine;
using pdex::json::Serialize;

std::string FailureOutcome(const char* what) {
  return Serialize(pdex::ToOperationOutcome({pdex::Issue{.severity = pdex::Severity::kFatal,
                                                         .code = "exception",
                                                         .id = "engine.internal",
                                                         .diagnostics = std::string("internal error: ") + what}}));
}

// Runs `body`, turning any escaped exception into a fatal OperationOutcome.
template <typename Body>
std::string Guarded(Body&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return FailureOutcome(e.what());
  } catch (...) {
    return FailureOutcome("unknown exception");
  }
}

// JSON options from the TypeScript layer; anything unreadable counts as no options.
nlohmann::json ParseOptions(const std::string& options_json) {
  nlohmann::json options = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
  return options.is_object() ? options : nlohmann::json::object();
}

// The resource is `length` bytes the caller wrote into module memory at `address` (its own malloc),
// read in place; the OperationOutcome text comes back as a Uint8Array view of `result` (kept until
// the next call), which the caller decodes at once. Embind's std::string conversions copy and scan
// byte by byte in JavaScript, both ways: a tenth of a validation. options_json: {"profiles": [...],
// "allowComments": bool, "reportMustSupport": bool}.
emscripten::val Validate(const Engine& engine, std::uintptr_t address, std::size_t length, const std::string& options_json) {
  static std::string result;  // one module instance per thread (Web Worker): no sharing
  result = Guarded([&] {
    pdex::api::ValidateOptions options;
    const nlohmann::json parsed = ParseOptions(options_json);
    if (parsed.contains("profiles") && parsed["profiles"].is_array()) {
      for (const auto& profile : parsed["profiles"]) {
        if (profile.is_string()) options.profiles.push_back(profile.get<std::string>());
      }
    }
    auto flag = [&](const char* name, bool& out) {
      if (parsed.contains(name) && parsed[name].is_boolean()) out = parsed[name].get<bool>();
    };
    flag("allowComments", options.allow_comments);
    flag("reportMustSupport", options.report_must_support);
    return engine.ValidateToText(std::string_view(reinterpret_cast<const char*>(address), length), options);
  });
  return emscripten::val(emscripten::typed_memory_view(result.size(), reinterpret_cast<const unsigned char*>(result.data())));
}

std::string LoadDefinitions(Engine& engine, const std::string& pack) {
  return Guarded([&] { return Serialize(engine.LoadDefinitions(pack)); });
}

std::string LoadPackageTar(Engine& engine, const std::string& tar, const std::string& name) {
  return Guarded([&] { return Serialize(engine.LoadPackageTar(tar, name)); });
}

std::string LoadResources(Engine& engine, const std::string& json, const std::string& name) {
  return Guarded([&] { return Serialize(engine.LoadResources(json, name)); });
}

std::string ListProfiles(const Engine& engine) {
  return Guarded([&] { return Serialize(engine.ListProfiles()); });
}

// options_json: {"variables": {"name": value}}.
std::string EvaluateFhirPath(const Engine& engine, const std::string& expression, const std::string& resource,
                             const std::string& options_json) {
  return Guarded([&] {
    const nlohmann::json options = ParseOptions(options_json);
    return engine.EvaluateFhirPath(expression, resource, options.value("variables", nlohmann::json::object()));
  });
}

// An expression compiled once, evaluated many times (Embind object: JS calls delete()).
class CompiledFhirPath {
 public:
  explicit CompiledFhirPath(const std::string& expression) : compiled_(pdex::fhirpath::Compile(expression)) {}
  const pdex::fhirpath::Result<pdex::fhirpath::CompiledExpression>& compiled() const { return compiled_; }
  std::string Error() const { return compiled_.ok() ? "" : Serialize(pdex::fhirpath::ErrorToJson(compiled_.error())); }

 private:
  pdex::fhirpath::Result<pdex::fhirpath::CompiledExpression> compiled_;
};

// A resource parsed once into WebAssembly memory (Embind object: JS calls delete()).
class ParsedResource {
 public:
  ParsedResource(const Engine& engine, const std::string& text)
      : parsed_(pdex::json::ParseJson(text, engine.limits())) {}
  const pdex::json::ParsedJson& parsed() const { return parsed_; }
  std::string Error() const {
    if (parsed_.ok()) return "";
    const pdex::json::JsonError& error = *parsed_.error;
    return Serialize(pdex::ToOperationOutcome({pdex::Issue{.code = "structure", .id = error.id,
                                                           .diagnostics = error.message, .line = error.line,
                                                           .column = error.column}}));
  }

 private:
  pdex::json::ParsedJson parsed_;
};

CompiledFhirPath* CompileFhirPath(const Engine&, const std::string& expression) {
  return new CompiledFhirPath(expression);
}

ParsedResource* ParseResource(const Engine& engine, const std::string& text) { return new ParsedResource(engine, text); }

std::string EvaluateCompiled(const Engine& engine, const CompiledFhirPath& expression, const ParsedResource& resource) {
  return Guarded([&] {
    if (!expression.compiled().ok()) return Serialize({{"error", pdex::fhirpath::ErrorToJson(expression.compiled().error())}});
    if (!resource.parsed().ok()) {
      const pdex::fhirpath::Error error{.kind = pdex::fhirpath::ErrorKind::kExecution,
                                        .message = "the resource is not valid JSON: " + resource.parsed().error->message};
      return Serialize({{"error", pdex::fhirpath::ErrorToJson(error)}});
    }
    return engine.EvaluateFhirPath(expression.compiled().value(), resource.parsed().value);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(pdex_core) {
  using emscripten::allow_raw_pointers;
  emscripten::class_<CompiledFhirPath>("CompiledFhirPath").function("error", &CompiledFhirPath::Error);
  emscripten::class_<ParsedResource>("ParsedResource").function("error", &ParsedResource::Error);
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("validate", &Validate)
      .function("loadDefinitions", &LoadDefinitions)
      .function("loadPackageTar", &LoadPackageTar)
      .function("loadResources", &LoadResources)
      .function("listProfiles", &ListProfiles)
      .function("evaluateFhirPath", &EvaluateFhirPath)
      .function("compileFhirPath", &CompileFhirPath, allow_raw_pointers())
      .function("parseResource", &ParseResource, allow_raw_pointers())
      .function("evaluateCompiled", &EvaluateCompiled);
}

// The only Embind code in PDex Bridge: binds core/api's Engine to JavaScript.
//
// Every function takes and returns strings (JSON text) so the crossing stays thin and the TypeScript
// layer (wasm/js/) owns the typed API. std::string parameters accept a JS string (encoded as UTF-8)
// or a Uint8Array (raw bytes, so invalid UTF-8 reaches the core and is reported, not replaced).
// No C++ exception crosses this boundary: Engine never throws, and each entry point catches anyway.
#include "api/engine.h"
#include "common/issue.h"
#include "json/serialize.h"

#include <emscripten/bind.h>

#include <exception>
#include <string>

namespace {

using pdex::api::Engine;

std::string FailureOutcome(const char* what) {
  return pdex::json::Serialize(pdex::ToOperationOutcome({pdex::Issue{.severity = pdex::Severity::kFatal,
                                                                     .code = "exception",
                                                                     .id = "engine.internal",
                                                                     .diagnostics = std::string("internal error: ") + what}}));
}

// options_json: {"profiles": ["http://..."]} (all fields optional; "" means no options).
std::string Validate(const Engine& engine, const std::string& resource, const std::string& options_json) {
  try {
    pdex::api::ValidateOptions options;
    if (!options_json.empty()) {
      const nlohmann::json parsed = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
      if (parsed.is_object() && parsed.contains("profiles") && parsed["profiles"].is_array()) {
        for (const auto& profile : parsed["profiles"]) {
          if (profile.is_string()) options.profiles.push_back(profile.get<std::string>());
        }
      }
    }
    return pdex::json::Serialize(engine.Validate(resource, options));
  } catch (const std::exception& e) {
    return FailureOutcome(e.what());
  } catch (...) {
    return FailureOutcome("unknown exception");
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(pdex_core) {
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("validate", &Validate);
}

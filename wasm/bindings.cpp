// The only Embind code in PDex Bridge: binds core/api's Engine to JavaScript, one line per method.
// What each does, its options and its errors live in core/api (api/text_api.h: strings in, JSON text
// out, never a C++ exception), so native callers, the CLI and JavaScript get the same answers.
//
// std::string parameters accept a JS string (encoded as UTF-8) or a Uint8Array (raw bytes, so
// invalid UTF-8 reaches the core and is reported, not replaced).
#include "api/engine.h"
#include "api/prepared.h"
#include "api/text_api.h"

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using pdex::api::Engine;

// The resource is `length` bytes the caller wrote into module memory at `address` (its own malloc),
// read in place; the OperationOutcome text comes back as a Uint8Array view of `result` (kept until
// the next call), which the caller decodes at once. Embind's std::string conversions copy and scan
// byte by byte in JavaScript, both ways: a tenth of a validation. Options: api/options.h.
emscripten::val Validate(const Engine& engine, std::uintptr_t address, std::size_t length, const std::string& options_json) {
  static std::string result;  // one module instance per thread (Web Worker): no sharing
  result = pdex::api::text::Validate(engine, std::string_view(reinterpret_cast<const char*>(address), length), options_json);
  return emscripten::val(emscripten::typed_memory_view(result.size(), reinterpret_cast<const unsigned char*>(result.data())));
}

}  // namespace

EMSCRIPTEN_BINDINGS(pdex_core) {
  namespace text = pdex::api::text;
  using emscripten::allow_raw_pointers;
  emscripten::class_<pdex::api::CompiledFhirPath>("CompiledFhirPath").function("error", &pdex::api::CompiledFhirPath::Error);
  emscripten::class_<pdex::api::ParsedResource>("ParsedResource").function("error", &pdex::api::ParsedResource::Error);
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("validate", &Validate)
      .function("loadDefinitions", &text::LoadDefinitions)
      .function("loadPackageTar", &text::LoadPackageTar)
      .function("loadResources", &text::LoadResources)
      .function("listProfiles", &text::ListProfiles)
      .function("evaluateFhirPath", &text::EvaluateFhirPath)
      .function("compileFhirPath", &text::CompileFhirPath, allow_raw_pointers())
      .function("parseResource", &text::ParseResource, allow_raw_pointers())
      .function("evaluateCompiled", &Engine::EvaluateCompiled)
      .function("loadMemberIndex", &text::LoadMemberIndex)
      .function("memberMatch", &text::MemberMatch)
      .function("evaluateConsent", &text::EvaluateConsent)
      .function("segment", &text::Segment)
      .function("claimsToClinical", &text::ClaimsToClinical)
      .function("assembleRelease", &text::AssembleRelease)
      .function("ingestRelease", &text::IngestRelease);
}

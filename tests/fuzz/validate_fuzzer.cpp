// Fuzzes api::Engine::Validate, the path every resource text takes (CLI, WASM, app): whatever the
// bytes, the answer must be an OperationOutcome with at least one issue, and serializing it must work.
#include "api/engine.h"
#include "json/serialize.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pdex::api::Engine engine;
  const nlohmann::json outcome = engine.Validate(std::string_view(reinterpret_cast<const char*>(data), size));
  if (outcome["resourceType"] != "OperationOutcome" || outcome["issue"].empty()) std::abort();
  (void)pdex::json::Serialize(outcome);
  return 0;
}

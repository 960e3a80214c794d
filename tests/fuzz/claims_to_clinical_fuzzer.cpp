// Fuzzes claims → clinical (core/pdex/claims) through Engine::ClaimsToClinical, the path the CLI, the
// WASM module and the app take: whatever the bytes (EOB, Bundle, NDJSON or garbage), the answer is a
// Parameters (Bundle + OperationOutcome) or an OperationOutcome, serializable, and every produced
// entry has a resourceType and an id. The first byte, when it is 'P', adds a payer option.
#include "api/engine.h"
#include "json/serialize.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pdex::api::Engine engine;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view options;
  if (!input.empty() && input[0] == 'P') {
    input.remove_prefix(1);
    options = R"({"payer": {"resourceType": "Organization", "id": "payer", "active": true, "name": "Plan",
                 "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1497758544"}]},
                 "receipt": "2024-03-01"})";
  }
  const nlohmann::json answer = engine.ClaimsToClinical(input, options);
  if (answer["resourceType"] == "Parameters") {
    const nlohmann::json& bundle = answer["parameter"][0]["resource"];
    if (bundle["resourceType"] != "Bundle") std::abort();
    if (bundle.contains("entry")) {
      for (const nlohmann::json& entry : bundle["entry"]) {
        if (!entry["resource"]["resourceType"].is_string() || !entry["resource"]["id"].is_string()) std::abort();
      }
    }
  } else if (answer["resourceType"] != "OperationOutcome" || answer["issue"].empty()) {
    std::abort();
  }
  (void)pdex::json::Serialize(answer);
  return 0;
}

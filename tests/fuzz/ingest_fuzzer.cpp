// Fuzzes api::Engine::IngestRelease: the bytes are the received pages; the receiver's record holds the
// member. Whatever arrives, the answer is {transaction, report, outcome} or an OperationOutcome.
#include "api/engine.h"
#include "json/serialize.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pdex::api::Engine engine;
  const std::string_view received(reinterpret_cast<const char*>(data), size);
  const nlohmann::json answer = engine.IngestRelease(
      received,
      R"([{"resourceType": "Patient", "id": "new-1", "birthDate": "1986-01-01", "name": [{"family": "Appleseed"}]},
          {"resourceType": "Organization", "id": "o", "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1144221847"}]}])",
      R"({"patient": "Patient/new-1", "recorded": "2025-01-01T00:00:00Z"})");
  if (!answer.contains("transaction") && answer.value("resourceType", "") != "OperationOutcome") std::abort();
  (void)pdex::json::Serialize(answer);
  return 0;
}

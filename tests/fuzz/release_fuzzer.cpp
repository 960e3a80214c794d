// Fuzzes api::Engine::AssembleRelease: the bytes are a member's record, the query is fixed (small
// pages, so paging runs too). Whatever the record, the answer is a searchset Bundle or an
// OperationOutcome, and it serializes.
#include "api/engine.h"
#include "json/serialize.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pdex::api::Engine engine;
  const std::string_view record(reinterpret_cast<const char*>(data), size);
  const nlohmann::json answer =
      engine.AssembleRelease(record, R"({"base": "https://payer.example/fhir", "_count": 3, "start": "2020", "_since": "2019-01-01T00:00:00Z"})");
  const std::string type = answer.value("resourceType", "");
  if (type != "Bundle" && type != "OperationOutcome") std::abort();
  (void)pdex::json::Serialize(answer);
  return 0;
}

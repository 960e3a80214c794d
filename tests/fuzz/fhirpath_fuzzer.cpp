// Fuzzes the FHIRPath engine: arbitrary bytes as an expression, compiled and (when it compiles)
// evaluated against a small Patient. Errors must come back as values; nothing may crash, hang,
// leak or throw out of the API.
#include "fhirpath/fhirpath.h"
#include "json/serialize.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const nlohmann::json patient = nlohmann::json::parse(R"({
    "resourceType": "Patient", "id": "p1", "active": true, "birthDate": "1987-02-20",
    "name": [{"use": "official", "family": "Shaw", "given": ["Amy", "V."]}],
    "telecom": [{"system": "phone", "value": "555-0100"}],
    "extension": [{"url": "http://example.org/x", "valueDecimal": 1.50}],
    "contained": [{"resourceType": "Organization", "id": "o1", "name": "Plan"}],
    "managingOrganization": {"reference": "#o1"}})");
  const auto compiled = pdex::fhirpath::Compile(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!compiled.ok()) return 0;
  const auto result = pdex::fhirpath::Evaluate(compiled.value(), patient);
  if (result.ok()) (void)pdex::json::Serialize(pdex::fhirpath::ToJson(result.value()));
  return 0;
}

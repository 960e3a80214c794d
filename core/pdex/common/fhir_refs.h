// Small reads over FHIR JSON that every PDex capability needs: literal references, identifiers by
// system or type, codings. Never throw; malformed input reads as absent.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::pdex_common {

// A literal reference split into its parts. "Patient/123", "Patient/123/_history/2",
// "http://x/fhir/Patient/123" (absolute: base set), "#contained" (local), "urn:uuid:..." (uuid).
struct ReferenceParts {
  std::string base;  // "http://x/fhir" for absolute references, else empty
  std::string type;  // "Patient"; empty for '#', urn: and unparseable references
  std::string id;
  std::string version;  // from "/_history/v"
  bool contained = false;  // "#id"
  bool urn = false;  // urn:uuid: or urn:oid:
};
// The parts of `reference`, or nullopt when it is none of the forms above.
std::optional<ReferenceParts> ParseReference(std::string_view reference);
// "Type/id" of a parsed relative or absolute reference; empty for contained and urn references.
std::string TypeAndId(const ReferenceParts& parts);

// True when `id` is a valid FHIR id: 1 to 64 of [A-Za-z0-9-.].
bool IsFhirId(std::string_view id);

// The value of the first identifier in `identifiers` (an Identifier array) with `system`; empty if none.
std::string_view IdentifierValueBySystem(const nlohmann::json& identifiers, std::string_view system);
// The value of the first identifier whose type has a coding system|code; empty if none.
std::string_view IdentifierValueByType(const nlohmann::json& identifiers, std::string_view type_system,
                                       std::string_view type_code);

// A Reference to an organization or practitioner by NPI and name, as PDex examples name payers and
// providers: {"identifier": {"system": us-npi, "value": npi}, "display": display}; an empty part is left out.
nlohmann::json NpiReference(std::string_view npi, std::string_view display);

// Every Coding of a CodeableConcept (an object with a `coding` array); empty when it has none.
std::vector<const nlohmann::json*> Codings(const nlohmann::json& codeable_concept);
// True when the CodeableConcept has a coding with this system and code.
bool HasCoding(const nlohmann::json& codeable_concept, std::string_view system, std::string_view code);

}  // namespace pdex::pdex_common

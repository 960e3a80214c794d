// The R4 primitive data types' JSON representation and lexical rules
// (http://hl7.org/fhir/R4/datatypes.html#primitive, http://hl7.org/fhir/R4/json.html#primitive).
// Hand-written matchers instead of std::regex: linear time and no deep recursion on long input.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace pdex::validation {

// True for the FHIR primitive type codes (boolean, integer, string, ... xhtml) and the FHIRPath
// System.* codes used for Element.id / Extension.url / Resource.id in R4 snapshots.
bool IsPrimitiveType(std::string_view type_code);

// Checks one primitive JSON value of FHIR type `type_code` (a FHIR primitive type code; System.*
// codes map to string/boolean/integer/decimal...). Returns an empty string when valid, otherwise the
// problem, e.g. "not a valid date: '2020-13-01'". `id` is set to the stable issue id to report.
std::string CheckPrimitive(std::string_view type_code, const nlohmann::json& value, std::string& id);

// Individual lexical checks (exposed for tests).
bool IsValidDate(std::string_view text);
bool IsValidDateTime(std::string_view text);
bool IsValidInstant(std::string_view text);
bool IsValidTime(std::string_view text);
bool IsValidId(std::string_view text);
bool IsValidCode(std::string_view text);
bool IsValidUri(std::string_view text);
bool IsValidOid(std::string_view text);
bool IsValidUuid(std::string_view text);
// An absolute URI: a lowercase scheme token, ':', and something after it, no spaces.
bool IsAbsoluteUri(std::string_view text);
bool IsValidBase64(std::string_view text);
// The first entity reference in XHTML text that XML without a DTD does not define ("&reg;"), or
// empty when all are valid.
std::string_view InvalidXmlEntity(std::string_view text);

}  // namespace pdex::validation

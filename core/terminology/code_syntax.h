// The code syntax of some external code systems (http://hl7.org/fhir/R4/terminologies-systems.html),
// which tells without a terminology server that a string cannot be one of their codes:
// - SNOMED CT (http://snomed.info/sct): a concept identifier is 6 to 18 digits, no leading zero,
//   partition identifier 00 or 10 (the 2nd and 3rd digits from the right), and a Verhoeff check
//   digit last (SNOMED CT Technical Implementation Guide, "SCTID"). Strings with compositional
//   grammar punctuation (: = { } | + , ( ) < > # ") or spaces may be postcoordinated expressions and
//   are not judged.
// - LOINC (http://loinc.org): digits, '-', one check digit, optionally after a two-letter prefix
//   (LP parts, LA answers, LL answer lists, LG groups).
// - ISO 3166-1 (urn:iso:std:iso:3166): 2 or 3 letters, or 3 digits; ISO 3166-2
//   (urn:iso:std:iso:3166:-2): a 2-letter country code, '-', 1 to 3 letters or digits;
//   UN M49 (http://unstats.un.org/unsd/methods/m49/m49.htm): 3 digits.
// A string that fits is only possibly a code: membership still needs the code system. The rules
// serve when a system is not loaded: the R4 definitions pack holds ISO 3166-1 and UN M49 complete.
#pragma once

#include <string>
#include <string_view>

namespace pdex::terminology {

// Why `code` cannot be a code of `system` by the rules above; "" when it may be one, or when the
// system has no syntax rule here.
std::string MalformedCode(std::string_view system, std::string_view code);

}  // namespace pdex::terminology

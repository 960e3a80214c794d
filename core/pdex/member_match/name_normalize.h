// Normalising the demographic fields $member-match compares (HRex member-match: names, birthDate,
// address, telecom, ids; ../shared/spec/pdex-facts.md §2.1, §2.4). Every function is pure and
// never throws; text that is not UTF-8 is read byte by byte and non-Latin letters are kept as they are.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pdex::member_match {

// Lower-case ASCII with Latin-1 Supplement and Latin Extended-A letters folded to their base letters
// ("José" -> "jose", "Łukasz" -> "lukasz", "Æsa" -> "aesa", "Straße" -> "strasse"); other code
// points are copied unchanged.
std::string FoldToAscii(std::string_view text);

// The tokens of a name part: folded, apostrophes and periods dropped ("O'Brien" -> "obrien",
// "St. John" -> "st", "john"), split on spaces, hyphens, commas and other punctuation.
std::vector<std::string> NameTokens(std::string_view text);

// Family name particles ("de", "van", "der", "la", ...) that people drop or keep inconsistently.
bool IsFamilyParticle(std::string_view token);

// Damerau-Levenshtein distance capped at `limit` + 1 (adjacent transpositions count 1).
int EditDistance(std::string_view a, std::string_view b, int limit = 2);

// Digits only ("(555) 010-2030" -> "5550102030"); for US numbers the last 10 digits.
std::string NormalizePhone(std::string_view phone);
// The first 5 digits of a US ZIP (ZIP+4 and "12345-6789" read as "12345"); other codes folded, no spaces.
std::string NormalizePostalCode(std::string_view postal_code);
// An address line folded, punctuation dropped, common street suffixes abbreviated (street -> st).
std::string NormalizeAddressLine(std::string_view line);
// An identifier value compared without case, spaces, hyphens or dots ("dh-1000 1235" -> "DH10001235").
std::string NormalizeIdentifier(std::string_view value);
// A dependent number without leading zeros ("01" -> "1"); folded otherwise.
std::string NormalizeDependent(std::string_view dependent);

}  // namespace pdex::member_match

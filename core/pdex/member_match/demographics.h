// The demographic and coverage fields $member-match compares, read from a Patient and its Coverages
// (HRex Patient Demographics and Coverage, ../shared/spec/pdex-facts.md §2.3-§2.4) and normalised
// once (name_normalize.h), so that comparing is cheap.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pdex::member_match {

struct BirthDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool known() const { return year > 0 && month > 0 && day > 0; }
};
// "YYYY-MM-DD" (a partial or malformed date reads as unknown).
BirthDate ParseBirthDate(std::string_view text);

struct NameParts {
  std::vector<std::string> given;   // folded tokens of every given name, in order
  std::vector<std::string> family;  // folded tokens of the family name, particles dropped
  std::string family_joined;        // those tokens concatenated ("garcialopez")
};

struct Demographics {
  std::vector<NameParts> names;  // every HumanName (official, maiden, old...)
  BirthDate birth;
  std::string gender;  // administrative-gender code; "" when absent or unknown
  std::vector<std::string> postal_codes;
  std::vector<std::string> address_lines;
  std::vector<std::string> phones;
  std::vector<std::string> emails;
};

Demographics ReadDemographics(const nlohmann::json& patient);

// An identifier value as compared: its system (may be empty) and normalised value.
struct IdValue {
  std::string system;
  std::string value;
};
// Two identifiers agree when their values are equal and their systems are not known to differ.
bool IdsAgree(const IdValue& a, const IdValue& b);

// What a Coverage says about who it covers.
struct CoverageKeys {
  std::vector<IdValue> member_ids;  // Coverage.identifier (person-level member ids, type MB or untyped)
  std::string subscriber_id;        // Coverage.subscriberId, normalised
  std::string dependent;            // Coverage.dependent, normalised
};
CoverageKeys ReadCoverageKeys(const nlohmann::json& coverage);

// The Identifiers of `identifiers` (a JSON array) with a value.
std::vector<IdValue> ReadIdValues(const nlohmann::json* identifiers);

}  // namespace pdex::member_match

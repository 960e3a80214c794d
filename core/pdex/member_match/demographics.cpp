#include "pdex/member_match/demographics.h"

#include "json/fields.h"
#include "pdex/member_match/name_normalize.h"

#include <cctype>

namespace pdex::member_match {
namespace {

using json::ArrayAt;
using json::StringAt;

// Bounds on what one Patient contributes, so that a hostile request (100,000 names, a megabyte-long
// given name) costs a bounded comparison: real records have a few of each.
constexpr std::size_t kMaxNames = 8;
constexpr std::size_t kMaxTokens = 16;
constexpr std::size_t kMaxValues = 16;  // addresses, phones, emails, identifiers
constexpr std::size_t kMaxTokenLength = 64;

void Bound(std::vector<std::string>& values, std::size_t count) {
  if (values.size() > count) values.resize(count);
  for (std::string& value : values) {
    if (value.size() > kMaxTokenLength) value.resize(kMaxTokenLength);
  }
}

int ReadNumber(std::string_view text) {
  int value = 0;
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

NameParts ReadName(const nlohmann::json& name) {
  NameParts parts;
  if (const nlohmann::json* given = ArrayAt(name, "given")) {
    for (const nlohmann::json& part : *given) {
      if (!part.is_string()) continue;
      for (std::string& token : NameTokens(part.get_ref<const std::string&>())) parts.given.push_back(std::move(token));
    }
  }
  std::string_view family = StringAt(name, "family");
  std::string fallback;
  if (family.empty() && parts.given.empty()) {  // only HumanName.text: "Given ... Family"
    for (std::string& token : NameTokens(StringAt(name, "text"))) parts.given.push_back(std::move(token));
    if (parts.given.size() > 1) {
      fallback = parts.given.back();
      parts.given.pop_back();
      family = fallback;
    }
  }
  for (std::string& token : NameTokens(family)) {
    if (IsFamilyParticle(token) || parts.family.size() == kMaxTokens) continue;
    parts.family.push_back(std::move(token));
  }
  Bound(parts.given, kMaxTokens);
  Bound(parts.family, kMaxTokens);
  for (const std::string& token : parts.family) parts.family_joined += token;
  if (parts.family_joined.size() > kMaxTokenLength) parts.family_joined.resize(kMaxTokenLength);
  return parts;
}

void ReadAddresses(const nlohmann::json& patient, Demographics& out) {
  const nlohmann::json* addresses = ArrayAt(patient, "address");
  if (addresses == nullptr) return;
  for (const nlohmann::json& address : *addresses) {
    const std::string postal = NormalizePostalCode(StringAt(address, "postalCode"));
    if (!postal.empty()) out.postal_codes.push_back(postal);
    if (const nlohmann::json* lines = ArrayAt(address, "line"); lines != nullptr && !lines->empty() && (*lines)[0].is_string()) {
      std::string line = NormalizeAddressLine((*lines)[0].get_ref<const std::string&>());
      if (!line.empty()) out.address_lines.push_back(std::move(line));
    }
  }
}

void ReadTelecom(const nlohmann::json& patient, Demographics& out) {
  const nlohmann::json* telecoms = ArrayAt(patient, "telecom");
  if (telecoms == nullptr) return;
  for (const nlohmann::json& telecom : *telecoms) {
    const std::string_view system = StringAt(telecom, "system");
    const std::string_view value = StringAt(telecom, "value");
    if (value.empty()) continue;
    if (system == "phone" || system == "sms") {
      std::string phone = NormalizePhone(value);
      if (phone.size() >= 7) out.phones.push_back(std::move(phone));
    } else if (system == "email") {
      out.emails.push_back(FoldToAscii(value));
    }
  }
}

}  // namespace

BirthDate ParseBirthDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
  BirthDate date{ReadNumber(text.substr(0, 4)), ReadNumber(text.substr(5, 2)), ReadNumber(text.substr(8, 2))};
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return {};
  return date;
}

Demographics ReadDemographics(const nlohmann::json& patient) {
  Demographics out;
  if (const nlohmann::json* names = ArrayAt(patient, "name")) {
    for (const nlohmann::json& name : *names) {
      if (out.names.size() == kMaxNames) break;
      NameParts parts = ReadName(name);
      if (!parts.given.empty() || !parts.family.empty()) out.names.push_back(std::move(parts));
    }
  }
  out.birth = ParseBirthDate(StringAt(patient, "birthDate"));
  const std::string_view gender = StringAt(patient, "gender");
  if (gender == "male" || gender == "female" || gender == "other") out.gender = std::string(gender);
  ReadAddresses(patient, out);
  ReadTelecom(patient, out);
  Bound(out.postal_codes, kMaxValues);
  Bound(out.address_lines, kMaxValues);
  Bound(out.phones, kMaxValues);
  Bound(out.emails, kMaxValues);
  return out;
}

bool IdsAgree(const IdValue& a, const IdValue& b) {
  return !a.value.empty() && a.value == b.value && (a.system.empty() || b.system.empty() || a.system == b.system);
}

std::vector<IdValue> ReadIdValues(const nlohmann::json* identifiers) {
  std::vector<IdValue> out;
  if (identifiers == nullptr || !identifiers->is_array()) return out;
  for (const nlohmann::json& identifier : *identifiers) {
    if (out.size() == kMaxValues) break;
    std::string value = NormalizeIdentifier(StringAt(identifier, "value"));
    if (value.empty() || value.size() > 256) continue;  // no real member id is that long
    out.push_back(IdValue{std::string(StringAt(identifier, "system")), std::move(value)});
  }
  return out;
}

CoverageKeys ReadCoverageKeys(const nlohmann::json& coverage) {
  CoverageKeys keys;
  keys.member_ids = ReadIdValues(ArrayAt(coverage, "identifier"));
  keys.subscriber_id = NormalizeIdentifier(StringAt(coverage, "subscriberId"));
  keys.dependent = NormalizeDependent(StringAt(coverage, "dependent"));
  return keys;
}

}  // namespace pdex::member_match

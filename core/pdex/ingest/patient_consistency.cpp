#include "pdex/ingest/patient_consistency.h"

#include "json/fields.h"

#include <cctype>
#include <set>

namespace pdex::pdex_ingest {
namespace {

// "O'Brien-Smith" -> {"obriensmith", "obrien", "smith"}: the whole name and each hyphen/space part, so
// that a compound family name at one payer matches its parts at another.
std::set<std::string> FamilyNames(const nlohmann::json& patient) {
  std::set<std::string> out;
  const nlohmann::json* names = json::ArrayAt(patient, "name");
  if (names == nullptr) return out;
  for (const nlohmann::json& name : *names) {
    const std::string_view family = json::StringAt(name, "family");
    std::string whole, part;
    for (const char c : family) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalpha(u)) {
        whole += static_cast<char>(std::tolower(u));
        part += static_cast<char>(std::tolower(u));
      } else if (c == '-' || c == ' ') {
        if (!part.empty()) out.insert(part);
        part.clear();
      }
    }
    if (!part.empty()) out.insert(part);
    if (!whole.empty()) out.insert(whole);
  }
  return out;
}

}  // namespace

std::vector<std::string> PatientDisagreements(const nlohmann::json& received, const nlohmann::json& target) {
  std::vector<std::string> out;
  const std::string_view birth_a = json::StringAt(received, "birthDate");
  const std::string_view birth_b = json::StringAt(target, "birthDate");
  if (!birth_a.empty() && !birth_b.empty() && birth_a != birth_b) {
    out.push_back("birthDate " + std::string(birth_a) + " (received) is not " + std::string(birth_b) + " (member)");
  }
  const std::string_view gender_a = json::StringAt(received, "gender");
  const std::string_view gender_b = json::StringAt(target, "gender");
  if (!gender_a.empty() && !gender_b.empty() && gender_a != "unknown" && gender_b != "unknown" && gender_a != gender_b) {
    out.push_back("gender " + std::string(gender_a) + " (received) is not " + std::string(gender_b) + " (member)");
  }
  const std::set<std::string> family_a = FamilyNames(received);
  const std::set<std::string> family_b = FamilyNames(target);
  if (!family_a.empty() && !family_b.empty()) {
    bool shared = false;
    for (const std::string& name : family_a) shared = shared || family_b.count(name) != 0;
    if (!shared) out.push_back("no family name in common between the received Patient and the member");
  }
  return out;
}

}  // namespace pdex::pdex_ingest

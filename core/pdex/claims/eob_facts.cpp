#include "pdex/claims/eob_facts.h"

#include "json/fields.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"

namespace pdex::claims {
namespace {

namespace codes = pdex_codes;

bool IsDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

ClaimKind KindFromProfiles(const nlohmann::json& eob) {
  const nlohmann::json* meta = json::ObjectAt(eob, "meta");
  const nlohmann::json* profiles = meta != nullptr ? json::ArrayAt(*meta, "profile") : nullptr;
  if (profiles == nullptr) return ClaimKind::kUnknown;
  for (const nlohmann::json& profile : *profiles) {
    if (!profile.is_string()) continue;
    const std::string& url = profile.get_ref<const std::string&>();
    if (url.find("C4BB-ExplanationOfBenefit-Inpatient-Institutional") != std::string::npos) return ClaimKind::kInpatient;
    if (url.find("C4BB-ExplanationOfBenefit-Outpatient-Institutional") != std::string::npos) return ClaimKind::kOutpatient;
    if (url.find("C4BB-ExplanationOfBenefit-Professional") != std::string::npos) return ClaimKind::kProfessional;
    if (url.find("C4BB-ExplanationOfBenefit-Oral") != std::string::npos) return ClaimKind::kOral;
    if (url.find("C4BB-ExplanationOfBenefit-Pharmacy") != std::string::npos) return ClaimKind::kPharmacy;
  }
  return ClaimKind::kUnknown;
}

}  // namespace

ClaimKind KindOf(const nlohmann::json& eob) {
  const nlohmann::json* type = json::ObjectAt(eob, "type");
  for (const nlohmann::json* coding : type != nullptr ? pdex_common::Codings(*type) : std::vector<const nlohmann::json*>{}) {
    if (json::StringAt(*coding, "system") != codes::kClaimType) continue;
    const std::string_view code = json::StringAt(*coding, "code");
    if (code == "professional" || code == "vision") return ClaimKind::kProfessional;
    if (code == "oral") return ClaimKind::kOral;
    if (code == "pharmacy") return ClaimKind::kPharmacy;
    if (code == "institutional") {
      const nlohmann::json* sub_type = json::ObjectAt(eob, "subType");
      if (sub_type != nullptr && pdex_common::HasCoding(*sub_type, codes::kC4bbInstitutionalSubType, "outpatient")) {
        return ClaimKind::kOutpatient;
      }
      if (sub_type != nullptr && pdex_common::HasCoding(*sub_type, codes::kC4bbInstitutionalSubType, "inpatient")) {
        return ClaimKind::kInpatient;
      }
      // No subtype: the profile may say; an institutional claim is otherwise taken as inpatient (§7.2).
      const ClaimKind from_profile = KindFromProfiles(eob);
      return from_profile == ClaimKind::kOutpatient ? ClaimKind::kOutpatient : ClaimKind::kInpatient;
    }
  }
  return KindFromProfiles(eob);
}

const char* KindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kInpatient: return "inpatient institutional";
    case ClaimKind::kOutpatient: return "outpatient institutional";
    case ClaimKind::kProfessional: return "professional";
    case ClaimKind::kOral: return "oral";
    case ClaimKind::kPharmacy: return "pharmacy";
    case ClaimKind::kUnknown: break;
  }
  return "unknown";
}

const char* SourceFormatOf(ClaimKind kind) { return kind == ClaimKind::kPharmacy ? "ncpdp" : "x12837"; }

const char* EncounterClassOf(ClaimKind kind) { return kind == ClaimKind::kInpatient ? "IMP" : "AMB"; }

std::optional<ClaimId> ClaimIdOf(const nlohmann::json& eob) {
  const nlohmann::json* identifiers = json::ArrayAt(eob, "identifier");
  if (identifiers == nullptr) return std::nullopt;
  std::optional<ClaimId> first;
  for (const nlohmann::json& identifier : *identifiers) {
    const std::string_view system = json::StringAt(identifier, "system");
    const std::string_view value = json::StringAt(identifier, "value");
    if (system.empty() || value.empty()) continue;
    const nlohmann::json* type = json::ObjectAt(identifier, "type");
    if (type != nullptr && pdex_common::HasCoding(*type, codes::kC4bbIdentifierType, "uc")) {
      return ClaimId{std::string(system), std::string(value)};
    }
    if (!first) first = ClaimId{std::string(system), std::string(value)};
  }
  return first;
}

std::string EncounterStatusOf(std::string_view eob_status) {
  if (eob_status == "active") return "finished";
  if (eob_status == "cancelled") return "cancelled";
  if (eob_status == "entered-in-error") return "entered-in-error";
  return "unknown";  // draft, absent
}

std::string ProcedureStatusOf(std::string_view eob_status) {
  if (eob_status == "active") return "completed";
  if (eob_status == "cancelled") return "not-done";
  if (eob_status == "entered-in-error") return "entered-in-error";
  return "unknown";
}

std::string DispenseStatusOf(std::string_view eob_status) {
  if (eob_status == "cancelled") return "cancelled";
  if (eob_status == "entered-in-error") return "entered-in-error";
  if (eob_status == "draft") return "unknown";
  return "completed";  // active, absent: a paid pharmacy claim is a completed dispense (§7.2 default)
}

bool HasDayPrecision(std::string_view date_time) {
  if (!(date_time.size() >= 10 && IsDigits(date_time.substr(0, 4)) && date_time[4] == '-' &&
        IsDigits(date_time.substr(5, 2)) && date_time[7] == '-' && IsDigits(date_time.substr(8, 2)) &&
        (date_time.size() == 10 || date_time[10] == 'T'))) {
    return false;
  }
  const int month = (date_time[5] - '0') * 10 + (date_time[6] - '0');
  const int day = (date_time[8] - '0') * 10 + (date_time[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string ClinicalDateTime(std::string_view date_time) {
  if (!HasDayPrecision(date_time)) return "";
  if (date_time.size() == 10) return std::string(date_time);
  return ToInstant(date_time);
}

std::string ToInstant(std::string_view date_time) {
  if (!HasDayPrecision(date_time)) return "";
  if (date_time.size() == 10) return std::string(date_time) + "T00:00:00Z";
  // YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)
  if (date_time.size() < 19 || date_time[13] != ':' || date_time[16] != ':' || !IsDigits(date_time.substr(11, 2)) ||
      !IsDigits(date_time.substr(14, 2)) || !IsDigits(date_time.substr(17, 2))) {
    return "";
  }
  std::string_view rest = date_time.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t digits = 1;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    rest = rest.substr(digits);
  }
  if (rest.empty()) return std::string(date_time) + "Z";
  if (rest == "Z" || (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
                      IsDigits(rest.substr(1, 2)) && IsDigits(rest.substr(4, 2)))) {
    return std::string(date_time);
  }
  return "";
}

const nlohmann::json* SupportingInfo(const nlohmann::json& eob, std::string_view code, std::size_t limit) {
  const nlohmann::json* infos = json::ArrayAt(eob, "supportingInfo");
  if (infos == nullptr) return nullptr;
  for (std::size_t i = 0; i < infos->size() && i < limit; ++i) {
    const nlohmann::json* category = json::ObjectAt((*infos)[i], "category");
    if (category == nullptr) continue;
    for (const nlohmann::json* coding : pdex_common::Codings(*category)) {
      if (json::StringAt(*coding, "code") == code) return &(*infos)[i];
    }
  }
  return nullptr;
}

nlohmann::json UsablePeriod(const nlohmann::json* period) {
  if (period == nullptr || !period->is_object()) return nullptr;
  nlohmann::json out = nlohmann::json::object();
  for (const char* part : {"start", "end"}) {
    const std::string value = ClinicalDateTime(json::StringAt(*period, part));
    if (!value.empty()) out[part] = value;
  }
  if (out.empty()) return nullptr;
  // per-1: start <= end; a reversed period keeps only its start.
  if (out.contains("start") && out.contains("end") &&
      out["end"].get<std::string>().substr(0, 10) < out["start"].get<std::string>().substr(0, 10)) {
    out.erase("end");
  }
  return out;
}

}  // namespace pdex::claims

#include "pdex/claims/clinical_codes.h"

#include "json/fields.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"

namespace pdex::claims {
namespace {

namespace codes = pdex_codes;

bool KeepAll(std::string_view) { return true; }

}  // namespace

nlohmann::json ConceptWithSystems(const nlohmann::json* codeable, bool (*keep)(std::string_view system)) {
  if (codeable == nullptr || !codeable->is_object()) return nullptr;
  nlohmann::json codings = nlohmann::json::array();
  for (const nlohmann::json* coding : pdex_common::Codings(*codeable)) {
    const std::string_view code = json::StringAt(*coding, "code");
    const std::string_view system = json::StringAt(*coding, "system");
    if (code.empty() || !keep(system)) continue;
    nlohmann::json copy = nlohmann::json::object();
    if (!system.empty()) copy["system"] = system;
    if (!json::StringAt(*coding, "version").empty()) copy["version"] = json::StringAt(*coding, "version");
    copy["code"] = code;
    if (!json::StringAt(*coding, "display").empty()) copy["display"] = json::StringAt(*coding, "display");
    codings.push_back(std::move(copy));
    if (codings.size() >= 32) break;  // a codeable needs a few codings; bound hostile ones
  }
  nlohmann::json out = nlohmann::json::object();
  if (!codings.empty()) out["coding"] = std::move(codings);
  const std::string_view text = json::StringAt(*codeable, "text");
  if (!text.empty() && (keep == KeepAll || out.contains("coding"))) out["text"] = text;
  if (out.empty()) return nullptr;
  return out;
}

nlohmann::json SanitizeConcept(const nlohmann::json* codeable) { return ConceptWithSystems(codeable, KeepAll); }

bool IsProcedureSystem(std::string_view system) {
  return system == codes::kCpt || system == codes::kHcpcs || system == codes::kHcpcsCms ||
         system == codes::kIcd10Pcs || system == codes::kCdt || system == codes::kCdtOid || system == codes::kSnomedCt;
}

bool IsNdcSystem(std::string_view system) { return system == codes::kNdc; }

nlohmann::json CareTeamRole(const nlohmann::json* role) {
  static constexpr std::string_view kC4bbRoles = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole";
  static constexpr std::string_view kKnown[] = {"attending",  "referring",   "operating",       "otheroperating",
                                                "performing", "prescribing", "purchasedservice"};
  nlohmann::json out = SanitizeConcept(role);
  if (out.is_null() || !out.contains("coding")) return out;
  nlohmann::json kept = nlohmann::json::array();
  std::string dropped;
  for (nlohmann::json& coding : out["coding"]) {
    const std::string_view code = json::StringAt(coding, "code");
    bool known = json::StringAt(coding, "system") != kC4bbRoles;
    for (std::string_view candidate : kKnown) known = known || code == candidate;
    if (known) {
      kept.push_back(std::move(coding));
    } else if (dropped.empty()) {
      dropped = std::string(code);
    }
  }
  if (kept.empty()) {
    out.erase("coding");
  } else {
    out["coding"] = std::move(kept);
  }
  if (!dropped.empty() && !out.contains("text")) out["text"] = dropped;
  return out.empty() ? nlohmann::json(nullptr) : out;
}

std::string_view ParticipationTypeOf(const nlohmann::json* role) {
  if (role == nullptr) return "";
  for (const nlohmann::json* coding : pdex_common::Codings(*role)) {
    const std::string_view code = json::StringAt(*coding, "code");
    if (code == "attending") return "ATND";
    if (code == "referring") return "REF";
    if (code == "primary" || code == "rendering" || code == "performing" || code == "operating") return "PPRF";
    if (code == "assist" || code == "supervising" || code == "supervisor") return "SPRF";
    if (code == "other" || code == "prescribing") return "PART";
  }
  return "";
}

}  // namespace pdex::claims

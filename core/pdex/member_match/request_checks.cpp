#include "pdex/member_match/request_checks.h"

#include "json/fields.h"
#include "pdex/common/fhir_refs.h"

#include <array>
#include <string>
#include <string_view>

namespace pdex::member_match {
namespace {

using json::ArrayAt;
using json::ObjectAt;
using json::StringAt;

constexpr int kMaxWalkDepth = 64;

struct Slot {
  std::string_view name;
  std::string_view type;
  const nlohmann::json* RequestParts::*field;
};
constexpr std::array<Slot, 4> kSlots = {{
    {"MemberPatient", "Patient", &RequestParts::member_patient},
    {"CoverageToMatch", "Coverage", &RequestParts::coverage_to_match},
    {"CoverageToLink", "Coverage", &RequestParts::coverage_to_link},
    {"Consent", "Consent", &RequestParts::consent},
}};

Issue Error(std::string code, std::string id, std::string diagnostics, std::string expression) {
  return Issue{.severity = Severity::kError, .code = std::move(code), .id = std::move(id),
               .diagnostics = std::move(diagnostics), .expression = std::move(expression)};
}

// Every `reference` string under `node` that names a Patient must be `Patient/<patient_id>`.
void CheckPatientReferences(const nlohmann::json& node, const std::string& path, std::string_view patient_id,
                            std::string_view parameter, int depth, Issues& issues) {
  if (depth > kMaxWalkDepth) return;
  if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      CheckPatientReferences(node[i], path + "[" + std::to_string(i) + "]", patient_id, parameter, depth + 1, issues);
    }
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (key == "contained") continue;  // a contained resource's own references are not the member's
    const std::string child = path + "." + key;
    if (key == "reference" && value.is_string()) {
      const std::string& reference = value.get_ref<const std::string&>();
      const auto parts = pdex_common::ParseReference(reference);
      if (!parts || parts->type != "Patient") continue;
      if (!parts->base.empty()) {
        issues.push_back(Error("invalid", "member-match.patient-reference-not-local",
                               std::string(parameter) + " refers to the patient by an absolute URL '" + reference +
                                   "': HRex $member-match requires a local reference Patient/<id> to MemberPatient",
                               child));
      } else if (patient_id.empty() || parts->id != patient_id) {
        issues.push_back(Error("invalid", "member-match.patient-reference-mismatch",
                               std::string(parameter) + " refers to '" + reference + "', which is not MemberPatient (" +
                                   (patient_id.empty() ? std::string("MemberPatient has no id")
                                                       : "Patient/" + std::string(patient_id)) +
                                   "); the references SHALL resolve to MemberPatient and have its id",
                               child));
      }
      continue;
    }
    CheckPatientReferences(value, child, patient_id, parameter, depth + 1, issues);
  }
}

}  // namespace

Issues CheckRequest(const nlohmann::json& request, HrexVersion version, RequestParts& parts) {
  Issues issues;
  if (!request.is_object() || StringAt(request, "resourceType") != "Parameters") {
    issues.push_back(Error("invalid", "member-match.request-not-parameters",
                           "a $member-match request is a Parameters resource", ""));
    return issues;
  }
  const nlohmann::json* parameters = ArrayAt(request, "parameter");
  std::array<std::string, 4> paths;
  if (parameters != nullptr) {
    for (std::size_t i = 0; i < parameters->size(); ++i) {
      const nlohmann::json& parameter = (*parameters)[i];
      const std::string path = "Parameters.parameter[" + std::to_string(i) + "]";
      const std::string_view name = StringAt(parameter, "name");
      std::size_t slot = 0;
      while (slot < kSlots.size() && kSlots[slot].name != name) ++slot;
      if (slot == kSlots.size()) {
        issues.push_back(Error("structure", "member-match.unknown-parameter",
                               "unknown $member-match parameter '" + std::string(name) +
                                   "' (expected MemberPatient, CoverageToMatch, CoverageToLink, Consent)",
                               path + ".name"));
        continue;
      }
      const nlohmann::json* resource = ObjectAt(parameter, "resource");
      if (resource == nullptr || StringAt(*resource, "resourceType") != kSlots[slot].type) {
        issues.push_back(Error("structure", "member-match.parameter-wrong-type",
                               "parameter " + std::string(name) + " must carry a " + std::string(kSlots[slot].type) +
                                   " resource",
                               path + ".resource"));
        continue;
      }
      if (parts.*(kSlots[slot].field) != nullptr) {
        issues.push_back(Error("structure", "member-match.duplicate-parameter",
                               "parameter " + std::string(name) + " appears more than once (max 1)", path));
        continue;
      }
      parts.*(kSlots[slot].field) = resource;
      paths[slot] = path + ".resource";
    }
  }
  const bool consent_required = version == HrexVersion::k1_0;
  for (std::size_t slot = 0; slot < kSlots.size(); ++slot) {
    const bool required = slot <= 1 || (slot == 3 && consent_required);
    if (required && parts.*(kSlots[slot].field) == nullptr) {
      issues.push_back(Error("required", "member-match.missing-parameter",
                             "the request has no " + std::string(kSlots[slot].name) + " parameter" +
                                 (slot == 3 ? " (required by HRex 1.0.0)" : ""),
                             "Parameters.parameter"));
    }
  }
  if (parts.member_patient == nullptr) return issues;
  const std::string_view patient_id = StringAt(*parts.member_patient, "id");
  for (std::size_t slot = 1; slot < kSlots.size(); ++slot) {
    const nlohmann::json* resource = parts.*(kSlots[slot].field);
    if (resource == nullptr) continue;
    CheckPatientReferences(*resource, paths[slot], patient_id, kSlots[slot].name, 0, issues);
    if (slot != 3 && ObjectAt(*resource, "beneficiary") == nullptr) {
      issues.push_back(Error("required", "member-match.missing-beneficiary",
                             std::string(kSlots[slot].name) + ".beneficiary must refer to MemberPatient",
                             paths[slot] + ".beneficiary"));
    }
  }
  if (parts.coverage_to_match != nullptr) {
    bool has_id = !StringAt(*parts.coverage_to_match, "subscriberId").empty();
    if (const nlohmann::json* identifiers = ArrayAt(*parts.coverage_to_match, "identifier")) {
      for (const nlohmann::json& identifier : *identifiers) has_id = has_id || !StringAt(identifier, "value").empty();
    }
    if (!has_id) {
      issues.push_back(Error("required", "member-match.no-coverage-id",
                             "CoverageToMatch has neither an identifier value nor a subscriberId (hrex-cov-1): "
                             "matching needs the member or subscriber id from the member's card",
                             paths[1]));
    }
  }
  return issues;
}

}  // namespace pdex::member_match

#include "pdex/common/provenance.h"

#include "pdex/common/codes.h"

namespace pdex::pdex_common {
namespace {

nlohmann::json TypeConcept(std::string_view system, std::string_view code, std::string_view display) {
  nlohmann::json coding = {{"system", system}, {"code", code}};
  if (!display.empty()) coding["display"] = display;  // FHIR strings are never empty
  return {{"coding", nlohmann::json::array({std::move(coding)})}};
}

nlohmann::json Agent(nlohmann::json type, const nlohmann::json& who, const nlohmann::json& on_behalf_of) {
  nlohmann::json agent = {{"type", std::move(type)}, {"who", who}};
  if (!on_behalf_of.is_null()) agent["onBehalfOf"] = on_behalf_of;
  return agent;
}

}  // namespace

nlohmann::json BuildPdexProvenance(const ProvenanceSpec& spec) {
  nlohmann::json provenance = {{"resourceType", "Provenance"}};
  if (!spec.id.empty()) provenance["id"] = spec.id;
  provenance["meta"] = {{"profile", nlohmann::json::array({pdex_codes::kPdexProvenance})}};
  nlohmann::json targets = nlohmann::json::array();
  for (const std::string& target : spec.targets) targets.push_back({{"reference", target}});
  provenance["target"] = std::move(targets);
  provenance["recorded"] = spec.recorded;
  if (!spec.reason_system.empty()) {
    provenance["reason"] = nlohmann::json::array({TypeConcept(spec.reason_system, spec.reason_code, spec.reason_display)});
  }
  if (!spec.activity_system.empty()) {
    provenance["activity"] = TypeConcept(spec.activity_system, spec.activity_code, spec.activity_display);
  }

  nlohmann::json agents = nlohmann::json::array();
  for (const ProvenanceAgent& author : spec.authors) {
    agents.push_back(Agent(TypeConcept(pdex_codes::kProvenanceParticipantType, "author", "Author"), author.who,
                           author.on_behalf_of));
  }
  if (!spec.transmitter.is_null()) {
    agents.push_back(Agent(TypeConcept(pdex_codes::kUsCoreProvenanceParticipantType, "transmitter", "Transmitter"),
                           spec.transmitter, nullptr));
  }
  if (!spec.custodian.is_null()) {
    agents.push_back(
        Agent(TypeConcept(pdex_codes::kProvenanceParticipantType, "custodian", "Custodian"), spec.custodian, nullptr));
  }
  provenance["agent"] = std::move(agents);

  if (!spec.source_format.empty()) {
    nlohmann::json entity = {
        {"extension",
         nlohmann::json::array({{{"url", pdex_codes::kPdexSourceFormatExtension},
                                 {"valueCodeableConcept",
                                  {{"coding", nlohmann::json::array({{{"system", pdex_codes::kPdexSourceFormat},
                                                                      {"code", spec.source_format}}})}}}}})},
        {"role", "source"},
        {"what", spec.source_what.is_null() ? nlohmann::json{{"display", "No reference available"}} : spec.source_what}};
    provenance["entity"] = nlohmann::json::array({std::move(entity)});
  }
  return provenance;
}

}  // namespace pdex::pdex_common

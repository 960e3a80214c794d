#include "test_definitions.h"

namespace pdex::snapshot::testing {

nlohmann::json Element(const std::string& id, int min, const std::string& max,
                       std::initializer_list<const char*> types) {
  std::string path;
  bool in_slice = false;
  for (char c : id) {
    if (c == ':') in_slice = true;
    if (c == '.') in_slice = false;
    if (!in_slice) path += c;
  }
  nlohmann::json element = {{"id", id}, {"path", path}, {"min", min}, {"max", max}};
  element["base"] = {{"path", path}, {"min", min}, {"max", max}};
  if (types.size() != 0) {
    element["type"] = nlohmann::json::array();
    for (const char* code : types) element["type"].push_back({{"code", code}});
  }
  return element;
}

nlohmann::json Definition(const std::string& url, const std::string& type, const std::string& base,
                          std::vector<nlohmann::json> elements, bool snapshot) {
  nlohmann::json definition = {{"resourceType", "StructureDefinition"},
                               {"url", url},
                               {"type", type},
                               {"derivation", base.empty() ? "specialization" : "constraint"}};
  if (!base.empty()) definition["baseDefinition"] = base;
  nlohmann::json list = nlohmann::json::array();
  for (auto& element : elements) list.push_back(std::move(element));
  definition[snapshot ? "snapshot" : "differential"] = {{"element", std::move(list)}};
  return definition;
}

void AddBaseDefinitions(SnapshotResolver& resolver) {
  nlohmann::json child = Element("Thing.component.child", 0, "*");
  child["contentReference"] = "#Thing.component";
  resolver.AddOwned(Definition(
      kThingUrl, "Thing", "http://hl7.org/fhir/StructureDefinition/DomainResource",
      {Element("Thing", 0, "*"), Element("Thing.id", 0, "1", {"id"}), Element("Thing.extension", 0, "*", {"Extension"}),
       Element("Thing.identifier", 0, "*", {"Identifier"}),
       Element("Thing.value[x]", 0, "1", {"string", "Coding", "boolean"}),
       Element("Thing.component", 0, "*", {"BackboneElement"}), Element("Thing.component.id", 0, "1", {"string"}),
       Element("Thing.component.code", 1, "1", {"Coding"}),
       Element("Thing.component.value[x]", 0, "1", {"string", "boolean"}), child,
       Element("Thing.note", 0, "1", {"string"})},
      true));
  resolver.AddOwned(
      Definition("http://hl7.org/fhir/StructureDefinition/Identifier", "Identifier",
                 "http://hl7.org/fhir/StructureDefinition/Element",
                 {Element("Identifier", 0, "*"), Element("Identifier.id", 0, "1", {"string"}),
                  Element("Identifier.extension", 0, "*", {"Extension"}), Element("Identifier.system", 0, "1", {"uri"}),
                  Element("Identifier.value", 0, "1", {"string"})},
                 true));
  resolver.AddOwned(
      Definition("http://hl7.org/fhir/StructureDefinition/Extension", "Extension",
                 "http://hl7.org/fhir/StructureDefinition/Element",
                 {Element("Extension", 0, "*"), Element("Extension.id", 0, "1", {"string"}),
                  Element("Extension.extension", 0, "*", {"Extension"}), Element("Extension.url", 1, "1", {"uri"}),
                  Element("Extension.value[x]", 0, "1", {"string", "Coding", "boolean"})},
                 true));
  resolver.AddOwned(Definition(
      "http://hl7.org/fhir/StructureDefinition/Coding", "Coding", "http://hl7.org/fhir/StructureDefinition/Element",
      {Element("Coding", 0, "*"), Element("Coding.system", 0, "1", {"uri"}), Element("Coding.code", 0, "1", {"code"})},
      true));
  // Profiles without snapshots: the resolver generates them on demand.
  nlohmann::json root = Element("Extension", 0, "*");
  root["short"] = "Foo extension";
  nlohmann::json url = Element("Extension.url", 1, "1");
  url["fixedUri"] = kExtensionProfileUrl;
  resolver.AddOwned(Definition(kExtensionProfileUrl, "Extension", "http://hl7.org/fhir/StructureDefinition/Extension",
                               {root, url}, false));
  nlohmann::json system = Element("Identifier.system", 1, "1");
  system["fixedUri"] = "http://hl7.org/fhir/sid/us-npi";
  resolver.AddOwned(Definition(kIdentifierProfileUrl, "Identifier",
                               "http://hl7.org/fhir/StructureDefinition/Identifier",
                               {Element("Identifier", 0, "*"), system}, false));
}

std::vector<std::string> SnapshotIds(const SnapshotResult& result) {
  std::vector<std::string> ids;
  const nlohmann::json& definition = result.structure_definition;
  if (!definition.contains("snapshot")) return ids;
  for (const auto& element : definition["snapshot"]["element"]) ids.push_back(element.value("id", std::string()));
  return ids;
}

nlohmann::json SnapshotElement(const SnapshotResult& result, const std::string& id) {
  const nlohmann::json& definition = result.structure_definition;
  if (!definition.contains("snapshot")) return nullptr;
  for (const auto& element : definition["snapshot"]["element"]) {
    if (element.value("id", std::string()) == id) return element;
  }
  return nullptr;
}

bool HasIssue(const SnapshotResult& result, const std::string& issue_id) {
  for (const auto& issue : result.issues) {
    if (issue.id == issue_id) return true;
  }
  return false;
}

}  // namespace pdex::snapshot::testing

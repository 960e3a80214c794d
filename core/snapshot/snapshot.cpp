#include "snapshot/snapshot.h"

#include <exception>
#include <string>

#include "snapshot/element_id.h"
#include "snapshot/snapshot_builder.h"

namespace pdex::snapshot {
namespace {

void AddError(Issues& issues, const char* id, const std::string& text, const std::string& location) {
  Issue issue;
  issue.severity = Severity::kError;
  const std::string kind = id;
  issue.code = kind == "snapshot.invalid-input"    ? "invalid"
               : kind == "snapshot.base-not-found" ? "not-found"
                                                   : "structure";
  issue.id = id;
  issue.diagnostics = text;
  issue.expression = location;
  issues.push_back(std::move(issue));
}

// The base of a logical model in R4 is often http://hl7.org/fhir/StructureDefinition/Base, which R4
// does not publish as a StructureDefinition (R5 does); its snapshot is just the root element.
nlohmann::json BaseRootSnapshot() {
  return nlohmann::json::array({{{"id", "Base"},
                                 {"path", "Base"},
                                 {"min", 0},
                                 {"max", "*"},
                                 {"base", {{"path", "Base"}, {"min", 0}, {"max", "*"}}}}});
}

void Generate(const nlohmann::json& profile, const StructureDefinitionLookup& lookup, SnapshotResult& result) {
  const std::string url = StringMember(profile, "url");
  const std::string location = url.empty() ? std::string("StructureDefinition") : url;
  if (!profile.is_object() || StringMember(profile, "resourceType") != "StructureDefinition") {
    AddError(result.issues, "snapshot.invalid-input", "not a StructureDefinition", location);
    return;
  }
  auto differential = profile.find("differential");
  const nlohmann::json* diff_elements = nullptr;
  if (differential != profile.end() && differential->is_object()) {
    auto it = differential->find("element");
    if (it != differential->end() && it->is_array()) diff_elements = &*it;
  }
  if (diff_elements == nullptr) {
    AddError(result.issues, "snapshot.invalid-input", "StructureDefinition has no differential.element", location);
    return;
  }
  const std::string base_url = StringMember(profile, "baseDefinition");
  if (base_url.empty()) {
    AddError(result.issues, "snapshot.base-not-found", "StructureDefinition has no baseDefinition", location);
    return;
  }
  if (base_url == url || base_url.substr(0, base_url.find('|')) == url) {
    AddError(result.issues, "snapshot.circular-base", "StructureDefinition is its own base", location);
    return;
  }
  nlohmann::json synthetic_base;
  const nlohmann::json* base_elements = nullptr;
  const nlohmann::json* base = lookup ? lookup(base_url) : nullptr;
  if (base != nullptr && base->is_object()) {
    auto snapshot = base->find("snapshot");
    if (snapshot != base->end() && snapshot->is_object()) {
      auto it = snapshot->find("element");
      if (it != snapshot->end() && it->is_array() && !it->empty()) base_elements = &*it;
    }
  }
  if (base_elements == nullptr && base_url == "http://hl7.org/fhir/StructureDefinition/Base") {
    synthetic_base = BaseRootSnapshot();
    base_elements = &synthetic_base;
  }
  if (base_elements == nullptr) {
    AddError(result.issues, "snapshot.base-not-found",
             "base definition " + base_url + (base == nullptr ? " not found" : " has no snapshot"), location);
    return;
  }

  SnapshotBuilder builder(*base_elements, url, lookup, result.issues);
  if (StringMember(profile, "derivation") == "specialization") {
    builder.set_specialization(true);
    // The new type's elements are rooted at its own name: the last segment of `type`.
    std::string type = StringMember(profile, "type");
    std::string root = type.substr(type.rfind('/') + 1);
    if (!diff_elements->empty()) {
      std::string first = StringMember((*diff_elements)[0], "path");
      if (!first.empty() && first.find('.') == std::string::npos) root = first;
    }
    if (!root.empty()) builder.RenameRoot(root);
  }
  for (const auto& diff : *diff_elements) {
    if (!diff.is_object()) {
      AddError(result.issues, "snapshot.invalid-input", "differential element is not an object", location);
      continue;
    }
    builder.Apply(diff);
  }
  builder.Finish();
  nlohmann::json elements = nlohmann::json::array();
  for (auto& element : builder.TakeElements()) elements.push_back(std::move(element));
  result.structure_definition["snapshot"] = {{"element", std::move(elements)}};
}

}  // namespace

SnapshotResult GenerateSnapshot(const nlohmann::json& profile, const StructureDefinitionLookup& lookup) {
  SnapshotResult result;
  try {
    result.structure_definition = profile;
    Generate(profile, lookup, result);
  } catch (const std::exception& error) {
    AddError(result.issues, "snapshot.internal", std::string("snapshot generation failed: ") + error.what(),
             StringMember(profile, "url"));
  } catch (...) {
    AddError(result.issues, "snapshot.internal", "snapshot generation failed", StringMember(profile, "url"));
  }
  result.ok = !HasErrors(result.issues);
  return result;
}

}  // namespace pdex::snapshot

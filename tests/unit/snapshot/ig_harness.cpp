#include "ig_harness.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "json/parse.h"

namespace pdex::snapshot::testing {
namespace fs = std::filesystem;

std::optional<nlohmann::json> LoadJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  json::JsonLimits limits;
  limits.max_bytes = 256u * 1024u * 1024u;
  json::ParsedJson parsed = json::ParseJson(buffer.str(), limits);
  if (!parsed.ok()) return std::nullopt;
  return std::move(parsed.value);
}

namespace {

// Medplum's R4 bundles carry a few Medplum-specific changes to the published R4 definitions; undo
// them so the comparison sees the official R4 base: Meta gains project/author/onBehalfOf/account/
// accounts/compartment, and Bundle.entry.response.outcome is typed OperationOutcome (R4: Resource).
void RestoreOfficialR4(nlohmann::json& bundle) {
  if (!bundle.contains("entry") || !bundle["entry"].is_array()) return;
  for (auto& entry : bundle["entry"]) {
    if (!entry.is_object() || !entry.contains("resource")) continue;
    nlohmann::json& resource = entry["resource"];
    const std::string url = resource.value("url", std::string());
    for (const char* part : {"snapshot", "differential"}) {
      if (!resource.contains(part) || !resource[part].contains("element")) continue;
      nlohmann::json& elements = resource[part]["element"];
      nlohmann::json kept = nlohmann::json::array();
      for (auto& element : elements) {
        const std::string id = element.value("id", std::string());
        if (url == "http://hl7.org/fhir/StructureDefinition/Meta" &&
            (id == "Meta.project" || id == "Meta.author" || id == "Meta.onBehalfOf" || id == "Meta.account" ||
             id == "Meta.accounts" || id == "Meta.compartment")) {
          continue;
        }
        if (url == "http://hl7.org/fhir/StructureDefinition/Bundle" && id == "Bundle.entry.response.outcome") {
          element["type"] = nlohmann::json::array({{{"code", "Resource"}}});
        }
        kept.push_back(std::move(element));
      }
      elements = std::move(kept);
    }
  }
}

}  // namespace

const std::vector<nlohmann::json>& CoreBundles() {
  static const std::vector<nlohmann::json> bundles = [] {
    std::vector<nlohmann::json> out;
    const std::string dir = PDEX_MEDPLUM_R4_DIR;
    for (const char* name :
         {"profiles-types.json", "profiles-resources.json", "extension-definitions.json", "profiles-others.json"}) {
      auto bundle = LoadJsonFile(dir + "/" + name);
      if (!bundle) continue;
      RestoreOfficialR4(*bundle);
      out.push_back(std::move(*bundle));
    }
    return out;
  }();
  return bundles;
}

std::map<std::string, IgPackage> LoadIgPackages(const std::string& ig_dir) {
  std::map<std::string, IgPackage> packages;
  std::error_code error;
  if (!fs::is_directory(ig_dir, error)) return packages;
  for (const auto& entry : fs::directory_iterator(ig_dir, error)) {
    if (!entry.is_directory()) continue;
    IgPackage package;
    package.folder = entry.path().filename().string();
    for (const auto& file : fs::directory_iterator(entry.path(), error)) {
      std::string name = file.path().filename().string();
      if (name.rfind("StructureDefinition-", 0) != 0 || file.path().extension() != ".json") continue;
      auto definition = LoadJsonFile(file.path().string());
      if (definition && definition->is_object()) package.structure_definitions.push_back(std::move(*definition));
    }
    std::sort(package.structure_definitions.begin(), package.structure_definitions.end(),
              [](const nlohmann::json& a, const nlohmann::json& b) {
                return a.value("url", std::string()) < b.value("url", std::string());
              });
    packages[package.folder] = std::move(package);
  }
  // Dependencies from package.json, kept when that package#version is present.
  for (auto& [folder, package] : packages) {
    auto manifest = LoadJsonFile(ig_dir + "/" + folder + "/package.json");
    if (!manifest || !manifest->contains("dependencies") || !(*manifest)["dependencies"].is_object()) continue;
    for (auto it = (*manifest)["dependencies"].begin(); it != (*manifest)["dependencies"].end(); ++it) {
      if (!it.value().is_string()) continue;
      std::string dependency = it.key() + "#" + it.value().get<std::string>();
      if (packages.count(dependency) != 0) package.dependencies.push_back(dependency);
    }
  }
  return packages;
}

namespace {

std::string Str(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Dump(const nlohmann::json& value) { return value.is_null() ? std::string("(none)") : value.dump(); }

// A FHIRPath system type names its FHIR type in the structuredefinition-fhir-type extension (R4 types
// Extension.url as System.String + "uri"); with `fhir_type`, that FHIR type is used as the code.
std::string TypeCode(const nlohmann::json& type, bool fhir_type) {
  auto extensions = type.find("extension");
  if (fhir_type && extensions != type.end() && extensions->is_array()) {
    for (const auto& extension : *extensions) {
      if (Str(extension, "url") == "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type" &&
          !Str(extension, "valueUrl").empty()) {
        return Str(extension, "valueUrl");
      }
    }
  }
  return Str(type, "code");
}

std::string TypeSignature(const nlohmann::json& element, bool fhir_type = false) {
  std::set<std::string> parts;
  auto types = element.find("type");
  if (types == element.end() || !types->is_array()) return "";
  for (const auto& type : *types) {
    std::string text = TypeCode(type, fhir_type);
    for (const char* key : {"profile", "targetProfile"}) {
      std::set<std::string> urls;
      if (type.contains(key) && type[key].is_array()) {
        for (const auto& url : type[key]) urls.insert(url.is_string() ? url.get<std::string>() : url.dump());
      }
      text += std::string(" ") + key + "=";
      for (const auto& url : urls) text += url + ",";
    }
    parts.insert(text);
  }
  std::string out;
  for (const auto& part : parts) out += "[" + part + "]";
  return out;
}

nlohmann::json FixedPattern(const nlohmann::json& element) {
  nlohmann::json out = nlohmann::json::object();
  for (auto it = element.begin(); it != element.end(); ++it) {
    if (it.key().rfind("fixed", 0) == 0 || it.key().rfind("pattern", 0) == 0) out[it.key()] = it.value();
  }
  return out;
}

nlohmann::json ConstraintKeys(const nlohmann::json& element) {
  std::set<std::string> keys;
  if (element.contains("constraint") && element["constraint"].is_array()) {
    for (const auto& c : element["constraint"]) keys.insert(c.value("key", std::string()));
  }
  return keys;
}

nlohmann::json Member(const nlohmann::json& element, const char* object, const char* key) {
  auto it = element.find(object);
  if (it == element.end() || !it->is_object()) return nullptr;
  auto inner = it->find(key);
  return inner == it->end() ? nlohmann::json() : *inner;
}

}  // namespace

std::vector<Mismatch> CompareSnapshots(const nlohmann::json& generated, const nlohmann::json& official) {
  std::vector<Mismatch> out;
  std::map<std::string, const nlohmann::json*> generated_by_id;
  std::vector<std::string> generated_order;
  for (const auto& element : generated) {
    generated_by_id[Str(element, "id")] = &element;
    generated_order.push_back(Str(element, "id"));
  }
  std::set<std::string> official_ids;
  std::vector<std::string> official_order;
  for (const auto& element : official) {
    std::string id = Str(element, "id");
    official_ids.insert(id);
    auto found = generated_by_id.find(id);
    if (found == generated_by_id.end()) {
      out.push_back({id, "presence", "missing from the generated snapshot"});
      continue;
    }
    official_order.push_back(id);
    const nlohmann::json& mine = *found->second;
    auto check = [&](const char* field, const nlohmann::json& a, const nlohmann::json& b) {
      if (a != b) out.push_back({id, field, "generated " + Dump(a) + ", official " + Dump(b)});
    };
    check("min", mine.value("min", nlohmann::json()), element.value("min", nlohmann::json()));
    check("max", mine.value("max", nlohmann::json()), element.value("max", nlohmann::json()));
    // The same type written as a system type (System.String + fhir-type uri) on one side and as the FHIR
    // type (uri) on the other, as US Core 3.1.1 does for its extension slices' url, is the same type.
    if (TypeSignature(mine, true) != TypeSignature(element, true)) {
      check("type", TypeSignature(mine), TypeSignature(element));
    }
    check("mustSupport", mine.value("mustSupport", false), element.value("mustSupport", false));
    check("binding.strength", Member(mine, "binding", "strength"), Member(element, "binding", "strength"));
    check("binding.valueSet", Member(mine, "binding", "valueSet"), Member(element, "binding", "valueSet"));
    check("fixed-pattern", FixedPattern(mine), FixedPattern(element));
    check("sliceName", mine.value("sliceName", nlohmann::json()), element.value("sliceName", nlohmann::json()));
    check("slicing.discriminator", Member(mine, "slicing", "discriminator"),
          Member(element, "slicing", "discriminator"));
    check("slicing.rules", Member(mine, "slicing", "rules"), Member(element, "slicing", "rules"));
    check("path", mine.value("path", nlohmann::json()), element.value("path", nlohmann::json()));
    check("base", mine.value("base", nlohmann::json()), element.value("base", nlohmann::json()));
    check("contentReference", mine.value("contentReference", nlohmann::json()),
          element.value("contentReference", nlohmann::json()));
    check("constraint.keys", ConstraintKeys(mine), ConstraintKeys(element));
    if (std::getenv("PDEX_SNAPSHOT_EXTRA") != nullptr) {
      for (const char* key : {"isModifier", "isSummary", "maxLength", "condition", "sliceIsConstraining",
                              "meaningWhenMissing", "orderMeaning", "representation", "binding", "type", "slicing"}) {
        check(key, mine.value(key, nlohmann::json()), element.value(key, nlohmann::json()));
      }
      for (auto it = element.begin(); it != element.end(); ++it) {
        for (const char* prefix : {"minValue", "maxValue", "defaultValue"}) {
          if (it.key().rfind(prefix, 0) == 0) check(prefix, mine.value(it.key(), nlohmann::json()), it.value());
        }
      }
    }
  }
  for (const auto& id : generated_order) {
    if (official_ids.count(id) == 0) out.push_back({id, "presence", "extra in the generated snapshot"});
  }
  // Order of the elements both have: report the first one out of place.
  std::vector<std::string> common;
  for (const auto& id : generated_order) {
    if (official_ids.count(id) != 0) common.push_back(id);
  }
  for (std::size_t i = 0; i < common.size() && i < official_order.size(); ++i) {
    if (common[i] != official_order[i]) {
      out.push_back({official_order[i], "order", "generated has " + common[i] + " at this position"});
      break;
    }
  }
  return out;
}

std::vector<AcceptedDifference> LoadAcceptedDifferences(const std::string& path) {
  std::vector<AcceptedDifference> out;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    AcceptedDifference entry;
    entry.line = number;
    fields >> entry.profile;
    if (entry.profile == "package") {
      entry.package_only = true;
      fields >> entry.profile;
    }
    fields >> entry.element_id >> entry.field;
    std::getline(fields, entry.reason);
    std::size_t start = entry.reason.find_first_not_of(" \t");
    entry.reason = start == std::string::npos ? std::string() : entry.reason.substr(start);
    if (!entry.field.empty()) out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace pdex::snapshot::testing

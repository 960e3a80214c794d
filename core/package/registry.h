// A registry of FHIR conformance resources (StructureDefinition, ValueSet, CodeSystem, ...) indexed by
// canonical URL, filled from the definitions pack, FHIR packages (folder or uncompressed tar), Bundles
// and single resources.
//
// Ownership: the registry owns every resource it loads; pointers it hands out stay valid for the
// registry's lifetime (resources are never moved or removed). Loading never throws and never
// crashes on bad input: unreadable files, bad JSON and non-resources come back as Issues.
// Thread-safety: loading mutates; once loading is done, concurrent const lookups are safe.
#pragma once

#include "common/issue.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pdex::package {

// The snapshot module's lookup signature (core/snapshot): canonical URL (optionally url|version) ->
// StructureDefinition, or nullptr.
using StructureDefinitionLookup = std::function<const nlohmann::json*(std::string_view canonical_url)>;

// Format tag written by scripts/build-definitions-pack.mjs.
inline constexpr std::string_view kPackFormat = "pdex-definitions-pack/1";

class Registry {
 public:
  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // The definitions pack ({format, fhirVersion, resources: [...]}); `source` names it in issues.
  Issues LoadPackText(std::string_view text, std::string_view source);
  // One resource, or a Bundle whose entries' resources are all loaded.
  Issues LoadResourceText(std::string_view text, std::string_view source);
  // An uncompressed tar in FHIR NPM package layout: loads package/*.json (not package/example/,
  // not package.json or .index.json). Gunzip a .tgz first (package/gunzip.h natively, JS in WASM).
  Issues LoadTar(std::string_view tar_bytes, std::string_view source);
  // Filesystem conveniences (native and Emscripten's virtual FS): a folder of JSON files (a FHIR
  // package folder, or its parent holding package/), a .tar, a .json pack, resource or Bundle.
  Issues LoadFolder(const std::string& dir);
  Issues LoadPath(const std::string& path);

  // Adds one resource (takes ownership). Resources without resourceType are ignored; a later
  // resource with the same type and url replaces the earlier one for plain-url lookups.
  void Add(nlohmann::json resource);

  // Lookups by canonical URL; "url|version" selects a version. nullptr when unknown.
  const nlohmann::json* FindStructureDefinition(std::string_view canonical) const;
  const nlohmann::json* FindValueSet(std::string_view canonical) const;
  const nlohmann::json* FindCodeSystem(std::string_view canonical) const;
  // Any conformance resource type (StructureDefinition, ValueSet, CodeSystem, Questionnaire...).
  const nlohmann::json* Find(std::string_view resource_type, std::string_view canonical) const;
  // The base definition of a FHIR type name (e.g. "Patient", "HumanName", "string").
  const nlohmann::json* FindTypeDefinition(std::string_view type_name) const;

  // Every loaded resource of one type (e.g. all StructureDefinitions), in load order.
  std::vector<const nlohmann::json*> All(std::string_view resource_type) const;

  // A lookup for pdex::snapshot::GenerateSnapshot; valid while this registry lives.
  StructureDefinitionLookup Lookup() const;

  std::size_t size() const { return resources_.size(); }

 private:
  static std::string Key(std::string_view type, std::string_view url);
  Issues LoadFile(const std::string& path, bool quiet_non_resources);

  std::vector<std::unique_ptr<nlohmann::json>> resources_;
  std::unordered_map<std::string, const nlohmann::json*> by_url_;  // "Type url" and "Type url|version"
};

}  // namespace pdex::package

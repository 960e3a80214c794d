#include "validation/contained_references.h"

#include "json/walk.h"

#include <string>

namespace pdex::validation {

using json::AnyString;

const std::unordered_set<std::string_view>& LocalReferenceIndex::Of(const nlohmann::json& scope) {
  const auto emplaced = by_scope_.try_emplace(&scope);
  std::unordered_set<std::string_view>& references = emplaced.first->second;
  if (emplaced.second) {
    AnyString(scope, [&](std::string_view, const std::string& text) {
      if (!text.empty() && text[0] == '#') references.insert(text);
      return false;
    });
  }
  return references;
}

std::optional<bool> ContainedResourcesReferenced(std::string_view expression, const nlohmann::json& resource,
                                                 const nlohmann::json& scope, LocalReferenceIndex& references) {
  const bool corrected = expression == kDom3Corrected;
  if (!corrected && expression != kDom3R4) return std::nullopt;
  const auto contained = resource.find("contained");
  if (contained == resource.end() || !contained->is_array()) return true;
  for (const nlohmann::json& item : *contained) {
    if (!item.is_object()) continue;
    const auto id = item.find("id");
    if (id != item.end() && !id->is_string()) return std::nullopt;  // '#' + a number: FHIRPath's type error
    const bool has_id = id != item.end();
    if (!has_id && !corrected) continue;
    if (has_id) {
      std::string local(1, '#');
      local += id->get_ref<const std::string&>();
      if (references.Of(scope).count(local) > 0) continue;
    }
    // Refers to its container: a reference (or canonical / uri) "#" among its descendants.
    if (!AnyString(item, [](std::string_view, const std::string& text) { return text == "#"; })) return false;
  }
  return true;
}

}  // namespace pdex::validation

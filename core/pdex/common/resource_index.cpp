#include "pdex/common/resource_index.h"

#include "json/fields.h"
#include "pdex/common/codes.h"

#include <cstdint>
#include <unordered_map>
#include <utility>

namespace pdex::pdex_common {
namespace {

Issue Warning(std::string id, std::string diagnostics, std::string expression) {
  return Issue{.severity = Severity::kWarning,
               .code = "invalid",
               .id = std::move(id),
               .diagnostics = std::move(diagnostics),
               .expression = std::move(expression)};
}

// Calls `visit` on every object inside `root` (root included), iteratively.
template <typename Json, typename Visit>
void ForEachObject(Json& root, Visit&& visit) {
  std::vector<Json*> pending{&root};
  while (!pending.empty()) {
    Json* value = pending.back();
    pending.pop_back();
    if (value->is_object()) {
      visit(*value);
      for (auto it = value->begin(); it != value->end(); ++it) {
        if (it->is_structured()) pending.push_back(&*it);
      }
    } else if (value->is_array()) {
      for (auto& item : *value) {
        if (item.is_structured()) pending.push_back(&item);
      }
    }
  }
}

}  // namespace

std::string ResourceKey(const nlohmann::json& resource) {
  const std::string_view type = json::StringAt(resource, "resourceType");
  const std::string_view id = json::StringAt(resource, "id");
  if (type.empty() || id.empty()) return {};
  return std::string(type) + "/" + std::string(id);
}

std::vector<IndexedResource> CollectResources(const nlohmann::json& input, std::string_view where, Issues& issues) {
  std::vector<IndexedResource> out;
  std::unordered_map<std::string, std::size_t> position;
  auto add = [&](const nlohmann::json& resource, std::string full_url, const std::string& location) {
    std::string key = ResourceKey(resource);
    if (key.empty()) {
      issues.push_back(Warning("resource-set.skipped",
                               std::string(where) + ": an item without resourceType and id was skipped", location));
      return;
    }
    const auto [it, inserted] = position.emplace(key, out.size());
    if (!inserted) {
      issues.push_back(Warning("resource-set.duplicate",
                               std::string(where) + ": " + key + " appears more than once; the later copy is used",
                               location));
      out[it->second] = IndexedResource{resource, std::move(full_url), std::move(key)};
      return;
    }
    out.push_back(IndexedResource{resource, std::move(full_url), std::move(key)});
  };
  if (json::StringAt(input, "resourceType") == "Bundle") {
    const nlohmann::json* entries = json::ArrayAt(input, "entry");
    if (entries == nullptr) return out;
    for (std::size_t i = 0; i < entries->size(); ++i) {
      const nlohmann::json& entry = (*entries)[i];
      const nlohmann::json* resource = json::ObjectAt(entry, "resource");
      if (resource == nullptr) continue;  // a transaction-response entry without resource, a deleted entry
      std::string location = "Bundle.entry[";  // appended piecewise: g++ 12 -Wrestrict misfires on a + chain here
      location += std::to_string(i);
      location += "].resource";
      add(*resource, std::string(json::StringAt(entry, "fullUrl")), location);
    }
  } else if (input.is_array()) {
    for (std::size_t i = 0; i < input.size(); ++i) {
      std::string location = "[";
      location += std::to_string(i);
      location += "]";
      add(input[i], "", location);
    }
  } else if (input.is_object()) {
    add(input, "", "");
  }
  return out;
}

void ForEachReference(const nlohmann::json& resource, const std::function<void(const std::string&)>& visit) {
  ForEachObject(resource, [&](const nlohmann::json& object) {
    const auto it = object.find("reference");
    if (it != object.end() && it->is_string()) visit(it->template get_ref<const std::string&>());
  });
}

void RewriteReferences(nlohmann::json& resource, const std::function<void(std::string&)>& rewrite) {
  ForEachObject(resource, [&](nlohmann::json& object) {
    const auto it = object.find("reference");
    if (it != object.end() && it->is_string()) rewrite(it->template get_ref<std::string&>());
  });
}

int MaskReferences(nlohmann::json& resource, const std::function<bool(const std::string&)>& withheld) {
  int masked = 0;
  ForEachObject(resource, [&](nlohmann::json& object) {
    const auto it = object.find("reference");
    if (it == object.end() || !it->is_string() || !withheld(it->template get_ref<const std::string&>())) return;
    // data-absent-reason#masked: "the information is not available because of security, privacy or
    // related reasons" (THO). Replacing the whole object also drops display and identifier.
    object = nlohmann::json{{"extension", nlohmann::json::array({{{"url", pdex_codes::kDataAbsentReasonExtension},
                                                                  {"valueCode", "masked"}}})}};
    ++masked;
  });
  return masked;
}

int DropReferences(nlohmann::json& resource, const std::function<bool(const std::string&)>& drop) {
  int dropped = 0;
  ForEachObject(resource, [&](nlohmann::json& object) {
    const auto it = object.find("reference");
    if (it == object.end() || !it->is_string() || !drop(it->template get_ref<const std::string&>())) return;
    object.erase(it);
    if (object.empty()) {
      object["extension"] = nlohmann::json::array({{{"url", pdex_codes::kDataAbsentReasonExtension}, {"valueCode", "unknown"}}});
    }
    ++dropped;
  });
  return dropped;
}

}  // namespace pdex::pdex_common

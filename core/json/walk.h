// Visiting every string value of a JSON document, iteratively: nesting depth costs no stack.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pdex::json {

// Calls `visit(name, text)` for each string in `json`, where `name` is the member the string is the
// value of (for an array item, the array's member; "" for the document itself). Stops as soon as
// `visit` returns true, and then returns true.
template <typename Visit>
bool AnyString(const nlohmann::json& json, Visit&& visit) {
  std::vector<std::pair<const nlohmann::json*, std::string_view>> pending{{&json, std::string_view()}};
  while (!pending.empty()) {
    const auto [value, name] = pending.back();
    pending.pop_back();
    if (value->is_string()) {
      if (visit(name, value->get_ref<const std::string&>())) return true;
    } else if (value->is_object()) {
      for (auto it = value->begin(); it != value->end(); ++it) pending.emplace_back(&it.value(), it.key());
    } else if (value->is_array()) {
      for (const nlohmann::json& item : *value) pending.emplace_back(&item, name);
    }
  }
  return false;
}

}  // namespace pdex::json

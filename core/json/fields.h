// Typed reads of one member of a JSON object that never throw: a member that is absent, null or of
// another type (or a value that is no object) reads as empty / null / false. Keys are string_views,
// so a look-up neither allocates nor measures a C string per comparison.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace pdex::json {

inline const nlohmann::json* MemberAt(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it != object.end() ? &*it : nullptr;
}

inline std::string_view StringAt(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = MemberAt(object, key);
  return member != nullptr && member->is_string() ? std::string_view(member->get_ref<const std::string&>())
                                                  : std::string_view();
}

inline const nlohmann::json* ArrayAt(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = MemberAt(object, key);
  return member != nullptr && member->is_array() ? member : nullptr;
}

inline const nlohmann::json* ObjectAt(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = MemberAt(object, key);
  return member != nullptr && member->is_object() ? member : nullptr;
}

inline bool BoolAt(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* member = MemberAt(object, key);
  return member != nullptr && member->is_boolean() && member->get<bool>();
}

}  // namespace pdex::json

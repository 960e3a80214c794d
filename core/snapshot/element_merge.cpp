#include "snapshot/element_merge.h"

#include <cstdlib>
#include <string_view>

#include "snapshot/element_id.h"

namespace pdex::snapshot {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

constexpr long kUnbounded = -1;
constexpr long kInvalidMax = -2;

// Upper bound as a number: kUnbounded for "*", kInvalidMax for anything that is not a max string.
long MaxValue(const nlohmann::json& max) {
  if (!max.is_string()) return kInvalidMax;
  const std::string& text = max.get_ref<const std::string&>();
  if (text == "*") return kUnbounded;
  if (text.empty() || text.size() > 9) return kInvalidMax;
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  return (end != nullptr && *end == '\0' && value >= 0) ? value : kInvalidMax;
}

void AppendUnique(nlohmann::json& target, const char* key, const nlohmann::json& values) {
  if (!values.is_array()) return;
  nlohmann::json& list = target[key];
  if (!list.is_array()) list = nlohmann::json::array();
  for (const auto& value : values) {
    bool present = false;
    for (const auto& existing : list) present = present || existing == value;
    if (!present) list.push_back(value);
  }
}

// Constraints accumulate; a differential constraint with the key of an inherited one replaces it.
void MergeConstraints(nlohmann::json& target, const nlohmann::json& values, const std::string& source) {
  if (!values.is_array()) return;
  nlohmann::json& list = target["constraint"];
  if (!list.is_array()) list = nlohmann::json::array();
  for (const auto& value : values) {
    if (!value.is_object()) continue;
    nlohmann::json constraint = value;
    if (!constraint.contains("source") && !source.empty()) constraint["source"] = source;
    bool replaced = false;
    for (auto& existing : list) {
      if (existing.is_object() && existing.value("key", std::string()) == constraint.value("key", std::string("#"))) {
        existing = constraint;
        replaced = true;
      }
    }
    if (!replaced) list.push_back(constraint);
  }
}

// A binding with a value set replaces the inherited one; one without (strength or description only)
// refines it.
void MergeBinding(nlohmann::json& target, const nlohmann::json& binding) {
  if (!binding.is_object()) return;
  if (binding.contains("valueSet") || !target.contains("binding") || !target["binding"].is_object()) {
    target["binding"] = binding;
    return;
  }
  for (auto it = binding.begin(); it != binding.end(); ++it) target["binding"][it.key()] = it.value();
}

void MergeSlicing(nlohmann::json& target, const nlohmann::json& slicing) {
  if (!slicing.is_object()) return;
  if (!target.contains("slicing") || !target["slicing"].is_object()) {
    target["slicing"] = slicing;
    return;
  }
  for (auto it = slicing.begin(); it != slicing.end(); ++it) target["slicing"][it.key()] = it.value();
}

// Element extensions: a differential extension replaces an inherited one with the same url.
void MergeExtensions(nlohmann::json& target, const nlohmann::json& extensions) {
  if (!extensions.is_array()) return;
  nlohmann::json& list = target["extension"];
  if (!list.is_array()) list = nlohmann::json::array();
  for (const auto& extension : extensions) {
    std::string url = StringMember(extension, "url");
    bool replaced = false;
    for (auto& existing : list) {
      if (!url.empty() && StringMember(existing, "url") == url) {
        existing = extension;
        replaced = true;
        break;
      }
    }
    if (!replaced) list.push_back(extension);
  }
}

// An element typed by a profile takes that profile's root invariants (so a validator walking this
// snapshot checks them: e.g. Bundle.entry:Claim.resource gets dom-2..dom-6, a SimpleQuantity value
// gets sqty-1); one typed by an extension profile also takes its documentation. Both happen
// before the differential's own properties apply, as in Java ProfileUtilities.
void ApplyTypeProfileRoot(nlohmann::json& element, const nlohmann::json& diff, const MergeContext& context) {
  if (context.lookup == nullptr || !*context.lookup) return;
  auto types = diff.find("type");
  if (types == diff.end() || !types->is_array() || types->size() != 1) return;
  const nlohmann::json& type = (*types)[0];
  auto profiles = type.find("profile");
  if (!type.is_object() || profiles == type.end() || !profiles->is_array() || profiles->size() != 1 ||
      !(*profiles)[0].is_string()) {
    return;
  }
  const nlohmann::json* profile = (*context.lookup)((*profiles)[0].get<std::string>());
  if (profile == nullptr || !profile->is_object()) return;
  auto snapshot = profile->find("snapshot");
  if (snapshot == profile->end() || !snapshot->is_object()) return;
  auto elements = snapshot->find("element");
  if (elements == snapshot->end() || !elements->is_array() || elements->empty()) return;
  const nlohmann::json& root = (*elements)[0];
  if (StringMember(type, "code") == "Extension") {
    // The extension's own documentation and summary flags replace the generic Extension element's.
    for (const char* key :
         {"short", "definition", "comment", "requirements", "alias", "mapping", "condition", "isSummary"}) {
      auto it = root.find(key);
      if (it != root.end()) {
        element[key] = *it;
      } else {
        element.erase(key);
      }
    }
  }
  auto constraints = root.find("constraint");
  if (constraints == root.end() || !constraints->is_array()) return;
  nlohmann::json& list = element["constraint"];
  if (!list.is_array()) list = nlohmann::json::array();
  for (const auto& constraint : *constraints) {
    const std::string key = StringMember(constraint, "key");
    bool present = false;
    for (const auto& existing : list) present = present || StringMember(existing, "key") == key;
    if (!present) list.push_back(constraint);
  }
}

void CheckCardinality(const nlohmann::json& element, const nlohmann::json& diff, const MergeContext& context) {
  if (context.issues == nullptr) return;
  std::string id = StringMember(element, "id");
  auto add = [&](const std::string& text) {
    Issue issue;
    issue.severity = Severity::kWarning;
    issue.code = "invalid";
    issue.id = "snapshot.cardinality-widened";
    issue.diagnostics = text;
    issue.expression = id;
    context.issues->push_back(std::move(issue));
  };
  auto base_min = element.find("min");
  auto diff_min = diff.find("min");
  if (base_min != element.end() && diff_min != diff.end() && base_min->is_number_integer() &&
      diff_min->is_number_integer() && diff_min->get<long>() < base_min->get<long>()) {
    add("differential min " + diff_min->dump() + " is below the base min " + base_min->dump());
  }
  auto base_max = element.find("max");
  auto diff_max = diff.find("max");
  if (base_max != element.end() && diff_max != diff.end()) {
    long base_value = MaxValue(*base_max);
    long diff_value = MaxValue(*diff_max);
    if (base_value >= 0 && diff_value != kInvalidMax && (diff_value == kUnbounded || diff_value > base_value)) {
      add("differential max " + diff_max->dump() + " is above the base max " + base_max->dump());
    }
  }
}

// A constraint can only narrow its base: a fixed value the base already fixes cannot change (Java's
// "Value is ... but is fixed to ... in the profile"). Generation goes on with the profile's value.
void CheckFixedKept(const nlohmann::json& element, const std::string& key, const nlohmann::json& value,
                    const MergeContext& context) {
  if (context.issues == nullptr || !StartsWith(key, "fixed")) return;
  for (auto existing = element.begin(); existing != element.end(); ++existing) {
    if (!StartsWith(existing.key(), "fixed") || (existing.key() == key && existing.value() == value)) continue;
    auto shown = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    Issue issue;
    issue.code = "value";
    issue.id = "snapshot.fixed-changed";
    issue.diagnostics = StringMember(element, "id") + ": value is '" + shown(value) + "' but is fixed to '" +
                        shown(existing.value()) + "' in the base definition";
    issue.expression = StringMember(element, "id");
    context.issues->push_back(std::move(issue));
    return;
  }
}

// Types that can carry a terminology binding (R4 terminologies.html#binding, ElementDefinition eld-11).
bool IsBindable(const nlohmann::json& element) {
  auto types = element.find("type");
  if (types == element.end() || !types->is_array() || types->empty()) return true;
  for (const auto& type : *types) {
    const std::string code = StringMember(type, "code");
    if (code == "code" || code == "Coding" || code == "CodeableConcept" || code == "Quantity" || code == "string" ||
        code == "uri" || code == "CodeableReference") {
      return true;
    }
  }
  return false;
}

}  // namespace

void MergeElement(nlohmann::json& element, const nlohmann::json& diff, const MergeContext& context) {
  if (!diff.is_object() || !element.is_object()) return;
  CheckCardinality(element, diff, context);
  ApplyTypeProfileRoot(element, diff, context);
  for (auto it = diff.begin(); it != diff.end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& value = it.value();
    if (key == "id" || key == "path") continue;  // the snapshot keeps its own id and (unrenamed) path
    if (key == "alias" || key == "condition" || key == "mapping") {
      AppendUnique(element, key.c_str(), value);
    } else if (key == "constraint") {
      MergeConstraints(element, value, context.profile_url);
    } else if (key == "binding") {
      continue;  // after the types, below
    } else if (key == "slicing") {
      MergeSlicing(element, value);
    } else if (key == "extension") {
      MergeExtensions(element, value);
    } else if (StartsWith(key, "fixed") || StartsWith(key, "pattern")) {
      CheckFixedKept(element, key, value, context);
      // Only one fixed[x]/pattern[x] can hold; the profile's replaces an inherited one of the other kind.
      std::string prefix = StartsWith(key, "fixed") ? "fixed" : "pattern";
      for (auto existing = element.begin(); existing != element.end();) {
        if (StartsWith(existing.key(), prefix) && existing.key() != key) {
          existing = element.erase(existing);
        } else {
          ++existing;
        }
      }
      element[key] = value;
    } else {
      element[key] = value;
    }
  }
  // Java ProfileUtilities ignores a binding on an element that cannot be bound (e.g. an extension
  // slice: the binding belongs inside the extension's value), so the snapshot does not carry it.
  auto binding = diff.find("binding");
  if (binding != diff.end() && IsBindable(element)) MergeBinding(element, *binding);
}

}  // namespace pdex::snapshot

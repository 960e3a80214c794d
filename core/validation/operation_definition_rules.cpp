// OperationDefinition rules (R4 operationdefinition.html: inputProfile / outputProfile "SHALL be
// consistent with the parameters", as the HL7 Java validator's OperationDefinitionValidator checks):
// each `Parameters.parameter` slice of the profile, named by its fixed/pattern `name`, matches the
// operation's parameter of that name and use: the same min and max, the same types (of `value[x]`
// or `resource`, whichever the slice uses) and the same target profiles. Types are compared only
// where the profile's differential constrains them (an unconstrained value[x] allows every type,
// which the Java validator would report type by type). A slice without a parameter,
// or a parameter without a slice, is a warning; an unresolvable profile, or one not on Parameters, is a
// warning (nothing compared).
// `part` (nested parameters) is not compared.
#include "validation/resource_rules.h"

#include "validation/walker.h"

#include <algorithm>
#include <limits>
#include <set>
#include <vector>

namespace pdex::validation::internal {
namespace {

const nlohmann::json* ElementById(const nlohmann::json& elements, const std::string& id) {
  for (const nlohmann::json& element : elements) {
    if (StringAt(element, "id") == id) return &element;
  }
  return nullptr;
}

// The first fixed[x] / pattern[x] string of an element (the slice's parameter name).
std::string FixedString(const nlohmann::json& element) {
  for (const auto& [key, value] : element.items()) {
    if ((key.rfind("fixed", 0) == 0 || key.rfind("pattern", 0) == 0) && value.is_string()) return value.get<std::string>();
  }
  return {};
}

long long MaxOf(std::string_view max) {
  if (max == "*") return std::numeric_limits<long long>::max();
  if (max.empty() || max.find_first_not_of("0123456789") != std::string_view::npos || max.size() > 9) return -1;
  return std::stoll(std::string(max));
}

// `items` as a list for messages; "(none)" when empty.
std::string Join(const std::vector<std::string>& items) { return items.empty() ? "(none)" : JoinList(items); }

class ProfileComparison {
 public:
  ProfileComparison(const nlohmann::json& operation, const nlohmann::json* differential, const RuleContext& context,
                    std::string use, std::string url)
      : operation_(operation), differential_(differential), context_(context), use_(std::move(use)), url_(std::move(url)) {}

  void Run(const nlohmann::json& elements) {
    const nlohmann::json* params = ArrayAt(operation_, "parameter");
    std::set<std::size_t> matched;
    for (const nlohmann::json& slice : elements) {
      const std::string id(StringAt(slice, "id"));
      if (StringAt(slice, "path") != "Parameters.parameter" || StringAt(slice, "sliceName").empty() ||
          StringAt(slice, "sliceName").find('/') != std::string_view::npos) {
        continue;
      }
      const nlohmann::json* name_element = ElementById(elements, id + ".name");
      const std::string name = name_element == nullptr ? std::string() : FixedString(*name_element);
      if (name.empty()) continue;
      std::size_t index = 0;
      while (params != nullptr && index < params->size() &&
             (StringAt((*params)[index], "name") != name || StringAt((*params)[index], "use") != use_)) {
        ++index;
      }
      if (params == nullptr || index == params->size()) {
        Warn(context_.location + "." + use_ + "putProfile",
             "The '" + use_ + "' profile " + url_ + " defines a parameter '" + name +
                 "' but this is not in the parameters list in the operation definition");
        continue;
      }
      matched.insert(index);
      Compare(elements, slice, (*params)[index], name, Indexed(context_.location, "parameter", index));
    }
    for (std::size_t i = 0; params != nullptr && i < params->size(); ++i) {
      if (matched.count(i) != 0 || StringAt((*params)[i], "use") != use_) continue;
      Warn(Indexed(context_.location, "parameter", i), "The '" + use_ + "' profile does not have a parameter '" +
                                                            std::string(StringAt((*params)[i], "name")) +
                                                            "' but it is in the parameters list in the operation definition");
    }
  }

 private:
  void Error(const std::string& location, std::string text) {
    context_.report(location, Severity::kError, "invalid", "validator.operationdefinition-profile", std::move(text));
  }
  void Warn(const std::string& location, std::string text) {
    context_.report(location, Severity::kWarning, "invalid", "validator.operationdefinition-profile", std::move(text));
  }

  void Compare(const nlohmann::json& elements, const nlohmann::json& slice, const nlohmann::json& param,
               const std::string& name, const std::string& location) {
    const std::string in_profile = " in the '" + use_ + "' profile " + url_;
    const auto param_min = param.find("min");
    const auto slice_min = slice.find("min");
    if (param_min != param.end() && slice_min != slice.end() && param_min->is_number_integer() &&
        slice_min->is_number_integer() && *param_min != *slice_min) {
      Error(location, "The parameter '" + name + "' has min " + slice_min->dump() + in_profile + " but " +
                          param_min->dump() + " in the operation definition");
    }
    const long long param_max = MaxOf(StringAt(param, "max"));
    const long long slice_max = MaxOf(StringAt(slice, "max"));
    if (param_max >= 0 && slice_max >= 0 && param_max != slice_max) {
      Error(location, "The parameter '" + name + "' has max " + std::string(StringAt(slice, "max")) + in_profile + " but " +
                          std::string(StringAt(param, "max")) + " in the operation definition");
    }
    // The operation's types and target profiles.
    std::vector<std::string> allowed_types;
    if (!StringAt(param, "type").empty()) allowed_types.emplace_back(StringAt(param, "type"));
    std::vector<std::string> allowed_targets;
    const nlohmann::json* targets = ArrayAt(param, "targetProfile");
    for (std::size_t i = 0; targets != nullptr && i < targets->size(); ++i) {
      if ((*targets)[i].is_string()) allowed_targets.push_back((*targets)[i].get<std::string>());
    }
    // The profile's: from value[x] and/or resource, whichever the slice can use.
    const std::string id(StringAt(slice, "id"));
    const nlohmann::json* value = ElementById(elements, id + ".value[x]");
    const nlohmann::json* resource = ElementById(elements, id + ".resource");
    const nlohmann::json* part = ElementById(elements, id + ".part");
    // A slice uses value[x] or resource unless it prohibits it (max 0; some profiles write the number
    // 0) or requires one of the others.
    auto used = [](const nlohmann::json* focus, const nlohmann::json* other1, const nlohmann::json* other2) {
      auto min_of = [](const nlohmann::json* e) { return e == nullptr ? 0 : e->value("min", 0); };
      const bool prohibited = focus != nullptr && focus->contains("max") && ((*focus)["max"] == "0" || (*focus)["max"] == 0);
      return focus != nullptr && !prohibited && min_of(other1) == 0 && min_of(other2) == 0;
    };
    auto typed = [&](const std::string& element_id) {
      const nlohmann::json* constrained = differential_ == nullptr ? nullptr : ElementById(*differential_, element_id);
      return constrained != nullptr && constrained->contains("type");
    };
    const bool value_typed = typed(id + ".value[x]");
    const bool resource_typed = typed(id + ".resource");
    if (!value_typed && !resource_typed) return;  // the profile does not say: nothing to compare
    std::vector<std::string> profile_types;
    std::vector<std::string> profile_targets;
    for (const nlohmann::json* element : {used(value, resource, part) && value_typed ? value : nullptr,
                                          used(resource, value, part) && resource_typed ? resource : nullptr}) {
      const nlohmann::json* types = element == nullptr ? nullptr : ArrayAt(*element, "type");
      for (std::size_t i = 0; types != nullptr && i < types->size(); ++i) {
        const std::string type(StringAt((*types)[i], "code"));
        profile_types.push_back(type);
        if (!allowed_types.empty() && !Contains(allowed_types, type)) {
          Error(location, "The type '" + type + "' is allowed for the parameter '" + name + "'" + in_profile +
                              " but is not in the list of allowed types for the parameter in the operation definition: " +
                              Join(allowed_types));
        }
        const nlohmann::json* profiles = ArrayAt((*types)[i], "targetProfile");
        for (std::size_t j = 0; profiles != nullptr && j < profiles->size(); ++j) {
          if ((*profiles)[j].is_string()) profile_targets.push_back((*profiles)[j].get<std::string>());
        }
      }
    }
    for (const std::string& type : allowed_types) {
      if (Contains(profile_types, type)) continue;
      Error(location, "The type '" + type + "' is not allowed for the parameter '" + name + "'" + in_profile +
                          " but is in the list of allowed types for the parameter in the operation definition "
                          "(allowed types = " + Join(profile_types) + ")");
    }
    for (const std::string& target : allowed_targets) {
      if (Contains(profile_targets, target)) continue;
      Error(location, "The target profile '" + target + "' is not allowed for the parameter '" + name + "'" +
                          in_profile + " but is in the list of target profiles for the parameter in the operation "
                          "definition (profile target profiles = " + Join(profile_targets) + ")");
    }
    for (const std::string& target : profile_targets) {
      if (Contains(allowed_targets, target)) continue;
      Error(location, "The target profile '" + target + "' is allowed for the parameter '" + name + "'" + in_profile +
                          " but is not in the list of target profiles for the parameter in the operation definition");
    }
  }

  const nlohmann::json& operation_;
  const nlohmann::json* differential_;  // the profile's differential elements (what it constrains)
  const RuleContext& context_;
  const std::string use_;  // "in" / "out"
  const std::string url_;
};

}  // namespace

void CheckOperationDefinitionRules(const nlohmann::json& operation, const RuleContext& context) {
  for (const char* use : {"in", "out"}) {
    const std::string key = std::string(use) + "putProfile";
    const std::string_view url = StringAt(operation, key.c_str());
    if (url.empty()) continue;
    const std::string location = context.location + "." + key;
    const nlohmann::json* profile = context.validator.registry().FindStructureDefinition(url);
    if (profile == nullptr) {
      context.report(location, Severity::kWarning, "not-found", "validator.operationdefinition-profile",
                     "The '" + std::string(use) + "' profile " + std::string(url) +
                         " could not be found, so the parameters cannot be compared with it");
      continue;
    }
    // R4 says the profile constrains Parameters; Da Vinci PAS publishes Bundle profiles here (the
    // operation's single resource parameter as the body), so this is only a warning (Java: error).
    if (StringAt(*profile, "type") != "Parameters") {
      context.report(location, Severity::kWarning, "invalid", "validator.operationdefinition-profile",
                     "The '" + std::string(use) + "' profile " + std::string(url) +
                         " is not a profile on Parameters, so the parameters cannot be compared with it");
      continue;
    }
    const snapshot::SnapshotResult generated = profile->contains("snapshot") ? snapshot::SnapshotResult{*profile, {}, true}
                                                                             : context.validator.GenerateSnapshot(*profile);
    const auto snapshot = generated.structure_definition.find("snapshot");
    const nlohmann::json* elements =
        snapshot == generated.structure_definition.end() ? nullptr : ArrayAt(*snapshot, "element");
    const auto differential = profile->find("differential");
    const nlohmann::json* constrained =
        differential == profile->end() ? nullptr : ArrayAt(*differential, "element");
    if (elements != nullptr) ProfileComparison(operation, constrained, context, use, std::string(url)).Run(*elements);
  }
}

}  // namespace pdex::validation::internal

// Slicing (http://hl7.org/fhir/R4/profiling.html#slicing): assigning each occurrence of a sliced
// element to a slice by its discriminators, then checking rules, order and slice cardinality.
#include "validation/walker.h"

#include <algorithm>

namespace pdex::validation::internal {
namespace {

// Splits a discriminator path on '.', keeping "extension('http://a.b/c')" whole.
std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  std::string current;
  int parens = 0;
  bool quoted = false;
  for (const char c : path) {
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == '(') ++parens;
    if (!quoted && c == ')') --parens;
    if (c == '.' && parens == 0 && !quoted) {
      segments.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) segments.push_back(std::move(current));
  return segments;
}

// The quoted argument of "extension('url')", or empty.
std::string ExtensionArgument(std::string_view segment) {
  if (segment.substr(0, 11) != "extension('" || segment.size() < 14) return {};
  return std::string(segment.substr(11, segment.size() - 13));
}

struct DefLocation {
  const ElementIndex* index = nullptr;
  int node = -1;
  bool resolved = false;  // the path went through resolve()
};

// The single profile (or else the type) an element refers to, as an index to descend into.
const ElementIndex* TypeIndex(const Validator& validator, const ElementNode& node, const SnapshotGenerator& generator) {
  if (const auto types = node.element->find("type"); types != node.element->end() && types->is_array() && types->size() == 1) {
    const nlohmann::json& type = (*types)[0];
    if (const auto profiles = type.find("profile"); profiles != type.end() && profiles->is_array() && profiles->size() == 1 &&
        (*profiles)[0].is_string()) {
      std::string problem;
      if (const ElementIndex* index = validator.IndexFor((*profiles)[0].get<std::string>(), generator, problem)) return index;
    }
    if (const nlohmann::json* sd = validator.registry().FindTypeDefinition(StringAt(type, "code"))) {
      return validator.IndexForDefinition(*sd);
    }
  }
  return nullptr;
}

DefLocation FindDefinition(const Validator& validator, const ElementIndex& index, int slice, std::string_view path,
                           const SnapshotGenerator& generator) {
  DefLocation at{&index, slice};
  for (const std::string& segment : SplitPath(path)) {
    if (segment == "$this" || segment.substr(0, 7) == "ofType(") continue;
    if (segment == "resolve()") {
      at.resolved = true;
      continue;
    }
    const std::string extension_url = ExtensionArgument(segment);
    const std::string name = extension_url.empty() ? segment : "extension";
    int child = at.index->FindChild(at.node, name);
    if (child < 0 && at.index->node(at.node).children.empty()) {
      const ElementIndex* type_index = TypeIndex(validator, at.index->node(at.node), generator);
      if (type_index == nullptr) return {};
      at.index = type_index;
      child = type_index->FindChild(0, name);
    }
    if (child < 0) return {};
    at.node = child;
    if (!extension_url.empty()) {
      bool found = false;
      for (const int s : at.index->node(child).slices) {
        const auto types = at.index->node(s).element->find("type");
        if (types != at.index->node(s).element->end() && types->dump().find("\"" + extension_url + "\"") != std::string::npos) {
          at.node = s;
          found = true;
          break;
        }
      }
      if (!found) {
        std::string problem;
        const ElementIndex* extension = validator.IndexFor(extension_url, generator, problem);
        if (extension == nullptr) return {};
        at = DefLocation{extension, 0, at.resolved};
      }
    }
  }
  return at;
}

// Fixed or pattern values that a value discriminator path reaches through the required slices of a
// sliced element on the way, when the path's own element fixes nothing: bp's component slices are
// told apart by "code.coding.code", whose value sits on the coding:SBPCode slice (min 1) as in the
// HL7 Java validator. Each value found must be matched by the item.
std::vector<std::pair<const nlohmann::json*, bool>> RequiredSliceValues(const ElementIndex& index, int slice,
                                                                          std::string_view path) {
  std::vector<std::pair<const nlohmann::json*, bool>> values;
  const std::vector<std::string> segments = SplitPath(path);
  int node = slice;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const int child = index.FindChild(node, segments[i]);
    if (child < 0) return values;
    for (const int required : index.node(child).slices) {
      if (index.node(required).min < 1) continue;
      int at = required;
      for (std::size_t j = i + 1; j < segments.size() && at >= 0; ++j) at = index.FindChild(at, segments[j]);
      bool is_pattern = false;
      const nlohmann::json* expected = at >= 0 ? FixedOrPattern(*index.node(at).element, is_pattern) : nullptr;
      if (expected != nullptr) values.emplace_back(expected, is_pattern);
    }
    node = child;
  }
  return values;
}

// Values at a discriminator path; `supported` false when the path needs something we cannot do.
std::vector<const nlohmann::json*> Navigate(const nlohmann::json& start, std::string_view path, bool& supported,
                                            const ResourceFrame& frame) {
  std::vector<const nlohmann::json*> current{&start};
  for (const std::string& segment : SplitPath(path)) {
    if (segment == "$this" || segment.substr(0, 7) == "ofType(") continue;
    std::vector<const nlohmann::json*> next;
    if (segment == "resolve()") {
      for (const nlohmann::json* value : current) {
        const std::string_view reference = StringAt(*value, "reference");
        if (reference.empty()) continue;
        if (reference[0] == '#' && frame.container != nullptr) {
          if (const auto contained = frame.container->find("contained");
              contained != frame.container->end() && contained->is_array()) {
            for (const nlohmann::json& resource : *contained) {
              if (StringAt(resource, "id") == reference.substr(1)) next.push_back(&resource);
            }
          }
        } else if (frame.bundle != nullptr) {
          const std::string key(reference);
          if (const auto it = frame.bundle->by_full_url.find(key); it != frame.bundle->by_full_url.end()) {
            next.push_back(it->second);
          } else if (const auto by_id = frame.bundle->by_type_id.find(key); by_id != frame.bundle->by_type_id.end()) {
            next.push_back(by_id->second);
          }
        } else {
          supported = false;
        }
      }
      current = std::move(next);
      continue;
    }
    const std::string extension_url = ExtensionArgument(segment);
    const std::string name = extension_url.empty() ? segment : "extension";
    for (const nlohmann::json* value : current) {
      if (!value->is_object()) continue;
      auto add = [&](const nlohmann::json& found) {
        if (found.is_array()) {
          for (const nlohmann::json& item : found) next.push_back(&item);
        } else {
          next.push_back(&found);
        }
      };
      if (const auto it = value->find(name); it != value->end()) {
        add(*it);
      } else {
        // A choice element named without its type suffix ("value" for valueQuantity).
        for (auto it2 = value->begin(); it2 != value->end(); ++it2) {
          const std::string& key = it2.key();
          if (key.size() > name.size() && key.compare(0, name.size(), name) == 0 && key[name.size()] >= 'A' &&
              key[name.size()] <= 'Z') {
            add(it2.value());
          }
        }
      }
    }
    if (!extension_url.empty()) {
      std::erase_if(next, [&](const nlohmann::json* e) { return StringAt(*e, "url") != extension_url; });
    }
    current = std::move(next);
  }
  return current;
}

// (system, code) pairs of a code, Coding or CodeableConcept value.
std::vector<std::pair<std::string, std::string>> CodesOf(const nlohmann::json& value) {
  std::vector<std::pair<std::string, std::string>> codes;
  if (value.is_string()) {
    codes.emplace_back("", value.get<std::string>());
  } else if (const auto codings = value.is_object() ? value.find("coding") : value.end();
             value.is_object() && codings != value.end() && codings->is_array()) {
    for (const nlohmann::json& coding : *codings) codes.emplace_back(StringAt(coding, "system"), StringAt(coding, "code"));
  } else if (!StringAt(value, "code").empty()) {
    codes.emplace_back(StringAt(value, "system"), StringAt(value, "code"));
  }
  return codes;
}

}  // namespace

bool Walker::ValidatesCleanly(const Item& item, const ElementIndex& index, int node, ResourceFrame& frame,
                              std::size_t depth) {
  Issues scratch;
  Issues* saved = issues_;
  const bool saved_too_many = too_many_;
  issues_ = &scratch;
  ValidateItem(item, index, node, frame, depth);
  issues_ = saved;
  too_many_ = saved_too_many;
  return !HasErrors(scratch);
}

bool Walker::SliceMatches(const Item& item, const ElementIndex& index, int slice, const nlohmann::json& discriminators,
                          ResourceFrame& frame, std::size_t depth) {
  if (item.value == nullptr) return false;
  if (!discriminators.is_array() || discriminators.empty()) {
    return ValidatesCleanly(item, index, slice, frame, depth);  // no discriminator: R4 says "by validation"
  }
  for (const nlohmann::json& discriminator : discriminators) {
    const std::string_view type = StringAt(discriminator, "type");
    const std::string_view path = StringAt(discriminator, "path");
    const DefLocation at = FindDefinition(validator_, index, slice, path, options_.snapshot_generator);
    // The slice does not define the discriminator element: it puts no constraint there.
    if (at.index == nullptr) continue;
    const ElementNode& def = at.index->node(at.node);
    bool supported = true;
    const std::vector<const nlohmann::json*> values = Navigate(*item.value, path, supported, frame);
    if (type == "value" || type == "pattern") {
      bool is_pattern = false;
      const nlohmann::json* expected = FixedOrPattern(*def.element, is_pattern);
      if (expected == nullptr) {
        const auto binding = def.element->find("binding");
        if (binding != def.element->end() && !StringAt(*binding, "valueSet").empty() &&
            StringAt(*binding, "strength") == "required") {
          // A value discriminator on an element with a required binding: the code must be in the
          // value set. When the local terminology cannot tell, the slice is assumed to match (the
          // alternative would report every such element as unmatched). Weaker bindings (e.g. the
          // example binding a slice inherits from the base) do not tell slices apart.
          bool any = false;
          for (const nlohmann::json* value : values) {
            for (const auto& [system, code] : CodesOf(*value)) {
              const auto check = validator_.terminology().CheckCode(StringAt(*binding, "valueSet"), system, code);
              any = any || check.membership != terminology::Membership::kNotMember;
            }
          }
          if (!any) return false;
          continue;
        }
        for (const auto& [required, required_is_pattern] : RequiredSliceValues(index, slice, path)) {
          bool any = false;
          for (const nlohmann::json* value : values) {
            any = any || (required_is_pattern ? MatchesPattern(*required, *value) : MatchesFixed(*required, *value));
          }
          if (!any) return false;
        }
        continue;  // otherwise this slice puts no value on the discriminator path: it does not constrain it
      }
      bool any = false;
      for (const nlohmann::json* value : values) {
        any = any || (is_pattern ? MatchesPattern(*expected, *value) : MatchesFixed(*expected, *value));
      }
      if (!any) return false;
    } else if (type == "exists") {
      if (def.min >= 1 && values.empty()) return false;
      if (def.max == 0 && !values.empty()) return false;
    } else if (type == "type") {
      std::string actual;
      if (path == "$this" || path.empty()) {
        actual = item.value->is_object() && !StringAt(*item.value, "resourceType").empty()
                     ? std::string(StringAt(*item.value, "resourceType")) : item.type;
      } else if (values.size() == 1 && !StringAt(*values[0], "resourceType").empty()) {
        actual = std::string(StringAt(*values[0], "resourceType"));
      }
      if (actual.empty()) {
        if (!ValidatesCleanly(item, index, slice, frame, depth)) return false;
        continue;
      }
      bool any = false;
      if (at.resolved) {
        // resolve(): the resource's type is that of one of the slice's target profiles (none: any).
        const nlohmann::json* types = ArrayAt(*def.element, "type");
        for (std::size_t i = 0; types != nullptr && i < types->size() && !any; ++i) {
          const nlohmann::json* targets = ArrayAt((*types)[i], "targetProfile");
          if (targets == nullptr) any = true;
          for (std::size_t k = 0; targets != nullptr && k < targets->size() && !any; ++k) {
            const std::string target = (*targets)[k].is_string()
                ? TypeOfProfile(validator_.registry(), (*targets)[k].get_ref<const std::string&>()) : std::string();
            any = target == actual || target == "Resource";
          }
        }
      } else {
        for (const std::string& allowed : def.types) any = any || allowed == actual;
      }
      if (!any) return false;
    } else if (type == "profile") {
      // The value (or the resource it resolves to) must conform to one of the slice's profiles.
      const auto types = def.element->find("type");
      if (types == def.element->end() || !types->is_array()) return false;
      bool any = false;
      for (const nlohmann::json& entry : *types) {
        const auto profiles = entry.find(at.resolved ? "targetProfile" : "profile");
        if (profiles == entry.end() || !profiles->is_array()) continue;
        for (const nlohmann::json& url : *profiles) {
          std::string problem;
          const ElementIndex* profile = url.is_string() ? validator_.IndexFor(url.get<std::string>(), options_.snapshot_generator, problem) : nullptr;
          if (profile == nullptr) continue;
          for (const nlohmann::json* value : values) {
            if (!value->is_object()) continue;
            // A resource conforms only to profiles of its own type.
            const std::string_view resource_type = StringAt(*value, "resourceType");
            if (!resource_type.empty() && resource_type != profile->type()) continue;
            Issues scratch;
            Issues* saved = issues_;
            const bool saved_too_many = too_many_;
            issues_ = &scratch;
            ValidateChildren(*value, *profile, 0, frame, depth + 1, false);
            issues_ = saved;
            too_many_ = saved_too_many;
            any = any || !HasErrors(scratch);
          }
        }
      }
      if (!any) return false;
    } else {
      return false;
    }
  }
  return true;
}

void Walker::ValidateSlices(const std::vector<Item>& items, const ElementIndex& index, int node, ResourceFrame& frame,
                            std::size_t depth) {
  const ElementNode& def = index.node(node);
  if (!def.choice_base.empty() || def.slicing == nullptr) {  // type slices of a choice: ValidateItem picks them
    for (const Item& item : items) ValidateItem(item, index, node, frame, depth);
    return;
  }
  const std::string_view rules = StringAt(*def.slicing, "rules");
  const auto ordered_it = def.slicing->find("ordered");
  const bool ordered = ordered_it != def.slicing->end() && ordered_it->is_boolean() && ordered_it->get<bool>();
  static const nlohmann::json kNone = nlohmann::json::array();
  const auto discriminators_it = def.slicing->find("discriminator");
  const nlohmann::json& discriminators = discriminators_it != def.slicing->end() ? *discriminators_it : kNone;

  std::vector<int> counts(def.slices.size(), 0);
  int last = -1;
  bool unmatched_seen = false;
  for (const Item& item : items) {
    int match = -1;
    for (std::size_t k = 0; k < def.slices.size() && match < 0; ++k) {
      if (SliceMatches(item, index, def.slices[k], discriminators, frame, depth)) match = static_cast<int>(k);
    }
    if (match < 0) {
      if (rules == "closed") {
        ReportAt(Location(item), Severity::kError, "structure", "validator.slice-closed",
                 "this element does not match any slice of " + def.id + ", and the slicing is closed");
      }
      unmatched_seen = true;
      ValidateItem(item, index, node, frame, depth);
      continue;
    }
    if (ordered && match < last) {
      ReportAt(Location(item), Severity::kError, "structure", "validator.slice-order",
               "slice '" + index.node(def.slices[static_cast<std::size_t>(match)]).slice_name +
                   "' is out of order (the slicing of " + def.id + " is ordered)");
    }
    if (rules == "openAtEnd" && unmatched_seen) {
      ReportAt(Location(item), Severity::kError, "structure", "validator.slice-open-at-end",
               "slices of " + def.id + " must come before other elements (openAtEnd)");
    }
    last = std::max(last, match);
    ++counts[static_cast<std::size_t>(match)];
    ValidateItem(item, index, def.slices[static_cast<std::size_t>(match)], frame, depth);
  }
  for (std::size_t k = 0; k < def.slices.size(); ++k) {
    const ElementNode& slice = index.node(def.slices[k]);
    if (counts[k] < slice.min) {
      Report(Severity::kError, "structure", "validator.slice-cardinality-min",
             def.name + ":" + slice.slice_name + ": minimum required = " + std::to_string(slice.min) + ", but only found " +
                 std::to_string(counts[k]) + " (from " + std::string(StringAt(index.structure_definition(), "url")) + ")");
    }
    if (counts[k] == 0 && slice.must_support && options_.report_must_support) {
      Report(Severity::kInformation, "informational", "validator.must-support-missing",
             def.name + ":" + slice.slice_name + ": must-support slice not present (from " +
                 std::string(StringAt(index.structure_definition(), "url")) + ")");
    }
    if (slice.max >= 0 && counts[k] > slice.max) {
      Report(Severity::kError, "structure", "validator.slice-cardinality-max",
             def.name + ":" + slice.slice_name + ": maximum allowed = " + std::to_string(slice.max) + ", but found " +
                 std::to_string(counts[k]) + " (from " + std::string(StringAt(index.structure_definition(), "url")) + ")");
    }
  }
}

}  // namespace pdex::validation::internal

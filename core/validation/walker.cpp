#include "validation/walker.h"

#include "validation/primitives.h"
#include "validation/questionnaire.h"
#include "validation/resource_rules.h"
#include "validation/vital_signs.h"

#include <algorithm>

namespace pdex::validation::internal {
namespace {

bool IsResourceTypeCode(const Validator& validator, std::string_view type) {
  if (type == "Resource" || type == "DomainResource") return true;
  if (type.empty() || type[0] < 'A' || type[0] > 'Z') return false;
  return validator.IsResourceType(type);
}

// The type of a non-choice element: its one type code (several entries of one code differ only by
// profile), or for a resource-typed element with several types, the value's resourceType.
std::string SingleType(const ElementNode& def, const nlohmann::json* value) {
  if (def.types.empty()) return {};
  bool same = true;
  for (const std::string& type : def.types) same = same && type == def.types[0];
  if (same) return def.types[0];
  if (value != nullptr && value->is_object()) {
    const std::string_view resource_type = StringAt(*value, "resourceType");
    for (const std::string& type : def.types) {
      if (type == resource_type || type == "Resource") return std::string(resource_type);
    }
  }
  return {};
}

}  // namespace

Walker::Walker(const Validator& validator, const ValidatorOptions& options, Issues& issues)
    : validator_(validator), options_(options), issues_(&issues) {}

void Walker::ReportAt(const std::string& location, Severity severity, const char* code, const char* id,
                      std::string diagnostics) {
  if (too_many_) return;
  if (issues_->size() >= options_.max_issues) {
    too_many_ = true;
    issues_->push_back(Issue{.severity = Severity::kError, .code = "too-costly", .id = "validator.too-many-issues",
                             .diagnostics = "stopped after " + std::to_string(options_.max_issues) + " issues",
                             .expression = location});
    return;
  }
  issues_->push_back(Issue{.severity = severity, .code = code, .id = id, .diagnostics = std::move(diagnostics),
                           .expression = location});
}

void AppendLocation(std::string& path, const Item& item) {
  path += '.';
  path.append(item.name);
  if (item.indexed) path.append("[").append(std::to_string(item.index)).append("]");
}

std::string Walker::Location(const Item& item) const {
  std::string location = path_;
  AppendLocation(location, item);
  return location;
}

void Walker::Report(Severity severity, const char* code, const char* id, std::string diagnostics) {
  ReportAt(path_, severity, code, id, std::move(diagnostics));
}

void Walker::ValidateResource(const nlohmann::json& resource, const ResourceFrame* outer, bool top_level,
                              bool contained, const std::vector<std::string>& type_profiles) {
  const std::string type(StringAt(resource, "resourceType"));
  if (!resource.is_object() || type.empty()) {
    Report(Severity::kError, "structure", "validator.resource-type-missing",
           "expected a resource (a JSON object with resourceType)");
    return;
  }
  const ElementIndex* index = validator_.IsResourceType(type)
                                  ? validator_.IndexForDefinition(*validator_.TypeDefinition(type))
                                  : nullptr;
  const std::size_t saved = path_.size();
  if (path_.empty()) path_ = type;
  if (index == nullptr) {
    Report(Severity::kError, "structure", "validator.resource-type-unknown",
           "unknown resource type '" + type + "' (not an R4 resource)");
    path_.resize(saved);
    return;
  }
  ResourceFrame frame;
  frame.resource = &resource;
  // A contained resource's '#id' references resolve in its container; a Bundle entry or a
  // Parameters resource is its own container.
  frame.container = contained && outer != nullptr ? outer->container : &resource;
  frame.bundle = outer != nullptr ? outer->bundle : nullptr;
  frame.outer = outer != nullptr ? outer->resource : nullptr;
  frame.root = outer != nullptr ? outer->root : &resource;
  const bool bundle_entry = outer != nullptr && outer->bundle != nullptr && outer->resource == outer->bundle->bundle;
  frame.entry = bundle_entry ? &resource : (outer != nullptr ? outer->entry : nullptr);
  frame.language = StringAt(resource, "language");
  if (frame.language.empty() && outer != nullptr) frame.language = outer->language;
  BundleFrame bundle;
  if (type == "Bundle") {
    bundle.bundle = &resource;
    bundle.type = std::string(StringAt(resource, "type"));
    bundle.location = path_;
    if (const auto entries = resource.find("entry"); entries != resource.end() && entries->is_array()) {
      for (entry_index_ = 0; entry_index_ < entries->size(); ++entry_index_) {
        const nlohmann::json& entry = (*entries)[entry_index_];
        if (!entry.is_object()) continue;
        const auto res = entry.find("resource");
        if (res == entry.end() || !res->is_object()) continue;
        const std::string_view full_url = StringAt(entry, "fullUrl");
        if (full_url.empty()) bundle.without_full_url.emplace(&*res, entry_index_);
        if (!full_url.empty() && !bundle.by_full_url.emplace(std::string(full_url), &*res).second) {
          bundle.ambiguous.emplace(full_url);
        }
        CheckFullUrl(entry, *res);
        if (!StringAt(*res, "id").empty()) {
          const std::string key = std::string(StringAt(*res, "resourceType")) + "/" + std::string(StringAt(*res, "id"));
          if (!bundle.by_type_id.emplace(key, &*res).second) bundle.ambiguous.insert(key);
        }
      }
    }
    frame.bundle = &bundle;
  }
  context_.emplace_back(type, type);
  ValidateChildren(resource, *index, 0, frame, 0, false);
  CheckResourceRules(resource, type, contained);
  if (type == "QuestionnaireResponse") {  // answers vs the Questionnaire (questionnaire.cpp)
    ValidateQuestionnaireResponse(resource, path_, frame.container, validator_.registry(), validator_.terminology(),
                                  [this](const std::string& location, Severity severity, const char* code,
                                         const char* id, std::string diagnostics) {
                                    ReportAt(location, severity, code, id, std::move(diagnostics));
                                  });
  }

  // Type profiles are reported like meta.profile (one that cannot be resolved is a warning, as for
  // datatype type profiles in ValidateComplex).
  if (type_profiles.size() == 1) {
    ValidateAgainstProfile(resource, type_profiles[0], true, frame);
  } else if (!type_profiles.empty()) {
    // Several type profiles: the resource conforms to at least one (R4 elementdefinition.html#type);
    // an unresolvable one cannot be held against it.
    bool any = false;
    for (const std::string& url : type_profiles) {
      Issues scratch;
      Issues* saved_issues = issues_;
      const bool saved_too_many = too_many_;
      issues_ = &scratch;
      ValidateAgainstProfile(resource, url, true, frame);
      issues_ = saved_issues;
      too_many_ = saved_too_many;
      any = any || !HasErrors(scratch);
    }
    if (!any) {
      std::string list;
      for (const std::string& url : type_profiles) AppendToList(list, url);
      Report(Severity::kError, "structure", "validator.profile-none-matches",
             "the resource conforms to none of the profiles allowed here: " + list);
    }
  }
  if (const auto meta = resource.find("meta"); meta != resource.end() && meta->is_object()) {
    if (const auto listed = meta->find("profile"); listed != meta->end() && listed->is_array()) {
      for (const nlohmann::json& url : *listed) {
        if (url.is_string()) ValidateAgainstProfile(resource, url.get<std::string>(), true, frame);
      }
    }
  }
  if (top_level) {
    for (const std::string& url : options_.profiles) ValidateAgainstProfile(resource, url, false, frame);
  }
  // Profiles the resource must meet without claiming them: its type's global profiles in the loaded
  // implementation guides, and for an Observation with a vital-sign code the core profile for it.
  for (const Validator::GlobalProfile& global : validator_.GlobalProfiles()) {
    if (global.type != type || AlreadyChecked(resource, global.profile, type_profiles, top_level)) continue;
    Report(Severity::kInformation, "informational", "validator.global-profile",
           "validated against " + global.profile + ", a global profile of the implementation guide " + global.guide);
    ValidateAgainstProfile(resource, global.profile, true, frame);
  }
  if (type == "Observation") CheckVitalSigns(resource, type_profiles, top_level, frame);
  context_.pop_back();
  if (!frame.invariants.empty()) {
    std::string keys;
    for (const std::string& key : frame.invariants) AppendToList(keys, key);
    Report(Severity::kInformation, "informational", "validator.invariants-not-evaluated",
           std::to_string(frame.invariants.size()) + " invariants could not be evaluated: " + keys);
  }
  path_.resize(saved);
}

bool Walker::AlreadyChecked(const nlohmann::json& resource, std::string_view url,
                            const std::vector<std::string>& type_profiles, bool top_level) const {
  if (Contains(type_profiles, url) || (top_level && Contains(options_.profiles, url))) return true;
  if (const auto meta = resource.find("meta"); meta != resource.end() && meta->is_object()) {
    if (const auto claimed = meta->find("profile"); claimed != meta->end() && claimed->is_array()) {
      for (const nlohmann::json& entry : *claimed) {
        if (entry.is_string() && entry.get_ref<const std::string&>() == url) return true;
      }
    }
  }
  return false;
}

void Walker::CheckVitalSigns(const nlohmann::json& observation, const std::vector<std::string>& type_profiles,
                             bool top_level, ResourceFrame& frame) {
  const VitalSignsMatch match = VitalSignsProfileFor(observation, options_.vital_signs_equivalent_codes);
  if (match.profile == nullptr || AlreadyChecked(observation, match.profile, type_profiles, top_level)) return;
  Report(Severity::kInformation, "informational", "validator.vital-signs-profile",
         "validated against the " + std::string(match.name) + " profile (" + match.profile +
             "), which the FHIR specification requires of Observations with the " + match.system + " code " +
             match.code);
  ValidateAgainstProfile(observation, match.profile, true, frame);
}

void Walker::CheckFullUrl(const nlohmann::json& entry, const nlohmann::json& resource) {
  // R4 bundle.html#fullUrl: an absolute URL; a RESTful one ends with [type]/[id] of the resource.
  const std::string_view full_url = StringAt(entry, "fullUrl");
  if (full_url.empty()) return;
  const std::string location = path_ + ".entry[" + std::to_string(entry_index_) + "]";
  if (full_url.find(':') == std::string_view::npos) {
    ReportAt(location, Severity::kError, "invalid", "validator.bundle-fullurl-relative",
             "the fullUrl must be an absolute URL (not '" + std::string(full_url) + "')");
    return;
  }
  if (full_url.substr(0, 4) != "http") return;
  const std::string type(StringAt(resource, "resourceType"));
  const std::string id(StringAt(resource, "id"));
  const std::string tail = "/" + type + "/" + id;
  const std::size_t type_at = full_url.rfind("/" + type + "/");
  if (!id.empty() && type_at != std::string_view::npos &&
      (full_url.size() < tail.size() || full_url.substr(full_url.size() - tail.size()) != tail)) {
    ReportAt(location, Severity::kError, "invalid", "validator.bundle-fullurl-mismatch",
             "the fullUrl '" + std::string(full_url) + "' looks like a RESTful URL but does not end with " + tail.substr(1));
  }
}

void Walker::ValidateAgainstProfile(const nlohmann::json& resource, const std::string& url, bool from_meta,
                                    ResourceFrame& frame) {
  std::string problem;
  const ElementIndex* index = validator_.IndexFor(url, options_.snapshot_generator, problem);
  if (index == nullptr) {
    // An unknown meta.profile is a warning in the HL7 validator (it cannot be fetched here); a
    // profile the caller asked for explicitly must be found.
    Report(from_meta ? Severity::kWarning : Severity::kError, "not-found", "validator.profile-unknown",
           "profile '" + url + "' not checked: " + problem);
    return;
  }
  const std::string type(StringAt(resource, "resourceType"));
  if (index->type() != type) {
    Report(Severity::kError, "invalid", "validator.profile-wrong-type",
           "profile '" + url + "' constrains " + index->type() + ", not " + type);
    return;
  }
  if (profile_nesting_ >= kMaxProfileNesting) {
    Report(Severity::kError, "too-costly", "validator.profile-circular",
           "profile '" + url + "' not checked: profiles nest more than " + std::to_string(kMaxProfileNesting) +
               " deep (circular profile chain?)");
    return;
  }
  ++profile_nesting_;
  ValidateChildren(resource, *index, 0, frame, 0, false);
  --profile_nesting_;
}

void Walker::CheckInvariants(const ElementNode& node, const nlohmann::json* value, const nlohmann::json* ext,
                             std::string_view type, ResourceFrame& frame) {
  for (const ElementConstraint& constraint : node.constraints) {
    if (!options_.best_practice_invariants && constraint.best_practice) continue;
    // dom-3 (contained resources are referenced) belongs to the contained check the caller turned off.
    if (!options_.validate_contained && constraint.key == "dom-3") continue;
    if (!options_.evaluate_invariants && !options_.invariant_evaluator) {
      frame.invariants.emplace(constraint.key);
      continue;
    }
    // FHIRPath %resource is the resource containing the node: for a nested resource's own root
    // constraints that is the Bundle or container holding it (R4 fhirpath.html#vars).
    // (the HL7 validator does so for Bundle entries; a Parameters resource or a contained resource
    // is its own %resource, and a contained one has its container as %rootResource).
    const bool entry_root = value == frame.resource && frame.outer != nullptr &&
                            StringAt(*frame.outer, "resourceType") == "Bundle";
    const InvariantContext context{.resource = entry_root ? frame.outer : frame.resource,
                                   .root_resource = entry_root ? frame.outer : frame.container,
                                   .value = value,
                                   .ext = ext,
                                   .type = type,
                                   .element_path = node.path,
                                   .expression = constraint.expression,
                                   .compiled = constraint.compiled.get(),
                                   .fixed_results = &fixed_results_};
    InvariantResult result;
    if (options_.invariant_evaluator) {
      result = options_.invariant_evaluator(context);
    } else {
      // dom-3 is decided without FHIRPath when its expression is a known form (contained_references.h).
      if (constraint.key == "dom-3" && value != nullptr) {
        result = ContainedResourcesReferenced(constraint.expression, *value, *context.resource, local_references_);
      }
      if (!result) result = validator_.invariants().Evaluate(context);
    }
    if (!result.has_value()) {
      frame.invariants.emplace(constraint.key);
    } else if (!*result) {
      Report(constraint.warning ? Severity::kWarning : Severity::kError, "invariant", "validator.invariant",
             "Constraint failed: " + std::string(constraint.key) + ": '" + std::string(constraint.human) + "'");
    }
  }
}

void Walker::ValidateChildren(const nlohmann::json& object, const ElementIndex& index, int node, ResourceFrame& frame,
                              std::size_t depth, bool primitive_extension) {
  if (depth > options_.max_depth) {
    Report(Severity::kError, "too-costly", "validator.too-deep",
           "content nested deeper than " + std::to_string(options_.max_depth) + " levels was not validated");
    return;
  }
  if (!object.is_object()) {
    Report(Severity::kError, "structure", "validator.json-type", "expected a JSON object, found " +
                                                                       std::string(object.type_name()));
    return;
  }
  if (object.empty()) {
    // ele-1 (R4 element.html): every element has a value or children; checked here structurally
    // because it needs no FHIRPath.
    Report(Severity::kError, "structure", "validator.json-empty-object",
           "an element must have a value or children; empty JSON objects are not allowed (ele-1)");
    return;
  }
  const ElementNode& parent = index.node(node);
  const int content_node = parent.content_reference >= 0 ? parent.content_reference : node;
  // Root constraints of a resource or datatype definition (dom-*, per-1 ...); an element's own
  // constraints were checked by ValidateItem.
  if (node == 0 && !primitive_extension) CheckInvariants(parent, &object, nullptr, index.type(), frame);

  // The JSON properties with the child element they belong to, in object order.
  struct Found {
    int child = -1;
    std::string_view name;  // JSON name without '_'
    const nlohmann::json* value = nullptr;
    const nlohmann::json* ext = nullptr;
  };
  std::vector<Found> found;
  found.reserve(object.size());
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string& key = it.key();
    if (key == "resourceType" && node == 0 && index.node(0).parent < 0 && IsResourceTypeCode(validator_, index.type())) {
      continue;
    }
    const bool underscore = !key.empty() && key[0] == '_';
    const std::string_view name = underscore ? std::string_view(key).substr(1) : std::string_view(key);
    const int child = (primitive_extension && name == "value") ? -1 : index.FindChild(content_node, name);
    if (child < 0) {
      ReportAt(path_ + "." + key, Severity::kError, "structure", "validator.unknown-element",
               "unrecognized property '" + key + "'");
      continue;
    }
    auto same = std::find_if(found.begin(), found.end(), [&](const Found& f) { return f.child == child && f.name == name; });
    if (same == found.end()) found.push_back(Found{child, name, nullptr, nullptr}), same = found.end() - 1;
    (underscore ? same->ext : same->value) = &it.value();
  }

  for (const int child : index.node(content_node).children) {
    const ElementNode& def = index.node(child);
    const Found* first = nullptr;
    std::size_t names = 0;
    for (const Found& f : found) {
      if (f.child != child) continue;
      if (first == nullptr) first = &f;
      ++names;
    }
    if (names > 1) {
      Report(Severity::kError, "structure", "validator.choice-multiple",
             "more than one type given for the choice element " + def.name);
    }
    std::vector<Item> items;
    for (const Found& f : found) {
      if (f.child != child) continue;
      const std::string name(f.name);
      std::string type = !def.choice_base.empty() ? index.ChoiceType(child, f.name) : SingleType(def, f.value);
      if (type.empty() && def.content_reference >= 0) type = "BackboneElement";
      if (type.empty() && !def.choice_base.empty()) {
        ReportAt(path_ + "." + name, Severity::kError, "structure", "validator.choice-type-not-allowed",
                 "type '" + name.substr(def.choice_base.size()) + "' is not allowed for " + def.name + " (allowed: " +
                     JoinList(def.types) + ")");
        items.push_back(Item{.name = f.name});  // counts for cardinality, not validated
        continue;
      }
      const bool primitive = IsPrimitiveType(type);
      if (f.ext != nullptr && !primitive) {
        ReportAt(path_ + "._" + name, Severity::kError, "structure", "validator.unknown-element",
                 "'_" + name + "' is only allowed for primitive elements");
      }
      const bool value_array = f.value != nullptr && f.value->is_array();
      const bool ext_array = f.ext != nullptr && primitive && f.ext->is_array();
      if ((value_array || ext_array) && !def.json_array) {
        ReportAt(path_ + "." + name, Severity::kError, "structure", "validator.json-array-unexpected",
                 "'" + name + "' has at most one value and must not be a JSON array");
      } else if (def.json_array && ((f.value != nullptr && !value_array) || (f.ext != nullptr && primitive && !ext_array))) {
        ReportAt(path_ + "." + name, Severity::kError, "structure", "validator.json-array-expected",
                 "'" + name + "' repeats, so its value must be a JSON array");
      }
      if (value_array || ext_array) {
        const std::size_t values = value_array ? f.value->size() : 0;
        const std::size_t exts = ext_array ? f.ext->size() : 0;
        if (value_array && ext_array && values != exts) {
          ReportAt(path_ + "._" + name, Severity::kError, "structure", "validator.json-null",
                   "'" + name + "' and '_" + name + "' arrays differ in length");
        }
        const std::size_t count = std::max(values, exts);
        if (count == 0) {
          ReportAt(path_ + "." + name, Severity::kError, "structure", "validator.json-empty-array",
                   "arrays must not be empty (R4 json.html)");
        }
        for (std::size_t i = 0; i < count; ++i) {
          Item item{.type = type, .name = f.name, .index = i, .indexed = def.json_array};
          if (i < values && !(*f.value)[i].is_null()) item.value = &(*f.value)[i];
          if (i < exts && !(*f.ext)[i].is_null()) item.ext = &(*f.ext)[i];
          if (item.value == nullptr && item.ext == nullptr) {
            ReportAt(Location(item), Severity::kError, "structure", "validator.json-null",
                     "null is only allowed in an array paired with a value in the matching _ array");
            continue;
          }
          items.push_back(std::move(item));
        }
      } else {
        Item item{.type = type, .name = f.name, .index = 0, .indexed = def.json_array};
        if (f.value != nullptr && !f.value->is_null()) item.value = f.value;
        if (f.ext != nullptr && !f.ext->is_null()) item.ext = f.ext;
        if (item.value == nullptr && item.ext == nullptr) {
          ReportAt(Location(item), Severity::kError, "structure", "validator.json-null", "null is not a valid value");
          continue;
        }
        items.push_back(std::move(item));
      }
    }
    const int count = static_cast<int>(items.size());
    if (count < def.min) {
      Report(Severity::kError, "structure", "validator.cardinality-min",
             def.name + ": minimum required = " + std::to_string(def.min) + ", but only found " + std::to_string(count) +
                 " (from " + std::string(StringAt(index.structure_definition(), "url")) + ")");
    }
    if (def.max >= 0 && count > def.max) {
      ReportAt(path_ + "." + (first == nullptr ? def.name : std::string(first->name)), Severity::kError, "structure",
               "validator.cardinality-max",
               def.name + ": maximum allowed = " + std::to_string(def.max) + ", but found " + std::to_string(count) +
                   " (from " + std::string(StringAt(index.structure_definition(), "url")) + ")");
    }
    if (count == 0 && def.must_support && options_.report_must_support) {
      Report(Severity::kInformation, "informational", "validator.must-support-missing",
             def.name + ": must-support element not present (from " +
                 std::string(StringAt(index.structure_definition(), "url")) + ")");
    }
    std::erase_if(items, [](const Item& item) { return item.value == nullptr && item.ext == nullptr; });
    // A sliced element that is absent still owes its required slices (reported like the HL7 validator:
    // the element's own minimum, then each slice's).
    if (items.empty() && (def.slices.empty() || count > 0)) continue;
    if (!def.slices.empty()) {
      ValidateSlices(items, index, child, frame, depth);
    } else {
      for (const Item& item : items) ValidateItem(item, index, child, frame, depth);
    }
  }
}

void Walker::ValidateItem(const Item& item, const ElementIndex& index, int node, ResourceFrame& frame,
                          std::size_t depth) {
  const std::size_t saved = path_.size();
  AppendLocation(path_, item);
  const ElementNode& def = index.node(node);
  // A choice element profiled per type ("value[x]:valueQuantity") also constrains this occurrence.
  const ElementIndex* use_index = &index;
  int use_node = node;
  if (!def.choice_base.empty()) {
    for (const int slice : def.slices) {
      const ElementNode& s = index.node(slice);
      if (s.slice_name == def.choice_base + ChoiceSuffix(item.type) ||
          (s.types.size() == 1 && s.types[0] == item.type)) {
        use_node = slice;
      }
    }
  }
  const ElementNode& use = use_index->node(use_node);
  if (use_node != node && use.max == 0) {  // a type the profile prohibits (bp: value[x]:valueQuantity 0..0)
    Report(Severity::kError, "structure", "validator.slice-cardinality-max",
           def.name + ":" + use.slice_name + ": maximum allowed = 0, but found 1 (from " +
               std::string(StringAt(index.structure_definition(), "url")) + ")");
  }
  if (!item.type.empty()) CheckInvariants(use, item.value, item.ext, item.type, frame);
  if (item.type.empty()) {
    Report(Severity::kError, "structure", "validator.type-unknown", "cannot tell the type of this element");
  } else if (IsPrimitiveType(item.type)) {
    if (item.value != nullptr) {
      std::string id;
      const std::string problem = CheckPrimitive(item.type, *item.value, id);
      if (!problem.empty()) {
        Report(Severity::kError, id == "validator.json-type" ? "structure" : "value", id.c_str(), problem);
      } else {
        if (use.max_length != nullptr && item.value->is_string() &&
            item.value->get_ref<const std::string&>().size() > use.max_length->get<std::size_t>()) {
          Report(Severity::kError, "value", "validator.max-length",
                 "value is longer than the maximum length " + use.max_length->dump());
        }
        CheckBinding(*item.value, item.type, use, frame);
        CheckMinMax(*item.value, use);
        CheckText(*item.value, item.type);
        if (item.type == "xhtml") CheckNarrativeLinks(item.value->get_ref<const std::string&>(), frame);
        if (item.type == "uri" || item.type == "url" || item.type == "canonical") {
          CheckExampleUrl(item.value->get_ref<const std::string&>(), path_);
        }
      }
    } else if (item.type == "code" && options_.check_bindings && use.binding != nullptr &&
               StringAt(*use.binding, "strength") == "required") {
      // A code given only by its extensions (e.g. data-absent-reason) still has no code from the
      // required value set, as the HL7 validator reports.
      Report(Severity::kError, "code-invalid", "validator.binding-no-code",
             "no code provided, and a code is required from the value set " + std::string(StringAt(*use.binding, "valueSet")));
    }
    CheckFixedPattern(item.value, use);
    if (item.ext != nullptr) {
      const std::size_t saved_ext = path_.size();
      // `_name` holds the primitive's id and extensions: validate it as the primitive type's Element.
      const nlohmann::json* type_sd = validator_.TypeDefinition(
          item.type.substr(0, 4) == "http" ? "string" : item.type);
      const ElementIndex* type_index = type_sd != nullptr ? validator_.IndexForDefinition(*type_sd) : nullptr;
      if (type_index != nullptr) {
        context_.emplace_back(std::string(use.path), item.type);
        if (!use.children.empty()) {
          ValidateChildren(*item.ext, *use_index, use_node, frame, depth + 1, true);
        } else {
          ValidateChildren(*item.ext, *type_index, 0, frame, depth + 1, true);
        }
        context_.pop_back();
      }
      path_.resize(saved_ext);
    }
  } else if (item.value != nullptr) {
    CheckFixedPattern(item.value, use);
    ValidateComplex(*item.value, item.type, *use_index, use_node, frame, depth);
  }
  path_.resize(saved);
}

std::vector<std::string> Walker::ResourceTypeProfiles(const nlohmann::json& resource, const ElementNode& def) {
  std::vector<std::string> profiles;
  const auto types = def.element->find("type");
  if (!def.type_profiles || types == def.element->end() || !types->is_array()) return profiles;
  const std::string_view resource_type = StringAt(resource, "resourceType");
  for (const nlohmann::json& entry : *types) {
    const std::string_view code = StringAt(entry, "code");
    if (code != resource_type && code != "Resource" && code != "DomainResource") continue;
    const auto listed = entry.find("profile");
    if (listed == entry.end() || !listed->is_array()) continue;
    for (const nlohmann::json& url : *listed) {
      if (url.is_string()) profiles.push_back(url.get<std::string>());
    }
  }
  return profiles;
}

void Walker::ValidateComplex(const nlohmann::json& value, const std::string& type, const ElementIndex& index, int node,
                             ResourceFrame& frame, std::size_t depth) {
  if (IsResourceTypeCode(validator_, type)) {
    if (!value.is_object()) {
      Report(Severity::kError, "structure", "validator.json-type", "expected a resource (JSON object)");
      return;
    }
    const bool contained = index.node(node).name == "contained";
    if (contained && !options_.validate_contained) return;
    ValidateResource(value, &frame, false, contained, ResourceTypeProfiles(value, index.node(node)));
    return;
  }
  if (!value.is_object()) {
    Report(Severity::kError, "structure", "validator.json-type",
           "expected a JSON object for a " + type + ", found " + std::string(value.type_name()));
    return;
  }
  const ElementNode& def = index.node(node);
  CheckBinding(value, type, def, frame);
  CheckMinMax(value, def);
  if (type == "Coding") CheckCoding(value, frame);
  if (type == "Attachment") CheckAttachment(value);
  if (type == "Reference") CheckReference(value, def, frame);
  if (type == "Extension" && CheckExtension(value, index, node, frame, depth)) return;

  context_.emplace_back(std::string(def.path), type);
  if (def.content_reference >= 0 || !def.children.empty()) {
    ValidateChildren(value, index, node, frame, depth + 1, false);
  } else if (const nlohmann::json* type_sd = validator_.TypeDefinition(type)) {
    if (const ElementIndex* type_index = validator_.IndexForDefinition(*type_sd)) {
      ValidateChildren(value, *type_index, 0, frame, depth + 1, false);
    }
  } else {
    Report(Severity::kError, "not-found", "validator.type-unknown", "no definition for type '" + type + "'");
  }
  // Type profiles (ElementDefinition.type.profile) other than extensions, e.g. a profiled datatype.
  if (const auto types = def.element->find("type");
      def.type_profiles && types != def.element->end() && types->is_array() && type != "Extension") {
    for (const nlohmann::json& entry : *types) {
      if (StringAt(entry, "code") != type) continue;
      const auto profiles = entry.find("profile");
      if (profiles == entry.end() || !profiles->is_array()) continue;
      for (const nlohmann::json& url : *profiles) {
        if (!url.is_string()) continue;
        std::string problem;
        const ElementIndex* profile_index = validator_.IndexFor(url.get<std::string>(), options_.snapshot_generator, problem);
        if (profile_index == nullptr) {
          Report(Severity::kWarning, "not-found", "validator.profile-unknown",
                 "type profile '" + url.get<std::string>() + "' not checked: " + problem);
        } else if (profile_nesting_ < kMaxProfileNesting) {
          ++profile_nesting_;
          ValidateChildren(value, *profile_index, 0, frame, depth + 1, false);
          --profile_nesting_;
        }
      }
    }
  }
  context_.pop_back();
}

}  // namespace pdex::validation::internal

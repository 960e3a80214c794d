// StructureDefinition rules (R4 structuredefinition.html, profiling.html, and the checks of the HL7
// Java validator's StructureDefinitionValidator):
// - the differential does not slice the root element;
// - an element with a binding has at least one type that can be bound (a differential that lists
//   only e.g. date or Identifier makes the binding meaningless);
// - a constraint's snapshot can be generated from its differential (core/snapshot): each generation
//   error is reported, like Java's "Error generating Snapshot";
// - the differential lists its elements in the order of the snapshot: walking the base in order,
//   an element that comes after a later-listed one is never reached (Java ProfileUtilities reports
//   it as "No match found ... in the generated snapshot", and the profile as having unmatched
//   differential elements);
// - a slice does not restate its sliced element's slicing differently (Java ProfileUtilities:
//   "tries to redefine the slicing");
// - each slicing discriminator path starts with an element of the sliced element's type(s) ("type"
//   on an Extension is not one). Only the first step is checked, and paths starting with $this or
//   a function (extension('...'), resolve(), ofType()) are accepted as they are.
#include "validation/resource_rules.h"

#include "validation/walker.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pdex::validation::internal {
namespace {

// Types that cannot carry a binding (those without the "can-bind" characteristic in the Java
// validator's table): numbers, dates, identifiers, references, structured and backbone types.
constexpr std::array<std::string_view, 31> kUnbindableTypes = {
    "boolean", "integer", "decimal", "base64Binary", "instant", "date", "dateTime", "time", "id", "markdown",
    "positiveInt", "unsignedInt", "xhtml", "Address", "Annotation", "Attachment", "ContactPoint", "HumanName",
    "Identifier", "Money", "Period", "Ratio", "Reference", "SampledData", "Signature", "Timing", "Meta", "Narrative",
    "Dosage", "BackboneElement", "Element"};

bool IsUnbindable(std::string_view type) {
  return std::find(kUnbindableTypes.begin(), kUnbindableTypes.end(), type) != kUnbindableTypes.end();
}

void CheckDifferentialElements(const nlohmann::json& elements, const std::string& location, const RuleContext& context) {
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const nlohmann::json& element = elements[i];
    const std::string here = Indexed(location, "element", i);
    const std::string_view path = StringAt(element, "path");
    if (!path.empty() && path.find('.') == std::string_view::npos && element.contains("slicing")) {
      context.report(here, Severity::kError, "invalid", "validator.sd-root-slicing",
                     "Slicing is not allowed at the root of a profile");
    }
    const nlohmann::json* types = ArrayAt(element, "type");
    if (!element.contains("binding") || types == nullptr || types->empty()) continue;
    std::string list;
    bool bindable = false;
    for (const nlohmann::json& type : *types) {
      const std::string_view code = StringAt(type, "code");
      bindable = bindable || !IsUnbindable(code);
      AppendToList(list, code);
    }
    if (!bindable) {
      context.report(here, Severity::kError, "business-rule", "validator.sd-binding-type",
                     "This element has a Binding but the types [" + list + "] do not make this kind of constraint relevant");
    }
  }
}

// The differential elements a base-order walk never reaches (Java ProfileUtilities matches them
// while walking the base snapshot, with a cursor that only moves forward in the differential).
std::vector<std::size_t> UnreachedElements(const nlohmann::json& differential, const nlohmann::json& snapshot) {
  std::unordered_map<std::string, std::size_t> positions;
  for (std::size_t i = 0; i < snapshot.size(); ++i) positions.emplace(std::string(StringAt(snapshot[i], "id")), i);
  std::vector<std::pair<std::size_t, std::size_t>> placed;  // (snapshot position, differential index)
  for (std::size_t i = 0; i < differential.size(); ++i) {
    const auto it = positions.find(std::string(StringAt(differential[i], "id")));
    if (it != positions.end()) placed.emplace_back(it->second, i);
  }
  std::sort(placed.begin(), placed.end());
  std::vector<std::size_t> unreached;
  std::size_t cursor = 0;
  for (const auto& [position, index] : placed) {
    if (index >= cursor) {
      cursor = index + 1;
    } else {
      unreached.push_back(index);
    }
  }
  std::sort(unreached.begin(), unreached.end());
  return unreached;
}

// "unordered/open [value=url]", as Java describes a slicing in messages.
std::string DescribeSlicing(const nlohmann::json& slicing) {
  const auto ordered = slicing.find("ordered");
  std::string out = ordered == slicing.end() || !ordered->is_boolean() ? "??" : ordered->get<bool>() ? "ordered" : "unordered";
  out.append("/").append(StringAt(slicing, "rules").empty() ? "??" : StringAt(slicing, "rules")).append(" [");
  std::string discriminators;
  const nlohmann::json* list = ArrayAt(slicing, "discriminator");
  for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
    AppendToList(discriminators, std::string(StringAt((*list)[i], "type")).append("=").append(StringAt((*list)[i], "path")));
  }
  return out.append(discriminators).append("]");
}

// Slices that restate the slicing of their sliced element, given in the same differential, differently.
void CheckSliceSlicing(const nlohmann::json& differential, const RuleContext& context) {
  std::unordered_map<std::string, const nlohmann::json*> slicing_by_id;
  for (const nlohmann::json& element : differential) {
    const auto slicing = element.find("slicing");
    if (slicing != element.end() && slicing->is_object()) slicing_by_id.emplace(std::string(StringAt(element, "id")), &*slicing);
  }
  for (const nlohmann::json& element : differential) {
    const std::string id(StringAt(element, "id"));
    const std::string_view slice = StringAt(element, "sliceName");
    const auto own = slicing_by_id.find(id);
    const std::size_t colon = id.rfind(':');
    if (slice.empty() || slice.find('/') != std::string_view::npos || own == slicing_by_id.end() ||
        colon == std::string::npos) {
      continue;
    }
    const auto entry = slicing_by_id.find(id.substr(0, colon));
    if (entry == slicing_by_id.end() || *entry->second == *own->second) continue;
    context.report(context.location, Severity::kError, "exception", "validator.sd-snapshot",
                   "Error generating Snapshot: The element at " + entry->first + " defines the slicing " +
                       DescribeSlicing(*entry->second) + " but then an element in the slicing " + id +
                       " tries to redefine the slicing to " + DescribeSlicing(*own->second));
  }
}

// Whether `name` (or name[x]) is a child of an element of `types` at `path` in `snapshot`.
bool HasChild(const nlohmann::json& snapshot, const std::string& path, const std::vector<std::string>& types,
              const std::string& name, const RuleContext& context) {
  const std::string choice = name + "[x]";
  auto child_of = [&](const nlohmann::json& elements, const std::string& parent) {
    for (const nlohmann::json& element : elements) {
      const std::string_view child = StringAt(element, "path");
      if (child.size() > parent.size() + 1 && child.compare(0, parent.size(), parent) == 0 && child[parent.size()] == '.' &&
          (child.substr(parent.size() + 1) == name || child.substr(parent.size() + 1) == choice)) {
        return true;
      }
    }
    return false;
  };
  for (const std::string& type : types) {
    if (type == "BackboneElement" || type == "Element") {
      if (child_of(snapshot, path)) return true;
      continue;
    }
    const nlohmann::json* definition = context.validator.TypeDefinition(type);
    const nlohmann::json* elements = nullptr;
    if (definition != nullptr && definition->contains("snapshot")) elements = ArrayAt((*definition)["snapshot"], "element");
    if (elements == nullptr || child_of(*elements, type)) return true;  // an unknown type is not judged
  }
  return false;
}

void CheckDiscriminators(const nlohmann::json& differential, const nlohmann::json& snapshot, const std::string& location,
                         const RuleContext& context) {
  std::unordered_map<std::string, const nlohmann::json*> by_id;
  for (const nlohmann::json& element : snapshot) by_id.emplace(std::string(StringAt(element, "id")), &element);
  for (std::size_t i = 0; i < differential.size(); ++i) {
    const auto slicing = differential[i].find("slicing");
    const auto sliced = by_id.find(std::string(StringAt(differential[i], "id")));
    if (slicing == differential[i].end() || sliced == by_id.end()) continue;
    std::vector<std::string> types;
    const nlohmann::json* type_list = ArrayAt(*sliced->second, "type");
    for (std::size_t t = 0; type_list != nullptr && t < type_list->size(); ++t) {
      types.emplace_back(StringAt((*type_list)[t], "code"));
    }
    const std::string path(StringAt(*sliced->second, "path"));
    const nlohmann::json* discriminators = ArrayAt(*slicing, "discriminator");
    for (std::size_t d = 0; !types.empty() && discriminators != nullptr && d < discriminators->size(); ++d) {
      const std::string_view expression = StringAt((*discriminators)[d], "path");
      const std::string first(expression.substr(0, expression.find('.')));
      if (first.empty() || first == "$this" || first.find('(') != std::string::npos || first[0] == '%') continue;
      if (HasChild(snapshot, path, types, first, context)) continue;
      context.report(Indexed(Indexed(location, "element", i) + ".slicing", "discriminator", d), Severity::kError,
                     "invalid", "validator.sd-discriminator",
                     "The discriminator path '" + std::string(expression) +
                         "' does not appear to be valid for the element that is being sliced '" + path + "'");
    }
  }
}

void CheckSnapshot(const nlohmann::json& sd, const nlohmann::json& differential, const std::string& location,
                   const RuleContext& context) {
  CheckSliceSlicing(differential, context);
  const snapshot::SnapshotResult result = context.validator.GenerateSnapshot(sd);
  bool failed = false;
  for (const Issue& issue : result.issues) {
    if (issue.severity != Severity::kError && issue.severity != Severity::kFatal) continue;
    failed = true;
    context.report(context.location, Severity::kError, "exception", "validator.sd-snapshot",
                   "Error generating Snapshot: " + issue.diagnostics);
  }
  if (failed) return;
  const auto snapshot = result.structure_definition.find("snapshot");
  if (snapshot == result.structure_definition.end()) return;
  const nlohmann::json* elements = ArrayAt(*snapshot, "element");
  if (elements == nullptr) return;
  CheckDiscriminators(differential, *elements, location, context);
  const std::vector<std::size_t> unreached = UnreachedElements(differential, *elements);
  if (unreached.empty()) return;
  std::string ids;
  for (const std::size_t i : unreached) {
    const std::string id(StringAt(differential[i], "id"));
    AppendToList(ids, id);
    context.report(Indexed(location, "element", i), Severity::kError, "structure", "validator.sd-differential-order",
                   "No match found for " + id + " in the generated snapshot: check that the path and definitions are "
                   "legal in the differential (including order)");
  }
  context.report(context.location, Severity::kError, "structure", "validator.sd-differential-order",
                 "The profile " + std::string(StringAt(sd, "url")) + " has " + std::to_string(unreached.size()) +
                     " element(s) in the differential (id: " + ids +
                     ") that don't have a matching element in the snapshot: check that the path and definitions are "
                     "legal in the differential (including order)");
}

}  // namespace

void CheckStructureDefinitionRules(const nlohmann::json& sd, const RuleContext& context) {
  const auto differential = sd.find("differential");
  if (differential == sd.end() || !differential->is_object()) return;
  const nlohmann::json* elements = ArrayAt(*differential, "element");
  if (elements == nullptr || elements->empty()) return;
  const std::string location = context.location + ".differential";
  CheckDifferentialElements(*elements, location, context);
  // Java generates the snapshot of constraints only (a specialization defines new elements), when
  // it finds the base (a definition that names itself as its base has none).
  const std::string_view base = StringAt(sd, "baseDefinition");
  if (StringAt(sd, "derivation") != "constraint" || base.empty()) return;
  if (base == StringAt(sd, "url") || context.validator.registry().FindStructureDefinition(base) == nullptr) {
    context.report(context.location, Severity::kWarning, "not-found", "validator.sd-snapshot",
                   "Unable to find base " + std::string(base) + " for StructureDefinition, so can't check the differential");
    return;
  }
  CheckSnapshot(sd, *elements, location, context);
}

}  // namespace pdex::validation::internal

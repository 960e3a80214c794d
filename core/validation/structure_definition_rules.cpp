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
//   differential elements).
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
    const std::string_view path = Str(element, "path");
    if (!path.empty() && path.find('.') == std::string_view::npos && element.contains("slicing")) {
      context.report(here, Severity::kError, "invalid", "validator.sd-root-slicing",
                     "Slicing is not allowed at the root of a profile");
    }
    const nlohmann::json* types = ArrayAt(element, "type");
    if (!element.contains("binding") || types == nullptr || types->empty()) continue;
    std::string list;
    bool bindable = false;
    for (const nlohmann::json& type : *types) {
      const std::string_view code = Str(type, "code");
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
  for (std::size_t i = 0; i < snapshot.size(); ++i) positions.emplace(std::string(Str(snapshot[i], "id")), i);
  std::vector<std::pair<std::size_t, std::size_t>> placed;  // (snapshot position, differential index)
  for (std::size_t i = 0; i < differential.size(); ++i) {
    const auto it = positions.find(std::string(Str(differential[i], "id")));
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

void CheckSnapshot(const nlohmann::json& sd, const nlohmann::json& differential, const std::string& location,
                   const RuleContext& context) {
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
  const std::vector<std::size_t> unreached = UnreachedElements(differential, *elements);
  if (unreached.empty()) return;
  std::string ids;
  for (const std::size_t i : unreached) {
    const std::string id(Str(differential[i], "id"));
    AppendToList(ids, id);
    context.report(Indexed(location, "element", i), Severity::kError, "structure", "validator.sd-differential-order",
                   "No match found for " + id + " in the generated snapshot: check that the path and definitions are "
                   "legal in the differential (including order)");
  }
  context.report(context.location, Severity::kError, "structure", "validator.sd-differential-order",
                 "The profile " + std::string(Str(sd, "url")) + " has " + std::to_string(unreached.size()) +
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
  const std::string_view base = Str(sd, "baseDefinition");
  if (Str(sd, "derivation") != "constraint" || base.empty()) return;
  if (base == Str(sd, "url") || context.validator.registry().FindStructureDefinition(base) == nullptr) {
    context.report(context.location, Severity::kWarning, "not-found", "validator.sd-snapshot",
                   "Unable to find base " + std::string(base) + " for StructureDefinition, so can't check the differential");
    return;
  }
  CheckSnapshot(sd, *elements, location, context);
}

}  // namespace pdex::validation::internal

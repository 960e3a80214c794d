// ConceptMap rules (R4 conceptmap.html, as the HL7 Java validator's ConceptMapValidator applies them):
// a group's element codes belong to the group's source code system and its target codes to the
// target code system, when those are loaded and complete; and the codes belong to the map's source
// (sourceUri / sourceCanonical) and target value sets when those are loaded. Codes that the local
// terminology cannot decide (SNOMED CT, LOINC, unloaded systems) are not reported, even against an
// enumerated value set (the HL7 validator leaves them to its terminology server too).
#include "validation/resource_rules.h"

#include "validation/walker.h"

namespace pdex::validation::internal {
namespace {

struct Side {
  const char* role;                           // "source" / "target"
  std::string system;                         // group.source / group.target
  const nlohmann::json* value_set = nullptr;  // the map's sourceX / targetX value set, when loaded
  std::string value_set_name;                 // its url|version for messages
};

// The loaded value set named by sourceUri/sourceCanonical (or targetUri/targetCanonical).
const nlohmann::json* ScopeValueSet(const nlohmann::json& map, const std::string& role, const RuleContext& context) {
  for (const char* suffix : {"Canonical", "Uri"}) {
    const std::string_view url = StringAt(map, (role + suffix).c_str());
    if (!url.empty()) return context.validator.registry().FindValueSet(url);
  }
  return nullptr;
}

void CheckCode(const Side& side, std::string_view code, const std::string& location, const RuleContext& context) {
  if (code.empty() || side.system.empty()) return;
  const terminology::TerminologyService& terminology = context.validator.terminology();
  const std::string quoted = Quoted(code);
  if (terminology.CheckCodeSystem(side.system, code).membership == terminology::Membership::kNotMember) {
    context.report(location, Severity::kError, "code-invalid", "validator.conceptmap-code",
                   "The " + std::string(side.role) + " code " + quoted + " is not valid in the code system " + side.system);
    return;
  }
  // Membership of SNOMED CT, LOINC... codes is the terminology server's call (as in the Java validator).
  if (side.value_set == nullptr || terminology::IsExternalCodeSystem(side.system)) return;
  const std::string url(StringAt(*side.value_set, "url"));
  if (terminology.CheckCode(url, side.system, code).membership == terminology::Membership::kNotMember) {
    context.report(location, Severity::kError, "code-invalid", "validator.conceptmap-code",
                   "The " + std::string(side.role) + " code " + quoted + " is not valid in the value set " +
                       side.value_set_name);
  }
}

}  // namespace

void CheckConceptMapRules(const nlohmann::json& map, const RuleContext& context) {
  const nlohmann::json* groups = ArrayAt(map, "group");
  const nlohmann::json* scopes[2] = {ScopeValueSet(map, "source", context), ScopeValueSet(map, "target", context)};
  std::string scope_names[2];
  for (int i = 0; i < 2; ++i) {
    if (scopes[i] == nullptr) continue;
    scope_names[i] = std::string(StringAt(*scopes[i], "url"));
    if (const std::string_view version = StringAt(*scopes[i], "version"); !version.empty()) {
      scope_names[i].append("|").append(version);
    }
  }
  for (std::size_t g = 0; groups != nullptr && g < groups->size(); ++g) {
    const nlohmann::json& group = (*groups)[g];
    const std::string group_location = Indexed(context.location, "group", g);
    const Side source{"source", std::string(StringAt(group, "source")), scopes[0], scope_names[0]};
    const Side target{"target", std::string(StringAt(group, "target")), scopes[1], scope_names[1]};
    const nlohmann::json* elements = ArrayAt(group, "element");
    for (std::size_t e = 0; elements != nullptr && e < elements->size(); ++e) {
      const nlohmann::json& element = (*elements)[e];
      const std::string element_location = Indexed(group_location, "element", e);
      CheckCode(source, StringAt(element, "code"), element_location + ".code", context);
      const nlohmann::json* targets = ArrayAt(element, "target");
      for (std::size_t t = 0; targets != nullptr && t < targets->size(); ++t) {
        CheckCode(target, StringAt((*targets)[t], "code"), Indexed(element_location, "target", t) + ".code", context);
      }
    }
  }
}

}  // namespace pdex::validation::internal

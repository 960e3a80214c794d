// ValueSet rules (R4 valueset.html#compose, and the HL7 Java validator's ValueSetValidator):
// include/exclude systems are absolute URIs; filters on a loaded code system name a property it
// knows (warning otherwise), use an operator that property allows, and have a value of the
// property's type: boolean, integer, decimal, dateTime (with an optional search prefix such as
// 'lt'), a Coding written system(|version)#code whose code exists, or a code of the system itself
// for 'concept' / 'code' / 'parent' / 'child' / 'partOf'. SNOMED CT 'constraint' and 'expression'
// filters hold valid ECL (terminology/ecl.h).
#include "validation/resource_rules.h"

#include "terminology/ecl.h"
#include "validation/primitives.h"
#include "validation/walker.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

namespace pdex::validation::internal {
namespace {

constexpr std::string_view kSnomed = "http://snomed.info/sct";

enum class ValueKind { kNone, kBoolean, kCode, kCoding, kDateTime, kDecimal, kInteger };

// What a filter on one property allows (the Java validator's PropertyValidationRules).
struct FilterRule {
  ValueKind kind = ValueKind::kNone;
  bool code_must_exist = false;  // kCode: the value is a code of the filtered system
  std::set<std::string> ops;     // allowed operators; empty = not restricted
};

// Properties every code system has (R4 codesystem.html#defined-props, the Java validator's list).
constexpr std::array<std::string_view, 11> kCommonProperties = {
    "concept", "code", "status", "inactive", "effectiveDate", "deprecationDate", "retirementDate",
    "notSelectable", "synonym", "comment", "itemWeight"};

// The filter rule for `property` of code system `cs`, or nullopt when its values are not checked.
std::optional<FilterRule> RuleFor(const nlohmann::json& cs, const std::string& property) {
  FilterRule rule;
  // Operators the code system declares for a filter of that name.
  const nlohmann::json* filters = ArrayAt(cs, "filter");
  for (std::size_t i = 0; filters != nullptr && i < filters->size(); ++i) {
    if (StringAt((*filters)[i], "code") != property) continue;
    const nlohmann::json* operators = ArrayAt((*filters)[i], "operator");
    for (std::size_t j = 0; operators != nullptr && j < operators->size(); ++j) {
      if ((*operators)[j].is_string()) rule.ops.insert((*operators)[j].get<std::string>());
    }
  }
  // A declared property's type.
  const nlohmann::json* properties = ArrayAt(cs, "property");
  for (std::size_t i = 0; properties != nullptr && i < properties->size(); ++i) {
    if (StringAt((*properties)[i], "code") != property) continue;
    const std::string_view type = StringAt((*properties)[i], "type");
    if (type == "boolean") rule.kind = ValueKind::kBoolean;
    else if (type == "code") rule.kind = ValueKind::kCode;  // not necessarily a code of this system
    else if (type == "Coding") rule.kind = ValueKind::kCoding;
    else if (type == "dateTime") rule.kind = ValueKind::kDateTime;
    else if (type == "decimal") rule.kind = ValueKind::kDecimal;
    else if (type == "integer") rule.kind = ValueKind::kInteger;
    else return std::nullopt;  // string: anything goes
    return rule;
  }
  // The common properties.
  if (property == "concept" || property == "code") {
    rule.ops.insert({"=", "in", "is-a", "descendent-of", "is-not-a", "generalizes", "not-in"});
    if (property == "code") rule.ops.insert("regex");
    rule.kind = ValueKind::kCode;
    rule.code_must_exist = true;
  } else if (property == "parent" || property == "child" || property == "partOf") {
    rule.kind = ValueKind::kCode;
    rule.code_must_exist = true;
  } else if (property == "status" || property == "synonym") {
    rule.kind = ValueKind::kCode;
  } else if (property == "inactive" || property == "notSelectable") {
    rule.kind = ValueKind::kBoolean;
  } else if (property == "effectiveDate" || property == "deprecationDate" || property == "retirementDate") {
    rule.kind = ValueKind::kDateTime;
  } else if (property == "itemWeight") {
    rule.kind = ValueKind::kDecimal;
  } else {
    return std::nullopt;
  }
  return rule;
}

bool IsKnownProperty(const nlohmann::json& cs, const std::string& property) {
  for (const std::string_view common : kCommonProperties) {
    if (common == property) return true;
  }
  if (!StringAt(cs, "hierarchyMeaning").empty() && (property == "parent" || property == "child" || property == "partOf")) {
    return true;
  }
  for (const char* list : {"filter", "property"}) {
    const nlohmann::json* declared = ArrayAt(cs, list);
    for (std::size_t i = 0; declared != nullptr && i < declared->size(); ++i) {
      if (StringAt((*declared)[i], "code") == property) return true;
    }
  }
  return false;
}

// Numeric and date filter values may carry a search comparator (R4 search.html#prefix).
std::string_view WithoutPrefix(std::string_view value) {
  static constexpr std::array<std::string_view, 9> kPrefixes = {"eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap"};
  for (const std::string_view prefix : kPrefixes) {
    if (value.substr(0, 2) == prefix) return value.substr(2);
  }
  return value;
}

bool IsDigits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsIntegerText(std::string_view text) {
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  return IsDigits(text);
}

// A decimal as written in FHIR (R4 datatypes.html#decimal), exponent allowed.
bool IsDecimalText(std::string_view text) {
  std::string_view exponent;
  if (const std::size_t e = text.find_first_of("eE"); e != std::string_view::npos) {
    exponent = text.substr(e + 1);
    text = text.substr(0, e);
    if (!IsIntegerText(exponent)) return false;
  }
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return IsIntegerText(text);
  return IsIntegerText(text.substr(0, dot)) && IsDigits(text.substr(dot + 1));
}

// The system and code of a Coding literal "system(|version)#code" (the Java Coding.fromLiteral form).
bool ParseCodingLiteral(std::string_view value, std::string_view& system, std::string_view& code) {
  const std::size_t hash = value.find('#');
  if (hash == std::string_view::npos) return false;
  system = value.substr(0, std::min(value.find('|'), hash));
  code = value.substr(hash + 1);
  return IsAbsoluteUri(system) && !code.empty();
}

class FilterChecker {
 public:
  FilterChecker(const RuleContext& context, std::string location, std::string system, std::string property)
      : context_(context), location_(std::move(location)), system_(std::move(system)), property_(std::move(property)) {}

  void CheckValue(const FilterRule& rule, std::string_view value) {
    const std::string quoted = Quoted(value);
    switch (rule.kind) {
      case ValueKind::kBoolean:
        if (value != "true" && value != "false") Error("must be either 'true' or 'false', not " + quoted);
        break;
      case ValueKind::kCode:
        if (value.empty() || value.front() == ' ' || value.back() == ' ') {
          Error("must be a valid code, not " + quoted);
        } else if (rule.code_must_exist &&
                   context_.validator.terminology().CheckCodeSystem(system_, value).membership ==
                       terminology::Membership::kNotMember) {
          Error("must be a valid code from the system '" + system_ + "', and " + quoted + " is not (Unknown code " +
                quoted + " in the CodeSystem '" + system_ + "')");
        }
        break;
      case ValueKind::kCoding: {
        std::string_view system;
        std::string_view code;
        if (!ParseCodingLiteral(value, system, code)) {
          Error("must be in the format system(|version)#code, not " + quoted);
        } else if (context_.validator.terminology().CheckCodeSystem(system, code).membership ==
                   terminology::Membership::kNotMember) {
          Error("is " + quoted + " which is not a valid code (Unknown code '" + std::string(code) +
                "' in the CodeSystem '" + std::string(system) + "')");
        }
        break;
      }
      case ValueKind::kDateTime:
        if (!IsValidDateTime(WithoutPrefix(value))) Error("must be a valid date(/time), not " + quoted);
        break;
      case ValueKind::kDecimal:
        if (!IsDecimalText(WithoutPrefix(value))) Error("must be a decimal value, not " + quoted);
        break;
      case ValueKind::kInteger:
        if (!IsIntegerText(WithoutPrefix(value))) Error("must be an integer value, not " + quoted);
        break;
      case ValueKind::kNone:
        break;
    }
  }

  void Error(const std::string& text) {
    context_.report(location_, Severity::kError, "invalid", "validator.valueset-filter-value",
                    "The value for a filter based on property '" + property_ + "' " + text);
  }

  void Report(Severity severity, const char* id, std::string text) {
    context_.report(location_, severity, "invalid", id, std::move(text));
  }

 private:
  const RuleContext& context_;
  const std::string location_;
  const std::string system_;
  const std::string property_;
};

void CheckFilter(const nlohmann::json& include, const nlohmann::json& filter, const std::string& location,
                 const RuleContext& context) {
  const std::string system(StringAt(include, "system"));
  const std::string property(StringAt(filter, "property"));
  const std::string op(StringAt(filter, "op"));
  const std::string_view value = StringAt(filter, "value");
  if (system.empty() || property.empty()) return;
  FilterChecker checker(context, location, system, property);
  if (system == kSnomed && (property == "constraint" || property == "expression")) {
    // SNOMED CT implicit value sets: the value is an ECL expression (R4 snomedct.html#implicit).
    if (const std::string problem = terminology::EclSyntaxError(value); !problem.empty()) {
      checker.Report(Severity::kError, "validator.valueset-filter-ecl",
                     "The value '" + std::string(value) + "' for the filter " + property + " is invalid: Invalid ECL: " +
                         problem);
    }
    return;
  }
  const std::string_view version = StringAt(include, "version");
  const package::Registry& registry = context.validator.registry();
  const nlohmann::json* cs = version.empty() ? nullptr : registry.FindCodeSystem(std::string(system).append("|").append(version));
  if (cs == nullptr) cs = registry.FindCodeSystem(system);
  if (cs == nullptr) return;  // what the property means is unknown here
  if (!IsKnownProperty(*cs, property)) {
    checker.Report(Severity::kWarning, "validator.valueset-filter-property",
                   "The property '" + property + "' is not known for the system '" + system +
                       "', so may not be understood by the terminology ecosystem");
    return;
  }
  const std::optional<FilterRule> rule = RuleFor(*cs, property);
  if (!rule) return;
  if (!rule->ops.empty() && rule->ops.count(op) == 0) {
    std::string allowed;
    for (const std::string& known : rule->ops) AppendToList(allowed, known, ",");
    checker.Report(Severity::kError, "validator.valueset-filter-op",
                   "The operation '" + op + "' is not allowed for property '" + property + "' in system '" + system +
                       "'. Allowed ops: " + allowed);
  }
  if (op == "exists") {
    checker.CheckValue(FilterRule{.kind = ValueKind::kBoolean}, value);
  } else if (op == "in" || op == "not-in") {
    for (std::string_view rest = value; !rest.empty();) {
      const std::size_t comma = rest.find(',');
      checker.CheckValue(*rule, rest.substr(0, comma));
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  } else if (op != "regex") {
    checker.CheckValue(*rule, value);
  }
}

}  // namespace

void CheckValueSetRules(const nlohmann::json& vs, const RuleContext& context) {
  const auto compose = vs.find("compose");
  if (compose == vs.end()) return;
  for (const char* part : {"include", "exclude"}) {
    const nlohmann::json* rules = ArrayAt(*compose, part);
    for (std::size_t i = 0; rules != nullptr && i < rules->size(); ++i) {
      const nlohmann::json& include = (*rules)[i];
      const std::string location = Indexed(context.location + ".compose", part, i);
      // R4 valueset.html: compose.include.system is the code system's canonical URI; a contained
      // code system is named by its own url (with the valueset-system extension), never by '#id'.
      const std::string_view system = StringAt(include, "system");
      if (!system.empty() && !IsAbsoluteUri(system)) {
        context.report(location, Severity::kError, "invalid", "validator.valueset-system-relative",
                       "URI values in ValueSet.compose." + std::string(part) + ".system must be absolute ('" +
                           std::string(system) + "'); to reference a contained code system, use its url and the "
                           "http://hl7.org/fhir/StructureDefinition/valueset-system extension");
      }
      const nlohmann::json* filters = ArrayAt(include, "filter");
      for (std::size_t j = 0; filters != nullptr && j < filters->size(); ++j) {
        if ((*filters)[j].is_object()) CheckFilter(include, (*filters)[j], Indexed(location, "filter", j), context);
      }
    }
  }
}

}  // namespace pdex::validation::internal

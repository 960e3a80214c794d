// SearchParameter and CapabilityStatement search parameter rules (R4 searchparameter.html,
// capabilitystatement.html, as the HL7 Java validator checks them), against the SearchParameters in
// the registry (the definitions pack carries R4's, reduced to code, base and type):
// - a SearchParameter derived from another (derivedFrom) keeps its type, and each of its bases is a
//   base of the original (or the original applies to every Resource);
// - each union branch of SearchParameter.expression can start from one of its bases: a branch that
//   names another resource type ("Organization.name" on a Patient parameter) or an element no base
//   has is an error (FHIRPath evaluated in strict mode on an empty instance of each base);
// - a CapabilityStatement searchParam whose definition is a known SearchParameter declares its type.
#include "validation/resource_rules.h"

#include "fhirpath/fhirpath.h"
#include "validation/walker.h"

#include <vector>

namespace pdex::validation::internal {
namespace {

std::vector<std::string> Strings(const nlohmann::json& object, const char* key) {
  std::vector<std::string> out;
  const nlohmann::json* values = ArrayAt(object, key);
  for (std::size_t i = 0; values != nullptr && i < values->size(); ++i) {
    if ((*values)[i].is_string()) out.push_back((*values)[i].get<std::string>());
  }
  return out;
}

// The top-level '|' branches of a FHIRPath expression (outside brackets, strings and `names`).
std::vector<std::string_view> UnionBranches(std::string_view expression) {
  std::vector<std::string_view> branches;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < expression.size(); ++i) {
    const char c = expression[i];
    if (quote != 0) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '\'' || c == '`') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    } else if (c == '|' && depth == 0) {
      branches.push_back(expression.substr(start, i - start));
      start = i + 1;
    }
  }
  branches.push_back(expression.substr(start));
  return branches;
}

// The strict-evaluation problem of `branch` on every one of `bases` (empty when one base accepts it).
std::string BranchProblem(std::string_view branch, const std::vector<std::string>& bases, const RuleContext& context) {
  const fhirpath::Result<fhirpath::CompiledExpression> compiled = fhirpath::Compile(branch);
  if (!compiled.ok()) return {};  // a syntax error is reported by the invariants / not ours to judge here
  fhirpath::Environment environment;
  environment.model = &context.validator.type_model();
  environment.strict = true;
  std::string problem;
  for (const std::string& base : bases) {
    if (!context.validator.IsResourceType(base) && base != "Resource" && base != "DomainResource") return {};
    const nlohmann::json instance = {{"resourceType", base}};
    const fhirpath::Result<fhirpath::Collection> result = fhirpath::Evaluate(compiled.value(), instance, environment);
    if (result.ok()) return {};
    if (problem.empty()) problem = result.error().message;
  }
  return problem;
}

void CheckExpression(const nlohmann::json& sp, const RuleContext& context) {
  const std::string_view expression = StringAt(sp, "expression");
  const std::vector<std::string> bases = Strings(sp, "base");
  if (expression.empty() || bases.empty()) return;
  std::string list;
  for (const std::string& base : bases) AppendToList(list, base);
  for (const std::string_view branch : UnionBranches(expression)) {
    const std::string problem = BranchProblem(branch, bases, context);
    if (problem.empty()) continue;
    context.report(context.location + ".expression", Severity::kError, "invalid", "validator.searchparameter-expression",
                   "Error in search expression '" + std::string(expression) + "': " + problem +
                       " (the possible types are: " + list + ")");
    return;
  }
}

void CheckDerivedFrom(const nlohmann::json& sp, const RuleContext& context) {
  const std::string_view original_url = StringAt(sp, "derivedFrom");
  if (original_url.empty()) return;
  const nlohmann::json* original = context.validator.registry().Find("SearchParameter", original_url);
  const std::string url(original_url);
  if (original == nullptr) {
    context.report(context.location, Severity::kWarning, "business-rule", "validator.searchparameter-derived",
                   "Unable to find the base Search Parameter " + url +
                       " so can't check that this SearchParameter is a proper derivation from it");
    return;
  }
  const std::vector<std::string> original_bases = Strings(*original, "base");
  auto has_base = [&](const std::string& type) {
    for (const std::string& base : original_bases) {
      if (base == type || base == "Resource") return true;
    }
    return false;
  };
  for (const std::string& base : Strings(sp, "base")) {
    if (has_base(base)) continue;
    context.report(context.location, Severity::kError, "business-rule", "validator.searchparameter-derived",
                   "The resource type " + base + " is not listed as a base in the SearchParameter this is derived from (" +
                       url + ")");
  }
  const std::string_view type = StringAt(sp, "type");
  const std::string_view original_type = StringAt(*original, "type");
  if (!type.empty() && !original_type.empty() && type != original_type) {
    context.report(context.location, Severity::kError, "business-rule", "validator.searchparameter-derived",
                   "The type " + std::string(type) + " is different to the type " + std::string(original_type) +
                       " in the derivedFrom SearchParameter " + url);
  }
}

void CheckSearchParams(const nlohmann::json& holder, const std::string& location, const RuleContext& context) {
  const nlohmann::json* params = ArrayAt(holder, "searchParam");
  for (std::size_t i = 0; params != nullptr && i < params->size(); ++i) {
    const std::string_view definition = StringAt((*params)[i], "definition");
    const std::string_view type = StringAt((*params)[i], "type");
    if (definition.empty() || type.empty()) continue;
    const nlohmann::json* sp = context.validator.registry().Find("SearchParameter", definition);
    if (sp == nullptr || StringAt(*sp, "type").empty() || StringAt(*sp, "type") == type) continue;
    std::string name(StringAt(*sp, "url"));
    if (!StringAt(*sp, "version").empty()) name.append("|").append(StringAt(*sp, "version"));
    context.report(Indexed(location, "searchParam", i), Severity::kError, "business-rule",
                   "validator.capabilitystatement-searchparam-type",
                   "Type mismatch - SearchParameter '" + name + "' type is " + std::string(StringAt(*sp, "type")) +
                       ", but type here is " + std::string(type));
  }
}

}  // namespace

void CheckSearchParameterRules(const nlohmann::json& sp, const RuleContext& context) {
  CheckDerivedFrom(sp, context);
  CheckExpression(sp, context);
}

void CheckCapabilityStatementRules(const nlohmann::json& statement, const RuleContext& context) {
  const nlohmann::json* rests = ArrayAt(statement, "rest");
  for (std::size_t r = 0; rests != nullptr && r < rests->size(); ++r) {
    const std::string rest_location = Indexed(context.location, "rest", r);
    CheckSearchParams((*rests)[r], rest_location, context);
    const nlohmann::json* resources = ArrayAt((*rests)[r], "resource");
    for (std::size_t i = 0; resources != nullptr && i < resources->size(); ++i) {
      CheckSearchParams((*resources)[i], Indexed(rest_location, "resource", i), context);
    }
  }
}

}  // namespace pdex::validation::internal

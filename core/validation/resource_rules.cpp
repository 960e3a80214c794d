// Rules the R4 specification states for particular resource types, beyond what their
// StructureDefinitions express: canonical URLs of canonical resources and Bundle links and search
// results here; the other resource types' rules are dispatched to their own files (resource_rules.h).
// Each rule names the specification text it comes from; the HL7 validator applies the same ones.
#include "validation/resource_rules.h"

#include "validation/primitives.h"
#include "validation/walker.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace pdex::validation::internal {
namespace {

// R4 resources with a canonical url (R4 resource.html "canonical resources" as listed by the HL7
// validator for R4, where no CanonicalResource interface exists yet).
constexpr std::array<std::string_view, 27> kCanonicalResources = {
    "ActivityDefinition", "CapabilityStatement", "ChargeItemDefinition", "CodeSystem", "CompartmentDefinition",
    "ConceptMap", "EffectEvidenceSynthesis", "EventDefinition", "Evidence", "EvidenceVariable", "ExampleScenario",
    "GraphDefinition", "ImplementationGuide", "Library", "Measure", "MessageDefinition", "OperationDefinition",
    "PlanDefinition", "Questionnaire", "ResearchDefinition", "ResearchElementDefinition", "RiskEvidenceSynthesis",
    "SearchParameter", "StructureDefinition", "StructureMap", "TerminologyCapabilities", "ValueSet"};

bool IsCanonicalResource(std::string_view type) {
  for (const std::string_view known : kCanonicalResources) {
    if (known == type) return true;
  }
  return false;
}

// The resource types a search Bundle's self link searched for: the path's last segment when it is
// a resource type, and the values of a _type parameter (R4 search.html#_type).
std::set<std::string> SearchedTypes(std::string_view self, const package::Registry& registry) {
  std::set<std::string> types;
  const std::size_t query = self.find('?');
  const std::string_view path = self.substr(0, query);
  const std::string_view last = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  auto add = [&](std::string_view type) {
    const nlohmann::json* sd = registry.FindTypeDefinition(type);
    if (sd != nullptr && StringAt(*sd, "kind") == "resource") types.emplace(type);
  };
  add(last);
  if (query == std::string_view::npos) return types;
  std::string_view params = self.substr(query + 1);
  while (!params.empty()) {
    const std::size_t amp = params.find('&');
    const std::string_view param = params.substr(0, amp);
    if (param.substr(0, 6) == "_type=") {
      std::string_view list = param.substr(6);
      while (!list.empty()) {
        const std::size_t comma = list.find(',');
        add(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
      }
    }
    params = amp == std::string_view::npos ? std::string_view() : params.substr(amp + 1);
  }
  return types;
}

}  // namespace

std::string Indexed(const std::string& location, std::string_view name, std::size_t index) {
  std::string out = location;
  out.append(".").append(name).append("[").append(std::to_string(index)).append("]");
  return out;
}

std::string Quoted(std::string_view text) {
  std::string out(1, '\'');
  out.append(text).append("'");
  return out;
}

void AppendToList(std::string& list, std::string_view item, std::string_view separator) {
  if (!list.empty()) list.append(separator);
  list.append(item);
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string list;
  for (const std::string& item : items) AppendToList(list, item);
  return list;
}

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

void Walker::CheckResourceRules(const nlohmann::json& resource, std::string_view type, bool contained) {
  if (IsCanonicalResource(type)) {
    // R4 resource.html#canonical: the canonical url is an absolute URI; a contained resource may
    // omit it but, when present, it is absolute too.
    const std::string_view url = StringAt(resource, "url");
    if (!url.empty() && !IsAbsoluteUri(url)) {
      ReportAt(path_ + ".url", Severity::kError, "invalid", "validator.canonical-url-relative",
               std::string(contained ? "Canonical URLs in contained resources must be absolute URLs if present ("
                                     : "Canonical URLs must be absolute URLs if they are not fragment references (") +
                   std::string(url) + ")");
    }
    if (options_.for_publication) CheckHl7WorkGroup(resource);
    if (const auto experimental = resource.find("experimental");
        options_.no_experimental_content && experimental != resource.end() && *experimental == true) {
      Report(Severity::kError, "business-rule", "validator.experimental-content",
             "Experimental content is not allowed in this context");
    }
  }
  if (type == "Bundle") {
    CheckBundleRules(resource);
    return;
  }
  using Check = void (*)(const nlohmann::json&, const RuleContext&);
  static constexpr std::array<std::pair<std::string_view, Check>, 8> kChecks = {{
      {"CodeSystem", CheckCodeSystemRules},
      {"ValueSet", CheckValueSetRules},
      {"ConceptMap", CheckConceptMapRules},
      {"MeasureReport", CheckMeasureReportRules},
      {"SearchParameter", CheckSearchParameterRules},
      {"CapabilityStatement", CheckCapabilityStatementRules},
      {"OperationDefinition", CheckOperationDefinitionRules},
      {"StructureDefinition", CheckStructureDefinitionRules},
  }};
  for (const auto& [name, check] : kChecks) {
    if (name != type) continue;
    const RuleReporter report = [this](const std::string& location, Severity severity, const char* code,
                                       const char* id, std::string diagnostics) {
      ReportAt(location, severity, code, id, std::move(diagnostics));
    };
    check(resource, RuleContext{validator_, path_, report});
  }
}

void Walker::CheckBundleRules(const nlohmann::json& bundle) {
  // R4 bundle.html#links: each link relation describes the Bundle once.
  const nlohmann::json* links = ArrayAt(bundle, "link");
  std::set<std::string_view> relations;
  std::string_view self;
  for (std::size_t i = 0; links != nullptr && i < links->size(); ++i) {
    const std::string_view relation = StringAt((*links)[i], "relation");
    if (relation.empty()) continue;
    if (relation == "self" && self.empty()) self = StringAt((*links)[i], "url");
    if (!relations.insert(relation).second) {
      ReportAt(path_ + ".link[" + std::to_string(i) + "]", Severity::kError, "invalid", "validator.bundle-link-duplicate",
               "The link relationship type '" + std::string(relation) + "' can only occur once");
    }
  }
  if (StringAt(bundle, "type") == "document") CheckDocumentSections(bundle);
  if (StringAt(bundle, "type") != "searchset") return;
  // R4 bundle.html#searchset / search.html#return: matches and includes are resources with ids;
  // matches are of the searched type(s); an 'outcome' entry is an OperationOutcome.
  const std::set<std::string> searched = SearchedTypes(self, validator_.registry());
  const nlohmann::json* entries = ArrayAt(bundle, "entry");
  for (std::size_t i = 0; entries != nullptr && i < entries->size(); ++i) {
    const nlohmann::json& entry = (*entries)[i];
    const auto resource = entry.is_object() ? entry.find("resource") : entry.end();
    const auto search = entry.is_object() ? entry.find("search") : entry.end();
    if (resource == entry.end() || !resource->is_object() || search == entry.end()) continue;
    const std::string_view mode = StringAt(*search, "mode");
    const std::string type(StringAt(*resource, "resourceType"));
    const std::string location = path_ + ".entry[" + std::to_string(i) + "].resource";
    if ((mode == "match" || mode == "include") && StringAt(*resource, "id").empty()) {
      ReportAt(location, Severity::kError, "invalid", "validator.bundle-search-no-id", "Search results must have ids");
    }
    if (mode == "match" && !searched.empty() && searched.count(type) == 0) {
      std::string list;
      for (const std::string& t : searched) AppendToList(list, t);
      ReportAt(location, Severity::kError, "invalid", "validator.bundle-search-wrong-type",
               "This is not a matching resource type for the specified search (" + type + " expecting [" + list + "])");
    }
    if (mode == "outcome" && type != "OperationOutcome") {
      ReportAt(location, Severity::kError, "invalid", "validator.bundle-search-outcome-type",
               "This is not an OperationOutcome (" + type + ")");
    }
  }
}

}  // namespace pdex::validation::internal

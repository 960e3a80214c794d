#include "terminology/terminology.h"

#include "json/fields.h"
#include "terminology/code_syntax.h"

#include <algorithm>
#include <array>
#include <functional>

namespace pdex::terminology {
namespace {

struct ExternalSystem {
  std::string_view prefix;
  std::string_view name;
};

// Code systems a terminology server has to answer for (http://hl7.org/fhir/R4/terminologies-systems.html).
// ISO 3166-1, ISO 4217 and UN M49 are not here: the definitions pack holds them complete.
constexpr std::array<ExternalSystem, 15> kExternalSystems{{
    {"http://snomed.info/sct", "SNOMED CT"},
    {"http://loinc.org", "LOINC"},
    {"http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm"},
    {"http://hl7.org/fhir/sid/icd-", "ICD"},
    {"http://www.cms.gov/Medicare/Coding/ICD", "ICD"},
    {"http://www.ama-assn.org/go/cpt", "CPT"},
    {"http://hl7.org/fhir/sid/ndc", "NDC"},
    {"http://unitsofmeasure.org", "UCUM"},
    {"http://hl7.org/fhir/sid/cvx", "CVX"},
    {"urn:ietf:bcp:47", "BCP-47 language tags"},
    {"urn:ietf:bcp:13", "BCP-13 MIME types"},
    {"urn:iso:std:iso:3166:-2", "ISO 3166-2 subdivision codes"},
    {"http://nucc.org/provider-taxonomy", "NUCC provider taxonomy"},
    {"https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "HCPCS"},
    {"http://www.ada.org/cdt", "CDT"},
}};

using json::ArrayAt;
using json::StringAt;


std::string JoinKey(std::string_view system, std::string_view code) {
  std::string key(system);
  key += '|';
  key += code;
  return key;
}

std::string ExternalName(std::string_view system) {
  for (const ExternalSystem& external : kExternalSystems) {
    if (system.substr(0, external.prefix.size()) == external.prefix) return std::string(external.name);
  }
  return {};
}

}  // namespace

bool IsExternalCodeSystem(std::string_view system) { return !ExternalName(system).empty(); }

bool IsEnglish(std::string_view language) {
  return language.empty() || language == "en" || language.substr(0, 3) == "en-";
}

const TerminologyService::CodeSystemIndex& TerminologyService::IndexCodeSystem(std::string_view system) const {
  const std::string key(system);
  auto it = code_systems_.find(key);
  if (it != code_systems_.end()) return *it->second;
  auto index = std::make_unique<CodeSystemIndex>();
  const std::string external = ExternalName(system);
  const nlohmann::json* cs = external.empty() ? registry_.FindCodeSystem(system) : nullptr;
  if (!external.empty()) {
    index->reason = external + " (" + key + ") needs a terminology server";
  } else if (cs == nullptr) {
    index->reason = "code system " + key + " is not loaded";
  } else if (StringAt(*cs, "content") != "complete" && StringAt(*cs, "content") != "") {
    index->reason = "code system " + key + " is only partly defined here (content = " +
                    std::string(StringAt(*cs, "content")) + ")";
  } else {
    index->enumerable = true;
    index->english = IsEnglish(StringAt(*cs, "language"));
    // Concepts nest by subsumption (hierarchyMeaning is-a in almost all R4 code systems).
    std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& concepts,
                                                                            const std::string& parent) {
      for (const nlohmann::json& item : concepts) {
        const std::string code(StringAt(item, "code"));
        if (code.empty()) continue;
        index->displays.emplace(code, std::string(StringAt(item, "display")));
        if (const nlohmann::json* designations = ArrayAt(item, "designation")) {
          for (const nlohmann::json& designation : *designations) {
            if (!StringAt(designation, "value").empty() && IsEnglish(StringAt(designation, "language"))) {
              index->designations[code].emplace_back(StringAt(designation, "value"));
            }
          }
        }
        if (!parent.empty()) index->children[parent].push_back(code);
        if (const nlohmann::json* nested = ArrayAt(item, "concept")) walk(*nested, code);
      }
    };
    if (const nlohmann::json* concepts = ArrayAt(*cs, "concept")) walk(*concepts, "");
  }
  return *code_systems_.emplace(key, std::move(index)).first->second;
}

void TerminologyService::AddInclude(const nlohmann::json& include, Expansion& out, int depth, bool exclude) const {
  const std::string system(StringAt(include, "system"));
  const nlohmann::json* concepts = ArrayAt(include, "concept");
  const nlohmann::json* filters = ArrayAt(include, "filter");
  if (const nlohmann::json* imports = ArrayAt(include, "valueSet"); imports != nullptr && !exclude) {
    // include.valueSet with no system/concepts: union of the imported sets. With a system too, the
    // spec asks for the intersection; we approximate by the system's own part (a superset).
    if (system.empty()) {
      for (const nlohmann::json& url : *imports) {
        if (!url.is_string()) continue;
        const nlohmann::json* imported = registry_.FindValueSet(url.get<std::string>());
        if (imported == nullptr || depth >= kMaxImportDepth) {
          out.open_systems.emplace("", "imported value set " + url.get<std::string>() + " is not loaded");
          continue;
        }
        ExpandInto(*imported, out, depth + 1);
      }
      return;
    }
  }
  if (system.empty()) return;
  if (concepts != nullptr) {
    for (const nlohmann::json& item : *concepts) {
      const std::string key = JoinKey(system, StringAt(item, "code"));
      if (exclude) {
        out.codes.erase(key);
      } else if (out.codes.size() < kMaxExpansionCodes) {
        out.codes.insert(key);
        const std::string_view display = StringAt(item, "display");
        if (!display.empty()) out.displays[key] = std::string(display);
      }
    }
    return;
  }
  if (exclude) return;  // excluding by filter or whole system: leave the codes (documented superset)
  const CodeSystemIndex& index = IndexCodeSystem(system);
  if (!index.enumerable) {
    out.open_systems.emplace(system, index.reason);
    return;
  }
  std::vector<std::string> selected;
  if (filters == nullptr || filters->empty()) {
    for (const auto& [code, display] : index.displays) selected.push_back(code);
  } else {
    for (const nlohmann::json& filter : *filters) {
      const std::string_view op = StringAt(filter, "op");
      const std::string_view property = StringAt(filter, "property");
      const std::string value(StringAt(filter, "value"));
      if ((op == "is-a" || op == "descendent-of") && property == "concept") {
        std::vector<std::string> stack{value};
        if (op == "is-a" && index.displays.count(value) > 0) selected.push_back(value);
        while (!stack.empty()) {
          const std::string code = std::move(stack.back());
          stack.pop_back();
          const auto children = index.children.find(code);
          if (children == index.children.end()) continue;
          for (const std::string& child : children->second) {
            selected.push_back(child);
            stack.push_back(child);
          }
        }
      } else if (op == "=" && property == "concept") {
        if (index.displays.count(value) > 0) selected.push_back(value);
      } else {
        out.open_systems.emplace(system, "filter '" + std::string(property) + " " + std::string(op) + " " + value +
                                             "' on " + system + " is not supported locally");
        return;
      }
    }
  }
  for (const std::string& code : selected) {
    if (out.codes.size() >= kMaxExpansionCodes) {
      out.open_systems.emplace(system, "expansion truncated at " + std::to_string(kMaxExpansionCodes) + " codes");
      break;
    }
    const std::string key = JoinKey(system, code);
    out.codes.insert(key);
    const auto display = index.displays.find(code);
    if (display != index.displays.end() && !display->second.empty()) out.displays[key] = display->second;
  }
}

void TerminologyService::ExpandInto(const nlohmann::json& value_set, Expansion& out, int depth) const {
  if (const nlohmann::json* compose = value_set.is_object() && value_set.contains("compose") ? &value_set["compose"] : nullptr) {
    if (const nlohmann::json* includes = ArrayAt(*compose, "include")) {
      for (const nlohmann::json& include : *includes) AddInclude(include, out, depth, /*exclude=*/false);
    }
    if (const nlohmann::json* excludes = ArrayAt(*compose, "exclude")) {
      for (const nlohmann::json& exclude : *excludes) AddInclude(exclude, out, depth, /*exclude=*/true);
    }
    return;
  }
  // No compose: use a stored expansion if there is one.
  const auto expansion = value_set.find("expansion");
  if (expansion == value_set.end()) return;
  std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& contains) {
    for (const nlohmann::json& item : contains) {
      if (!StringAt(item, "code").empty()) out.codes.insert(JoinKey(StringAt(item, "system"), StringAt(item, "code")));
      if (const nlohmann::json* nested = ArrayAt(item, "contains")) walk(*nested);
    }
  };
  if (const nlohmann::json* contains = ArrayAt(*expansion, "contains")) walk(*contains);
}

const Expansion& TerminologyService::Expand(std::string_view value_set) const {
  const std::string key(value_set);
  auto it = expansions_.find(key);
  if (it != expansions_.end()) return *it->second;
  auto expansion = std::make_unique<Expansion>();
  const nlohmann::json* vs = registry_.FindValueSet(value_set);
  if (vs == nullptr) {
    expansion->found = false;
    expansion->reason = "value set " + key + " is not loaded";
  } else {
    ExpandInto(*vs, *expansion, 0);
  }
  return *expansions_.emplace(key, std::move(expansion)).first->second;
}

CodeCheck TerminologyService::CheckCode(std::string_view value_set, std::string_view system,
                                        std::string_view code) const {
  const Expansion& expansion = Expand(value_set);
  if (!expansion.found) return {Membership::kNotChecked, expansion.reason, {}};
  if (!system.empty()) {
    const std::string key = JoinKey(system, code);
    if (expansion.codes.count(key) > 0) {
      const auto display = expansion.displays.find(key);
      return {Membership::kMember, {}, display == expansion.displays.end() ? std::string() : display->second};
    }
    auto open = expansion.open_systems.find(std::string(system));
    if (open != expansion.open_systems.end()) {
      // The system's codes are not enumerable here, but a malformed code is none of them.
      if (std::string malformed = MalformedCode(system, code); !malformed.empty()) {
        return {Membership::kNotMember, std::move(malformed), {}};
      }
      return {Membership::kNotChecked, open->second, {}};
    }
    open = expansion.open_systems.find("");
    if (open != expansion.open_systems.end()) return {Membership::kNotChecked, open->second, {}};
    return {Membership::kNotMember, {}, {}};
  }
  for (const std::string& key : expansion.codes) {
    const std::size_t bar = key.rfind('|');
    if (std::string_view(key).substr(bar + 1) == code) return {Membership::kMember, {}, {}};
  }
  // A bare code: not a member when no open system can hold it by its code syntax.
  for (const auto& [open_system, reason] : expansion.open_systems) {
    if (open_system.empty() || MalformedCode(open_system, code).empty()) return {Membership::kNotChecked, reason, {}};
  }
  return {Membership::kNotMember, {}, {}};
}

bool TerminologyService::CollectSystemsForCode(const nlohmann::json& value_set, std::string_view code,
                                               std::vector<std::string>& out, int depth) const {
  const auto compose = value_set.find("compose");
  if (compose == value_set.end() || !compose->is_object()) {
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& contains) {
      for (const nlohmann::json& item : contains) {
        if (StringAt(item, "code") == code) out.emplace_back(StringAt(item, "system"));
        if (const nlohmann::json* nested = ArrayAt(item, "contains")) walk(*nested);
      }
    };
    if (const auto expansion = value_set.find("expansion"); expansion != value_set.end()) {
      if (const nlohmann::json* contains = ArrayAt(*expansion, "contains")) walk(*contains);
    }
    return true;
  }
  const nlohmann::json* includes = ArrayAt(*compose, "include");
  if (includes == nullptr) return true;
  for (const nlohmann::json& include : *includes) {
    if (const nlohmann::json* imports = ArrayAt(include, "valueSet")) {
      for (const nlohmann::json& url : *imports) {
        const nlohmann::json* imported = url.is_string() ? registry_.FindValueSet(url.get<std::string>()) : nullptr;
        if (imported == nullptr || depth >= kMaxImportDepth) return false;
        if (!CollectSystemsForCode(*imported, code, out, depth + 1)) return false;
      }
    }
    const std::string_view system = StringAt(include, "system");
    if (system.empty()) {
      if (ArrayAt(include, "valueSet") == nullptr) return false;
      continue;
    }
    if (const nlohmann::json* filters = ArrayAt(include, "filter"); filters != nullptr && !filters->empty()) return false;
    if (const nlohmann::json* concepts = ArrayAt(include, "concept")) {
      for (const nlohmann::json& item : *concepts) {
        if (StringAt(item, "code") == code) out.emplace_back(system);
      }
      continue;
    }
    const CodeSystemIndex& index = IndexCodeSystem(system);
    if (!index.enumerable) return false;
    if (index.displays.count(std::string(code)) > 0) out.emplace_back(system);
  }
  return true;
}

std::optional<std::vector<std::string>> TerminologyService::SystemsForCode(std::string_view value_set,
                                                                           std::string_view code) const {
  const nlohmann::json* vs = registry_.FindValueSet(value_set);
  std::vector<std::string> systems;
  if (vs == nullptr || !CollectSystemsForCode(*vs, code, systems, 0)) return std::nullopt;
  std::sort(systems.begin(), systems.end());
  systems.erase(std::unique(systems.begin(), systems.end()), systems.end());
  return systems;
}

CodeCheck TerminologyService::CheckCodeSystem(std::string_view system, std::string_view code) const {
  const CodeSystemIndex& index = IndexCodeSystem(system);
  if (!index.enumerable) {
    if (std::string malformed = MalformedCode(system, code); !malformed.empty()) {
      return {Membership::kNotMember, std::move(malformed), {}};
    }
    return {Membership::kNotChecked, index.reason, {}};
  }
  const auto it = index.displays.find(std::string(code));
  if (it != index.displays.end()) return {Membership::kMember, {}, it->second};
  // A v2 table code with the placeholder "xxx" stands for a family of codes, the placeholder being
  // an ISO 3166 three-letter country code (v2-0203 "NNxxx": national person identifier, so NNFIN).
  if (code.size() > 3) {
    const std::string pattern = std::string(code.substr(0, code.size() - 3)) + "xxx";
    const auto family = index.displays.find(pattern);
    const std::string_view country = code.substr(code.size() - 3);
    const bool alpha3 = std::all_of(country.begin(), country.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (family != index.displays.end() && alpha3) return {Membership::kMember, {}, family->second};
  }
  return {Membership::kNotMember, {}, {}};
}

}  // namespace pdex::terminology

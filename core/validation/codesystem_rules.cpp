// CodeSystem rules (R4 codesystem.html, and the checks of the HL7 Java validator's CodeSystemValidator):
// supplements declare content = supplement; `count` agrees with the concepts of a complete code
// system; content = not-present has no concepts; property definitions are unique by code and uri,
// absolute, and agree with the standard properties of http://hl7.org/fhir/concept-properties (as
// the Java validator lists them); concept property values have the type their definition declares.
#include "validation/resource_rules.h"

#include "validation/primitives.h"
#include "validation/walker.h"

#include <array>
#include <map>
#include <set>

namespace pdex::validation::internal {
namespace {

constexpr std::string_view kConceptProperties = "http://hl7.org/fhir/concept-properties#";

// The standard concept properties and their types (the Java validator's KnownProperty list).
struct KnownProperty {
  std::string_view code;
  std::string_view type;
};
constexpr std::array<KnownProperty, 12> kKnownProperties = {{
    {"status", "code"},
    {"inactive", "boolean"},
    {"effectiveDate", "dateTime"},
    {"deprecationDate", "dateTime"},
    {"retirementDate", "dateTime"},
    {"notSelectable", "boolean"},
    {"parent", "code"},
    {"child", "code"},
    {"partOf", "code"},
    {"synonym", "code"},
    {"comment", "string"},
    {"itemWeight", "decimal"},
}};

const KnownProperty* KnownByCode(std::string_view code) {
  for (const KnownProperty& known : kKnownProperties) {
    if (known.code == code) return &known;
  }
  return nullptr;
}

const KnownProperty* KnownByUri(std::string_view uri) {
  if (uri.substr(0, kConceptProperties.size()) != kConceptProperties) return nullptr;
  return KnownByCode(uri.substr(kConceptProperties.size()));
}

std::size_t CountConcepts(const nlohmann::json& holder) {
  const nlohmann::json* concepts = ArrayAt(holder, "concept");
  std::size_t count = concepts == nullptr ? 0 : concepts->size();
  for (std::size_t i = 0; concepts != nullptr && i < concepts->size(); ++i) count += CountConcepts((*concepts)[i]);
  return count;
}

void CheckCount(const nlohmann::json& cs, const RuleContext& context) {
  const std::string_view content = StringAt(cs, "content");
  const auto count = cs.find("count");
  if (count != cs.end() && count->is_number_unsigned()) {
    const std::size_t stated = count->get<std::size_t>();
    const std::size_t actual = CountConcepts(cs);
    const std::string numbers = std::string("(").append(std::to_string(actual)).append(") ");
    if (content == "complete" && actual != stated) {
      context.report(context.location + ".count", Severity::kError, "invalid", "validator.codesystem-count",
                     "The code system is complete, but the number of concepts " + numbers +
                         "does not match the stated total number (" + std::to_string(stated) + ")");
    } else if ((content == "example" || content == "fragment") && actual >= stated) {
      context.report(context.location + ".count", Severity::kWarning, "invalid", "validator.codesystem-count",
                     "The code system is a " + std::string(content) + ", but the number of concepts " + numbers +
                         "exceeds or matches the stated total number (" + std::to_string(stated) + ")");
    }
  }
  const nlohmann::json* concepts = ArrayAt(cs, "concept");
  if (content == "not-present" && concepts != nullptr && !concepts->empty()) {
    context.report(Indexed(context.location, "concept", 0), Severity::kError, "invalid",
                   "validator.codesystem-concepts-not-present", "When content = not-present, no concepts should be present");
  }
}

// Checks CodeSystem.property[] and returns the definitions by code (the first one wins).
std::map<std::string, std::string> CheckPropertyDefinitions(const nlohmann::json& cs, const RuleContext& context) {
  std::map<std::string, std::string> types;  // code -> declared type
  std::set<std::string> uris;
  const nlohmann::json* properties = ArrayAt(cs, "property");
  for (std::size_t i = 0; properties != nullptr && i < properties->size(); ++i) {
    const nlohmann::json& property = (*properties)[i];
    const std::string location = Indexed(context.location, "property", i);
    const std::string uri(StringAt(property, "uri"));
    const std::string code(StringAt(property, "code"));
    const std::string_view type = StringAt(property, "type");
    auto error = [&](const char* id, std::string text) {
      context.report(location, Severity::kError, "business-rule", id, std::move(text));
    };
    const KnownProperty* by_uri = nullptr;
    if (!uri.empty()) {
      if (!IsAbsoluteUri(uri)) {
        error("validator.codesystem-property-uri", "The property URI '" + uri + "' must be an absolute URI");
      } else {
        if (!uris.insert(uri).second) {
          error("validator.codesystem-property-duplicate", "A property is already defined with the URI '" + uri + "'");
        }
        by_uri = KnownByUri(uri);
      }
    }
    if (!code.empty() && !types.emplace(code, std::string(type)).second) {
      error("validator.codesystem-property-duplicate", "A property is already defined with the code '" + code + "'");
    }
    const KnownProperty* by_code = KnownByCode(code);
    if (by_uri != nullptr) {
      // A standard property keeps its standard code and type.
      if (by_code != nullptr && by_code != by_uri) {
        error("validator.codesystem-property-standard",
              "The URI '" + uri + "' is normally assigned the code '" + std::string(by_uri->code) + "'. Using the code '" +
                  code + "' will usually create confusion in ValueSet filters etc");
      }
      if (!type.empty() && type != by_uri->type) {
        error("validator.codesystem-property-standard", "Wrong type '" + std::string(type) + "': The URI '" + uri +
                                                            "' identifies a property that has the type '" +
                                                            std::string(by_uri->type) + "'");
      }
    } else if (uri.empty() && by_code != nullptr) {
      const std::string standard = std::string(kConceptProperties) + code;
      context.report(location, Severity::kWarning, "business-rule", "validator.codesystem-property-standard",
                     "This property has only the standard code ('" + code + "') but not the standard URI '" + standard +
                         "', so it has no clearly defined meaning in the terminology ecosystem");
      if (!type.empty() && type != by_code->type) {
        context.report(location, Severity::kWarning, "business-rule", "validator.codesystem-property-standard",
                       "Wrong type '" + std::string(type) + "': The code '" + code +
                           "' identifies a property that has the type '" + std::string(by_code->type) + "'");
      }
    }
  }
  return types;
}

// The FHIR type of a concept property's value[x] (valueCoding -> Coding, valueBoolean -> boolean).
std::string ValueType(const nlohmann::json& property) {
  for (const auto& [key, value] : property.items()) {
    if (key.size() <= 5 || key.compare(0, 5, "value") != 0) continue;
    std::string type = key.substr(5);
    if (type != "Coding") type[0] = static_cast<char>(type[0] - 'A' + 'a');
    return type;
  }
  return {};
}

void CheckConceptProperties(const nlohmann::json& holder, const std::string& location,
                            const std::map<std::string, std::string>& types, const RuleContext& context) {
  const nlohmann::json* concepts = ArrayAt(holder, "concept");
  for (std::size_t i = 0; concepts != nullptr && i < concepts->size(); ++i) {
    const std::string concept_location = Indexed(location, "concept", i);
    const nlohmann::json* properties = ArrayAt((*concepts)[i], "property");
    for (std::size_t j = 0; properties != nullptr && j < properties->size(); ++j) {
      const std::string code(StringAt((*properties)[j], "code"));
      if (code.empty()) continue;
      const std::string property_location = Indexed(concept_location, "property", j);
      const auto definition = types.find(code);
      if (definition == types.end()) {
        context.report(property_location, Severity::kWarning, "business-rule", "validator.codesystem-property-undefined",
                       "The property '" + code + "' has no definition in CodeSystem.property. Many terminology tools "
                       "won't know what to do with it");
        continue;
      }
      const std::string type = ValueType((*properties)[j]);
      if (!type.empty() && !definition->second.empty() && type != definition->second) {
        context.report(property_location, Severity::kError, "business-rule", "validator.codesystem-property-value-type",
                       "The property '" + code + "' has the invalid type '" + type +
                           "', when it is defined to have the type '" + definition->second + "'");
      }
    }
    CheckConceptProperties((*concepts)[i], concept_location, types, context);
  }
}

}  // namespace

void CheckCodeSystemRules(const nlohmann::json& cs, const RuleContext& context) {
  // R4 codesystem.html#supplements: a supplement declares content = supplement.
  if (!StringAt(cs, "supplements").empty() && StringAt(cs, "content") != "supplement") {
    context.report(context.location + ".content", Severity::kError, "invalid", "validator.codesystem-supplement-content",
                   "CodeSystem supplements SHALL have a content value of 'supplement'");
  }
  CheckCount(cs, context);
  CheckConceptProperties(cs, context.location, CheckPropertyDefinitions(cs, context), context);
}

}  // namespace pdex::validation::internal

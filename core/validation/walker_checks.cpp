// Value-level checks: fixed[x]/pattern[x], bindings and codes, references, extensions.
#include "validation/walker.h"

#include "fhirpath/evaluator.h"
#include "validation/primitives.h"
#include "validation/relative_time.h"
#include "validation/resource_rules.h"

#include <cmath>
#include <ctime>
#include <optional>

namespace pdex::validation::internal {
namespace {

bool NumbersEqual(const nlohmann::json& a, const nlohmann::json& b) {
  return a.is_number() && b.is_number() && std::fabs(a.get<double>() - b.get<double>()) <= 1e-12 * std::max(1.0, std::fabs(a.get<double>()));
}

constexpr std::string_view kCoreSd = "http://hl7.org/fhir/StructureDefinition/";

bool IsExampleUrl(std::string_view url) {
  return url.find("example.org") != std::string_view::npos || url.find("acme.com") != std::string_view::npos;
}

}  // namespace

bool MatchesPattern(const nlohmann::json& pattern, const nlohmann::json& value) {
  if (pattern.is_object()) {
    if (!value.is_object()) return false;
    for (auto it = pattern.begin(); it != pattern.end(); ++it) {
      const auto found = value.find(it.key());
      if (found == value.end() || !MatchesPattern(it.value(), *found)) return false;
    }
    return true;
  }
  if (pattern.is_array()) {
    if (!value.is_array()) return pattern.size() == 1 && MatchesPattern(pattern[0], value);
    for (const nlohmann::json& wanted : pattern) {
      bool any = false;
      for (const nlohmann::json& item : value) any = any || MatchesPattern(wanted, item);
      if (!any) return false;
    }
    return true;
  }
  if (pattern.is_number()) return NumbersEqual(pattern, value);
  return pattern == value;
}

bool MatchesFixed(const nlohmann::json& fixed, const nlohmann::json& value) {
  if (fixed.is_object()) {
    if (!value.is_object()) return false;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!fixed.contains(it.key()) && it.key() != "id" && it.key() != "extension") return false;
    }
    for (auto it = fixed.begin(); it != fixed.end(); ++it) {
      const auto found = value.find(it.key());
      if (found == value.end() || !MatchesFixed(it.value(), *found)) return false;
    }
    return true;
  }
  if (fixed.is_array()) {
    if (!value.is_array() || value.size() != fixed.size()) return false;
    for (std::size_t i = 0; i < fixed.size(); ++i) {
      if (!MatchesFixed(fixed[i], value[i])) return false;
    }
    return true;
  }
  if (fixed.is_number()) return NumbersEqual(fixed, value);
  return fixed == value;
}

std::string TypeOfProfile(const package::Registry& registry, std::string_view url) {
  const std::size_t bar = url.find('|');
  const std::string_view plain = url.substr(0, bar);
  if (plain.substr(0, kCoreSd.size()) == kCoreSd && plain.find('/', kCoreSd.size()) == std::string_view::npos) {
    if (const nlohmann::json* sd = registry.FindStructureDefinition(plain)) return std::string(StringAt(*sd, "type"));
    return std::string(plain.substr(kCoreSd.size()));
  }
  if (const nlohmann::json* sd = registry.FindStructureDefinition(url)) return std::string(StringAt(*sd, "type"));
  return {};
}

void Walker::CheckFixedPattern(const nlohmann::json* value, const ElementNode& node) {
  const nlohmann::json* expected = node.fixed_or_pattern;
  const bool is_pattern = node.is_pattern;
  if (expected == nullptr) return;
  if (value == nullptr) {
    Report(Severity::kError, "value", is_pattern ? "validator.pattern-mismatch" : "validator.fixed-mismatch",
           std::string("missing value; the profile requires ") + (is_pattern ? "pattern " : "fixed value ") +
               expected->dump());
    return;
  }
  if (is_pattern ? MatchesPattern(*expected, *value) : MatchesFixed(*expected, *value)) return;
  if (!is_pattern && expected->is_object() && value->is_object()) {
    ReportFixedDifferences(*expected, *value, path_, node);
    return;
  }
  Report(Severity::kError, "value", is_pattern ? "validator.pattern-mismatch" : "validator.fixed-mismatch",
         std::string("value ") + value->dump().substr(0, 300) + " does not match the " +
             (is_pattern ? "pattern " : "fixed value ") + expected->dump().substr(0, 300) + " of " + node.id);
}

void Walker::ReportFixedDifferences(const nlohmann::json& fixed, const nlohmann::json& value,
                                    const std::string& location, const ElementNode& node) {
  auto mismatch = [&](const std::string& where, std::string what) {
    ReportAt(where, Severity::kError, "value", "validator.fixed-mismatch", what + " (fixed value of " + node.id + ")");
  };
  if (fixed.is_object() && value.is_object()) {
    // Element by element, as the HL7 validator reports them: what the instance adds (other than id
    // and extensions), what it lacks, and each differing value.
    for (auto it = value.begin(); it != value.end(); ++it) {
      const std::string& key = it.key();
      if (key == "id" || key == "extension" || key[0] == '_' || fixed.contains(key)) continue;
      mismatch(location + "." + key, "the element " + key + " is present but not allowed by the fixed value");
    }
    for (auto it = fixed.begin(); it != fixed.end(); ++it) {
      const auto found = value.find(it.key());
      if (found == value.end()) {
        mismatch(location + "." + it.key(), "the element " + it.key() + " is missing; the fixed value has " +
                                                it.value().dump().substr(0, 300));
      } else if (!MatchesFixed(it.value(), *found)) {
        ReportFixedDifferences(it.value(), *found, location + "." + it.key(), node);
      }
    }
    return;
  }
  if (fixed.is_array() && value.is_array() && fixed.size() == value.size()) {
    for (std::size_t i = 0; i < fixed.size(); ++i) {
      if (MatchesFixed(fixed[i], value[i])) continue;
      ReportFixedDifferences(fixed[i], value[i], location + "[" + std::to_string(i) + "]", node);
    }
    return;
  }
  mismatch(location, "value " + value.dump().substr(0, 300) + " but it is fixed to " + fixed.dump().substr(0, 300));
}

namespace {

// -1 / 0 / 1 comparing two values of one kind; nullopt when not comparable here (different units,
// partial dates of different precision...).
std::optional<int> Compare(const nlohmann::json& value, const nlohmann::json& bound) {
  if (value.is_number() && bound.is_number()) {
    const double a = value.get<double>(), b = bound.get<double>();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (value.is_string() && bound.is_string()) {
    const std::string& a = value.get_ref<const std::string&>();
    const std::string& b = bound.get_ref<const std::string&>();
    if (a.size() != b.size()) return std::nullopt;  // ISO 8601 text of one precision compares as text
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (value.is_object() && bound.is_object() && value.contains("value") && bound.contains("value")) {
    const std::string_view system = StringAt(value, "system");
    const std::string_view code = StringAt(value, "code");
    if (system != StringAt(bound, "system")) return std::nullopt;
    if (code == StringAt(bound, "code")) return Compare(value["value"], bound["value"]);
    // UCUM quantities compare in the bound's unit (e.g. -1 g against a minimum of 0 kg).
    if (system != "http://unitsofmeasure.org" || code.empty() || !value["value"].is_number() ||
        !bound["value"].is_number()) {
      return std::nullopt;
    }
    const std::optional<double> converted = fhirpath::ConvertUnit(value["value"].get<double>(), code, StringAt(bound, "code"));
    if (!converted) return std::nullopt;
    return Compare(nlohmann::json(*converted), bound["value"]);
  }
  return std::nullopt;
}

}  // namespace

void Walker::CheckMinMax(const nlohmann::json& value, const ElementNode& node) {
  // A Duration bound on a date/dateTime/instant is relative to now (relative_time.h).
  auto order = [&](const nlohmann::json& bound, int sign) {
    if (value.is_string() && bound.is_object()) {
      return CompareWithNowOffset(value.get_ref<const std::string&>(), bound, sign, std::time(nullptr));
    }
    return Compare(value, bound);
  };
  auto describe = [&](const nlohmann::json& bound, const char* relative) {
    if (!value.is_string() || !bound.is_object()) return bound.dump();
    return std::string(relative) + bound.value("value", nlohmann::json()).dump() + " " + std::string(StringAt(bound, "code"));
  };
  if (const nlohmann::json* min = node.min_value) {
    if (const std::optional<int> found = order(*min, -1); found && *found < 0) {
      Report(Severity::kError, "value", "validator.min-value",
             "the value " + value.dump().substr(0, 100) + " is less than the minimum " + describe(*min, "now minus "));
    }
  }
  if (const nlohmann::json* max = node.max_value) {
    if (const std::optional<int> found = order(*max, 1); found && *found > 0) {
      Report(Severity::kError, "value", "validator.max-value",
             "the value " + value.dump().substr(0, 100) + " is greater than the maximum " + describe(*max, "now plus "));
    }
  }
}

namespace {

// ElementDefinition.binding.additional (R5), carried in R4 profiles by its cross-version extension.
constexpr std::string_view kAdditionalBinding =
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.binding.additional";

// The codes a bound value offers: one for code/Coding/Quantity/string/uri, any of a
// CodeableConcept's codings. nullopt when the type is not one bindings apply to.
std::optional<std::vector<std::pair<std::string, std::string>>> BoundCodes(const nlohmann::json& value,
                                                                           const std::string& type) {
  std::vector<std::pair<std::string, std::string>> codes;  // (system, code)
  if (type == "CodeableConcept") {
    if (const auto codings = value.find("coding"); codings != value.end() && codings->is_array()) {
      for (const nlohmann::json& coding : *codings) {
        if (!StringAt(coding, "code").empty()) codes.emplace_back(StringAt(coding, "system"), StringAt(coding, "code"));
      }
    }
  } else if (type == "Coding" || type == "Quantity" || type == "Age" || type == "Duration" || type == "Count" ||
             type == "Distance" || type == "SimpleQuantity" || type == "MoneyQuantity") {
    if (!StringAt(value, "code").empty()) codes.emplace_back(StringAt(value, "system"), StringAt(value, "code"));
  } else if (value.is_string() && (type == "code" || type == "string" || type == "uri")) {
    codes.emplace_back("", value.get<std::string>());
  } else {
    return std::nullopt;
  }
  return codes;
}

// The first wrong display among the value's codings (a Coding, or a CodeableConcept's), "" if none:
// the HL7 validator checks each coding before membership, so a wrong display fails the binding too.
std::string WrongDisplay(const terminology::TerminologyService& terminology, const nlohmann::json& value,
                         const std::string& type, std::string_view language) {
  auto check = [&](const nlohmann::json& coding) {
    const terminology::DisplayCheck display =
        terminology.CheckDisplay(StringAt(coding, "system"), StringAt(coding, "code"), StringAt(coding, "display"), language);
    return display.verdict == terminology::DisplayVerdict::kWrong ? display.message : std::string();
  };
  if (type == "Coding") return check(value);
  if (type != "CodeableConcept") return {};
  const auto codings = value.find("coding");
  if (codings == value.end() || !codings->is_array()) return {};
  for (const nlohmann::json& coding : *codings) {
    if (std::string message = check(coding); !message.empty()) return message;
  }
  return {};
}

}  // namespace

void Walker::CheckBinding(const nlohmann::json& value, const std::string& type, const ElementNode& node,
                          const ResourceFrame& frame) {
  if (!options_.check_bindings) return;
  const nlohmann::json* binding = node.binding;
  if (binding == nullptr) return;
  const std::optional<std::vector<std::pair<std::string, std::string>>> codes = BoundCodes(value, type);
  if (!codes) return;
  const std::string_view strength = StringAt(*binding, "strength");
  const std::string_view value_set = StringAt(*binding, "valueSet");
  const std::string wrong_display = codes->empty() || options_.display_issues_are_warnings
                                        ? std::string()
                                        : WrongDisplay(validator_.terminology(), value, type, frame.language);
  if (!value_set.empty() && strength != "example") {
    if (codes->empty()) {
      // A CodeableConcept with only text where a code is required (the HL7 validator: "No code
      // provided, and a code is required from the value set").
      if (type == "CodeableConcept" && strength == "required") {
        Report(Severity::kError, "code-invalid", "validator.binding-no-code",
               "no code provided, and a code is required from the value set " + std::string(value_set));
      }
    } else {
      CheckCodesInValueSet(*codes, value_set, strength, false, wrong_display);
    }
  }
  // Additional bindings whose purpose is `required` or `extensible` hold like a binding of that strength;
  // the other purposes (maximum, minimum, current, preferred, ui, starter, component) are guidance.
  const auto extensions = binding->find("extension");
  if (codes->empty() || extensions == binding->end() || !extensions->is_array()) return;
  for (const nlohmann::json& extension : *extensions) {
    if (StringAt(extension, "url") != kAdditionalBinding) continue;
    std::string_view purpose, additional_set;
    if (const auto parts = extension.find("extension"); parts != extension.end() && parts->is_array()) {
      for (const nlohmann::json& part : *parts) {
        if (StringAt(part, "url") == "purpose") purpose = StringAt(part, "valueCode");
        if (StringAt(part, "url") == "valueSet") additional_set = StringAt(part, "valueCanonical");
      }
    }
    if (!additional_set.empty() && (purpose == "required" || purpose == "extensible")) {
      CheckCodesInValueSet(*codes, additional_set, purpose, true, wrong_display);
    }
  }
}

void Walker::CheckCodesInValueSet(const std::vector<std::pair<std::string, std::string>>& codes,
                                  std::string_view value_set, std::string_view strength, bool additional,
                                  const std::string& wrong_display) {
  const terminology::TerminologyService& terminology = validator_.terminology();
  bool not_checked = false;
  std::string reason;
  for (const auto& [system, code] : codes) {
    const terminology::CodeCheck check = terminology.CheckCode(value_set, system, code);
    if (check.membership == terminology::Membership::kMember && wrong_display.empty()) return;
    if (check.membership == terminology::Membership::kNotChecked) {
      not_checked = true;
      reason = check.reason;
    }
  }
  std::string shown;
  for (const auto& [system, code] : codes) AppendToList(shown, system.empty() ? code : system + "#" + code);
  const std::string what = std::string(strength) + (additional ? " additional binding's value set " : " value set ") +
                           std::string(value_set);
  if (not_checked && wrong_display.empty()) {
    Report(Severity::kInformation, "informational", "validator.binding-not-checked",
           "code " + shown + " not checked against the " + what + ": " + reason);
    return;
  }
  const Severity severity = strength == "required" ? Severity::kError
                          : strength == "extensible" ? Severity::kWarning : Severity::kInformation;
  const char* id = strength == "required" ? "validator.binding-required"
                 : strength == "extensible" ? "validator.binding-extensible" : "validator.binding-preferred";
  if (strength == "required" && codes.size() == 1 && codes[0].first.empty()) {
    // A bare code whose system cannot be inferred from the value set (no include holds the code):
    // the HL7 validator reports that as an error of its own before the binding error.
    const std::optional<std::vector<std::string>> systems = terminology.SystemsForCode(value_set, codes[0].second);
    if (systems && systems->empty()) {
      Report(Severity::kError, "code-invalid", "validator.binding-system-undetermined",
             "The System URI could not be determined for the code '" + codes[0].second + "' in the ValueSet '" +
                 std::string(value_set) + "'");
    }
  }
  Report(severity, "code-invalid", id,
         "code " + shown + " is not in the " + what +
             (wrong_display.empty() ? "" : " (Terminology Error: " + wrong_display + ")"));
}

void Walker::CheckCoding(const nlohmann::json& coding, const ResourceFrame& frame) {
  if (!options_.check_bindings) return;
  const std::string_view system = StringAt(coding, "system");
  const std::string_view code = StringAt(coding, "code");
  if (!system.empty() && system.find(':') == std::string_view::npos) {
    // R4 datatypes.html#Coding: system is an absolute URI.
    ReportAt(path_ + ".system", Severity::kError, "invalid", "validator.coding-system-relative",
             "Coding.system must be an absolute reference, not a local reference ('" + std::string(system) + "')");
    return;
  }
  // One registry look-up per Coding (each builds a key string): Codings are the most frequent datatype.
  const nlohmann::json* code_system = system.empty() ? nullptr : validator_.registry().FindCodeSystem(system);
  if (!system.empty() && code_system == nullptr && validator_.registry().FindValueSet(system) != nullptr) {
    ReportAt(path_ + ".system", Severity::kError, "invalid", "validator.coding-system-is-valueset",
             "the Coding references a value set, not a code system ('" + std::string(system) + "')");
    return;
  }
  if (code_system != nullptr &&
      (StringAt(*code_system, "content") == "supplement" || !StringAt(*code_system, "supplements").empty())) {
    // R4 codesystem.html#supplements: a supplement adds properties/designations to another code
    // system; codings use the supplemented system's url.
    ReportAt(path_ + ".system", Severity::kError, "invalid", "validator.coding-system-is-supplement",
             "CodeSystem " + std::string(system) + " is a supplement, so can't be used as a value in Coding.system");
    return;
  }
  if (system.empty() || code.empty()) return;
  const terminology::CodeCheck check = validator_.terminology().CheckCodeSystem(system, code);
  if (check.membership == terminology::Membership::kNotMember) {
    ReportAt(path_ + ".code", Severity::kError, "code-invalid", "validator.code-unknown",
             "unknown code '" + std::string(code) + "' in the code system '" + std::string(system) + "'" +
                 (check.reason.empty() ? "" : ": " + check.reason));
    return;
  }
  const terminology::DisplayCheck display =
      validator_.terminology().CheckDisplay(system, code, StringAt(coding, "display"), frame.language);
  if (display.verdict == terminology::DisplayVerdict::kWrong) {
    ReportAt(path_ + ".display", options_.display_issues_are_warnings ? Severity::kWarning : Severity::kError,
             "invalid", "validator.display-wrong", display.message);
  }
}

void Walker::CheckExampleUrl(std::string_view url, const std::string& location) {
  if (options_.allow_example_urls || !IsExampleUrl(url)) return;
  ReportAt(location, Severity::kError, "invalid", "validator.example-url",
           "Example URLs are not allowed in this context (" + std::string(url) + ")");
}

void Walker::CheckAttachment(const nlohmann::json& attachment) {
  // R4 datatypes.html#Attachment: size is the number of bytes of the content, i.e. of the decoded
  // data when data is given.
  const auto size = attachment.find("size");
  const std::string_view data = StringAt(attachment, "data");
  if (size == attachment.end() || !size->is_number_integer() || data.empty() || !IsValidBase64(data)) return;
  std::size_t chars = 0, padding = 0;
  for (const char c : data) {
    if (c == '=') ++padding;
    if (c != ' ' && c != '\r' && c != '\n' && c != '\t') ++chars;
  }
  const std::size_t actual = chars / 4 * 3 - padding;
  if (size->get<std::int64_t>() != static_cast<std::int64_t>(actual)) {
    Report(Severity::kError, "value", "validator.attachment-size",
           "Stated Attachment Size " + size->dump() + " does not match actual attachment size " + std::to_string(actual));
  }
}

namespace {

// The shape of a resource type name: an ASCII capital, then letters and digits.
bool LooksLikeTypeName(std::string_view segment) {
  if (segment.empty() || segment[0] < 'A' || segment[0] > 'Z') return false;
  for (const char c : segment) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// The resource a relative reference "Type/id" names among the parameters (and their parts) of a
// Parameters resource, or nullptr.
const nlohmann::json* FindParameterResource(const nlohmann::json* root, std::string_view ref) {
  if (root == nullptr || StringAt(*root, "resourceType") != "Parameters") return nullptr;
  std::vector<const nlohmann::json*> pending{root};
  while (!pending.empty()) {
    const nlohmann::json* holder = pending.back();
    pending.pop_back();
    const nlohmann::json* parameters = ArrayAt(*holder, holder == root ? "parameter" : "part");
    for (std::size_t i = 0; parameters != nullptr && i < parameters->size(); ++i) {
      const nlohmann::json& parameter = (*parameters)[i];
      const nlohmann::json* resource = ObjectAt(parameter, "resource");
      if (resource != nullptr && IsNamedBy(*resource, ref)) return resource;
      pending.push_back(&parameter);
    }
  }
  return nullptr;
}

}  // namespace

bool IsNamedBy(const nlohmann::json& resource, std::string_view type_id) {
  const std::string_view type = StringAt(resource, "resourceType");
  const std::string_view id = StringAt(resource, "id");
  return !id.empty() && type_id.size() == type.size() + 1 + id.size() && type_id.substr(0, type.size()) == type &&
         type_id[type.size()] == '/' && type_id.substr(type.size() + 1) == id;
}

void Walker::CheckReference(const nlohmann::json& reference, const ElementNode& node, const ResourceFrame& frame) {
  const std::string_view ref = StringAt(reference, "reference");
  if (ref.empty()) return;
  if (ref.find_first_of(" \t\r\n") != std::string_view::npos) {
    // R4 references.html#literal: a URL (relative or absolute), so no whitespace.
    Report(Severity::kError, "structure", "validator.reference-format",
           "The reference '" + std::string(ref) + "' is not a valid reference");
  }
  const package::Registry& registry = validator_.registry();
  std::string target_type;
  const nlohmann::json* target = nullptr;
  if (ref[0] == '#') {
    const std::string_view id = ref.substr(1);
    if (id.empty()) {
      target = frame.container;
    } else if (frame.container != nullptr) {
      if (const auto contained = frame.container->find("contained"); contained != frame.container->end() && contained->is_array()) {
        for (const nlohmann::json& resource : *contained) {
          if (StringAt(resource, "id") == id) target = &resource;
        }
      }
    }
    if (target == nullptr) {
      Report(Severity::kError, "structure", "validator.reference-contained-not-found",
             "no contained resource with id '" + std::string(id) + "' for reference '" + std::string(ref) + "'");
      return;
    }
  } else if (frame.bundle != nullptr) {
    CheckEntryBase(ref, *frame.bundle, frame.entry);
    if (frame.bundle->ambiguous.count(std::string(ref)) > 0) {
      Report(Severity::kError, "structure", "validator.reference-bundle-ambiguous",
             "several entries of the Bundle match the reference '" + std::string(ref) + "'");
      return;
    }
    if (const auto it = frame.bundle->by_full_url.find(std::string(ref)); it != frame.bundle->by_full_url.end()) {
      target = it->second;
    } else if (const auto by_id = frame.bundle->by_type_id.find(std::string(ref)); by_id != frame.bundle->by_type_id.end()) {
      target = by_id->second;
    } else if (ref.substr(0, 4) == "urn:" && (frame.bundle->type == "document" || frame.bundle->type == "message")) {
      Report(Severity::kError, "structure", "validator.reference-bundle-unresolved",
             "reference '" + std::string(ref) + "' is a URN but no entry of this " + frame.bundle->type +
                 " Bundle has that fullUrl");
      return;
    }
  }
  if (target == nullptr && options_.check_references_exist && ref[0] != '#' && ref.find(':') == std::string_view::npos) {
    target = frame.bundle == nullptr ? FindParameterResource(frame.root, ref) : nullptr;
    if (target == nullptr) {
      Report(Severity::kError, "not-found", "validator.reference-unresolved",
             "Unable to resolve resource with reference '" + std::string(ref) + "'");
      return;
    }
  }
  if (target != nullptr) {
    target_type = std::string(StringAt(*target, "resourceType"));
  } else if (ref.substr(0, 4) != "urn:") {
    // [base/]Type/id[/_history/vid] (R4 references.html#literal)
    std::string_view path = ref;
    if (const std::size_t history = path.find("/_history/"); history != std::string_view::npos) path = path.substr(0, history);
    const std::size_t slash = path.rfind('/');
    if (slash == std::string_view::npos && ref.find(':') == std::string_view::npos) {
      Report(Severity::kError, "structure", "validator.reference-format",
             "Relative URLs must be of the format [ResourceName]/[id]. Encountered " + std::string(ref));
      return;
    }
    if (slash != std::string_view::npos && slash > 0) {
      const std::size_t before = path.rfind('/', slash - 1);
      const std::string_view type = path.substr(before == std::string_view::npos ? 0 : before + 1,
                                                slash - (before == std::string_view::npos ? 0 : before + 1));
      if (validator_.IsResourceType(type)) {
        target_type = std::string(type);
      } else if (ref.find("://") == std::string_view::npos) {
        Report(Severity::kError, "structure", "validator.reference-format",
               "'" + std::string(type) + "' in reference '" + std::string(ref) + "' is not a resource type");
        return;
      } else if (options_.assume_valid_rest_references && LooksLikeTypeName(type)) {
        // An absolute URL is only held to name [base]/Type/id when the caller says so; a segment
        // that cannot be a type name (a host, "fhir") is a non-RESTful URL, not an error.
        Report(Severity::kError, "structure", "validator.reference-format",
               "The resource type " + std::string(type) + " in the reference " + std::string(ref) + " is not valid");
        return;
      }
    }
  }
  if (target_type.empty()) return;
  const std::string_view declared = StringAt(reference, "type");
  if (!declared.empty() && declared != target_type) {
    Report(Severity::kError, "structure", "validator.reference-type-mismatch",
           "Reference.type is " + std::string(declared) + " but the reference points to a " + target_type);
  }
  std::vector<std::string> allowed;
  if (const auto types = node.element->find("type"); types != node.element->end() && types->is_array()) {
    for (const nlohmann::json& entry : *types) {
      if (StringAt(entry, "code") != "Reference") continue;
      const auto profiles = entry.find("targetProfile");
      if (profiles == entry.end() || !profiles->is_array()) return;  // any target
      for (const nlohmann::json& url : *profiles) {
        if (url.is_string()) allowed.push_back(TypeOfProfile(registry, url.get<std::string>()));
      }
    }
  }
  if (allowed.empty() || Contains(allowed, "Resource") || Contains(allowed, "") || Contains(allowed, target_type)) {
    if (target != nullptr) CheckTargetProfiles(*target, target_type, node, frame);
    return;
  }
  Report(Severity::kError, "structure", "validator.reference-target-type",
         "reference to a " + target_type + " where only " + JoinList(allowed) + " is allowed");
}

void Walker::CheckEntryBase(std::string_view ref, const BundleFrame& bundle, const nlohmann::json* entry) {
  // A relative reference resolves against the fullUrl of the entry it sits in (R4
  // bundle.html#references); an entry without one gives it no base.
  if (entry == nullptr || ref.find(':') != std::string_view::npos) return;
  const auto missing = bundle.without_full_url.find(entry);
  if (missing == bundle.without_full_url.end()) return;
  Report(Severity::kError, "structure", "validator.reference-no-base",
         "Relative Reference appears inside Bundle whose entry is missing a fullUrl");
  if (bundle.reported_without_full_url.insert(missing->second).second) {
    ReportAt(bundle.location + ".entry[" + std::to_string(missing->second) + "]", Severity::kError, "required",
             "validator.bundle-fullurl-missing", "Bundle entry missing fullUrl");
  }
}

void Walker::CheckTargetProfiles(const nlohmann::json& target, const std::string& target_type, const ElementNode& node,
                                 const ResourceFrame& frame) {
  // Only one level: the target's own references are not followed while it is checked (bounds the
  // work on Bundles whose entries reference each other).
  if (checking_target_) return;
  std::vector<std::string> profiles;  // target profiles of the target's type other than the type itself
  const auto types = node.element->find("type");
  if (types == node.element->end() || !types->is_array()) return;
  for (const nlohmann::json& entry : *types) {
    if (StringAt(entry, "code") != "Reference") continue;
    const auto listed = entry.find("targetProfile");
    if (listed == entry.end() || !listed->is_array()) continue;
    for (const nlohmann::json& url : *listed) {
      if (!url.is_string()) continue;
      const std::string& text = url.get_ref<const std::string&>();
      if (text == std::string(kCoreSd) + target_type) return;  // the plain type is allowed: nothing more to meet
      if (TypeOfProfile(validator_.registry(), text) == target_type) profiles.push_back(text);
    }
  }
  if (profiles.empty()) return;
  ResourceFrame target_frame = frame;
  target_frame.resource = &target;
  target_frame.container = &target;
  target_frame.outer = frame.resource;
  target_frame.invariants.clear();
  Issues* saved = issues_;
  const bool saved_too_many = too_many_;
  const std::size_t saved_path = path_.size();
  checking_target_ = true;
  bool any = false;
  for (const std::string& url : profiles) {
    std::string problem;
    const ElementIndex* index = validator_.IndexFor(url, options_.snapshot_generator, problem);
    if (index == nullptr) {
      any = true;  // a profile we cannot load cannot be held against the target
      break;
    }
    Issues scratch;
    issues_ = &scratch;
    path_ += ".resolve()";
    ValidateChildren(target, *index, 0, target_frame, 0, false);
    path_.resize(saved_path);
    any = !HasErrors(scratch);
    if (any) break;
  }
  checking_target_ = false;
  issues_ = saved;
  too_many_ = saved_too_many;
  if (any) return;
  Report(Severity::kError, "structure", "validator.reference-target-profile",
         "the referenced " + target_type + " conforms to none of the target profiles " + JoinList(profiles));
}

bool Walker::CheckExtension(const nlohmann::json& extension, const ElementIndex& index, int node, ResourceFrame& frame,
                            std::size_t depth) {
  const ElementNode& def = index.node(node);
  const std::string_view url = StringAt(extension, "url");
  if (url.empty()) {
    Report(Severity::kError, "structure", "validator.extension-url-missing", "an extension must have a url");
    return false;
  }
  CheckExampleUrl(url, path_ + ".url");
  // Extension.url is the definition's canonical URL itself, never url|version (R4
  // extensibility.html#Extension); the definition is still looked up to validate the rest.
  if (const std::size_t bar = url.find('|'); bar != std::string_view::npos) {
    Report(Severity::kError, "invalid", "validator.extension-url-version",
           "an extension url must not contain a version ('" + std::string(url.substr(bar)) + "')");
  }
  // The definition: the slice's type profile when this element is a profiled extension slice,
  // otherwise whatever the registry knows under the url.
  std::string definition_url(url);
  bool from_profile = false;
  if (const auto types = def.element->find("type"); types != def.element->end() && types->is_array()) {
    for (const nlohmann::json& entry : *types) {
      const auto profiles = entry.find("profile");
      if (profiles != entry.end() && profiles->is_array() && !profiles->empty() && (*profiles)[0].is_string()) {
        definition_url = (*profiles)[0].get<std::string>();
        from_profile = true;
      }
    }
  }
  // A slice of a complex extension defined inline (Extension.extension:ombCategory with its own
  // url/value children): the generic pass over those children validates it.
  if (!from_profile && !def.slice_name.empty() && !def.children.empty()) return false;
  std::string problem;
  const ElementIndex* definition = validator_.IndexFor(definition_url, options_.snapshot_generator, problem);
  if (definition == nullptr) {
    if (from_profile && !def.children.empty()) return false;  // the slice's own children describe it
    // A relative url names a part of a complex extension; its parent's definition (when known)
    // governs it, and an unknown parent has been reported already.
    if (url.find(':') == std::string_view::npos) return false;
    // Core-namespace urls not in R4 are usually R5 / hl7.fhir.uv.extensions definitions the HL7
    // validator loads and we do not: same policy as any unknown extension, flagged in the text.
    const bool core = url.substr(0, kCoreSd.size()) == kCoreSd;
    const Severity severity = options_.allow_example_urls && IsExampleUrl(url) ? Severity::kInformation
                            : options_.unknown_extensions == UnknownExtensionPolicy::kError ? Severity::kError
                            : options_.unknown_extensions == UnknownExtensionPolicy::kAllow ? Severity::kInformation
                                                                                             : Severity::kWarning;
    Report(severity, "not-found", "validator.extension-unknown",
           "unknown extension '" + std::string(url) + "'" + (core ? " (not defined by FHIR R4 core; maybe hl7.fhir.uv.extensions)" : ""));
    return false;
  }
  // Context (http://hl7.org/fhir/R4/defining-extensions.html#context): the element the extension
  // sits on must match one of the definition's contexts.
  const nlohmann::json& sd = definition->structure_definition();
  if (const auto contexts = sd.find("context"); contexts != sd.end() && contexts->is_array() && !contexts->empty() &&
                                                !context_.empty()) {
    const auto& [where_path, where_type] = context_.back();
    bool ok = false;
    for (const nlohmann::json& context : *contexts) {
      const std::string_view kind = StringAt(context, "type");
      const std::string expression(StringAt(context, "expression"));
      if (kind != "element") {
        ok = true;  // fhirpath / extension contexts are not evaluated: accept
        break;
      }
      if (expression == "Element" || expression == "Base" || expression == where_type || expression == where_path ||
          (expression == "Resource" || expression == "DomainResource") ||
          (where_type == "Extension" && expression.substr(0, 9) == "Extension")) {
        ok = true;
        break;
      }
      // Walk the type's base chain (e.g. SimpleQuantity -> Quantity, Age -> Quantity).
      std::string type = where_type;
      for (int hops = 0; hops < 6 && !ok; ++hops) {
        const nlohmann::json* type_sd = validator_.TypeDefinition(type);
        if (type_sd == nullptr) break;
        const std::string_view base = StringAt(*type_sd, "baseDefinition");
        const std::size_t slash = base.rfind('/');
        if (slash == std::string_view::npos) break;
        type = std::string(base.substr(slash + 1));
        ok = type == expression;
      }
      if (ok) break;
      // "Dosage.timing" names an element of a datatype; the instance may reach it through a
      // profile that expanded it in place ("MedicationRequest.dosageInstruction.timing").
      const std::size_t dot = expression.find('.');
      if (dot != std::string::npos && where_path.size() > expression.size() - dot &&
          where_path.compare(where_path.size() - (expression.size() - dot), expression.size() - dot,
                             expression, dot, std::string::npos) == 0) {
        ok = true;
        break;
      }
    }
    if (!ok) {
      // A warning, not an error: R4 core definitions themselves use some extensions outside their
      // declared context (e.g. structuredefinition-fhir-type on ElementDefinition.type).
      Report(Severity::kWarning, "structure", "validator.extension-context",
             "the extension '" + std::string(url) + "' is not allowed on " + where_path + " (" + where_type + ")");
    }
  }
  context_.emplace_back(std::string(def.path), "Extension");
  if (profile_nesting_ >= kMaxProfileNesting) {
    Report(Severity::kError, "too-costly", "validator.profile-circular",
           "extension '" + std::string(url) + "' not checked: definitions nest more than " +
               std::to_string(kMaxProfileNesting) + " deep (circular profile chain?)");
    context_.pop_back();
    return true;
  }
  ++profile_nesting_;
  ValidateChildren(extension, *definition, 0, frame, depth + 1, false);
  --profile_nesting_;
  context_.pop_back();
  return true;
}

}  // namespace pdex::validation::internal

#include "validation/element_index.h"

#include "fhirpath/fhirpath.h"
#include "json/fields.h"

#include <algorithm>
#include <cstdlib>

namespace pdex::validation {
namespace {

using json::StringAt;


int ParseMax(std::string_view max) {
  if (max.empty() || max == "*") return -1;
  int value = 0;
  for (const char c : max) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
    if (value > 1000000) return -1;
  }
  return value;
}

// The minValue[x]/maxValue[x] ("minValue"/"maxValue" prefix) of an element definition, or nullptr.
const nlohmann::json* Bound(const nlohmann::json& element, std::string_view prefix) {
  for (auto it = element.begin(); it != element.end(); ++it) {
    const std::string& key = it.key();
    if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0 && key[prefix.size()] >= 'A' &&
        key[prefix.size()] <= 'Z') {
      return &it.value();
    }
  }
  return nullptr;
}

bool IsBestPractice(const nlohmann::json& constraint) {
  const auto extensions = constraint.find("extension");
  if (extensions == constraint.end() || !extensions->is_array()) return false;
  for (const nlohmann::json& extension : *extensions) {
    if (extension.is_object() && extension.value("url", std::string()) ==
                                     "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice" &&
        extension.value("valueBoolean", false)) {
      return true;
    }
  }
  return false;
}

// R4's eld-19 / eld-20 and their anchored forms (see Constraints).
constexpr std::string_view kEld19 =
    R"(path.matches('[^\\s\\.,:;\\\'"\\/|?!@#$%&*()\\[\\]{}]{1,64}(\\.[^\\s\\.,:;\\\'"\\/|?!@#$%&*()\\[\\]{}]{1,64}(\\[x\\])?(\\:[^\\s\\.]+)?)*'))";
constexpr std::string_view kEld19Anchored =
    R"(path.matches('^[^\\s\\.,:;\\\'"\\/|?!@#$%&*()\\[\\]{}]{1,64}(\\.[^\\s\\.,:;\\\'"\\/|?!@#$%&*()\\[\\]{}]{1,64}(\\[x\\])?(\\:[^\\s\\.]+)?)*$'))";
constexpr std::string_view kEld20 = R"(path.matches('[A-Za-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*(\\[x])?)*'))";
constexpr std::string_view kEld20Anchored = R"(path.matches('^[A-Za-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*(\\[x])?)*$'))";
// R4's opd-3 and its correction (see Constraints).
constexpr std::string_view kOpd3 = "targetProfile.exists() implies (type = 'Reference' or type = 'canonical')";
constexpr std::string_view kOpd3Corrected =
    "targetProfile.exists() implies (type = 'Reference' or type = 'canonical' or "
    "type.memberOf('http://hl7.org/fhir/ValueSet/resource-types'))";

std::vector<ElementConstraint> Constraints(const nlohmann::json& element) {
  std::vector<ElementConstraint> out;
  const auto constraints = element.find("constraint");
  if (constraints == element.end() || !constraints->is_array()) return out;
  for (const nlohmann::json& constraint : *constraints) {
    ElementConstraint c{.key = StringAt(constraint, "key"),
                        .expression = StringAt(constraint, "expression"),
                        .human = StringAt(constraint, "human"),
                        .warning = StringAt(constraint, "severity") == "warning",
                        .best_practice = IsBestPractice(constraint)};
    // ele-1 ("has a value or children") is checked structurally: no {} objects, no bare nulls.
    if (c.key.empty() || c.expression.empty() || c.key == "ele-1") continue;
    // R4 erratum: que-12 reads "enableWhen.count() > 2" while its text says "more than one
    // enableWhen"; R4B/R5 and the HL7 validator check "> 1".
    if (c.key == "que-12" && c.expression == "enableWhen.count() > 2 implies enableBehavior.exists()") {
      c.expression = "enableWhen.count() > 1 implies enableBehavior.exists()";
    }
    // R4 erratum (R5 ref-1 and the HL7 validator accept it): R4 ref-1 rejects "#", the
    // reference from a contained resource to its container (R4 references.html#contained allows it).
    if (c.key == "ref-1" && c.expression == "reference.startsWith('#').not() or (reference.substring(1).trace('url') in "
                                             "%rootResource.contained.id.trace('ids'))") {
      c.expression =
          "reference.startsWith('#').not() or (reference.substring(1).trace('url') in "
          "%rootResource.contained.id.trace('ids')) or (reference = '#' and %rootResource != %resource)";
    }
    // eld-19 / eld-20 describe whole element paths ("Element names cannot include some special
    // characters"), but FHIRPath matches() finds a match anywhere in the string, so 'Observation...unit'
    // would pass on its 'Observation'. The HL7 validator anchors both regexes (a clarification of the
    // FHIRPath spec); so do we.
    if (c.key == "eld-19" && c.expression == kEld19) c.expression = kEld19Anchored;
    if (c.key == "eld-20" && c.expression == kEld20) c.expression = kEld20Anchored;
    // R4 erratum: opd-3 forbids a targetProfile on resource-typed parameters, which name the profile
    // of the resource they carry; the HL7 and Firely validators allow resource types too.
    if (c.key == "opd-3" && c.expression == kOpd3) c.expression = kOpd3Corrected;
    if (auto compiled = fhirpath::Compile(c.expression); compiled.ok()) {
      c.compiled = std::make_shared<const fhirpath::CompiledExpression>(std::move(compiled.value()));
    }
    out.push_back(std::move(c));
  }
  return out;
}

bool HasTypeProfiles(const nlohmann::json& element) {
  const auto types = element.find("type");
  if (types == element.end() || !types->is_array()) return false;
  for (const nlohmann::json& type : *types) {
    if (type.is_object() && type.contains("profile")) return true;
  }
  return false;
}

// The per-occurrence lookups of the walker, done once per element definition.
void ReadRules(const nlohmann::json& element, ElementNode& node) {
  node.path = StringAt(element, "path");
  node.constraints = Constraints(element);
  node.fixed_or_pattern = FixedOrPattern(element, node.is_pattern);
  node.min_value = Bound(element, "minValue");
  node.max_value = Bound(element, "maxValue");
  if (const auto max_length = element.find("maxLength"); max_length != element.end() && max_length->is_number_integer()) {
    node.max_length = &*max_length;
  }
  if (const auto binding = element.find("binding"); binding != element.end() && binding->is_object()) {
    node.binding = &*binding;
  }
  node.type_profiles = HasTypeProfiles(element);
  const auto must_support = element.find("mustSupport");
  node.must_support = must_support != element.end() && must_support->is_boolean() && must_support->get<bool>();
}

}  // namespace

const nlohmann::json* FixedOrPattern(const nlohmann::json& element, bool& is_pattern) {
  for (auto it = element.begin(); it != element.end(); ++it) {
    const std::string& key = it.key();
    if (key.size() > 5 && key.compare(0, 5, "fixed") == 0 && key[5] >= 'A' && key[5] <= 'Z') {
      is_pattern = false;
      return &it.value();
    }
    if (key.size() > 7 && key.compare(0, 7, "pattern") == 0 && key[7] >= 'A' && key[7] <= 'Z') {
      is_pattern = true;
      return &it.value();
    }
  }
  return nullptr;
}

std::string ChoiceSuffix(std::string_view type_code) {
  std::string suffix(type_code);
  if (!suffix.empty() && suffix[0] >= 'a' && suffix[0] <= 'z') suffix[0] = static_cast<char>(suffix[0] - 'a' + 'A');
  return suffix;
}

ElementIndex::ElementIndex(const nlohmann::json& structure_definition) : sd_(&structure_definition) {
  type_ = std::string(StringAt(structure_definition, "type"));
  const auto snapshot = structure_definition.find("snapshot");
  if (snapshot == structure_definition.end() || !snapshot->is_object()) return;
  const auto elements = snapshot->find("element");
  if (elements == snapshot->end() || !elements->is_array() || elements->empty()) return;
  nodes_.reserve(elements->size());
  for (const nlohmann::json& element : *elements) {
    if (!element.is_object()) continue;
    ElementNode node;
    node.element = &element;
    ReadRules(element, node);
    const std::string_view path = StringAt(element, "path");
    node.slice_name = std::string(StringAt(element, "sliceName"));
    node.id = std::string(StringAt(element, "id"));
    if (node.id.empty()) node.id = std::string(path) + (node.slice_name.empty() ? "" : ":" + node.slice_name);
    const std::size_t dot = path.rfind('.');
    node.name = std::string(dot == std::string_view::npos ? path : path.substr(dot + 1));
    if (node.name.size() > 3 && node.name.compare(node.name.size() - 3, 3, "[x]") == 0) {
      node.choice_base = node.name.substr(0, node.name.size() - 3);
    }
    if (const auto min = element.find("min"); min != element.end() && min->is_number_integer()) node.min = min->get<int>();
    node.max = ParseMax(StringAt(element, "max"));
    const auto base = element.find("base");
    const std::string_view base_max = base != element.end() ? StringAt(*base, "max") : StringAt(element, "max");
    node.json_array = base_max != "1" && base_max != "0";
    if (const auto types = element.find("type"); types != element.end() && types->is_array()) {
      for (const nlohmann::json& type : *types) {
        // System.String & co. carry the FHIR primitive they stand for in the fhir-type extension.
        std::string code(StringAt(type, "code"));
        if (code.substr(0, 24) == "http://hl7.org/fhirpath/") {
          if (const auto extensions = type.find("extension"); extensions != type.end() && extensions->is_array()) {
            for (const nlohmann::json& extension : *extensions) {
              if (!StringAt(extension, "valueUrl").empty()) code = std::string(StringAt(extension, "valueUrl"));
            }
          }
        }
        node.types.push_back(std::move(code));
      }
      // Resource.id is an `id` (R4 resource.html#id), whatever the snapshot's System.String says.
      if (structure_definition.value("kind", "") == "resource" && nodes_.size() >= 1 &&
          std::count(path.begin(), path.end(), '.') == 1 && node.name == "id") {
        node.types.assign(1, "id");
      }
    }
    if (const auto slicing = element.find("slicing"); slicing != element.end() && slicing->is_object()) {
      node.slicing = &*slicing;
    }
    const int index = static_cast<int>(nodes_.size());
    // Parent: a slice hangs off the element it slices; anything else off the id before its last '.'.
    if (!nodes_.empty()) {
      if (!node.slice_name.empty()) {
        const std::string suffix = ":" + node.slice_name;
        if (node.id.size() > suffix.size() && node.id.compare(node.id.size() - suffix.size(), suffix.size(), suffix) == 0) {
          const auto sliced = by_id_.find(node.id.substr(0, node.id.size() - suffix.size()));
          if (sliced != by_id_.end()) {
            node.parent = nodes_[static_cast<std::size_t>(sliced->second)].parent;
            nodes_.push_back(std::move(node));
            nodes_[static_cast<std::size_t>(sliced->second)].slices.push_back(index);
            by_id_.emplace(nodes_.back().id, index);
            continue;
          }
        }
      }
      const std::size_t last_dot = node.id.rfind('.');
      if (last_dot != std::string::npos) {
        const auto parent = by_id_.find(node.id.substr(0, last_dot));
        if (parent != by_id_.end()) node.parent = parent->second;
      }
      if (node.parent < 0) continue;  // an orphan (malformed snapshot): ignore rather than guess
      nodes_[static_cast<std::size_t>(node.parent)].children.push_back(index);
    }
    by_id_.emplace(node.id, index);
    nodes_.push_back(std::move(node));
  }
  // contentReference "#Questionnaire.item" (or "http://...#Questionnaire.item") names an element id.
  for (ElementNode& node : nodes_) {
    const std::string_view reference = StringAt(*node.element, "contentReference");
    const std::size_t hash = reference.find('#');
    if (hash == std::string_view::npos) continue;
    const auto target = by_id_.find(std::string(reference.substr(hash + 1)));
    if (target != by_id_.end()) node.content_reference = target->second;
  }
}

int ElementIndex::FindById(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? -1 : it->second;
}

int ElementIndex::FindChild(int parent, std::string_view json_name) const {
  if (parent < 0 || parent >= size()) return -1;
  for (const int child : node(parent).children) {
    const ElementNode& candidate = node(child);
    if (candidate.name == json_name) return child;
    if (!candidate.choice_base.empty() && json_name.size() > candidate.choice_base.size() &&
        json_name.substr(0, candidate.choice_base.size()) == candidate.choice_base &&
        json_name[candidate.choice_base.size()] >= 'A' && json_name[candidate.choice_base.size()] <= 'Z') {
      // valueFoo belongs to value[x] even when Foo is not an allowed type: the caller reports that.
      return child;
    }
  }
  return -1;
}

std::string ElementIndex::ChoiceType(int node_index, std::string_view json_name) const {
  const ElementNode& choice = node(node_index);
  if (json_name.size() <= choice.choice_base.size()) return {};
  const std::string_view suffix = json_name.substr(choice.choice_base.size());
  for (const std::string& type : choice.types) {
    if (ChoiceSuffix(type) == suffix) return type;
  }
  return {};
}

}  // namespace pdex::validation

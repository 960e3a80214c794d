// A precomputed tree over a StructureDefinition snapshot: for each ElementDefinition its children
// (by element id, http://hl7.org/fhir/R4/elementdefinition.html#id), its slices, its cardinality and
// type codes. Built once per StructureDefinition and cached by the Validator, so validating an
// instance never rescans the snapshot or copies element definitions.
//
// Ownership: borrows the StructureDefinition JSON (it must outlive the index). Immutable after
// construction; safe to share between threads.
#pragma once

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pdex::fhirpath {
class CompiledExpression;
}

namespace pdex::validation {

// An ElementDefinition.constraint the walker evaluates, read once with the index. ele-1 (checked
// structurally) and constraints without key or expression are left out. Views point into the
// StructureDefinition.
struct ElementConstraint {
  std::string_view key;
  std::string_view expression;
  std::string_view human;
  bool warning = false;        // severity "warning" (otherwise an error)
  bool best_practice = false;  // marked with the elementdefinition-bestpractice extension
  // The expression compiled once with the index; null when it does not compile (the evaluator then
  // reports it as not evaluated).
  std::shared_ptr<const fhirpath::CompiledExpression> compiled;
};

struct ElementNode {
  const nlohmann::json* element = nullptr;  // the ElementDefinition in the snapshot
  std::string id;                           // element id, e.g. "Observation.component:systolic.code"
  std::string name;                         // last path segment, e.g. "value[x]", "extension"
  std::string choice_base;                  // "value" for "value[x]"; empty when not a choice
  std::string slice_name;                   // set on a slice entry
  int parent = -1;                          // node index; -1 for the root
  std::vector<int> children;                // child element nodes (no slices), in snapshot order
  std::vector<int> slices;                  // slices of this element, in snapshot order
  int min = 0;
  int max = -1;                   // -1 = "*"
  bool json_array = false;        // base.max != "1": JSON form is an array (FHIR R4 json.html#1.6.2)
  std::vector<std::string> types;  // type codes, e.g. "string", "Reference", "http://hl7.org/fhirpath/System.String"
  const nlohmann::json* slicing = nullptr;
  int content_reference = -1;     // node the element's contentReference points to
  // What the walker reads from the ElementDefinition for every occurrence, looked up once here.
  std::string_view path;                            // ElementDefinition.path
  std::vector<ElementConstraint> constraints;
  const nlohmann::json* fixed_or_pattern = nullptr;  // fixed[x] / pattern[x]
  bool is_pattern = false;                           // which of the two fixed_or_pattern is
  const nlohmann::json* min_value = nullptr;         // minValue[x]
  const nlohmann::json* max_value = nullptr;         // maxValue[x]
  const nlohmann::json* max_length = nullptr;        // maxLength, when an integer
  const nlohmann::json* binding = nullptr;           // binding, when an object
  bool type_profiles = false;                        // some type lists a profile (ElementDefinition.type.profile)
  bool must_support = false;                         // ElementDefinition.mustSupport
};

class ElementIndex {
 public:
  explicit ElementIndex(const nlohmann::json& structure_definition);

  const nlohmann::json& structure_definition() const { return *sd_; }
  bool ok() const { return !nodes_.empty(); }
  // The root node is 0 when ok().
  const ElementNode& node(int index) const { return nodes_[static_cast<std::size_t>(index)]; }
  int size() const { return static_cast<int>(nodes_.size()); }
  // Child of `parent` matching a JSON property name (without leading '_'): exact name, or the choice
  // element whose base it starts with. Returns -1 when there is none.
  int FindChild(int parent, std::string_view json_name) const;
  // The node with this element id, or -1.
  int FindById(std::string_view id) const;
  // The FHIR type a choice property name selects, e.g. ("value", "valueQuantity") -> "Quantity";
  // empty when the suffix names none of the node's types.
  std::string ChoiceType(int node_index, std::string_view json_name) const;
  // The type name this SD constrains (StructureDefinition.type).
  const std::string& type() const { return type_; }
  // Invariant keys per node are in the element's "constraint" array.

 private:
  const nlohmann::json* sd_;
  std::string type_;
  std::vector<ElementNode> nodes_;
  std::unordered_map<std::string, int> by_id_;
};

// The fixed[x] / pattern[x] value of an element definition, or nullptr; `is_pattern` says which.
const nlohmann::json* FixedOrPattern(const nlohmann::json& element, bool& is_pattern);

// "dateTime" -> "DateTime": the suffix a type adds to a choice element's JSON name.
std::string ChoiceSuffix(std::string_view type_code);

}  // namespace pdex::validation

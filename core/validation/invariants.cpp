#include "validation/invariants.h"

#include "fhirpath/fhirpath.h"
#include "model/type_model.h"

#include <exception>
#include <utility>
#include <vector>

namespace pdex::validation {

namespace {

// memberOf() over the local terminology; remembers when it could not decide.
class LocalTerminology : public fhirpath::TerminologyProvider {
 public:
  explicit LocalTerminology(const terminology::TerminologyService& service) : service_(service) {}

  std::optional<bool> MemberOf(const fhirpath::Value& coded, std::string_view value_set_url) override {
    std::vector<std::pair<std::string, std::string>> codes;
    if (coded.is_node() && coded.node().value != nullptr) {
      const nlohmann::json& value = *coded.node().value;
      auto add = [&](const nlohmann::json& coding) {
        if (coding.is_object() && coding.contains("code") && coding["code"].is_string()) {
          codes.emplace_back(coding.value("system", std::string()), coding["code"].get<std::string>());
        }
      };
      if (value.is_string()) {
        codes.emplace_back("", value.get<std::string>());
      } else if (value.is_object() && value.contains("coding") && value["coding"].is_array()) {
        for (const nlohmann::json& coding : value["coding"]) add(coding);
      } else {
        add(value);
      }
    } else if (!coded.is_node() && coded.kind() == fhirpath::ValueKind::kString) {
      codes.emplace_back("", coded.string());
    }
    bool unknown = codes.empty();
    for (const auto& [system, code] : codes) {
      const terminology::CodeCheck check = service_.CheckCode(value_set_url, system, code);
      if (check.membership == terminology::Membership::kMember) return true;
      if (check.membership == terminology::Membership::kNotChecked) unknown = true;
    }
    if (unknown) {
      undecided_ = true;
      return std::nullopt;
    }
    return false;
  }

  bool undecided() const { return undecided_; }

 private:
  const terminology::TerminologyService& service_;
  bool undecided_ = false;
};

}  // namespace

struct FhirPathInvariants::State {
  State(const model::TypeModel& type_model, const terminology::TerminologyService& service)
      : terminology(service), model(type_model) {}
  const terminology::TerminologyService& terminology;
  const model::TypeModel& model;
  mutable fhirpath::ExpressionCache cache{8192};
};

FhirPathInvariants::FhirPathInvariants(const model::TypeModel& model,
                                       const terminology::TerminologyService& terminology)
    : state_(std::make_unique<State>(model, terminology)) {}

FhirPathInvariants::~FhirPathInvariants() = default;

InvariantResult FhirPathInvariants::Evaluate(const InvariantContext& context) const {
  try {
    std::optional<fhirpath::Result<fhirpath::CompiledExpression>> cached;
    if (context.compiled == nullptr) {
      cached.emplace(state_->cache.Get(context.expression));
      if (!cached->ok()) return std::nullopt;
    }
    const fhirpath::CompiledExpression& compiled = context.compiled != nullptr ? *context.compiled : cached->value();
    fhirpath::Node node;
    node.value = context.value;
    node.ext = context.ext;
    node.type = context.type;
    // Backbone elements are typed by their path in the model ("Patient.contact").
    const bool backbone = context.type == "BackboneElement" || context.type == "Element";
    node.info = state_->model.Find(backbone ? context.element_path : context.type);
    // A resource in a Resource-typed element (Bundle.entry.resource, contained) has its own type.
    if (context.value != nullptr && context.value->is_object()) {
      const auto resource_type = context.value->find("resourceType");
      if (resource_type != context.value->end() && resource_type->is_string()) {
        node.type = resource_type->get_ref<const std::string&>();
        node.info = state_->model.Find(node.type);
      }
    }
    fhirpath::Environment environment;
    environment.model = &state_->model;
    environment.resource = context.resource;
    environment.root_resource = context.root_resource;
    environment.empty_starts_with_false = true;  // see the note on the empty result below
    environment.lenient_as = true;               // dom-3 and other R4 invariants apply as() to collections
    environment.fixed_results = context.fixed_results;
    LocalTerminology terminology(state_->terminology);
    environment.terminology = &terminology;
    const fhirpath::Collection focus{fhirpath::Value::MakeNode(std::move(node))};
    fhirpath::Result<fhirpath::Collection> result = fhirpath::Evaluate(compiled, focus, environment);
    if (!result.ok() || terminology.undecided()) return std::nullopt;
    // A constraint holds when its expression is true (FHIR R4 ElementDefinition.constraint). As the HL7
    // Java validator converts the result: one Boolean is its value, an empty result is a violation
    // (`telecom or endpoint` with neither present), any other non-empty result holds. R4's own
    // invariants were written against that engine; ref-1 also needs its startsWith() on empty.
    const fhirpath::Collection& values = result.value();
    if (values.size() == 1 && values[0].kind() == fhirpath::ValueKind::kBoolean) return values[0].boolean();
    if (values.size() == 1) {
      if (const std::optional<fhirpath::Value> primitive = fhirpath::ToSystem(values[0]);
          primitive && primitive->kind() == fhirpath::ValueKind::kBoolean)
        return primitive->boolean();
    }
    return !values.empty();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace pdex::validation

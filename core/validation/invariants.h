// Evaluating ElementDefinition.constraint invariants (FHIRPath, http://hl7.org/fhir/R4/conformance-rules.html#constraints)
// with core/fhirpath, typed by a FHIR type model (the validator's, built from the registry's StructureDefinitions).
//
// Ownership: borrows the type model and terminology service; owns the compiled-expression cache.
// Thread-safety: Evaluate is const but the expression cache is internally synchronised; the type
// model is immutable.
#pragma once

#include "model/type_model.h"
#include "package/registry.h"
#include "terminology/terminology.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pdex::fhirpath {
class CompiledExpression;
class FixedResults;
}

namespace pdex::validation {

// What an invariant is evaluated on.
struct InvariantContext {
  const nlohmann::json* resource = nullptr;       // %resource: the resource holding the element
  const nlohmann::json* root_resource = nullptr;  // %rootResource: the container (or the resource)
  const nlohmann::json* value = nullptr;          // the element's JSON value (nullptr: only `_x`)
  const nlohmann::json* ext = nullptr;            // the primitive's `_x` object, if any
  std::string_view type;                          // FHIR type code of the element
  std::string_view element_path;                  // ElementDefinition.path (names backbone types)
  std::string_view expression;                    // the FHIRPath invariant
  // `expression` already compiled (ElementIndex does so once per definition); nullptr: compiled here.
  const fhirpath::CompiledExpression* compiled = nullptr;
  // Results of fixed subexpressions kept for the rest of the validation (fhirpath::FixedResults);
  // nullptr: kept for this evaluation only.
  fhirpath::FixedResults* fixed_results = nullptr;
};

// true = satisfied, false = violated, nullopt = could not be evaluated (unsupported function, error).
using InvariantResult = std::optional<bool>;

class FhirPathInvariants {
 public:
  // Types come from `model` (borrowed); memberOf() is answered by `terminology`; an invariant whose
  // memberOf() cannot be decided locally is reported as not evaluated rather than failed.
  FhirPathInvariants(const model::TypeModel& model, const terminology::TerminologyService& terminology);
  ~FhirPathInvariants();
  FhirPathInvariants(const FhirPathInvariants&) = delete;
  FhirPathInvariants& operator=(const FhirPathInvariants&) = delete;

  InvariantResult Evaluate(const InvariantContext& context) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace pdex::validation

// Inputs prepared once for repeated FHIRPath evaluation (Engine::EvaluateFhirPath over them): an
// expression compiled once, a resource parsed once. A caller evaluating many expressions on one
// resource, or one expression on many resources, pays compiling and parsing once.
//
// Plain values owned by the caller (in JavaScript: Embind objects the caller delete()s). Never throw.
#pragma once

#include "fhirpath/fhirpath.h"
#include "json/parse.h"

#include <string>
#include <string_view>

namespace pdex::api {

class CompiledFhirPath {
 public:
  explicit CompiledFhirPath(std::string_view expression);
  const fhirpath::Result<fhirpath::CompiledExpression>& compiled() const { return compiled_; }
  // "" when the expression compiled, else the compact JSON text of fhirpath::ErrorToJson.
  std::string Error() const;

 private:
  fhirpath::Result<fhirpath::CompiledExpression> compiled_;
};

class ParsedResource {
 public:
  ParsedResource(std::string_view text, const json::JsonLimits& limits);
  const json::ParsedJson& parsed() const { return parsed_; }
  // "" when the text parsed, else the compact text of an OperationOutcome holding JsonErrorIssue
  // (api/outcomes.h): the same issue Engine::Validate reports for the same text.
  std::string Error() const;

 private:
  json::ParsedJson parsed_;
};

}  // namespace pdex::api

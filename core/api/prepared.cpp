#include "api/prepared.h"

#include "api/outcomes.h"
#include "common/issue.h"
#include "json/serialize.h"

namespace pdex::api {

CompiledFhirPath::CompiledFhirPath(std::string_view expression) : compiled_(fhirpath::Compile(expression)) {}

std::string CompiledFhirPath::Error() const {
  return compiled_.ok() ? std::string() : json::Serialize(fhirpath::ErrorToJson(compiled_.error()));
}

ParsedResource::ParsedResource(std::string_view text, const json::JsonLimits& limits)
    : parsed_(json::ParseJson(text, limits)) {}

std::string ParsedResource::Error() const {
  return parsed_.ok() ? std::string() : OperationOutcomeText({JsonErrorIssue(*parsed_.error)});
}

}  // namespace pdex::api

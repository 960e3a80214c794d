// `pdex validate`: validates FHIR JSON files and prints OperationOutcomes.
#include "api/engine.h"
#include "cli/command.h"
#include "cli/input.h"
#include "common/issue.h"
#include "json/serialize.h"

#include <iostream>

namespace pdex::cli {

const char kValidateHelp[] =
    "usage: pdex validate [--profile URL]... FILE...\n"
    "\n"
    "Validates each FILE (a FHIR R4 JSON resource or Bundle; '-' reads standard input) and prints\n"
    "an OperationOutcome as JSON. With one FILE the outcome is printed as is; with several, one\n"
    "line {\"file\": FILE, \"outcome\": OperationOutcome} per file, in order.\n"
    "\n"
    "options:\n"
    "  --profile URL   also validate against the profile with this canonical URL (repeatable)\n"
    "  -h, --help      show this help\n"
    "\n"
    "exit status: 0 no error-level issue in any file, 1 an error or fatal issue in some file\n"
    "(including a file that cannot be read), 2 usage error.\n";

namespace {

bool IsFailure(const nlohmann::json& outcome) {
  for (const auto& issue : outcome["issue"]) {
    const auto& severity = issue["severity"];
    if (severity == "error" || severity == "fatal") return true;
  }
  return false;
}

nlohmann::json UnreadableFileOutcome(const std::string& message) {
  return ToOperationOutcome({Issue{.severity = Severity::kFatal, .code = "not-found", .id = "cli.unreadable", .diagnostics = message}});
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  api::ValidateOptions options;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kValidateHelp;
      return kExitOk;
    } else if (arg == "--profile") {
      if (i + 1 == args.size()) return UsageError("validate", "--profile needs a URL");
      options.profiles.push_back(args[++i]);
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "--") {
      return UsageError("validate", "unknown option '" + arg + "'");
    } else if (arg == "--") {
      files.insert(files.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return UsageError("validate", "no FILE given");

  const api::Engine engine;
  bool failed = false;
  for (const std::string& file : files) {
    std::string error;
    const std::optional<std::string> text = ReadInput(file, error);
    const nlohmann::json outcome = text ? engine.Validate(*text, options) : UnreadableFileOutcome(error);
    failed = failed || IsFailure(outcome);
    if (files.size() == 1) {
      std::cout << json::Serialize(outcome, 2) << '\n';
    } else {
      std::cout << json::Serialize({{"file", file}, {"outcome", outcome}}) << '\n';
    }
  }
  return failed ? kExitFindings : kExitOk;
}

}  // namespace pdex::cli

// `pdex validate`: validates FHIR JSON files and prints OperationOutcomes.
#include "api/engine.h"
#include "cli/command.h"
#include "cli/input.h"
#include "common/issue.h"
#include "json/serialize.h"

#include <filesystem>
#include <iostream>
#include <system_error>

namespace pdex::cli {

const char kValidateHelp[] =
    "usage: pdex validate [--definitions PATH] [--base-only] [--package DIR|TGZ]... [--profile URL]... FILE...\n"
    "\n"
    "Validates each FILE (a FHIR R4 JSON resource or Bundle; '-' reads standard input) and prints\n"
    "an OperationOutcome as JSON. With one FILE the outcome is printed as is; with several, one\n"
    "line {\"file\": FILE, \"outcome\": OperationOutcome} per file, in order.\n"
    "\n"
    "options:\n"
    "  --profile URL   also validate against the profile with this canonical URL (repeatable)\n"
    "  --package P     load conformance resources (profiles, value sets...) from a FHIR package:\n"
    "                  a folder, a .tgz/.tar package, or a JSON resource/Bundle (repeatable)\n"
    "  --definitions PATH  the FHIR R4 definitions pack (default: definitions/r4-core.pack.json\n"
    "                  next to the pdex binary, else the build tree's). Without it only JSON\n"
    "                  well-formedness is checked\n"
    "  --allow-comments  skip // and /* */ comments in the JSON (hand-written test data)\n"
    "  --must-support  report must-support elements of the applied profiles that are absent\n"
    "                  (information issues)\n"
    "  --base-only     do not load our profiles pack (US Core 3.1.1, HRex, PDex, CARIN BB;\n"
    "                  pdex-profiles.pack.json beside the definitions pack): base FHIR R4 only\n"
    "  -h, --help      show this help\n"
    "\n"
    "exit status: 0 no error-level issue in any file, 1 an error or fatal issue in some file\n"
    "(including a file that cannot be read), 2 usage error (including a --package or\n"
    "--definitions that cannot be loaded).\n";

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

bool HasErrorIssue(const nlohmann::json& outcome) { return IsFailure(outcome); }

// The pack next to the running binary (native: /proc/self/exe), else the build tree's default.
std::string FindDefinitions() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path candidate = exe.parent_path() / "definitions" / "r4-core.pack.json";
    if (std::filesystem::exists(candidate, ec)) return candidate.string();
  }
  const std::string fallback = api::Engine::DefaultDefinitionsPath();
  if (!fallback.empty() && std::filesystem::exists(fallback, ec)) return fallback;
  return {};
}

// Loads `path` into the engine; prints the problems and returns false when it failed.
bool Load(api::Engine& engine, const std::string& path, const char* what) {
  const nlohmann::json outcome = engine.LoadPath(path);
  if (!HasErrorIssue(outcome)) return true;
  for (const auto& issue : outcome["issue"]) {
    std::cerr << "pdex validate: cannot load " << what << " " << path << ": "
              << issue.value("diagnostics", std::string()) << "\n";
  }
  return false;
}

// Our profiles pack (US Core, HRex, PDex, CARIN BB) sits beside the base pack.
std::string ProfilesPackBeside(const std::string& definitions) {
  std::error_code ec;
  const std::filesystem::path candidate = std::filesystem::path(definitions).parent_path() / "pdex-profiles.pack.json";
  return std::filesystem::exists(candidate, ec) ? candidate.string() : std::string();
}

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  api::ValidateOptions options;
  std::vector<std::string> files;
  std::vector<std::string> packages;
  std::string definitions;
  bool base_only = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kValidateHelp;
      return kExitOk;
    } else if (arg == "--profile") {
      if (i + 1 == args.size()) return UsageError("validate", "--profile needs a URL");
      options.profiles.push_back(args[++i]);
    } else if (arg == "--package") {
      if (i + 1 == args.size()) return UsageError("validate", "--package needs a folder or package file");
      packages.push_back(args[++i]);
    } else if (arg == "--definitions") {
      if (i + 1 == args.size()) return UsageError("validate", "--definitions needs a path");
      definitions = args[++i];
    } else if (arg == "--base-only") {
      base_only = true;
    } else if (arg == "--allow-comments") {
      options.allow_comments = true;
    } else if (arg == "--must-support") {
      options.report_must_support = true;
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

  api::Engine engine;
  if (definitions.empty()) definitions = FindDefinitions();
  if (definitions.empty()) {
    std::cerr << "pdex validate: no definitions pack found (--definitions); checking JSON well-formedness only\n";
  } else if (!Load(engine, definitions, "definitions")) {
    return kExitUsage;
  } else if (const std::string profiles = ProfilesPackBeside(definitions); !base_only && !profiles.empty()) {
    if (!Load(engine, profiles, "profiles")) return kExitUsage;
  }
  for (const std::string& package : packages) {
    if (!Load(engine, package, "package")) return kExitUsage;
  }
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

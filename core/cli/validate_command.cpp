// `pdex validate`: validates FHIR JSON files and prints OperationOutcomes.
#include "api/engine.h"
#include "cli/command.h"
#include "cli/definitions.h"
#include "cli/input.h"
#include "common/issue.h"
#include "json/serialize.h"

#include <iostream>

namespace pdex::cli {

const char kValidateHelp[] =
    "usage: pdex validate [--definitions PATH] [--base-only] [--package DIR|TGZ]... [--profile URL]...\n"
    "                     [VALIDATOR OPTION]... FILE...\n"
    "       pdex validate --syntax-only FILE...\n"
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
    "                  next to the pdex binary, else the build tree's). When none is found pdex\n"
    "                  stops (exit 2) rather than pass what it did not check\n"
    "  --syntax-only   check only that each FILE is well-formed JSON with a resourceType (no\n"
    "                  definitions are loaded)\n"
    "  --allow-comments  skip // and /* */ comments in the JSON (hand-written test data)\n"
    "  --must-support  report must-support elements of the applied profiles that are absent\n"
    "                  (information issues)\n"
    "  --base-only     do not load our profiles pack (US Core 3.1.1, HRex, PDex, CARIN BB;\n"
    "                  pdex-profiles.pack.json beside the definitions pack): base FHIR R4 only\n"
    "\n"
    "validator options (as the HL7 Java validator's, so that pipelines can match its results):\n"
    "  --display-issues-are-warnings  a Coding display that is not its code's display is a\n"
    "                  warning, not an error, and does not fail a binding (-display-issues-are-warnings)\n"
    "  --security-checks  text that looks like embedded HTML (<script>...) is an error in every\n"
    "                  primitive, not information (its security-checks mode)\n"
    "  --html-in-markdown ignore|warning|error  what raw HTML tags in markdown get (default\n"
    "                  warning; error is its no-HTML-in-markdown mode)\n"
    "  --ignore-contained  do not validate contained resources (validateContains IGNORE)\n"
    "  --check-references-exist  a relative reference Type/id must resolve to a resource in the\n"
    "                  same Bundle or Parameters (validateReference CHECK_EXISTS; URLs are not fetched)\n"
    "  -h, --help      show this help\n"
    "\n"
    "exit status: 0 no error-level issue in any file, 1 an error or fatal issue in some file\n"
    "(including a file that cannot be read), 2 usage error (including a --package or\n"
    "--definitions that cannot be loaded, and no definitions pack found).\n";

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

}  // namespace

int RunValidate(const std::vector<std::string>& args) {
  api::ValidateOptions options;
  std::vector<std::string> files;
  std::vector<std::string> packages;
  std::string definitions;
  bool base_only = false;
  bool syntax_only = false;
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
    } else if (arg == "--syntax-only") {
      syntax_only = true;
    } else if (arg == "--display-issues-are-warnings") {
      options.display_issues_are_warnings = true;
    } else if (arg == "--security-checks") {
      options.security_checks = true;
    } else if (arg == "--html-in-markdown") {
      const std::string level = i + 1 < args.size() ? args[++i] : std::string();
      if (level == "ignore") {
        options.markdown_html = api::MarkdownHtml::kIgnore;
      } else if (level == "warning") {
        options.markdown_html = api::MarkdownHtml::kWarning;
      } else if (level == "error") {
        options.markdown_html = api::MarkdownHtml::kError;
      } else {
        return UsageError("validate", "--html-in-markdown needs ignore, warning or error");
      }
    } else if (arg == "--ignore-contained") {
      options.validate_contained = false;
    } else if (arg == "--check-references-exist") {
      options.check_references_exist = true;
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

  if (syntax_only && (!packages.empty() || !options.profiles.empty())) {
    return UsageError("validate", "--syntax-only checks no profile: it cannot take --package or --profile");
  }

  api::Engine engine;
  if (!syntax_only && definitions.empty()) definitions = FindDefinitionsPack();
  if (syntax_only) {
    // Well-formedness and resourceType only (Engine without definitions).
  } else if (definitions.empty()) {
    return MissingDefinitions("validate");
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

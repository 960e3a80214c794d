// `pdex member-match`: HRex $member-match of one request against the payer's member files.
#include "api/engine.h"
#include "cli/command.h"
#include "cli/definitions.h"
#include "cli/input.h"
#include "common/issue.h"
#include "json/serialize.h"

#include <iostream>

namespace pdex::cli {

const char kMemberMatchHelp[] =
    "usage: pdex member-match --members FILE... [--hrex 1.0|1.1] [--explain] [--payer ID]...\n"
    "                         [--requester ID]... [--now INSTANT] [--definitions PATH] [--base-only]\n"
    "                         REQUEST.json\n"
    "\n"
    "Matches the HRex $member-match request REQUEST.json (Parameters: MemberPatient, CoverageToMatch,\n"
    "CoverageToLink, Consent; '-' reads standard input) against the payer's members: the Patients\n"
    "and Coverages of each FILE (Bundles or NDJSON). The request is validated first (against\n"
    "hrex-parameters-member-match-in for HRex 1.0). Prints the output Parameters (MemberIdentifier;\n"
    "with --hrex 1.1 typed hrex-temp#UMB plus MemberId) or an OperationOutcome saying why not:\n"
    "invalid request, not-found (no match), multiple-matches, or business-rule (consent constraint).\n"
    "For a unique match the request's Consent is evaluated as a server does (docs/member-match.md):\n"
    "policy, period, and its actors against --payer (this plan, the data source) and --requester\n"
    "(the plan asking); actors of a party not given are not checked.\n"
    "\n"
    "options:\n"
    "  --members FILE...  member files; every argument after it but the last is one (repeatable)\n"
    "  --hrex V        1.0 (default; PDex 2.0.0, MemberIdentifier typed v2-0203#MB) or 1.1 (PDex 2.1)\n"
    "  --explain       write the decision to stderr as JSON (fields that agreed, disagreed or were\n"
    "                  absent, the score; nothing about members that did not match)\n"
    "  --payer ID      this payer, as the Consent's source actor: \"system|value\", \"Type/id\" or an\n"
    "                  NPI (repeatable)\n"
    "  --requester ID  the requesting payer, as the Consent's recipient actor (repeatable)\n"
    "  --now INSTANT   the time the Consent's period is checked at (default: now)\n"
    "  --definitions PATH  the FHIR R4 definitions pack (default: beside the pdex binary, else the\n"
    "                  build tree's); without one the request gets our own checks only\n"
    "  --base-only     do not load our profiles pack (no HRex profile check)\n"
    "  -h, --help      show this help\n"
    "\n"
    "exit status: 0 a member matched, 1 no match, several matches, consent constraint or an invalid\n"
    "request, 2 usage error (including member files that cannot be read or parsed).\n";

namespace {

constexpr const char* kName = "member-match";

bool HasError(const nlohmann::json& outcome) {
  for (const auto& issue : outcome.value("issue", nlohmann::json::array())) {
    const std::string severity = issue.value("severity", std::string());
    if (severity == "error" || severity == "fatal") return true;
  }
  return false;
}

bool LoadDefinitions(api::Engine& engine, const std::string& definitions, bool base_only) {
  if (HasError(engine.LoadPath(definitions))) {
    std::cerr << "pdex member-match: cannot load the definitions pack " << definitions << "\n";
    return false;
  }
  const std::string profiles = base_only ? std::string() : ProfilesPackBeside(definitions);
  if (!profiles.empty() && HasError(engine.LoadPath(profiles))) {
    std::cerr << "pdex member-match: cannot load the profiles pack " << profiles << "\n";
    return false;
  }
  return true;
}

}  // namespace

int RunMemberMatch(const std::vector<std::string>& args) {
  api::MemberMatchOptions options;
  nlohmann::json consent_context = nlohmann::json::object();
  std::vector<std::string> positional;
  std::size_t first_member = std::string::npos;  // index in `positional` where --members began
  std::string definitions;
  bool base_only = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      std::cout << kMemberMatchHelp;
      return kExitOk;
    } else if (arg == "--members") {
      if (first_member == std::string::npos) first_member = positional.size();
    } else if (arg == "--hrex") {
      if (i + 1 == args.size()) return UsageError(kName, "--hrex needs 1.0 or 1.1");
      options.hrex = args[++i];
      if (options.hrex != "1.0" && options.hrex != "1.1") return UsageError(kName, "--hrex must be 1.0 or 1.1");
    } else if (arg == "--payer" || arg == "--requester" || arg == "--now") {
      if (i + 1 == args.size()) return UsageError(kName, arg + " needs a value");
      const std::string field = arg.substr(2);
      if (field == "now") {
        consent_context["now"] = args[++i];
      } else {
        consent_context[field].push_back(args[++i]);
      }
    } else if (arg == "--explain") {
      options.explain = true;
    } else if (arg == "--definitions") {
      if (i + 1 == args.size()) return UsageError(kName, "--definitions needs a path");
      definitions = args[++i];
    } else if (arg == "--base-only") {
      base_only = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError(kName, "unknown option '" + arg + "'");
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.empty()) return UsageError(kName, "no REQUEST.json given");
  if (first_member == std::string::npos || first_member + 1 >= positional.size()) {
    return UsageError(kName, "no member FILE given (--members FILE... REQUEST.json)");
  }
  const std::string request_file = positional.back();
  const std::vector<std::string> member_files(positional.begin() + static_cast<long>(first_member), positional.end() - 1);

  api::Engine engine;
  if (definitions.empty()) definitions = FindDefinitionsPack();
  if (definitions.empty()) return MissingDefinitions(kName);
  if (!LoadDefinitions(engine, definitions, base_only)) return kExitUsage;
  for (const std::string& file : member_files) {
    std::string error;
    const std::optional<std::string> text = ReadInput(file, error);
    const nlohmann::json outcome =
        text ? engine.LoadMemberIndex(*text, file)
             : ToOperationOutcome({Issue{.severity = Severity::kFatal, .code = "not-found", .id = "cli.unreadable", .diagnostics = error}});
    if (HasError(outcome)) {
      std::cout << json::Serialize(outcome, 2) << '\n';
      return kExitUsage;
    }
  }
  std::string error;
  const std::optional<std::string> request = ReadInput(request_file, error);
  if (!request) {
    std::cout << json::Serialize(ToOperationOutcome({Issue{.severity = Severity::kFatal, .code = "not-found",
                                                           .id = "cli.unreadable", .diagnostics = error}}), 2)
              << '\n';
    return kExitFindings;
  }
  options.consent = api::EvaluatingConsentIn(consent_context);
  nlohmann::json explanation;
  const nlohmann::json answer = engine.MemberMatch(*request, options, &explanation);
  std::cout << json::Serialize(answer, 2) << '\n';
  if (options.explain) std::cerr << json::Serialize(explanation, 2) << '\n';
  return answer.value("resourceType", std::string()) == "Parameters" ? kExitOk : kExitFindings;
}

}  // namespace pdex::cli

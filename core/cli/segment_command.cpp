// `pdex segment`: the Bundle a payer may release under an HRex consent (core/pdex/segmentation).
#include "api/engine.h"
#include "cli/command.h"
#include "cli/input.h"
#include "common/issue.h"
#include "json/serialize.h"

#include <fstream>
#include <iostream>

namespace pdex::cli {

const char kSegmentHelp[] =
    "usage: pdex segment --consent CONSENT.json [--report FILE] [--payer ID]... [--requester ID]...\n"
    "                    [--member REF] [--now INSTANT] BUNDLE.json\n"
    "\n"
    "Evaluates the HRex Consent and prints the Bundle of BUNDLE.json (a member's data; '-' reads\n"
    "standard input) that may be released under it: everything for a #sensitive consent; for a\n"
    "#regular one, everything except data sensitive under US federal/state law (42 CFR Part 2 SUD,\n"
    "mental health, HIV...), withheld or redacted (docs/segmentation.md). Released resources keep\n"
    "their ids; redacted ones carry meta.security v3-ObservationValue#REDACTED. When the consent\n"
    "cannot be honoured (invalid, expired, revoked, another recipient..., or #regular and the data\n"
    "holds content the segmenter cannot classify) an OperationOutcome is printed instead, no Bundle.\n"
    "\n"
    "options:\n"
    "  --consent FILE     the HRex Consent (required)\n"
    "  --report FILE      write the release report (JSON: counts per rule and category, no data)\n"
    "  --payer ID         this payer, the consent's source actor (repeatable); ID is system|value,\n"
    "                     Type/id, or a bare NPI. Without it the source actor is not checked\n"
    "  --requester ID     the requesting payer, the consent's recipient actor (repeatable); idem\n"
    "  --member REF       the matched member as the consent names it (e.g. Patient/1); unchecked if absent\n"
    "  --now INSTANT      the time of the release (FHIR instant; default: now)\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 a Bundle was printed, 1 the consent cannot be honoured or an input cannot be\n"
    "read (an OperationOutcome was printed), 2 usage error.\n";

namespace {

nlohmann::json UnreadableOutcome(const std::string& message) {
  return ToOperationOutcome({Issue{.severity = Severity::kFatal, .code = "not-found", .id = "cli.unreadable", .diagnostics = message}});
}

void PrintWarnings(const nlohmann::json& issues) {
  if (!issues.is_array()) return;
  for (const auto& issue : issues) {
    if (issue.value("severity", "") == "warning") std::cerr << "pdex segment: warning: " << issue.value("diagnostics", "") << "\n";
  }
}

}  // namespace

int RunSegment(const std::vector<std::string>& args) {
  std::string consent_file, report_file, bundle_file;
  nlohmann::json context = nlohmann::json::object();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> const std::string* { return i + 1 == args.size() ? nullptr : &args[++i]; };
    if (arg == "-h" || arg == "--help") {
      std::cout << kSegmentHelp;
      return kExitOk;
    } else if (arg == "--consent" || arg == "--report" || arg == "--payer" || arg == "--requester" || arg == "--member" ||
               arg == "--now") {
      const std::string* v = value();
      if (v == nullptr) return UsageError("segment", arg + " needs a value");
      if (arg == "--consent") consent_file = *v;
      else if (arg == "--report") report_file = *v;
      else if (arg == "--payer") context["payer"].push_back(*v);
      else if (arg == "--requester") context["requester"].push_back(*v);
      else if (arg == "--member") context["member"] = *v;
      else context["now"] = *v;
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError("segment", "unknown option '" + arg + "'");
    } else if (!bundle_file.empty()) {
      return UsageError("segment", "one BUNDLE file, please");
    } else {
      bundle_file = arg;
    }
  }
  if (consent_file.empty()) return UsageError("segment", "--consent is required");
  if (bundle_file.empty()) return UsageError("segment", "a BUNDLE file is required");

  std::string error;
  const auto consent_text = ReadInput(consent_file, error);
  if (!consent_text) {
    std::cout << json::Serialize(UnreadableOutcome("cannot read the consent: " + error), 2) << '\n';
    return kExitFindings;
  }
  const auto bundle_text = ReadInput(bundle_file, error);
  if (!bundle_text) {
    std::cout << json::Serialize(UnreadableOutcome("cannot read the Bundle: " + error), 2) << '\n';
    return kExitFindings;
  }

  const api::Engine engine;
  const std::string context_text = json::Serialize(context);
  PrintWarnings(engine.EvaluateConsent(*consent_text, context_text)["issue"]);
  const nlohmann::json answer = engine.Segment(*bundle_text, *consent_text, context_text);
  if (!report_file.empty()) {
    std::ofstream report(report_file);
    report << json::Serialize(answer.value("report", nlohmann::json::object()), 2) << '\n';
    if (!report) {
      std::cerr << "pdex segment: cannot write the report to " << report_file << "\n";
      return kExitFindings;
    }
  }
  if (answer.contains("bundle")) {
    std::cout << json::Serialize(answer["bundle"], 2) << '\n';
    return kExitOk;
  }
  std::cout << json::Serialize(answer["outcome"], 2) << '\n';
  return kExitFindings;
}

}  // namespace pdex::cli

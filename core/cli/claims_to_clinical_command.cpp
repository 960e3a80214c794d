// `pdex claims-to-clinical`: CARIN BB ExplanationOfBenefit resources (files of EOBs, Bundles or
// NDJSON) → one `collection` Bundle of US Core / PDex clinical resources with PDex Provenance, for
// payers' pipelines (issue #13 §3; docs/claims-to-clinical.md).
#include "cli/command.h"
#include "cli/input.h"
#include "json/parse.h"
#include "json/serialize.h"
#include "pdex/claims/claims_to_clinical.h"

#include <fstream>
#include <iostream>

namespace pdex::cli {

const char kClaimsToClinicalHelp[] =
    "usage: pdex claims-to-clinical [--payer ORG.json] [--receipt DATE] [--base URL] [--outcome FILE] FILE...\n"
    "\n"
    "Converts the CARIN BB ExplanationOfBenefit resources of the FILEs (an EOB, a Bundle of EOBs and the\n"
    "Practitioner/Organization/Location/Patient resources they reference, or NDJSON; '-' reads standard\n"
    "input) into US Core 3.1.1 Encounter, Condition, Procedure, CareTeam, Practitioner, Organization,\n"
    "Location and PDex MedicationDispense resources, each the target of a PDex Provenance (one per claim),\n"
    "and prints them as one `collection` Bundle on standard output. Resources referenced from one FILE\n"
    "may be given in another. What was skipped and why is an OperationOutcome on standard error.\n"
    "\n"
    "options:\n"
    "  --payer ORG.json  the payer's Organization: the Provenance transmitter (default: each EOB's insurer)\n"
    "  --receipt DATE    Provenance.recorded for every claim (default: EOB.created, else meta.lastUpdated)\n"
    "  --base URL        FHIR base of the entries' fullUrl (default https://pdex-bridge.invalid/fhir)\n"
    "  --outcome FILE    write the OperationOutcome to FILE instead of standard error\n"
    "  -h, --help        show this help\n"
    "\n"
    "exit status: 0 converted, 1 an error-level issue (unreadable JSON in a FILE, a bad option value),\n"
    "2 usage error (no FILE, unreadable file, --payer not JSON).\n";

int RunClaimsToClinical(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string payer_path, outcome_path;
  claims::ClaimsOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* what) -> const std::string* {
      if (i + 1 == args.size()) return nullptr;
      (void)what;
      return &args[++i];
    };
    if (arg == "-h" || arg == "--help") {
      std::cout << kClaimsToClinicalHelp;
      return kExitOk;
    } else if (arg == "--payer" || arg == "--receipt" || arg == "--base" || arg == "--outcome") {
      const std::string* given = value(arg.c_str());
      if (given == nullptr) return UsageError("claims-to-clinical", arg + " needs a value");
      if (arg == "--payer") payer_path = *given;
      if (arg == "--receipt") options.receipt = *given;
      if (arg == "--base") options.base = *given;
      if (arg == "--outcome") outcome_path = *given;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return UsageError("claims-to-clinical", "unknown option '" + arg + "'");
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return UsageError("claims-to-clinical", "expected at least one FILE");

  std::string error;
  if (!payer_path.empty()) {
    const std::optional<std::string> text = ReadInput(payer_path, error);
    if (!text) return UsageError("claims-to-clinical", error);
    json::ParsedJson payer = json::ParseJson(*text);
    if (!payer.ok()) return UsageError("claims-to-clinical", payer_path + " is not JSON: " + payer.error->message);
    options.payer = std::move(payer.value);
  }
  std::vector<std::string> texts;
  texts.reserve(files.size());
  for (const std::string& file : files) {
    std::optional<std::string> text = ReadInput(file, error);
    if (!text) return UsageError("claims-to-clinical", error);
    texts.push_back(std::move(*text));
  }
  std::vector<claims::ClaimsText> inputs;
  for (std::size_t i = 0; i < files.size(); ++i) inputs.push_back({files.size() > 1 ? files[i] : "", texts[i]});

  const claims::ClaimsResult result = claims::ClaimsToClinical(inputs, options);
  std::cout << json::Serialize(result.bundle, 2) << "\n";
  const std::string outcome = json::Serialize(ToOperationOutcome(result.issues), 2);
  if (outcome_path.empty()) {
    std::cerr << outcome << "\n";
  } else {
    std::ofstream out(outcome_path, std::ios::binary);
    out << outcome << "\n";
    if (!out) return UsageError("claims-to-clinical", "cannot write '" + outcome_path + "'");
  }
  return HasErrors(result.issues) ? kExitFindings : kExitOk;
}

}  // namespace pdex::cli

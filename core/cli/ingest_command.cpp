// `pdex ingest`: the receiving payer stores what another payer released; prints the transaction Bundle.
#include "api/engine.h"
#include "cli/command.h"
#include "cli/input.h"
#include "json/parse.h"
#include "json/serialize.h"
#include "pdex/common/fhir_refs.h"

#include <fstream>
#include <iostream>

namespace pdex::cli {

const char kIngestHelp[] =
    "usage: pdex ingest --patient Patient/ID --record RECEIVER.json [--receiver-npi NPI] [--receiver-name NAME]\n"
    "                   [--recorded INSTANT] [--base URL] [--report FILE] RECEIVED.json...\n"
    "\n"
    "Ingests the pages another payer released (RECEIVED files: $everything searchset pages or other\n"
    "Bundles) into this payer's record RECEIVER.json (a Bundle or JSON array that holds Patient/ID, the\n"
    "member the pages are about) and prints a FHIR transaction Bundle of PUTs: the sender's resources under\n"
    "new ids with every reference rewritten, Practitioner/Organization/Location mapped by NPI, the member's\n"
    "Patient with the sender's identifiers, the sender's Provenance and a custodian Provenance per stored\n"
    "resource. Only what is new or changed is in it: ingesting the same pages again gives no entry.\n"
    "The report (counts and the id map, JSON) goes to FILE, else to standard error.\n"
    "\n"
    "options:\n"
    "  --patient Patient/ID  the member in the receiver's record (required)\n"
    "  --record FILE         what the receiver holds (required)\n"
    "  --receiver-npi NPI, --receiver-name NAME  this payer, the custodian\n"
    "  --recorded INSTANT    Provenance.recorded of new custodian Provenances (default: now)\n"
    "  --base URL            the receiver's FHIR base, for entry.fullUrl\n"
    "  --report FILE         where to write the report\n"
    "  -h, --help            show this help\n"
    "\n"
    "exit status: 0 a transaction was printed, 1 refused (e.g. the received Patient is not the member; an\n"
    "OperationOutcome is printed), 2 usage error.\n";

int RunIngest(const std::vector<std::string>& args) {
  nlohmann::json options = nlohmann::json::object();
  std::string record_file, report_file, npi, name;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "-h" || arg == "--help") {
      std::cout << kIngestHelp;
      return kExitOk;
    } else if (arg == "--patient" || arg == "--recorded" || arg == "--base") {
      if (!has_value) return UsageError("ingest", arg + " needs a value");
      options[arg.substr(2)] = args[++i];
    } else if (arg == "--record" || arg == "--report" || arg == "--receiver-npi" || arg == "--receiver-name") {
      if (!has_value) return UsageError("ingest", arg + " needs a value");
      (arg == "--record" ? record_file : arg == "--report" ? report_file : arg == "--receiver-npi" ? npi : name) = args[++i];
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError("ingest", "unknown option '" + arg + "'");
    } else {
      files.push_back(arg);
    }
  }
  if (!options.contains("patient")) return UsageError("ingest", "--patient Patient/ID is required");
  if (record_file.empty()) return UsageError("ingest", "--record FILE is required");
  if (files.empty()) return UsageError("ingest", "expected at least one RECEIVED file");
  if (!npi.empty() || !name.empty()) options["receiver"] = pdex_common::NpiReference(npi, name);
  std::string error;
  const std::optional<std::string> record = ReadInput(record_file, error);
  if (!record) {
    std::cerr << "pdex ingest: " << error << "\n";
    return kExitFindings;
  }
  // The pages as one JSON array text: each file is parsed by the engine, which names the bad one.
  std::string pages = "[";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::optional<std::string> text = ReadInput(files[i], error);
    if (!text) {
      std::cerr << "pdex ingest: " << error << "\n";
      return kExitFindings;
    }
    if (!json::ParseJson(*text).ok()) {
      std::cerr << "pdex ingest: " << files[i] << " is not valid JSON\n";
      return kExitFindings;
    }
    pages += (i == 0 ? "" : ",") + *text;
  }
  pages += "]";
  const api::Engine engine;
  nlohmann::json answer = engine.IngestRelease(pages, *record, options.dump());
  if (!answer.contains("transaction")) {
    std::cout << json::Serialize(answer) << "\n";
    return kExitFindings;
  }
  const std::string report = json::Serialize(answer["report"]);
  if (report_file.empty()) {
    std::cerr << report << "\n";
  } else {
    std::ofstream out(report_file);
    out << report << "\n";
    if (!out) {
      std::cerr << "pdex ingest: cannot write " << report_file << "\n";
      return kExitFindings;
    }
  }
  std::cout << json::Serialize(answer["transaction"]) << "\n";
  return kExitOk;
}

}  // namespace pdex::cli

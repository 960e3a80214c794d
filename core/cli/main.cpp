// `pdex`: validate payer data (and evaluate FHIRPath) from scripts and pipelines.
// A thin dispatcher: each subcommand lives in its own *_command.cpp.
#include "cli/command.h"

#include <cstring>
#include <iostream>

namespace pdex::cli {
namespace {

const Command kCommands[] = {
    {"validate", "validate FHIR JSON resources and print OperationOutcomes", kValidateHelp, RunValidate},
    {"fhirpath", "evaluate a FHIRPath expression against a FHIR JSON resource", kFhirpathHelp, RunFhirpath},
    {"segment", "the Bundle a payer may release under an HRex consent (sensitive data withheld)", kSegmentHelp, RunSegment},
    {"claims-to-clinical", "convert CARIN BB EOBs into US Core/PDex resources with PDex Provenance",
     kClaimsToClinicalHelp, RunClaimsToClinical},
    {"release", "assemble a member's Patient/$everything page (PDex release)", kReleaseHelp, RunRelease},
    {"ingest", "ingest another payer's release into this payer's record", kIngestHelp, RunIngest},
    {"member-match", "HRex $member-match of a request against the payer's members", kMemberMatchHelp, RunMemberMatch},
};

void PrintHelp(std::ostream& out) {
  out << "usage: pdex COMMAND [OPTION]... [ARG]...\n\n"
         "PDex Bridge command line: checks payer FHIR R4 data.\n\ncommands:\n";
  for (const Command& command : kCommands) out << "  " << command.name << "\t" << command.summary << "\n";
  out << "\nexit status: 0 success, 1 findings (an error-level issue or an evaluation error),\n"
         "2 usage error.\n";
  for (const Command& command : kCommands) out << "\n" << command.help;
}

}  // namespace

int UsageError(const char* command, const std::string& message) {
  std::cerr << "pdex " << command << ": " << message << "\n"
            << "Try 'pdex " << command << " --help'.\n";
  return kExitUsage;
}

}  // namespace pdex::cli

int main(int argc, char** argv) {
  using namespace pdex::cli;
  if (argc < 2) {
    PrintHelp(std::cerr);
    return kExitUsage;
  }
  const std::string name = argv[1];
  if (name == "-h" || name == "--help" || name == "help") {
    PrintHelp(std::cout);
    return kExitOk;
  }
  for (const Command& command : kCommands) {
    if (name == command.name) return command.run(std::vector<std::string>(argv + 2, argv + argc));
  }
  std::cerr << "pdex: unknown command '" << name << "'\nTry 'pdex --help'.\n";
  return kExitUsage;
}

// `pdex release`: Patient/$everything over a member's record, one searchset page on standard output.
#include "api/engine.h"
#include "cli/command.h"
#include "cli/input.h"
#include "json/serialize.h"
#include "pdex/common/fhir_refs.h"

#include <iostream>

namespace pdex::cli {

const char kReleaseHelp[] =
    "usage: pdex release [--type T,...] [--since INSTANT] [--start DATE] [--end DATE] [--count N] [--page K]\n"
    "                    [--patient ID] [--payer-npi NPI] [--payer-name NAME] --base URL RECORD.json\n"
    "\n"
    "Assembles the Patient/$everything result for the member whose record RECORD.json holds (a Bundle or\n"
    "JSON array of every resource the payer holds for them; '-' reads standard input) and prints page K\n"
    "(default 1) as a FHIR searchset Bundle: the member's compartment narrowed by the options, the\n"
    "Practitioners/Organizations/Locations/Medications it references, and a Provenance for each resource\n"
    "(held ones with targets narrowed to what is released, and this payer's own PDex Provenance for the\n"
    "rest). Paging links use BASE and _offset. See docs/release-and-ingest.md.\n"
    "\n"
    "options:\n"
    "  --type T,...      only these resource types of the member's data (_type)\n"
    "  --since INSTANT   only resources with meta.lastUpdated at or after INSTANT (_since)\n"
    "  --start DATE, --end DATE  only care dated within [start, end] (per-type care dates)\n"
    "  --count N         resources per page (_count, at most 1000; default 50)\n"
    "  --page K          which page, from 1\n"
    "  --patient ID      the member's Patient id when the record holds several Patients\n"
    "  --payer-npi NPI, --payer-name NAME  this payer, the transmitter of added Provenances\n"
    "  --base URL        the payer's FHIR base URL (required)\n"
    "  -h, --help        show this help\n"
    "\n"
    "exit status: 0 a page was printed, 1 nothing can be released (OperationOutcome printed), 2 usage error.\n";

int RunRelease(const std::vector<std::string>& args) {
  nlohmann::json query = nlohmann::json::object();
  std::string file, payer_npi, payer_name;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* key) -> bool {
      if (i + 1 == args.size()) return false;
      query[key] = args[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::cout << kReleaseHelp;
      return kExitOk;
    } else if (arg == "--type") {
      if (!value("_type")) return UsageError("release", "--type needs a list of types");
    } else if (arg == "--since") {
      if (!value("_since")) return UsageError("release", "--since needs an instant");
    } else if (arg == "--start") {
      if (!value("start")) return UsageError("release", "--start needs a date");
    } else if (arg == "--end") {
      if (!value("end")) return UsageError("release", "--end needs a date");
    } else if (arg == "--count") {
      if (!value("_count")) return UsageError("release", "--count needs a number");
    } else if (arg == "--page") {
      if (!value("page")) return UsageError("release", "--page needs a number");
    } else if (arg == "--patient") {
      if (!value("patient")) return UsageError("release", "--patient needs an id");
    } else if (arg == "--base") {
      if (!value("base")) return UsageError("release", "--base needs a URL");
    } else if (arg == "--payer-npi" || arg == "--payer-name") {
      if (i + 1 == args.size()) return UsageError("release", arg + " needs a value");
      (arg == "--payer-npi" ? payer_npi : payer_name) = args[++i];
    } else if (arg.size() > 1 && arg[0] == '-') {
      return UsageError("release", "unknown option '" + arg + "'");
    } else if (!file.empty()) {
      return UsageError("release", "expected one RECORD file");
    } else {
      file = arg;
    }
  }
  if (file.empty()) return UsageError("release", "expected a RECORD file");
  if (!query.contains("base")) return UsageError("release", "--base URL is required");
  if (!payer_npi.empty() || !payer_name.empty()) query["payer"] = pdex_common::NpiReference(payer_npi, payer_name);
  std::string error;
  const std::optional<std::string> text = ReadInput(file, error);
  if (!text) {
    std::cerr << "pdex release: " << error << "\n";
    return kExitFindings;
  }
  const api::Engine engine;
  const nlohmann::json answer = engine.AssembleRelease(*text, query.dump());
  std::cout << json::Serialize(answer) << "\n";
  return answer.value("resourceType", "") == "Bundle" ? kExitOk : kExitFindings;
}

}  // namespace pdex::cli

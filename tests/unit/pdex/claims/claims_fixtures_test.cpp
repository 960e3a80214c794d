// Claims → clinical over real data: the CARIN BB 1.1.0 example EOBs (with the example Organizations,
// Practitioners and Patients they reference) and every file of ../shared/fixtures/claims. Every
// produced resource must validate against its declared profile with zero errors.
#include "claims_test_support.h"

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
using pdex::claims::ClaimsOptions;
using pdex::claims::ClaimsResult;
using pdex::claims::ClaimsText;
using pdex::claims::ClaimsToClinical;
using pdex::claims_testing::CheckConversion;
using pdex::claims_testing::CountByType;
using pdex::claims_testing::ReadFile;

namespace {

std::vector<fs::path> JsonFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::is_directory(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void PrintFigures(const std::string& what, const ClaimsResult& result, int checked) {
  std::cout << "claims-to-clinical " << what << ": " << result.figures.eobs_converted << " of "
            << result.figures.eobs_read << " EOBs converted, " << result.figures.resources << " resources + "
            << result.figures.provenances << " Provenance, " << checked << " of "
            << result.figures.resources + result.figures.provenances << " validate with 0 errors;";
  for (const auto& [type, count] : CountByType(result.bundle)) std::cout << " " << type << " " << count;
  std::cout << "\n";
}

}  // namespace

TEST_CASE("CARIN BB 1.1.0 example EOBs convert into resources that meet their profiles", "[claims][ig]") {
  const fs::path examples = fs::path(pdex::pdex_testing::SharedDir()) / "ig/hl7.fhir.us.carin-bb#1.1.0/examples";
  if (!fs::is_directory(examples)) {
    WARN("skipped: " << examples << " is absent");
    return;
  }
  std::vector<std::string> texts;
  std::vector<ClaimsText> inputs;
  for (const fs::path& file : JsonFiles(examples)) texts.push_back(ReadFile(file.string()));
  std::size_t i = 0;
  for (const fs::path& file : JsonFiles(examples)) inputs.push_back({file.filename().string(), texts[i++]});
  const ClaimsResult result = ClaimsToClinical(inputs, ClaimsOptions{});
  const int checked = CheckConversion(result, "CARIN BB 1.1.0 examples");
  PrintFigures("CARIN BB 1.1.0 examples", result, checked);
  CHECK(result.figures.eobs_read == 7);
  CHECK(result.figures.eobs_converted == result.figures.eobs_read);
  CHECK_FALSE(pdex::HasErrors(result.issues));
  const auto counts = CountByType(result.bundle);
  // The examples reference Organization/Practitioner resources that are in the package: they are
  // emitted once each however many claims name them.
  CHECK(counts.count("Organization") == 1);
  CHECK(counts.count("Practitioner") == 1);
  CHECK(counts.at("Encounter") == 7);
  CHECK(counts.at("Provenance") == 7);
  CHECK(counts.count("MedicationDispense") == 1);
  CHECK(counts.count("Procedure") == 1);
  CHECK(counts.count("Condition") == 1);
}

TEST_CASE("every EOB of the shared claims fixtures converts into resources that meet their profiles",
          "[claims][fixtures]") {
  const fs::path fixtures = fs::path(pdex::pdex_testing::SharedDir()) / "fixtures/claims";
  if (!fs::is_directory(fixtures)) {
    WARN("skipped: " << fixtures << " is absent");
    return;
  }
  std::size_t eobs = 0, converted = 0, resources = 0, provenances = 0;
  int checked_total = 0;
  std::size_t produced_total = 0;
  for (const fs::path& file : JsonFiles(fixtures)) {
    const std::string text = ReadFile(file.string());
    const ClaimsResult result = ClaimsToClinical({{file.filename().string(), text}}, ClaimsOptions{});
    const int checked = CheckConversion(result, file.string());
    if (result.figures.eobs_read == 0) continue;  // Patients, Coverages, member-match parts: no claims
    PrintFigures(file.parent_path().filename().string() + "/" + file.filename().string(), result, checked);
    CHECK(result.figures.eobs_converted == result.figures.eobs_read);
    eobs += result.figures.eobs_read;
    converted += result.figures.eobs_converted;
    resources += result.figures.resources;
    provenances += result.figures.provenances;
    checked_total += checked;
    produced_total += result.figures.resources + result.figures.provenances;
  }
  std::cout << "claims-to-clinical fixtures total: " << converted << " of " << eobs << " EOBs converted, " << resources
            << " resources + " << provenances << " Provenance, " << checked_total << " of " << produced_total
            << " validate with 0 errors\n";
  CHECK(eobs > 0);
}

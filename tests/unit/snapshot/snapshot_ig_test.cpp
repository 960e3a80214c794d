// Acceptance suite: for every StructureDefinition of the IG packages in /work/shared/ig, strip the
// snapshot, generate it from the differential (bases resolved and generated on demand from the
// other packages and the R4 core), and compare with the official snapshot. Prints per-profile and
// per-IG figures; fails on any difference not listed in accepted_differences.txt and on any listed
// difference that no longer occurs. Skips cleanly when the IG folder is absent.
#include "ig_harness.h"
#include "snapshot/resolver.h"
#include "snapshot/snapshot.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace pdex::snapshot::testing {
namespace {

nlohmann::json Stripped(const nlohmann::json& definition) {
  nlohmann::json copy = definition;
  copy.erase("snapshot");
  return copy;
}

void AddWithDependencies(SnapshotResolver& resolver, const std::map<std::string, IgPackage>& packages,
                         const std::string& folder, std::set<std::string>& added) {
  if (!added.insert(folder).second) return;
  const IgPackage& package = packages.at(folder);
  for (const auto& dependency : package.dependencies) AddWithDependencies(resolver, packages, dependency, added);
  for (const auto& definition : package.structure_definitions) resolver.AddOwned(Stripped(definition));
}

using Key = std::tuple<std::string, std::string, std::string>;  // profile|version, element id, field

}  // namespace

TEST_CASE("generated snapshots match the official IG snapshots", "[snapshot][ig]") {
  const std::string ig_dir = std::string(PDEX_SHARED_DIR) + "/ig";
  std::map<std::string, IgPackage> packages = LoadIgPackages(ig_dir);
  if (packages.empty() || CoreBundles().size() < 4) {
    WARN("skipped: no IG packages under " << ig_dir << " or no R4 core definitions");
    return;
  }
  const char* order[] = {"hl7.fhir.us.core#3.1.1",    "hl7.fhir.us.davinci-hrex#1.0.0",
                         "hl7.fhir.us.davinci-pdex#2.0.0", "hl7.fhir.us.davinci-pas#2.0.1",
                         "hl7.fhir.us.carin-bb#1.1.0", "hl7.fhir.us.core#6.1.0",
                         "hl7.fhir.us.carin-bb#2.0.0"};
  std::map<Key, std::string> found;  // -> detail
  const char* dump_path = std::getenv("PDEX_SNAPSHOT_DUMP");
  std::ofstream dump;
  if (dump_path != nullptr) dump.open(dump_path);
  int profiles = 0;
  int total_elements = 0;
  for (const char* folder : order) {
    if (packages.count(folder) == 0) continue;
    SnapshotResolver resolver;
    for (const auto& bundle : CoreBundles()) resolver.AddBundleBorrowed(bundle);
    std::set<std::string> added;
    AddWithDependencies(resolver, packages, folder, added);
    StructureDefinitionLookup lookup = resolver.AsLookup();
    int ig_elements = 0;
    int ig_errors = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& definition : packages.at(folder).structure_definitions) {
      const std::string url = definition.value("url", std::string());
      const std::string profile = url + "|" + definition.value("version", std::string());
      SnapshotResult result = GenerateSnapshot(Stripped(definition), lookup);
      ++profiles;
      for (const auto& issue : result.issues) {
        if (issue.severity == Severity::kError || issue.severity == Severity::kFatal) {
          ++ig_errors;
          if (dump) dump << "ISSUE " << profile << " " << issue.id << " " << issue.expression << " " << issue.diagnostics << "\n";
        }
      }
      const nlohmann::json empty = nlohmann::json::array();
      const nlohmann::json& generated = result.structure_definition.contains("snapshot")
                                            ? result.structure_definition["snapshot"]["element"]
                                            : empty;
      std::vector<Mismatch> mismatches = CompareSnapshots(generated, definition["snapshot"]["element"]);
      std::set<std::string> elements;
      for (const auto& mismatch : mismatches) {
        elements.insert(mismatch.element_id);
        found[{profile, mismatch.element_id, mismatch.field}] = mismatch.detail;
        if (dump) dump << profile << " " << mismatch.element_id << " " << mismatch.field << " " << mismatch.detail << "\n";
      }
      ig_elements += static_cast<int>(elements.size());
      std::printf("  %-40s %-60s %4zu elements, %3zu mismatching\n", folder,
                  definition.value("id", std::string()).c_str(), generated.size(), elements.size());
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("IG %-40s %3zu profiles: %4d mismatching elements, %d generation errors, %.1f ms (incl. bases)\n",
                folder, packages.at(folder).structure_definitions.size(), ig_elements, ig_errors, ms);
    total_elements += ig_elements;
  }
  std::printf("TOTAL %d profiles compared, %d mismatching elements\n", profiles, total_elements);

  const auto accepted =
      LoadAcceptedDifferences(std::string(PDEX_SOURCE_DIR) + "/tests/unit/snapshot/accepted_differences.txt");
  std::set<Key> accepted_keys;
  std::set<std::string> accepted_profiles;  // "<profile> * *": every difference of the profile
  int stale = 0;
  for (const auto& entry : accepted) {
    Key key{entry.profile, entry.element_id, entry.field};
    CHECK(!entry.reason.empty());
    bool occurs = found.count(key) != 0;
    if (entry.element_id == "*" && entry.field == "*") {
      accepted_profiles.insert(entry.profile);
      occurs = false;
      for (const auto& [found_key, detail] : found) occurs = occurs || std::get<0>(found_key) == entry.profile;
    } else {
      accepted_keys.insert(key);
    }
    if (!occurs) {
      ++stale;
      UNSCOPED_INFO("accepted difference no longer occurs (line " << entry.line << "): " << entry.profile << " "
                                                                    << entry.element_id << " " << entry.field);
    }
  }
  int unlisted = 0;
  for (const auto& [key, detail] : found) {
    if (accepted_keys.count(key) != 0 || accepted_profiles.count(std::get<0>(key)) != 0) continue;
    if (++unlisted <= 100) {
      UNSCOPED_INFO("unlisted difference: " << std::get<0>(key) << " " << std::get<1>(key) << " " << std::get<2>(key)
                                            << ": " << detail);
    }
  }
  std::printf("accepted differences: %zu listed, %d unlisted found, %d stale\n", accepted.size(), unlisted, stale);
  CHECK(unlisted == 0);
  CHECK(stale == 0);
}

}  // namespace pdex::snapshot::testing

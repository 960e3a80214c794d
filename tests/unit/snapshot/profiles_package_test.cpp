// Issue 4's acceptance figure: the snapshots our engine generates from OUR profiles (profiles/, FSH
// compiled into build/profiles/package) compared element by element with the official snapshots of
// the same canonical URLs in /work/shared/ig. Prints the mismatching elements per profile and the
// total. The target is zero; until then the total may not grow past kTrackedMismatches (lower it
// when it drops). Differences listed in accepted_differences.txt, each with its reason, are counted
// apart. PDEX_SNAPSHOT_DUMP=<file> writes every difference.
// Skips cleanly when the package or the IG folder is absent.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "ig_harness.h"
#include "snapshot/resolver.h"
#include "snapshot/snapshot.h"

namespace pdex::snapshot::testing {
namespace {

// Mismatching elements not listed in accepted_differences.txt, over all our profiles: 0 since the FSH
// states choice renames and slice constraints as the IGs do (174 when this test was written).
constexpr int kTrackedMismatches = 0;

std::vector<nlohmann::json> LoadPackageDefinitions(const std::string& folder) {
  std::vector<nlohmann::json> definitions;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".json" || it->path().filename() == "package.json") continue;
    std::optional<nlohmann::json> resource = LoadJsonFile(it->path().string());
    if (resource && resource->value("resourceType", "") == "StructureDefinition") definitions.push_back(*resource);
  }
  return definitions;
}

}  // namespace

TEST_CASE("snapshots of our profiles match the official ones", "[snapshot][profiles]") {
  const std::string package_dir = std::string(PDEX_SOURCE_DIR) + "/build/profiles/package";
  const std::vector<nlohmann::json> ours = LoadPackageDefinitions(package_dir);
  const std::map<std::string, IgPackage> packages = LoadIgPackages(std::string(PDEX_SHARED_DIR) + "/ig");
  if (ours.empty() || packages.empty() || CoreBundles().size() < 4) {
    WARN("skipped: no profiles package in " << package_dir << ", no IG packages or no R4 core definitions");
    return;
  }
  std::map<std::string, const nlohmann::json*> official;  // url|version -> published definition
  for (const auto& [folder, package] : packages) {
    for (const auto& definition : package.structure_definitions) {
      official[definition.value("url", "") + "|" + definition.value("version", "")] = &definition;
    }
  }
  SnapshotResolver resolver;
  for (const auto& bundle : CoreBundles()) resolver.AddBundleBorrowed(bundle);
  for (const auto& definition : ours) resolver.AddBorrowed(&definition);
  const StructureDefinitionLookup lookup = resolver.AsLookup();

  const char* dump_path = std::getenv("PDEX_SNAPSHOT_DUMP");
  std::ofstream dump;
  if (dump_path != nullptr) dump.open(dump_path);
  // Listed differences, each with its reason: those the official snapshots owe to the publisher that made
  // them (shared with snapshot_ig_test, which checks they still occur), and "package" ones that only our
  // differentials have (checked here).
  using Key = std::tuple<std::string, std::string, std::string>;  // profile|version, element id, field
  std::set<Key> accepted;
  std::set<Key> package_only;
  for (const auto& entry :
       LoadAcceptedDifferences(std::string(PDEX_SOURCE_DIR) + "/tests/unit/snapshot/accepted_differences.txt")) {
    CHECK(!entry.reason.empty());
    accepted.insert({entry.profile, entry.element_id, entry.field});
    if (entry.package_only) package_only.insert({entry.profile, entry.element_id, entry.field});
  }
  std::set<Key> occurring;
  int compared = 0;
  int total = 0;
  int accepted_total = 0;
  for (const auto& definition : ours) {
    const std::string key = definition.value("url", "") + "|" + definition.value("version", "");
    const auto published = official.find(key);
    if (published == official.end()) continue;
    const SnapshotResult result = GenerateSnapshot(definition, lookup);
    const nlohmann::json empty = nlohmann::json::array();
    const nlohmann::json& generated =
        result.structure_definition.contains("snapshot") ? result.structure_definition["snapshot"]["element"] : empty;
    std::set<std::string> elements;
    std::set<std::string> accepted_elements;
    for (const Mismatch& mismatch : CompareSnapshots(generated, (*published->second)["snapshot"]["element"])) {
      const bool listed = accepted.count({key, mismatch.element_id, mismatch.field}) != 0 ||
                          accepted.count({key, "*", "*"}) != 0;
      occurring.insert({key, mismatch.element_id, mismatch.field});
      (listed ? accepted_elements : elements).insert(mismatch.element_id);
      if (dump) {
        dump << (listed ? "accepted " : "") << key << " " << mismatch.element_id << " " << mismatch.field << " "
             << mismatch.detail << "\n";
      }
    }
    for (const auto& id : elements) accepted_elements.erase(id);
    ++compared;
    total += static_cast<int>(elements.size());
    accepted_total += static_cast<int>(accepted_elements.size());
    if (!elements.empty()) std::printf("  %-70s %3zu mismatching elements\n", key.c_str(), elements.size());
  }
  std::printf(
      "our profiles: %d compared with their official snapshots, %d mismatching elements (target 0, tracked %d), "
      "%d more differ only as listed in accepted_differences.txt\n",
      compared, total, kTrackedMismatches, accepted_total);
  for (const Key& entry : package_only) {
    INFO("listed difference no longer occurs: " << std::get<0>(entry) << " " << std::get<1>(entry) << " "
                                                << std::get<2>(entry));
    CHECK(occurring.count(entry) != 0);
  }
  CHECK(compared >= 90);
  CHECK(total <= kTrackedMismatches);
}

}  // namespace pdex::snapshot::testing

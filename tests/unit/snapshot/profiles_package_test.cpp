// Issue 4's acceptance figure: the snapshots our engine generates from OUR profiles (profiles/, FSH
// compiled into build/profiles/package) compared element by element with the official snapshots of
// the same canonical URLs in /work/shared/ig. Prints the mismatching elements per profile and the
// total. The target is zero; until then the total may not grow past kTrackedMismatches (lower it
// when it drops). Skips cleanly when the package or the IG folder is absent.
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "ig_harness.h"
#include "snapshot/resolver.h"
#include "snapshot/snapshot.h"

namespace pdex::snapshot::testing {
namespace {

// Mismatching elements over all our profiles when this test was written (2026-11-25): mostly
// differences in how a constraint is written (value[x] restricted instead of renamed, slicing stated
// on another element), plus the US Core 3.1.1 publisher behaviours in accepted_differences.txt.
constexpr int kTrackedMismatches = 174;

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

  int compared = 0;
  int total = 0;
  for (const auto& definition : ours) {
    const std::string key = definition.value("url", "") + "|" + definition.value("version", "");
    const auto published = official.find(key);
    if (published == official.end()) continue;
    const SnapshotResult result = GenerateSnapshot(definition, lookup);
    const nlohmann::json empty = nlohmann::json::array();
    const nlohmann::json& generated =
        result.structure_definition.contains("snapshot") ? result.structure_definition["snapshot"]["element"] : empty;
    std::set<std::string> elements;
    for (const Mismatch& mismatch : CompareSnapshots(generated, (*published->second)["snapshot"]["element"])) {
      elements.insert(mismatch.element_id);
    }
    ++compared;
    total += static_cast<int>(elements.size());
    if (!elements.empty()) std::printf("  %-70s %3zu mismatching elements\n", key.c_str(), elements.size());
  }
  std::printf("our profiles: %d compared with their official snapshots, %d mismatching elements (target 0, tracked %d)\n",
              compared, total, kTrackedMismatches);
  CHECK(compared >= 90);
  CHECK(total <= kTrackedMismatches);
}

}  // namespace pdex::snapshot::testing

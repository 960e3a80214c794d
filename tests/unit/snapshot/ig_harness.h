// Test support for the snapshot acceptance suite: loading the FHIR R4 core definitions (Medplum's
// bundles) and the IG packages under /work/shared/ig, and comparing a generated snapshot with the
// official one element by element on the properties a validator relies on.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace pdex::snapshot::testing {

std::optional<nlohmann::json> LoadJsonFile(const std::string& path);

// The R4 core bundles (types, resources, extensions, other profiles), parsed once per process;
// empty when PDEX_MEDPLUM_R4_DIR is missing.
const std::vector<nlohmann::json>& CoreBundles();

struct IgPackage {
  std::string folder;                                 // "hl7.fhir.us.core#3.1.1"
  std::vector<std::string> dependencies;              // folders of dependencies present under the IG dir
  std::vector<nlohmann::json> structure_definitions;  // as published (with snapshot)
};

// All packages under `ig_dir`, by folder name; empty when the directory is absent.
std::map<std::string, IgPackage> LoadIgPackages(const std::string& ig_dir);

struct Mismatch {
  std::string element_id;
  std::string field;   // presence, min, max, type, mustSupport, binding.strength, binding.valueSet,
                       // fixed-pattern, sliceName, slicing.discriminator, slicing.rules, path, base,
                       // contentReference, constraint.keys, order
  std::string detail;  // "generated X, official Y"
};

// Compares two snapshot element arrays, matching elements by id.
std::vector<Mismatch> CompareSnapshots(const nlohmann::json& generated, const nlohmann::json& official);

// Accepted differences: "<url|version> <element-id> <field> <reason...>" per line, '#' comments. A line
// that starts with "package " concerns only the snapshots generated from our profiles package
// (snapshot_profiles_test), not those generated from the official differentials (snapshot_ig_test).
struct AcceptedDifference {
  std::string profile;
  std::string element_id;
  std::string field;
  std::string reason;
  bool package_only = false;
  int line = 0;
};
std::vector<AcceptedDifference> LoadAcceptedDifferences(const std::string& path);

}  // namespace pdex::snapshot::testing

// Helpers of the claims tests: reading ../shared files and checking a conversion's output.
#pragma once

#include "pdex/claims/claims_to_clinical.h"
#include "pdex_test_support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

namespace pdex::claims_testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Per resource type, how many resources a Bundle holds.
inline std::map<std::string, int> CountByType(const nlohmann::json& bundle) {
  std::map<std::string, int> counts;
  if (!bundle.contains("entry")) return counts;
  for (const nlohmann::json& entry : bundle["entry"]) counts[entry["resource"]["resourceType"].get<std::string>()]++;
  return counts;
}

// Checks the contract every conversion meets: each resource declares a profile and validates against
// it with zero errors; ids are unique; every produced non-Provenance resource is the target of a
// Provenance; every relative reference to a produced type (Encounter, Condition, Practitioner, ...)
// names a resource of the Bundle. Returns how many resources validated with zero errors.
inline int CheckConversion(const claims::ClaimsResult& result, const std::string& label) {
  INFO(label);
  const nlohmann::json& bundle = result.bundle;
  REQUIRE(bundle["resourceType"] == "Bundle");
  CHECK(bundle["type"] == "collection");
  if (!bundle.contains("entry")) return 0;
  std::set<std::string> ids, targets;
  for (const nlohmann::json& entry : bundle["entry"]) {
    const nlohmann::json& resource = entry["resource"];
    const std::string ref = resource["resourceType"].get<std::string>() + "/" + resource["id"].get<std::string>();
    CHECK(ids.insert(ref).second);
    if (resource["resourceType"] == "Provenance") {
      for (const nlohmann::json& target : resource["target"]) targets.insert(target["reference"].get<std::string>());
      // US Core provenance-1: an agent that is a Practitioner has onBehalfOf.
      for (const nlohmann::json& agent : resource["agent"]) {
        const std::string who = agent["who"].value("reference", "");
        if (who.rfind("Practitioner/", 0) == 0) CHECK(agent.contains("onBehalfOf"));
      }
    }
  }
  int checked = 0;
  for (const nlohmann::json& entry : bundle["entry"]) {
    const nlohmann::json& resource = entry["resource"];
    const std::string ref = resource["resourceType"].get<std::string>() + "/" + resource["id"].get<std::string>();
    INFO(ref);
    CHECK(resource["meta"]["profile"].size() == 1);
    const std::string errors = pdex_testing::ProfileErrors(resource);
    CHECK(errors == "");
    if (resource["resourceType"] != "Provenance") CHECK(targets.count(ref) == 1);
    // Internal references resolve (Patient and payer references are the input's and may point outside).
    for (const char* key : {"encounter", "context"}) {
      if (resource.contains(key)) CHECK(ids.count(resource[key]["reference"].get<std::string>()) == 1);
    }
    if (resource.contains("diagnosis") && resource["resourceType"] == "Encounter") {
      for (const nlohmann::json& diagnosis : resource["diagnosis"]) {
        CHECK(ids.count(diagnosis["condition"]["reference"].get<std::string>()) == 1);
      }
    }
    if (errors.empty()) ++checked;
  }
  for (const std::string& target : targets) CHECK(ids.count(target) == 1);
  // The Bundle as a whole: references between entries resolve, so target profiles and invariants such
  // as US Core's provenance-1 (onBehalfOf when the author resolves to a Practitioner) are checked too.
  // The validator stops after 1000 issues (warnings included), so only Bundles of moderate size.
  if (bundle["entry"].size() <= 300) CHECK(pdex_testing::ProfileErrors(bundle) == "");
  return checked;
}

}  // namespace pdex::claims_testing

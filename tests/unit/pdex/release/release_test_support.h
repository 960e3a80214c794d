// Builders of small member records and a page walker, shared by the release and ingest tests.
#pragma once

#include "pdex/common/release_filter.h"
#include "pdex/common/resource_index.h"
#include "pdex/release/release.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace pdex::release_testing {

inline const char kOldBase[] = "https://old-plan.example/fhir";

inline nlohmann::json Ref(const std::string& key) { return {{"reference", key}}; }

// A resource of `type` with `id` and the members of `extra`.
inline nlohmann::json Res(const std::string& type, const std::string& id, nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json resource = {{"resourceType", type}, {"id", id}};
  for (auto it = extra.begin(); it != extra.end(); ++it) resource[it.key()] = it.value();
  return resource;
}

// A collection Bundle with absolute fullUrls under kOldBase.
inline nlohmann::json Record(const std::vector<nlohmann::json>& resources) {
  nlohmann::json entries = nlohmann::json::array();
  for (const nlohmann::json& resource : resources) {
    entries.push_back({{"fullUrl", std::string(kOldBase) + "/" + pdex_common::ResourceKey(resource)}, {"resource", resource}});
  }
  return {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}};
}

inline nlohmann::json NpiIdentifier(const std::string& npi) {
  return nlohmann::json::array({{{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", npi}}});
}

// A member's record: Patient m1 and another member m2, with clinical data, supporting resources and
// one held Provenance.
inline std::vector<nlohmann::json> MemberRecord() {
  const nlohmann::json m1 = Ref("Patient/m1");
  return {
      Res("Patient", "m1", {{"name", {{{"family", "Appleseed"}, {"given", {"Johnny"}}}}}, {"birthDate", "1986-01-01"}, {"gender", "male"},
                            {"identifier", {{{"system", "https://old-plan.example/member"}, {"value", "M-1"}}}}}),
      Res("Patient", "m2", {{"name", {{{"family", "Other"}}}}, {"birthDate", "1970-05-05"}}),
      Res("Organization", "org-1", {{"identifier", NpiIdentifier("1144221847")}, {"name", "Good Health Clinic"}}),
      Res("Organization", "org-unused", {{"name", "Nobody's clinic"}}),
      Res("Practitioner", "pr-1", {{"identifier", NpiIdentifier("1245319599")}, {"name", {{{"family", "Careful"}}}}}),
      Res("Practitioner", "pr-2", {{"identifier", NpiIdentifier("1356420786")}, {"name", {{{"family", "Psych"}}}}}),
      Res("Location", "loc-1", {{"name", "Clinic A"}, {"managingOrganization", Ref("Organization/org-1")}}),
      Res("Medication", "med-1", {{"code", {{"text", "amoxicillin"}}}}),
      Res("Encounter", "enc-1", {{"status", "finished"}, {"class", {{"code", "AMB"}}}, {"subject", m1},
                                 {"period", {{"start", "2023-02-01T09:00:00Z"}, {"end", "2023-02-01T10:00:00Z"}}},
                                 {"participant", {{{"individual", Ref("Practitioner/pr-1")}}}},
                                 {"location", {{{"location", Ref("Location/loc-1")}}}},
                                 {"reasonReference", {Ref("Condition/cond-2")}},
                                 {"meta", {{"lastUpdated", "2023-02-02T00:00:00Z"}}}}),
      Res("Condition", "cond-1", {{"subject", m1}, {"code", {{"text", "otitis"}}}, {"onsetDateTime", "2023-02-01"},
                                  {"encounter", Ref("Encounter/enc-1")}, {"meta", {{"lastUpdated", "2023-02-02T00:00:00Z"}}}}),
      Res("Condition", "cond-2", {{"subject", m1}, {"code", {{"text", "sensitive"}}}, {"onsetDateTime", "2024-06"},
                                  {"asserter", Ref("Practitioner/pr-2")}, {"meta", {{"lastUpdated", "2024-07-01T00:00:00+02:00"}}}}),
      Res("MedicationRequest", "mr-1", {{"subject", m1}, {"status", "active"}, {"intent", "order"},
                                        {"medicationReference", Ref("Medication/med-1")}, {"authoredOn", "2022-11-30"},
                                        {"meta", {{"lastUpdated", "2022-12-01T00:00:00Z"}}}}),
      Res("Observation", "obs-1", {{"subject", m1}, {"status", "final"}, {"code", {{"text", "weight"}}},
                                   {"effectivePeriod", {{"start", "2021-01-01"}, {"end", "2021-03-01"}}}}),
      Res("Coverage", "cov-1", {{"beneficiary", m1}, {"status", "active"}, {"payor", {Ref("Organization/org-1")}}}),
      Res("Condition", "cond-m2", {{"subject", Ref("Patient/m2")}, {"code", {{"text", "not this member"}}}}),
      Res("Provenance", "prov-held", {{"target", {Ref("Condition/cond-1"), Ref("Condition/cond-m2"), Ref("Bundle/b-9")}},
                                      {"recorded", "2023-02-02T00:00:00Z"},
                                      {"agent", {{{"who", Ref("Organization/org-1")}}}}}),
      Res("Provenance", "prov-m2", {{"target", {Ref("Condition/cond-m2")}}, {"recorded", "2023-02-02T00:00:00Z"},
                                    {"agent", {{{"who", Ref("Organization/org-unused")}}}}}),
      Res("Provenance", "prov-sensitive", {{"target", {Ref("Condition/cond-2")}}, {"recorded", "2024-07-01T00:00:00Z"},
                                           {"agent", {{{"who", Ref("Practitioner/pr-2")}}}}}),
  };
}

// The `_offset` of a link URL, or nullopt.
inline std::optional<long long> OffsetOf(const std::string& url) {
  const std::size_t at = url.find("_offset=");
  if (at == std::string::npos) return std::nullopt;
  return std::stoll(url.substr(at + 8));
}

struct Walk {
  std::vector<nlohmann::json> pages;
  std::vector<nlohmann::json> entries;  // all non-outcome entries of all pages, in order
};

// Every page of the release, following `next` links (at most 1,000 pages).
inline Walk AllPages(const nlohmann::json& record, nlohmann::json query, const pdex_common::ReleaseFilter& filter = {}) {
  Walk walk;
  if (!query.contains("base")) query["base"] = kOldBase;
  for (int guard = 0; guard < 1000; ++guard) {
    Issues issues;
    const pdex_release::ReleaseQuery parsed = pdex_release::ParseReleaseQuery(query, issues);
    pdex_release::ReleaseResult result = pdex_release::AssembleRelease(record, parsed, filter);
    if (result.bundle.is_null()) break;
    walk.pages.push_back(result.bundle);
    for (const nlohmann::json& entry : result.bundle.value("entry", nlohmann::json::array())) {
      if (entry["search"]["mode"] != "outcome") walk.entries.push_back(entry);
    }
    std::optional<long long> next;
    for (const nlohmann::json& link : result.bundle["link"]) {
      if (link["relation"] == "next") next = OffsetOf(link["url"].get<std::string>());
    }
    if (!next) break;
    query.erase("page");
    query["_offset"] = *next;
  }
  return walk;
}

inline std::multiset<std::string> Keys(const std::vector<nlohmann::json>& entries) {
  std::multiset<std::string> keys;
  for (const nlohmann::json& entry : entries) keys.insert(pdex_common::ResourceKey(entry["resource"]));
  return keys;
}

// Every reference string in the entries' resources.
inline std::vector<std::string> AllReferences(const std::vector<nlohmann::json>& resources) {
  std::vector<std::string> out;
  for (const nlohmann::json& resource : resources) {
    pdex_common::ForEachReference(resource, [&](const std::string& reference) { out.push_back(reference); });
  }
  return out;
}

// A filter that withholds the resources with these keys.
inline pdex_common::ReleaseFilter Withholding(std::set<std::string> keys) {
  return [keys](const std::vector<nlohmann::json>& selected) {
    pdex_common::FilterResult result;
    for (const nlohmann::json& resource : selected) {
      if (keys.count(pdex_common::ResourceKey(resource)) == 0) result.released.push_back(resource);
    }
    return result;
  };
}

inline std::optional<nlohmann::json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  return nlohmann::json::parse(in, nullptr, false);
}

}  // namespace pdex::release_testing

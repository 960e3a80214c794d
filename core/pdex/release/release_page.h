// One page of a $everything result as a FHIR R4 `searchset` Bundle: total, self/first/previous/next
// links over a stable cursor (_offset into a deterministic order), entries with fullUrl and search.mode.
#pragma once

#include "common/issue.h"
#include "pdex/release/release_query.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pdex::pdex_release {

struct ReleasedEntry {
  nlohmann::json resource;
  bool include = false;  // search.mode include (supporting resources, Provenance) rather than match
};

// Sorts `entries` into the release order (the Patient, the member's other data by type then id, the
// supporting resources by type then id, then Provenances by id) and returns the page the query's
// _offset/_count select. `total` counts every entry of the result (as $everything servers do: it has
// no separate _include). Warnings in `issues` travel on every page as an OperationOutcome entry
// (search.mode outcome).
nlohmann::json BuildSearchsetPage(std::vector<ReleasedEntry> entries, const ReleaseQuery& query,
                                  const std::string& patient_id, const Issues& issues);

// The $everything URL of `query` at `offset`: base/Patient/id/$everything?_type=..&_count=..&_offset=..
std::string EverythingUrl(const ReleaseQuery& query, const std::string& patient_id, long long offset);

}  // namespace pdex::pdex_release

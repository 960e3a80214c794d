// The parameters of Patient/$everything (FHIR R4 patient-operation-everything; PDex 2.0.0 §6.3 step 8)
// and the date rules they need: which care date of each resource type `start`/`end` compare with, and
// meta.lastUpdated for `_since`.
#pragma once

#include "common/issue.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>

namespace pdex::pdex_release {

// The largest page: a request for more gets this many (docs/release-and-ingest.md).
inline constexpr int kMaxCount = 1000;
inline constexpr int kDefaultCount = 50;

struct ReleaseQuery {
  std::string patient_id;         // "patient": which Patient of the record; empty = the record's only Patient
  std::set<std::string> types;    // "_type" (comma list); empty = every type
  std::optional<long long> since; // "_since" as seconds since 1970 (UTC)
  std::string since_text;
  std::string start, end;         // "start"/"end" as given (FHIR date/dateTime, any precision)
  int count = kDefaultCount;      // "_count", 1..kMaxCount
  long long offset = 0;           // "_offset" (or "page" K ≥ 1: offset (K-1)·count)
  std::string base;               // "base": FHIR base URL for fullUrl and links
  nlohmann::json payer;           // "payer": Reference to this payer (Provenance transmitter)
  std::string recorded;           // "recorded": instant for added Provenances without a lastUpdated to use
};

// Reads the query object. Unknown or ill-typed members → error issues (`release.query-invalid`); a
// _count past kMaxCount is capped with a warning (`release.count-capped`).
ReleaseQuery ParseReleaseQuery(const nlohmann::json& query, Issues& issues);

// Seconds since 1970 of a FHIR instant/dateTime/date ("2024", "2024-03", "2024-03-01",
// "2024-03-01T10:00:00.123+02:00"); missing time = 00:00 UTC. nullopt when it is none of these.
std::optional<long long> ParseFhirInstant(const std::string& text);

// The care-date window of a resource: [low, high] as "YYYY-MM-DD" strings, from the element its type
// dates care with (table in release_query.cpp and docs/release-and-ingest.md). nullopt when the type has
// no care date or the resource does not carry it.
struct DateWindow {
  std::string low, high;
};
std::optional<DateWindow> CareDates(const nlohmann::json& resource);

// True when the resource's care dates overlap [start, end] (either may be empty = open); resources
// without care dates always pass: the window narrows what is dated, it does not drop what is not.
bool InCareWindow(const nlohmann::json& resource, const std::string& start, const std::string& end);
// True when meta.lastUpdated ≥ since; a resource without a readable lastUpdated passes (it cannot be
// shown to be older, and ingest is idempotent, so sending it again costs nothing).
bool UpdatedSince(const nlohmann::json& resource, long long since);

}  // namespace pdex::pdex_release

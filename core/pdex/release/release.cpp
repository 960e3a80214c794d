#include "pdex/release/release.h"

#include "json/fields.h"
#include "pdex/common/provenance.h"
#include "pdex/common/resource_index.h"
#include "pdex/common/stable_id.h"
#include "pdex/release/record_index.h"
#include "pdex/release/release_page.h"

#include <chrono>
#include <ctime>
#include <exception>

namespace pdex::pdex_release {
namespace {

Issue Error(std::string id, std::string code, std::string diagnostics) {
  return Issue{.code = std::move(code), .id = std::move(id), .diagnostics = std::move(diagnostics)};
}

std::string TypeOf(const RecordIndex& record, int index) {
  return std::string(json::StringAt(record.resources()[static_cast<std::size_t>(index)].resource, "resourceType"));
}

// The member: the Patient the query names, or the record's only Patient.
int FindMember(const RecordIndex& record, const ReleaseQuery& query, Issues& issues) {
  if (!query.patient_id.empty()) {
    const int found = record.Find("Patient/" + query.patient_id);
    if (found < 0) {
      issues.push_back(Error("release.patient-not-found", "not-found",
                             "the record holds no Patient/" + query.patient_id));
    }
    return found;
  }
  int found = -1;
  for (std::size_t i = 0; i < record.resources().size(); ++i) {
    if (json::StringAt(record.resources()[i].resource, "resourceType") != "Patient") continue;
    if (found >= 0) {
      issues.push_back(Error("release.patient-ambiguous", "multiple-matches",
                             "the record holds more than one Patient; say which member with 'patient'"));
      return -1;
    }
    found = static_cast<int>(i);
  }
  if (found < 0) issues.push_back(Error("release.patient-not-found", "not-found", "the record holds no Patient"));
  return found;
}

std::string NowInstant() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// The payer's own Provenance for a released resource that came with none (pdex-facts §3.3: "clinical
// data without provenance → payer SHOULD create a record naming the source, the plan..."): the payer is
// the transmitter. `recorded` is the resource's lastUpdated when it has one, so that the same request
// gives the same Provenance every time.
nlohmann::json OwnProvenance(const nlohmann::json& resource, const std::string& key, const ReleaseQuery& query,
                             const nlohmann::json& payer, const std::string& fallback_recorded) {
  pdex_common::ProvenanceSpec spec;
  spec.id = pdex_common::StableId("pdex-release", {key});
  spec.targets = {key};
  const nlohmann::json* meta = json::ObjectAt(resource, "meta");
  const std::string updated = meta != nullptr ? std::string(json::StringAt(*meta, "lastUpdated")) : std::string();
  spec.recorded = updated.size() > 10 && ParseFhirInstant(updated) ? updated
                  : !query.recorded.empty()                         ? query.recorded
                                                                    : fallback_recorded;
  spec.transmitter = payer;
  return pdex_common::BuildPdexProvenance(spec);
}

}  // namespace

ReleaseResult AssembleRelease(const nlohmann::json& record_json, const ReleaseQuery& query,
                              const pdex_common::ReleaseFilter& filter) {
  ReleaseResult result;
  Issues& issues = result.issues;
  try {
    if (query.base.empty()) {
      issues.push_back(Error("release.base-missing", "required", "a base URL is needed for fullUrl and paging links"));
      return result;
    }
    RecordIndex record(pdex_common::CollectResources(record_json, "record", issues));
    const int patient = FindMember(record, query, issues);
    if (patient < 0) return result;
    const std::string patient_id(json::StringAt(record.resources()[static_cast<std::size_t>(patient)].resource, "id"));

    // 1. The member's data the query selects (the Patient is dated by nothing: only _type narrows it).
    std::set<int> match;
    for (const int i : MemberCompartment(record, patient)) {
      if (!query.types.empty() && query.types.count(TypeOf(record, i)) == 0) continue;
      const nlohmann::json& resource = record.resources()[static_cast<std::size_t>(i)].resource;
      if (i != patient && query.since && !UpdatedSince(resource, *query.since)) continue;
      if (i != patient && !InCareWindow(resource, query.start, query.end)) continue;
      match.insert(i);
    }
    // 2. What it brings along: supporting resources and the Provenance of all of it.
    std::set<int> candidates = match;
    for (const int i : SupportingClosure(record, candidates)) candidates.insert(i);
    for (const int i : ProvenanceFor(record, candidates)) candidates.insert(i);
    for (const int i : SupportingClosure(record, candidates)) candidates.insert(i);

    // 3. The consent filter, before paging, over everything that could leave.
    std::set<int> released = candidates;
    if (filter) {
      std::vector<nlohmann::json> given;
      for (const int i : candidates) given.push_back(record.resources()[static_cast<std::size_t>(i)].resource);
      pdex_common::FilterResult filtered = filter(given);
      issues.insert(issues.end(), filtered.issues.begin(), filtered.issues.end());
      released.clear();
      for (nlohmann::json& resource : filtered.released) {
        const int i = record.Find(pdex_common::ResourceKey(resource));
        if (i < 0 || candidates.count(i) == 0) {
          issues.push_back(Issue{.severity = Severity::kWarning, .code = "processing", .id = "release.filter-added",
                                 .diagnostics = "the release filter returned a resource it was not given; ignored"});
          continue;
        }
        record.resources()[static_cast<std::size_t>(i)].resource = std::move(resource);  // possibly redacted
        released.insert(i);
      }
    }
    std::set<int> withheld;
    for (const int i : candidates) {
      if (released.count(i) == 0) withheld.insert(i);
    }
    result.withheld = static_cast<int>(withheld.size());

    // 4. What is left once withheld data is gone: a Practitioner seen only for withheld care, or a
    // Provenance of withheld data only, would tell what was withheld.
    std::set<int> kept;
    for (const int i : match) {
      if (released.count(i) != 0) kept.insert(i);
    }
    std::set<int> member_data = kept;
    for (const int i : SupportingClosure(record, kept)) {
      if (released.count(i) != 0) kept.insert(i);
    }
    const std::set<int> provenance = ProvenanceFor(record, kept, &released);
    kept.insert(provenance.begin(), provenance.end());
    for (const int i : SupportingClosure(record, kept)) {
      if (released.count(i) != 0) kept.insert(i);
    }
    for (const int i : released) {
      if (kept.count(i) == 0 && TypeOf(record, i) == "Provenance") ++result.dropped_provenance;
    }

    // 5. The released copies: references to withheld data masked, Provenance.target narrowed to what is released.
    const nlohmann::json payer = query.payer.is_object() ? query.payer : nlohmann::json{{"display", "Releasing health plan"}};
    if (!query.payer.is_object()) {
      issues.push_back(Issue{.severity = Severity::kWarning, .code = "incomplete", .id = "release.payer-missing",
                             .diagnostics = "no payer Reference given: added Provenances name the transmitter by display only"});
    }
    std::vector<ReleasedEntry> entries;
    std::set<int> has_provenance;
    for (const int i : kept) {
      nlohmann::json resource = record.resources()[static_cast<std::size_t>(i)].resource;
      result.masked_references += pdex_common::MaskReferences(
          resource, [&](const std::string& reference) { return withheld.count(record.Resolve(reference)) != 0; });
      if (TypeOf(record, i) == "Provenance") {
        nlohmann::json targets = nlohmann::json::array();
        const nlohmann::json* held_targets = json::ArrayAt(resource, "target");
        for (const nlohmann::json& target : held_targets != nullptr ? *held_targets : nlohmann::json::array()) {
          const int index = record.Resolve(std::string(json::StringAt(target, "reference")));
          if (kept.count(index) == 0) continue;  // a Bundle, a resource not released, a withheld one
          targets.push_back(target);
          has_provenance.insert(index);
        }
        if (targets.empty()) {  // a redacting filter took the targets away
          ++result.dropped_provenance;
          continue;
        }
        resource["target"] = std::move(targets);
      }
      entries.push_back(ReleasedEntry{std::move(resource), member_data.count(i) == 0});
    }
    // 6. The payer's own Provenance for the member's resources that have none.
    const std::string now = NowInstant();
    for (const int i : member_data) {
      if (has_provenance.count(i) != 0) continue;
      const auto& indexed = record.resources()[static_cast<std::size_t>(i)];
      entries.push_back(ReleasedEntry{OwnProvenance(indexed.resource, indexed.key, query, payer, now), true});
      ++result.added_provenance;
    }
    result.bundle = BuildSearchsetPage(std::move(entries), query, patient_id, issues);
  } catch (const std::exception& e) {
    issues.push_back(Issue{.severity = Severity::kFatal, .code = "exception", .id = "release.internal",
                           .diagnostics = std::string("internal error: ") + e.what()});
    result.bundle = nullptr;
  }
  return result;
}

}  // namespace pdex::pdex_release

// The payer's member index for $member-match: its Patients and the Coverages whose beneficiary they
// are, with blocking keys (every member id, Coverage.identifier and subscriberId, normalised) so that
// a request looks up its few candidates instead of scanning every member.
#pragma once

#include "common/issue.h"
#include "json/parse.h"
#include "pdex/member_match/demographics.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pdex::member_match {

struct Member {
  std::string patient_id;  // the payer's Patient.id (MemberId in HRex 1.1)
  Demographics demographics;
  std::vector<IdValue> patient_ids;  // Patient.identifier
  std::vector<CoverageKeys> coverages;
  // The member's identifier to answer with (system + value, no type): Patient.identifier typed
  // v2-0203#MB, else a Coverage.identifier typed MB, else the first Coverage.identifier, else the
  // subscriberId. Null when the member has none.
  nlohmann::json member_identifier;
  // Patient.identifier typed hrex-temp#UMB when the payer keeps one (answered for HRex 1.1).
  nlohmann::json unique_member_identifier;
  bool member_identifier_from_patient = false;
};

// What one load added.
struct LoadCounts {
  std::size_t patients = 0;
  std::size_t coverages = 0;
  std::size_t other = 0;  // resources of other types, ignored
};

class MemberIndex {
 public:
  // Adds the Patients and Coverages of `text`: a Bundle, a single resource, or NDJSON (one resource
  // per line). A Patient already in the index (same id) is replaced; a Coverage whose beneficiary
  // is not loaded yet waits for it. Malformed text or lines come back as issues naming `name` and
  // the line; what parsed is kept.
  Issues Add(std::string_view text, std::string_view name, const json::JsonLimits& limits, LoadCounts& counts);
  // Adds one resource (a Patient, a Coverage or a Bundle of them).
  void AddResource(const nlohmann::json& resource, LoadCounts& counts);
  void Clear();

  std::size_t size() const { return members_.size(); }
  // Coverages whose beneficiary Patient is not (yet) in the index.
  std::size_t unresolved_coverages() const { return unresolved_.size(); }
  const Member& member(std::uint32_t index) const { return members_[index]; }
  // The members any of `keys` (normalised identifier values) blocks on, without duplicates, at most
  // `limit` + 1 (so that a caller can tell "more than limit").
  std::vector<std::uint32_t> Candidates(const std::vector<std::string>& keys, std::size_t limit) const;

 private:
  void AddPatient(const nlohmann::json& patient, std::string id);
  void AddCoverage(const nlohmann::json& coverage, const std::string& patient_id);
  void AttachCoverage(std::uint32_t member, const nlohmann::json& coverage);
  void AddBlockKey(const std::string& key, std::uint32_t member);
  void AddBundle(const nlohmann::json& bundle, LoadCounts& counts, int depth);

  std::vector<Member> members_;
  std::unordered_map<std::string, std::uint32_t> by_patient_id_;
  std::unordered_multimap<std::string, nlohmann::json> unresolved_;  // beneficiary id -> Coverage
  std::unordered_map<std::string, std::vector<std::uint32_t>> blocks_;
};

// The Patient id a Coverage.beneficiary reference names: "Patient/1", "http://x/Patient/1", or a
// "urn:uuid:" fullUrl of `urn_ids` (Bundle fullUrl -> Patient id). Empty when none.
std::string BeneficiaryId(const nlohmann::json& coverage,
                          const std::unordered_map<std::string, std::string>* urn_ids = nullptr);

}  // namespace pdex::member_match

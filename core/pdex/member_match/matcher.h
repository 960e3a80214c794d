// Matching one $member-match request against the member index: deterministic rules first, then a
// scored comparison (weights and thresholds below; docs/member-match.md explains them). The matcher
// never links the wrong member on purpose: when two candidates are close it answers "several".
#pragma once

#include "pdex/member_match/demographics.h"
#include "pdex/member_match/member_index.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pdex::member_match {

// What the requester tells about the member: MemberPatient's demographics and identifiers, and the
// ids of CoverageToMatch (the coverage as on the member's card).
struct Probe {
  Demographics demographics;
  std::vector<IdValue> member_ids;  // CoverageToMatch.identifier and MemberPatient.identifier
  std::string subscriber_id;        // CoverageToMatch.subscriberId
  std::string dependent;            // CoverageToMatch.dependent
  // The normalised values the index blocks on.
  std::vector<std::string> BlockKeys() const;
};
Probe ReadProbe(const nlohmann::json& member_patient, const nlohmann::json& coverage_to_match);

// Weights (points, log-odds-like; positive = evidence for the same person). See docs/member-match.md.
namespace weights {
inline constexpr double kMemberIdAgree = 8.0;     // a person-level member id (Coverage.identifier, Patient MB)
inline constexpr double kSubscriberAgree = 3.0;   // only the family's subscriber id
inline constexpr double kDependentAgree = 3.0;
inline constexpr double kDependentDisagree = -6.0;
inline constexpr double kBirthDateAgree = 6.0;
inline constexpr double kBirthDateTransposed = 3.0;  // day and month swapped
inline constexpr double kBirthDatePartial = 1.0;     // two of year, month, day agree
inline constexpr double kBirthDateDisagree = -8.0;
inline constexpr double kGivenAgree = 4.0;
inline constexpr double kGivenNickname = 3.0;
inline constexpr double kGivenTypo = 2.0;        // edit distance 1 (2 for names of 8+ letters)
inline constexpr double kGivenInitialOrMiddle = 1.0;
inline constexpr double kGivenDisagree = -4.0;
inline constexpr double kFamilyAgree = 3.0;
inline constexpr double kFamilyCompound = 2.5;   // one part of a hyphenated / compound name
inline constexpr double kFamilyTypo = 2.0;
inline constexpr double kFamilyDisagree = -1.0;  // small: family names change on marriage
inline constexpr double kGenderAgree = 1.0;
inline constexpr double kGenderDisagree = -3.0;
inline constexpr double kPostalAgree = 1.0;      // moves are common: no penalty on disagreement
inline constexpr double kAddressLineAgree = 1.5;
inline constexpr double kPhoneAgree = 2.0;
inline constexpr double kEmailAgree = 2.0;
}  // namespace weights

// Decision thresholds.
inline constexpr double kMatchThreshold = 13.0;     // a scored match needs at least this
inline constexpr double kPlausibleThreshold = 9.0;  // a runner-up this high ...
inline constexpr double kAmbiguityMargin = 4.0;     // ... and within this of the best makes it "several"
inline constexpr std::size_t kMaxCandidates = 64;   // more members on the request's ids: "several"

// One field's comparison: "agree", "nickname", "typo", "transposed", "partial", "compound",
// "initial-or-middle", "disagree" or "absent" (missing on either side), and its points.
struct FieldResult {
  std::string field;
  std::string result;
  double weight = 0;
};

struct Comparison {
  std::vector<FieldResult> fields;
  double score = 0;
  bool member_id_agrees = false;
  bool subscriber_agrees = false;
  std::string dependent;   // result of the dependent field
  std::string birth_date;  // result of the birthDate field
  std::string given;       // result of the given-name field
  std::string gender;
};
Comparison Compare(const Probe& probe, const Member& member);

enum class Decision { kMatch, kNoMatch, kMultiple };

struct MatchResult {
  Decision decision = Decision::kNoMatch;
  std::optional<std::uint32_t> member;  // set for kMatch
  std::string rule;                      // "member-id+birthDate", "subscriber+dependent+birthDate", ... or "score"
  Comparison comparison;                 // of the matched member only
};

MatchResult Match(const Probe& probe, const MemberIndex& index);

// The decision's explanation as JSON, revealing nothing about members that did not match: for a
// match, the matched member's field results and score; otherwise only the decision and which
// fields the request supplied.
nlohmann::json Explain(const MatchResult& result, const Probe& probe, const MemberIndex& index);

}  // namespace pdex::member_match

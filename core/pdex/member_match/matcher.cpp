#include "pdex/member_match/matcher.h"

#include "json/fields.h"
#include "pdex/member_match/name_normalize.h"
#include "pdex/member_match/nicknames.h"

#include <algorithm>

namespace pdex::member_match {
namespace {

using json::ArrayAt;
using json::StringAt;

bool Contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool AnyShared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& value : a) {
    if (Contains(b, value)) return true;
  }
  return false;
}

// Typo tolerance grows with length: 1 edit from 4 letters, 2 from 8.
bool IsTypo(std::string_view a, std::string_view b) {
  const std::size_t shorter = std::min(a.size(), b.size());
  if (shorter < 4) return false;
  const int allowed = shorter >= 8 ? 2 : 1;
  return EditDistance(a, b, allowed) <= allowed;
}

std::string Joined(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& token : tokens) out += token;
  return out;
}

FieldResult CompareGiven(const NameParts& p, const NameParts& m) {
  if (p.given.empty() || m.given.empty()) return {"given", "absent", 0};
  const std::string& a = p.given[0];
  const std::string& b = m.given[0];
  if (a == b || Joined(p.given) == Joined(m.given)) return {"given", "agree", weights::kGivenAgree};
  if (AreNicknameEquivalent(a, b)) return {"given", "nickname", weights::kGivenNickname};
  if (IsTypo(a, b)) return {"given", "typo", weights::kGivenTypo};
  const bool initial = (a.size() == 1 || b.size() == 1) && a[0] == b[0];
  const bool middle = (m.given.size() > 1 && Contains(m.given, a)) || (p.given.size() > 1 && Contains(p.given, b));
  if (initial || middle) return {"given", "initial-or-middle", weights::kGivenInitialOrMiddle};
  return {"given", "disagree", weights::kGivenDisagree};
}

FieldResult CompareFamily(const NameParts& p, const NameParts& m) {
  if (p.family.empty() || m.family.empty()) return {"family", "absent", 0};
  if (p.family_joined == m.family_joined) return {"family", "agree", weights::kFamilyAgree};
  for (const std::string& token : p.family) {
    if (token.size() >= 2 && Contains(m.family, token)) return {"family", "compound", weights::kFamilyCompound};
  }
  if (IsTypo(p.family_joined, m.family_joined)) return {"family", "typo", weights::kFamilyTypo};
  return {"family", "disagree", weights::kFamilyDisagree};
}

// The best-scoring pair of names (a member may have an official and a maiden name).
void CompareNames(const Demographics& p, const Demographics& m, Comparison& out) {
  if (p.names.empty() || m.names.empty()) {
    out.fields.push_back({"given", "absent", 0});
    out.fields.push_back({"family", "absent", 0});
    out.given = "absent";
    return;
  }
  FieldResult best_given;
  FieldResult best_family;
  double best = -1e9;
  for (const NameParts& pn : p.names) {
    for (const NameParts& mn : m.names) {
      FieldResult given = CompareGiven(pn, mn);
      FieldResult family = CompareFamily(pn, mn);
      if (given.weight + family.weight > best) {
        best = given.weight + family.weight;
        best_given = std::move(given);
        best_family = std::move(family);
      }
    }
  }
  out.given = best_given.result;
  out.fields.push_back(std::move(best_given));
  out.fields.push_back(std::move(best_family));
}

FieldResult CompareBirthDate(const BirthDate& p, const BirthDate& m) {
  if (!p.known() || !m.known()) return {"birthDate", "absent", 0};
  if (p.year == m.year && p.month == m.month && p.day == m.day) return {"birthDate", "agree", weights::kBirthDateAgree};
  if (p.year == m.year && p.month == m.day && p.day == m.month) {
    return {"birthDate", "transposed", weights::kBirthDateTransposed};
  }
  const int same = (p.year == m.year) + (p.month == m.month) + (p.day == m.day);
  if (same == 2) return {"birthDate", "partial", weights::kBirthDatePartial};
  return {"birthDate", "disagree", weights::kBirthDateDisagree};
}

FieldResult CompareSets(const char* field, const std::vector<std::string>& p, const std::vector<std::string>& m,
                        double agree) {
  if (p.empty() || m.empty()) return {field, "absent", 0};
  return AnyShared(p, m) ? FieldResult{field, "agree", agree} : FieldResult{field, "disagree", 0};
}

void CompareIds(const Probe& probe, const Member& member, Comparison& out) {
  auto agrees_with_member = [&](const IdValue& id) {
    for (const IdValue& own : member.patient_ids) {
      if (IdsAgree(id, own)) return true;
    }
    for (const CoverageKeys& coverage : member.coverages) {
      for (const IdValue& own : coverage.member_ids) {
        if (IdsAgree(id, own)) return true;
      }
    }
    return false;
  };
  for (const IdValue& id : probe.member_ids) out.member_id_agrees = out.member_id_agrees || agrees_with_member(id);
  // The subscriber: CoverageToMatch.subscriberId, or a card number that is the subscriber's id.
  const CoverageKeys* on_subscriber = nullptr;
  for (const CoverageKeys& coverage : member.coverages) {
    if (coverage.subscriber_id.empty()) continue;
    bool agrees = coverage.subscriber_id == probe.subscriber_id;
    for (const IdValue& id : probe.member_ids) agrees = agrees || id.value == coverage.subscriber_id;
    if (agrees) {
      on_subscriber = &coverage;
      break;
    }
  }
  out.subscriber_agrees = on_subscriber != nullptr;
  if (out.member_id_agrees) {
    out.fields.push_back({"memberId", "agree", weights::kMemberIdAgree});
  } else {
    out.fields.push_back({"memberId", probe.member_ids.empty() ? "absent" : "disagree", 0});
  }
  if (out.subscriber_agrees && !out.member_id_agrees) {
    out.fields.push_back({"subscriberId", "agree", weights::kSubscriberAgree});
  } else {
    out.fields.push_back({"subscriberId", out.subscriber_agrees ? "agree" : probe.subscriber_id.empty() ? "absent" : "disagree", 0});
  }
  // The dependent number, on the coverage the subscriber id names (else any of the member's).
  std::string member_dependent;
  if (on_subscriber != nullptr) {
    member_dependent = on_subscriber->dependent;
  } else if (member.coverages.size() == 1) {
    member_dependent = member.coverages[0].dependent;
  }
  FieldResult dependent{"dependent", "absent", 0};
  if (!probe.dependent.empty() && !member_dependent.empty()) {
    dependent = probe.dependent == member_dependent ? FieldResult{"dependent", "agree", weights::kDependentAgree}
                                                    : FieldResult{"dependent", "disagree", weights::kDependentDisagree};
  }
  out.dependent = dependent.result;
  out.fields.push_back(std::move(dependent));
}

bool IsAgreement(const std::string& result) { return result == "agree"; }
bool GivenSupports(const std::string& result) { return result == "agree" || result == "nickname"; }

// Deterministic rules, strongest first. Each links only when exactly one candidate satisfies it.
const char* DeterministicRule(const Comparison& c) {
  const bool no_conflict = c.given != "disagree" && c.gender != "disagree" && c.dependent != "disagree";
  if (!IsAgreement(c.birth_date) || !no_conflict) return nullptr;
  if (c.member_id_agrees) return "memberId+birthDate";
  if (c.subscriber_agrees && IsAgreement(c.dependent)) return "subscriberId+dependent+birthDate";
  if (c.subscriber_agrees && GivenSupports(c.given)) return "subscriberId+birthDate+given";
  return nullptr;
}

// Whether a candidate may be linked by score: a person-level id in common, or the subscriber's id
// with no contradiction of the given name or birth date.
bool Linkable(const Comparison& c) {
  if (c.member_id_agrees) return true;
  return c.subscriber_agrees && c.given != "disagree" && c.birth_date != "disagree";
}

}  // namespace

std::vector<std::string> Probe::BlockKeys() const {
  std::vector<std::string> keys;
  for (const IdValue& id : member_ids) keys.push_back(id.value);
  if (!subscriber_id.empty()) keys.push_back(subscriber_id);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

Probe ReadProbe(const nlohmann::json& member_patient, const nlohmann::json& coverage_to_match) {
  Probe probe;
  probe.demographics = ReadDemographics(member_patient);
  const CoverageKeys keys = ReadCoverageKeys(coverage_to_match);
  probe.member_ids = keys.member_ids;
  for (IdValue& id : ReadIdValues(ArrayAt(member_patient, "identifier"))) probe.member_ids.push_back(std::move(id));
  probe.subscriber_id = keys.subscriber_id;
  probe.dependent = keys.dependent;
  return probe;
}

Comparison Compare(const Probe& probe, const Member& member) {
  Comparison out;
  CompareIds(probe, member, out);
  const Demographics& p = probe.demographics;
  const Demographics& m = member.demographics;
  FieldResult birth = CompareBirthDate(p.birth, m.birth);
  out.birth_date = birth.result;
  out.fields.push_back(std::move(birth));
  CompareNames(p, m, out);
  FieldResult gender{"gender", "absent", 0};
  if (!p.gender.empty() && !m.gender.empty()) {
    gender = p.gender == m.gender ? FieldResult{"gender", "agree", weights::kGenderAgree}
                                  : FieldResult{"gender", "disagree", weights::kGenderDisagree};
  }
  out.gender = gender.result;
  out.fields.push_back(std::move(gender));
  out.fields.push_back(CompareSets("postalCode", p.postal_codes, m.postal_codes, weights::kPostalAgree));
  out.fields.push_back(CompareSets("addressLine", p.address_lines, m.address_lines, weights::kAddressLineAgree));
  out.fields.push_back(CompareSets("phone", p.phones, m.phones, weights::kPhoneAgree));
  out.fields.push_back(CompareSets("email", p.emails, m.emails, weights::kEmailAgree));
  for (const FieldResult& field : out.fields) out.score += field.weight;
  return out;
}

MatchResult Match(const Probe& probe, const MemberIndex& index) {
  MatchResult result;
  const std::vector<std::uint32_t> candidates = index.Candidates(probe.BlockKeys(), kMaxCandidates);
  if (candidates.size() > kMaxCandidates) {  // an id shared by too many members identifies no one
    result.decision = Decision::kMultiple;
    result.rule = "too-many-candidates";
    return result;
  }
  std::vector<Comparison> comparisons;
  comparisons.reserve(candidates.size());
  for (const std::uint32_t candidate : candidates) comparisons.push_back(Compare(probe, index.member(candidate)));

  // 1. Deterministic rules: a person-level id (or the subscriber's id with the dependent number or
  //    the given name) together with the exact birthDate and no conflicting name, gender or dependent.
  //    A rule links only when one candidate alone satisfies it; two on the same rule fall through to
  //    the scores, which then see them as close.
  for (int strength = 0; strength < 3; ++strength) {
    static constexpr const char* kRules[] = {"memberId+birthDate", "subscriberId+dependent+birthDate",
                                             "subscriberId+birthDate+given"};
    std::optional<std::size_t> only;
    int satisfied = 0;
    for (std::size_t i = 0; i < comparisons.size(); ++i) {
      const char* rule = DeterministicRule(comparisons[i]);
      if (rule != nullptr && std::string_view(rule) == kRules[strength]) {
        ++satisfied;
        only = i;
      }
    }
    if (satisfied == 1) {
      // Still refuse when another candidate scores as well: the rule must not hide a near-twin.
      bool rival = false;
      for (std::size_t i = 0; i < comparisons.size(); ++i) {
        rival = rival || (i != *only && comparisons[i].score >= kPlausibleThreshold &&
                          comparisons[i].score > comparisons[*only].score - kAmbiguityMargin);
      }
      if (rival) break;
      result.decision = Decision::kMatch;
      result.member = candidates[*only];
      result.rule = kRules[strength];
      result.comparison = std::move(comparisons[*only]);
      return result;
    }
    if (satisfied > 1) break;
  }

  // 2. Scores: the best candidate links when it reaches the threshold, has an id in common with the
  //    request, and no plausible runner-up is within the margin. When only the family's subscriber id
  //    is in common, a disagreeing given name or birth date vetoes the link whatever the score: it is
  //    another person of the household (an unenrolled twin shares everything else).
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    if (!best || comparisons[i].score > comparisons[*best].score) best = i;
  }
  result.rule = "score";
  if (!best || comparisons[*best].score < kMatchThreshold || !Linkable(comparisons[*best])) {
    result.decision = Decision::kNoMatch;
    return result;
  }
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    if (i != *best && comparisons[i].score >= kPlausibleThreshold &&
        comparisons[i].score > comparisons[*best].score - kAmbiguityMargin) {
      result.decision = Decision::kMultiple;
      return result;
    }
  }
  result.decision = Decision::kMatch;
  result.member = candidates[*best];
  result.comparison = std::move(comparisons[*best]);
  return result;
}

nlohmann::json Explain(const MatchResult& result, const Probe& probe, const MemberIndex& index) {
  nlohmann::json out;
  out["decision"] = result.decision == Decision::kMatch ? "match" : result.decision == Decision::kMultiple ? "multiple-matches" : "no-match";
  out["thresholds"] = {{"match", kMatchThreshold}, {"plausible", kPlausibleThreshold}, {"margin", kAmbiguityMargin}};
  // What the request supplied (about the requester's own data only).
  const Demographics& d = probe.demographics;
  out["requestSupplied"] = {{"memberId", !probe.member_ids.empty()}, {"subscriberId", !probe.subscriber_id.empty()},
                            {"dependent", !probe.dependent.empty()}, {"birthDate", d.birth.known()},
                            {"name", !d.names.empty()}, {"gender", !d.gender.empty()},
                            {"postalCode", !d.postal_codes.empty()}, {"addressLine", !d.address_lines.empty()},
                            {"phone", !d.phones.empty()}, {"email", !d.emails.empty()}};
  if (result.decision != Decision::kMatch || !result.member) {
    // Nothing about the candidates: not their number, scores or ids.
    out["reason"] = result.decision == Decision::kMultiple
                        ? "more than one member is as close to the request as the best; no member is linked"
                        : "no member reached the match threshold with an identifier in common with the request";
    return out;
  }
  out["rule"] = result.rule;
  out["score"] = result.comparison.score;
  out["memberId"] = "Patient/" + index.member(*result.member).patient_id;
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldResult& field : result.comparison.fields) {
    fields.push_back({{"field", field.field}, {"result", field.result}, {"weight", field.weight}});
  }
  out["fields"] = std::move(fields);
  return out;
}

}  // namespace pdex::member_match

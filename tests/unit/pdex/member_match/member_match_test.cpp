// The member index, the request checks, the matcher's decisions and the answers (core/pdex/member_match).
#include "pdex/member_match/member_match.h"

#include <catch2/catch.hpp>

#include <string>

namespace pdex::member_match {
namespace {

using nlohmann::json;

const char* const kMemberSystem = "http://example.org/old-payer/member-id";

json PatientJson(const std::string& id, const std::string& member_id, const std::string& given, const std::string& family,
                 const std::string& gender, const std::string& birth_date) {
  return {{"resourceType", "Patient"},
          {"id", id},
          {"identifier", {{{"type", {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/v2-0203"}, {"code", "MB"}}}}}},
                           {"system", kMemberSystem}, {"value", member_id}}}},
          {"name", {{{"family", family}, {"given", {given}}}}},
          {"gender", gender},
          {"birthDate", birth_date},
          {"address", {{{"line", {"12 Oak Street"}}, {"city", "Springfield"}, {"postalCode", "62704"}}}}};
}

json CoverageJson(const std::string& patient_id, const std::string& member_id, const std::string& subscriber_id,
                  const std::string& dependent) {
  return {{"resourceType", "Coverage"},
          {"id", "cov-" + patient_id},
          {"status", "active"},
          {"identifier", {{{"system", kMemberSystem}, {"value", member_id}}}},
          {"subscriberId", subscriber_id},
          {"dependent", dependent},
          {"beneficiary", {{"reference", "Patient/" + patient_id}}},
          {"payor", {{{"display", "Old Health Plan"}}}}};
}

// A household on subscriber S100: parent, and twins Ava and Eli sharing birth date and address.
MemberIndex Household() {
  MemberIndex index;
  LoadCounts counts;
  const json bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", {
      {{"resource", PatientJson("p1", "M001", "Robert", "Nuñez", "male", "1980-04-02")}},
      {{"resource", CoverageJson("p1", "M001", "S100", "01")}},
      {{"resource", PatientJson("p2", "M002", "Ava", "Nuñez", "female", "2012-06-09")}},
      {{"resource", CoverageJson("p2", "M002", "S100", "02")}},
      {{"resource", PatientJson("p3", "M003", "Eli", "Nuñez", "male", "2012-06-09")}},
      {{"resource", CoverageJson("p3", "M003", "S100", "03")}}}}};
  index.AddResource(bundle, counts);
  return index;
}

struct Card {
  std::string member_id;
  std::string subscriber_id;
  std::string dependent;
};

json Request(json patient, const Card& card, bool consent = true) {
  patient["id"] = "1";
  patient.erase("identifier");
  json coverage = {{"resourceType", "Coverage"}, {"status", "active"}, {"beneficiary", {{"reference", "Patient/1"}}},
                   {"payor", {{{"display", "Old Health Plan"}}}}};
  if (!card.member_id.empty()) coverage["identifier"] = {{{"system", kMemberSystem}, {"value", card.member_id}}};
  if (!card.subscriber_id.empty()) coverage["subscriberId"] = card.subscriber_id;
  if (!card.dependent.empty()) coverage["dependent"] = card.dependent;
  json parameters = {{"resourceType", "Parameters"},
                     {"parameter", {{{"name", "MemberPatient"}, {"resource", patient}},
                                    {{"name", "CoverageToMatch"}, {"resource", coverage}}}}};
  if (consent) {
    const json resource = {{"resourceType", "Consent"}, {"status", "active"}, {"patient", {{"reference", "Patient/1"}}}};
    parameters["parameter"].push_back({{"name", "Consent"}, {"resource", resource}});
  }
  return parameters;
}

std::string LinkedValue(const MemberMatchAnswer& answer) {
  REQUIRE(answer.outcome == Outcome::kMatched);
  return answer.resource["parameter"][0]["valueIdentifier"]["value"];
}

TEST_CASE("the index reads Bundles with urn:uuid references and NDJSON in any order", "[member-match]") {
  MemberIndex index;
  LoadCounts counts;
  const json bundle = {{"resourceType", "Bundle"}, {"type", "transaction"}, {"entry", {
      {{"fullUrl", "urn:uuid:0a1b"}, {"resource", {{"resourceType", "Coverage"}, {"subscriberId", "S9"}, {"beneficiary", {{"reference", "urn:uuid:0a1b-p"}}}}}},
      {{"fullUrl", "urn:uuid:0a1b-p"}, {"resource", {{"resourceType", "Patient"}, {"name", {{{"family", "Lee"}, {"given", {"Kim"}}}}}}}}}}};
  index.AddResource(bundle, counts);
  CHECK(counts.patients == 1);
  CHECK(index.size() == 1);
  CHECK(index.unresolved_coverages() == 0);
  CHECK(index.Candidates({"S9"}, 10).size() == 1);

  // NDJSON: the Coverage before its Patient, a blank line and a broken line (reported, the rest kept).
  const std::string ndjson = std::string(CoverageJson("p7", "M7", "S7", "01").dump()) + "\n\n{oops\n" +
                             PatientJson("p7", "M7", "Kim", "Lee", "female", "1990-01-01").dump() + "\n";
  const Issues issues = index.Add(ndjson, "members.ndjson", {}, counts);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].id == "member-match.index-bad-line");
  CHECK(issues[0].line == 3);
  CHECK(index.size() == 2);
  CHECK(index.unresolved_coverages() == 0);
  CHECK(index.Candidates({"M7"}, 10).size() == 1);

  // Not JSON at all: one issue, nothing added.
  CHECK_FALSE(index.Add("not json", "x", {}, counts).empty());
  CHECK(index.size() == 2);
}

TEST_CASE("family members on one subscriber id are told apart; twins by their given name", "[member-match]") {
  const MemberIndex index = Household();
  const MemberMatchOptions options;
  // The dependent number decides.
  CHECK(LinkedValue(MemberMatch(Request(PatientJson("", "", "Eli", "Nunez", "male", "2012-06-09"), {"", "S100", "03"}), index, options)) == "M003");
  // Without it, the given name (in upper case, the family name without its accent) tells the twins apart.
  CHECK(LinkedValue(MemberMatch(Request(PatientJson("", "", "AVA", "NUNEZ", "female", "2012-06-09"), {"", "S100", ""}), index, options)) == "M002");
  // A typo in a longer given name is tolerated on the subscriber id; on a 3-letter name it is not.
  CHECK(LinkedValue(MemberMatch(Request(PatientJson("", "", "Robret", "Nunez", "male", "1980-04-02"), {"", "S100", ""}), index, options)) == "M001");
  CHECK(MemberMatch(Request(PatientJson("", "", "Avva", "Nunez", "female", "2012-06-09"), {"", "S100", ""}), index, options).outcome !=
        Outcome::kMatched);
  // A person-level member id with a transposed birth date and a nickname links by score.
  CHECK(LinkedValue(MemberMatch(Request(PatientJson("", "", "Bob", "Nunez", "male", "1980-02-04"), {"M001", "", ""}), index, options)) == "M001");
  // An unenrolled third twin (same subscriber id, birth date, address; another name) is no member.
  const MemberMatchAnswer twin = MemberMatch(Request(PatientJson("", "", "Noah", "Nuñez", "male", "2012-06-09"), {"", "S100", ""}), index, options);
  CHECK(twin.outcome == Outcome::kNoMatch);
  // The right member id with another person's demographics links no one.
  CHECK(MemberMatch(Request(PatientJson("", "", "Zed", "Quill", "male", "1955-01-30"), {"M001", "", ""}), index, options).outcome ==
        Outcome::kNoMatch);
  // A namesake with the same birth date but an id this payer does not know: no pure demographic match.
  CHECK(MemberMatch(Request(PatientJson("", "", "Robert", "Nuñez", "male", "1980-04-02"), {"Z999", "", ""}), index, options).outcome ==
        Outcome::kNoMatch);
}

TEST_CASE("two members as close as each other answer several matches, never a guess", "[member-match]") {
  MemberIndex index = Household();
  LoadCounts counts;
  // A duplicate record of Ava under another Patient on the same subscriber id and dependent number.
  index.AddResource(PatientJson("p9", "M009", "Ava", "Nuñez", "female", "2012-06-09"), counts);
  index.AddResource(CoverageJson("p9", "M009", "S100", "02"), counts);
  const MemberMatchAnswer answer =
      MemberMatch(Request(PatientJson("", "", "Ava", "Nunez", "female", "2012-06-09"), {"", "S100", ""}), index, MemberMatchOptions{});
  CHECK(answer.outcome == Outcome::kMultipleMatches);
  CHECK(answer.resource["issue"][0]["code"] == "multiple-matches");
  CHECK(answer.resource["issue"][0]["details"]["coding"][0]["code"] == "nomatch");
  CHECK(answer.resource["issue"][0]["details"]["coding"][0]["system"] == std::string(kMatchResultSystem));
}

TEST_CASE("answers: HRex 1.0 MB identifier, HRex 1.1 UMB and MemberId", "[member-match]") {
  const MemberIndex index = Household();
  const json request = Request(PatientJson("", "", "Robert", "Nunez", "male", "1980-04-02"), {"M001", "", ""});
  MemberMatchOptions options;
  const json v10 = MemberMatch(request, index, options).resource;
  CHECK(v10["parameter"].size() == 1);
  CHECK(v10["parameter"][0]["name"] == "MemberIdentifier");
  CHECK(v10["parameter"][0]["valueIdentifier"]["type"]["coding"][0]["code"] == "MB");
  CHECK(v10["parameter"][0]["valueIdentifier"]["system"] == kMemberSystem);
  options.hrex = HrexVersion::k1_1;
  const json v11 = MemberMatch(request, index, options).resource;
  REQUIRE(v11["parameter"].size() == 2);
  CHECK(v11["parameter"][0]["valueIdentifier"]["type"]["coding"][0]["system"] == "http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp");
  CHECK(v11["parameter"][0]["valueIdentifier"]["type"]["coding"][0]["code"] == "UMB");
  CHECK(v11["parameter"][1]["name"] == "MemberId");
  CHECK(v11["parameter"][1]["valueReference"]["reference"] == "Patient/p1");
}

TEST_CASE("a consent that cannot be honoured answers consent-constraint without the member", "[member-match]") {
  const MemberIndex index = Household();
  MemberMatchOptions options;
  options.explain = true;
  std::string asked_for;
  options.consent = [&](const json* consent, const std::string& patient_id) {
    asked_for = patient_id;
    REQUIRE(consent != nullptr);
    return ConsentDecision{false, {Issue{.code = "business-rule", .id = "consent.expired", .diagnostics = "the consent period has ended"}}};
  };
  const MemberMatchAnswer answer = MemberMatch(Request(PatientJson("", "", "Robert", "Nunez", "male", "1980-04-02"), {"M001", "", ""}), index, options);
  CHECK(asked_for == "p1");
  CHECK(answer.outcome == Outcome::kConsentRefused);
  CHECK(answer.resource["resourceType"] == "OperationOutcome");
  CHECK(answer.resource["issue"][0]["code"] == "business-rule");
  CHECK(answer.resource["issue"][0]["details"]["coding"][0]["code"] == "consentconstraint");
  CHECK(answer.resource.dump().find("consent period has ended") != std::string::npos);
  CHECK(answer.resource.dump().find("M001") == std::string::npos);  // §6.3: no member id
  CHECK(answer.explanation["decision"] == "consent-constraint");
  CHECK_FALSE(answer.explanation.contains("memberId"));
  // Honoured: the match goes through.
  options.consent = [](const json*, const std::string&) { return ConsentDecision{}; };
  CHECK(MemberMatch(Request(PatientJson("", "", "Robert", "Nunez", "male", "1980-04-02"), {"M001", "", ""}), index, options).outcome ==
        Outcome::kMatched);
}

TEST_CASE("explanations name the matched member's fields and nothing about others", "[member-match]") {
  const MemberIndex index = Household();
  MemberMatchOptions options;
  options.explain = true;
  const MemberMatchAnswer match = MemberMatch(Request(PatientJson("", "", "Ava", "Nunez", "female", "2012-06-09"), {"", "S100", "02"}), index, options);
  CHECK(match.explanation["decision"] == "match");
  CHECK(match.explanation["memberId"] == "Patient/p2");
  CHECK(match.explanation["rule"] == "subscriberId+dependent+birthDate");
  bool saw_birth_date = false;
  for (const json& field : match.explanation["fields"]) {
    if (field["field"] == "birthDate") saw_birth_date = field["result"] == "agree";
  }
  CHECK(saw_birth_date);
  // No match on a real subscriber id: nothing of the household in the explanation or the outcome.
  const MemberMatchAnswer none = MemberMatch(Request(PatientJson("", "", "Noah", "Nunez", "male", "2019-01-01"), {"", "S100", ""}), index, options);
  REQUIRE(none.outcome == Outcome::kNoMatch);
  const std::string text = none.explanation.dump() + none.resource.dump();
  for (const char* secret : {"p1", "p2", "p3", "M00", "Ava", "Eli", "Robert", "score", "fields"}) {
    INFO(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
  CHECK(none.resource["issue"][0]["code"] == "not-found");
  CHECK(none.resource["issue"][0]["details"]["coding"][0]["code"] == "nomatch");
}

TEST_CASE("request checks: parameters, local references to MemberPatient, an id to match on", "[member-match]") {
  const MemberIndex index = Household();
  const MemberMatchOptions options;
  auto ids_of = [&](const json& request, HrexVersion version = HrexVersion::k1_0) {
    RequestParts parts;
    std::string ids;
    for (const Issue& issue : CheckRequest(request, version, parts)) ids += issue.id + "@" + issue.expression + " ";
    return ids;
  };
  const json good = Request(PatientJson("", "", "Ava", "Nunez", "female", "2012-06-09"), {"", "S100", "02"});
  CHECK(ids_of(good).empty());
  CHECK(ids_of(json::array()).find("member-match.request-not-parameters") != std::string::npos);

  json no_consent = Request(PatientJson("", "", "Ava", "Nunez", "female", "2012-06-09"), {"", "S100", "02"}, false);
  CHECK(ids_of(no_consent).find("member-match.missing-parameter") != std::string::npos);  // HRex 1.0: Consent 1..1
  CHECK(ids_of(no_consent, HrexVersion::k1_1).empty());                                    // HRex 1.1: 0..1

  json absolute = good;
  absolute["parameter"][1]["resource"]["beneficiary"]["reference"] = "https://other.example/Patient/1";
  CHECK(ids_of(absolute) == "member-match.patient-reference-not-local@Parameters.parameter[1].resource.beneficiary.reference ");

  json other = good;
  other["parameter"][2]["resource"]["patient"]["reference"] = "Patient/2";
  CHECK(ids_of(other) == "member-match.patient-reference-mismatch@Parameters.parameter[2].resource.patient.reference ");

  json extra = good;
  extra["parameter"].push_back({{"name", "Surprise"}, {"valueString", "x"}});
  extra["parameter"].push_back(good["parameter"][0]);
  const std::string extra_ids = ids_of(extra);
  CHECK(extra_ids.find("member-match.unknown-parameter@Parameters.parameter[3].name") != std::string::npos);
  CHECK(extra_ids.find("member-match.duplicate-parameter@Parameters.parameter[4]") != std::string::npos);

  json wrong_type = good;
  wrong_type["parameter"][1]["resource"]["resourceType"] = "Patient";
  CHECK(ids_of(wrong_type).find("member-match.parameter-wrong-type@Parameters.parameter[1].resource") != std::string::npos);

  json no_id = good;
  no_id["parameter"][1]["resource"].erase("subscriberId");
  CHECK(ids_of(no_id).find("member-match.no-coverage-id") != std::string::npos);

  // An invalid request is one OperationOutcome naming each problem, with no PDex result code.
  const MemberMatchAnswer answer = MemberMatch(absolute, index, options);
  CHECK(answer.outcome == Outcome::kInvalidRequest);
  CHECK(answer.resource["issue"][0]["code"] == "invalid");
  CHECK_FALSE(answer.resource["issue"][0]["details"].contains("coding"));
  CHECK(answer.resource["issue"].size() == 2);
}

TEST_CASE("hostile requests: many names, huge names, many ids are bounded and never crash", "[member-match]") {
  const MemberIndex index = Household();
  json patient = PatientJson("", "", "Robert", "Nunez", "male", "1980-04-02");
  const std::string huge(1 << 20, 'a');
  patient["name"].push_back({{"family", huge}, {"given", {huge, huge}}});
  for (int i = 0; i < 10000; ++i) patient["name"].push_back({{"family", huge.substr(0, 100 + i)}, {"given", {huge.substr(0, 1000)}}});
  json request = Request(patient, {"M001", "", ""});
  for (int i = 0; i < 10000; ++i) {
    request["parameter"][1]["resource"]["identifier"].push_back({{"value", std::to_string(900000 + i)}});
  }
  // The first name still decides: the member id, birth date and name agree.
  CHECK(LinkedValue(MemberMatch(request, index, MemberMatchOptions{})) == "M001");
  // Deeply nested junk in a Coverage is walked to a bounded depth.
  json nested = json::object();
  for (int i = 0; i < 400; ++i) nested = {{"x", nested}};
  request["parameter"][1]["resource"]["extension"] = {{{"url", "urn:x"}, {"valueString", "y"}, {"deep", nested}}};
  CHECK(MemberMatch(request, index, MemberMatchOptions{}).outcome == Outcome::kMatched);
}

}  // namespace
}  // namespace pdex::member_match

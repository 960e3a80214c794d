#include "eob_generator.h"

#include <string>
#include <vector>

namespace pdex::claims_testing {
namespace {

// SplitMix64: portable, so the generated claims are the same on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
  bool Chance(int percent) { return Below(100) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& values) { return values[static_cast<std::size_t>(Below(static_cast<int>(values.size())))]; }

 private:
  std::uint64_t state_;
};

const char* const kCarin = "http://hl7.org/fhir/us/carin-bb/CodeSystem/";

nlohmann::json Coding(const std::string& system, const std::string& code) {
  return {{"coding", {{{"system", system}, {"code", code}}}}};
}

std::string Date(Random& random, int day_offset = 0) {
  const int day = 1 + (random.Below(27) + day_offset) % 28;
  const int month = 1 + random.Below(12);
  char text[11];
  std::snprintf(text, sizeof text, "20%02d-%02d-%02d", 18 + random.Below(6), month, day);
  return text;
}

std::string Npi(int n) { return std::to_string(1000000000 + n * 7919); }

nlohmann::json PractitionerResource(const std::string& id, int n, bool complete) {
  nlohmann::json practitioner = {{"resourceType", "Practitioner"}, {"id", id}};
  practitioner["identifier"] = {{{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", Npi(n)}}};
  practitioner["name"] = complete ? nlohmann::json{{{"family", "Doctor" + std::to_string(n)}, {"given", {"Pat"}}}}
                                  : nlohmann::json{{{"text", "Dr. Unknown"}}};
  return practitioner;
}

nlohmann::json OrganizationResource(const std::string& id, int n, bool complete) {
  nlohmann::json organization = {{"resourceType", "Organization"}, {"id", id}};
  organization["identifier"] = {{{"type", Coding(std::string(kCarin) + "C4BBIdentifierType", "npi")}, {"value", Npi(n)}}};
  if (complete) organization["name"] = "Provider Group " + std::to_string(n);
  organization["address"] = {{{"line", {"1 Main St"}}, {"city", "Pittsburgh"}, {"state", "PA"}, {"postalCode", "15213"}}};
  return organization;
}

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : random_(seed) {}

  GeneratedClaims Run(int eob_count) {
    nlohmann::json entries = nlohmann::json::array();
    // Shared providers (referenced from several claims): Practitioners 0-5, Organizations 10-13, a Location.
    for (int n = 0; n < 6; ++n) entries.push_back({{"resource", PractitionerResource("prac" + std::to_string(n), n, n != 5)}});
    for (int n = 10; n < 14; ++n) entries.push_back({{"resource", OrganizationResource("org" + std::to_string(n), n, n != 13)}});
    entries.push_back({{"fullUrl", "urn:uuid:4f2b7a66-0c0d-4b57-9a1c-6f1d2c3b4a59"},
                       {"resource", {{"resourceType", "Location"}, {"id", "loc1"}, {"name", "Main Campus"},
                                     {"identifier", {{{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", Npi(99)}}}}}}});
    for (int i = 0; i < eob_count; ++i) entries.push_back({{"resource", Eob(i)}});
    return GeneratedClaims{{{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", std::move(entries)}}, eob_count};
  }

 private:
  nlohmann::json ProviderReference(nlohmann::json& eob, bool organization) {
    switch (random_.Below(4)) {
      case 0:  // a shared resource of the Bundle
        return {{"reference", organization ? "Organization/org" + std::to_string(10 + random_.Below(4))
                                           : "Practitioner/prac" + std::to_string(random_.Below(6))}};
      case 1: {  // contained
        const std::string id = "p" + std::to_string(eob["contained"].size());
        const int n = 20 + random_.Below(5);
        eob["contained"].push_back(organization ? OrganizationResource(id, n, true) : PractitionerResource(id, n, true));
        return {{"reference", "#" + id}};
      }
      case 2:  // logical: NPI only (Blue Button style)
        return {{"identifier", {{"type", Coding(std::string(kCarin) + "C4BBIdentifierType", "npi")}, {"value", Npi(30 + random_.Below(3))}}}};
      default:  // a reference to nothing in the input
        return {{"reference", std::string(organization ? "Organization" : "Practitioner") + "/elsewhere" + std::to_string(random_.Below(3))}};
    }
  }

  nlohmann::json Eob(int i) {
    static const std::vector<std::string> kKinds = {"inpatient", "outpatient", "professional", "oral", "pharmacy"};
    static const std::vector<std::string> kStatuses = {"active", "active", "active", "cancelled", "draft", "entered-in-error"};
    const std::string kind = kKinds[static_cast<std::size_t>(i) % kKinds.size()];
    nlohmann::json eob = {{"resourceType", "ExplanationOfBenefit"}, {"id", "gen" + std::to_string(i)}, {"contained", nlohmann::json::array()}};
    eob["identifier"] = {{{"type", Coding(std::string(kCarin) + "C4BBIdentifierType", "uc")},
                          {"system", random_.Chance(50) ? "https://payer-a.example/claim" : "https://payer-b.example/claim"},
                          {"value", "CLM-" + std::to_string(i)}}};
    eob["status"] = random_.Pick(kStatuses);
    const std::string type = kind == "inpatient" || kind == "outpatient" ? "institutional" : kind;
    eob["type"] = Coding("http://terminology.hl7.org/CodeSystem/claim-type", type);
    if (type == "institutional" && random_.Chance(80)) eob["subType"] = Coding(std::string(kCarin) + "C4BBInstitutionalClaimSubType", kind);
    eob["use"] = "claim";
    eob["patient"] = {{"reference", "Patient/member" + std::to_string(random_.Below(5))}};
    if (random_.Chance(80)) eob["created"] = Date(random_) + "T10:00:00Z";
    eob["meta"] = {{"lastUpdated", Date(random_) + "T00:00:00.000+00:00"}};
    const std::string start = Date(random_);
    if (random_.Chance(85)) eob["billablePeriod"] = {{"start", start}, {"end", start}};
    if (random_.Chance(90)) eob["insurer"] = {{"reference", "Organization/payer"}, {"display", "Example Health Plan"}};
    if (random_.Chance(90)) eob["provider"] = ProviderReference(eob, kind != "professional" || random_.Chance(50));
    if (random_.Chance(30)) eob["facility"] = random_.Chance(50) ? nlohmann::json{{"reference", "urn:uuid:4f2b7a66-0c0d-4b57-9a1c-6f1d2c3b4a59"}}
                                                                  : nlohmann::json{{"identifier", {{"system", "http://hl7.org/fhir/sid/us-npi"}, {"value", Npi(98)}}}};
    // CARIN BB care-team roles and the base claimcareteamrole codes CARIN also allows.
    static const std::vector<std::pair<std::string, std::string>> kRoles = {
        {"C4BBClaimCareTeamRole", "attending"}, {"C4BBClaimCareTeamRole", "referring"},
        {"C4BBClaimCareTeamRole", "operating"}, {"C4BBClaimCareTeamRole", "performing"},
        {"C4BBClaimCareTeamRole", "prescribing"}, {"", "primary"}, {"", "supervisor"}, {"", "other"}};
    const int team = random_.Below(4);
    for (int t = 0; t < team; ++t) {
      nlohmann::json member = {{"sequence", t + 1}, {"provider", ProviderReference(eob, t == 2)}};
      if (random_.Chance(90)) {
        const auto& [system, code] = random_.Pick(kRoles);
        member["role"] = Coding(system.empty() ? "http://terminology.hl7.org/CodeSystem/claimcareteamrole" : std::string(kCarin) + system, code);
      }
      eob["careTeam"].push_back(std::move(member));
    }
    static const std::vector<std::string> kIcd = {"E11.9", "I10", "J45.909", "M54.5", "Z00.00", "K21.9"};
    const int diagnoses = kind == "pharmacy" ? random_.Below(2) : random_.Below(5);
    for (int d = 0; d < diagnoses; ++d) {
      nlohmann::json diagnosis = {{"sequence", d + 1}};
      const int variant = random_.Below(10);
      if (variant == 0) {
        diagnosis["diagnosisCodeableConcept"] = {{"text", "uncoded diagnosis"}};
      } else if (variant == 1) {
        diagnosis["diagnosisCodeableConcept"] = Coding("http://example.org/local-dx", "LX" + std::to_string(d));
      } else {
        diagnosis["diagnosisCodeableConcept"] = Coding("http://hl7.org/fhir/sid/icd-10-cm", random_.Pick(kIcd));
      }
      if (d == 0) diagnosis["type"] = {Coding("http://terminology.hl7.org/CodeSystem/ex-diagnosistype", "principal")};
      eob["diagnosis"].push_back(std::move(diagnosis));
    }
    if (type == "institutional") {
      if (kind == "inpatient" && random_.Chance(70)) {
        eob["supportingInfo"].push_back({{"sequence", 1}, {"category", Coding(std::string(kCarin) + "C4BBSupportingInfoType", "admissionperiod")},
                                         {"timingPeriod", {{"start", start}, {"end", start}}}});
      }
      const int procedures = random_.Below(3);
      for (int p = 0; p < procedures; ++p) {
        nlohmann::json procedure = {{"sequence", p + 1}, {"procedureCodeableConcept", Coding("http://www.cms.gov/Medicare/Coding/ICD10", "0DTJ4ZZ")}};
        if (random_.Chance(70)) procedure["date"] = start;
        eob["procedure"].push_back(std::move(procedure));
      }
    }
    const int items = 1 + random_.Below(4);
    for (int n = 0; n < items; ++n) eob["item"].push_back(Item(kind, n, start));
    if (kind == "pharmacy") {
      eob["supportingInfo"].push_back({{"sequence", 2}, {"category", Coding(std::string(kCarin) + "C4BBSupportingInfoType", "dayssupply")},
                                       {"valueQuantity", {{"value", 30}}}});
      if (random_.Chance(50)) {
        eob["supportingInfo"].push_back({{"sequence", 3}, {"category", Coding(std::string(kCarin) + "C4BBSupportingInfoType", "refillnum")},
                                         {"valueQuantity", {{"value", random_.Below(5)}}}});
      }
    }
    if (eob["contained"].empty()) eob.erase("contained");
    return eob;
  }

  nlohmann::json Item(const std::string& kind, int n, const std::string& start) {
    nlohmann::json item = {{"sequence", n + 1}};
    const int variant = random_.Below(10);
    if (kind == "pharmacy") {
      if (variant == 0) {  // a compound: NDCs on the details
        item["productOrService"] = Coding(std::string(kCarin) + "C4BBCompoundLiteral", "compound");
        item["detail"] = {{{"sequence", 1}, {"productOrService", Coding("http://hl7.org/fhir/sid/ndc", "0777-3105-02")}},
                          {{"sequence", 2}, {"productOrService", Coding("http://hl7.org/fhir/sid/ndc", "55111015810")}}};
      } else if (variant == 1) {  // no NDC at all
        item["productOrService"] = Coding("http://example.org/local-drug", "X1");
      } else {
        item["productOrService"] = Coding("http://hl7.org/fhir/sid/ndc", random_.Chance(50) ? "0777-3105-02" : "55111015810");
      }
      if (random_.Chance(80)) item["quantity"] = {{"value", 30 + random_.Below(60)}};
    } else {
      static const std::vector<std::pair<std::string, std::string>> kCodes = {
          {"http://www.ama-assn.org/go/cpt", "99213"}, {"http://www.ama-assn.org/go/cpt", "71046"},
          {"https://bluebutton.cms.gov/resources/codesystem/hcpcs", "G0439"}, {"urn:oid:2.16.840.1.113883.6.285", "J3490"},
          {"http://ada.org/cdt", "D1110"}, {"http://example.org/local-service", "L77"}, {"http://hl7.org/fhir/sid/ndc", "0777-3105-02"}};
      const auto& [system, code] = kind == "oral" && variant < 6 ? kCodes[4] : random_.Pick(kCodes);
      item["productOrService"] = Coding(system, code);
      if (random_.Chance(30)) item["modifier"] = {Coding("http://www.ama-assn.org/go/cpt", "25")};
      item["diagnosisSequence"] = {1};
      item["careTeamSequence"] = {1};
      if (kind == "oral" && random_.Chance(60)) item["bodySite"] = Coding("http://terminology.hl7.org/CodeSystem/ex-tooth", "1" + std::to_string(n + 1));
    }
    const int dated = random_.Below(10);
    if (dated < 6) {
      item["servicedDate"] = start;
    } else if (dated < 8) {
      item["servicedPeriod"] = {{"start", start}, {"end", start}};
    }
    if (kind != "pharmacy" && random_.Chance(15)) item["locationReference"] = {{"reference", "Location/loc1"}};
    return item;
  }

  Random random_;
};

}  // namespace

GeneratedClaims GenerateClaims(std::uint64_t seed, int eob_count) { return Generator(seed).Run(eob_count); }

}  // namespace pdex::claims_testing

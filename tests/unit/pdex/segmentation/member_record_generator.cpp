#include "member_record_generator.h"

// GCC 12 reports a false -Wrestrict on std::string concatenation at -O3 (GCC bug 105329).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include "pdex/common/codes.h"

#include <array>
#include <cstdio>

namespace pdex::segmentation_testing {
namespace {

namespace codes = pdex::pdex_codes;
using nlohmann::json;

const std::string kUsCore = std::string(codes::kUsCoreBase);
constexpr const char* kXhtml = "http://www.w3.org/1999/xhtml";

struct Code {
  std::string_view system;
  const char* code;
  const char* display;
};

// Clean codes: common conditions, tests, medications and services outside the sensitive value sets.
const Code kCleanConditions[] = {
    {codes::kIcd10Cm, "I10", "Essential (primary) hypertension"}, {codes::kIcd10Cm, "E11.9", "Type 2 diabetes mellitus without complications"},
    {codes::kIcd10Cm, "J45.909", "Unspecified asthma, uncomplicated"}, {codes::kIcd10Cm, "M54.5", "Low back pain"},
    {codes::kIcd10Cm, "K21.9", "Gastro-esophageal reflux disease without esophagitis"},
    {codes::kSnomedCt, "38341003", "Hypertensive disorder"}, {codes::kSnomedCt, "195967001", "Asthma"},
};
const Code kCleanLabs[] = {
    {codes::kLoinc, "2339-0", "Glucose [Mass/volume] in Blood"}, {codes::kLoinc, "718-7", "Hemoglobin [Mass/volume] in Blood"},
    {codes::kLoinc, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"}, {codes::kLoinc, "2093-3", "Cholesterol [Mass/volume] in Serum or Plasma"},
};
const Code kCleanMeds[] = {
    {codes::kRxNorm, "197361", "amlodipine 5 MG Oral Tablet"}, {codes::kRxNorm, "860975", "metformin hydrochloride 500 MG Oral Tablet"},
    {codes::kRxNorm, "314076", "lisinopril 10 MG Oral Tablet"},
};
const Code kCleanServices[] = {
    {codes::kCpt, "99213", "Office visit, established patient"}, {codes::kCpt, "99214", "Office visit, established patient"},
    {codes::kCpt, "80053", "Comprehensive metabolic panel"}, {codes::kCpt, "85025", "Complete blood count"},
};
const Code kCleanNdc[] = {
    {codes::kNdc, "0093-7214-01", "Metformin Hydrochloride 500 mg Oral Tablet"},
    {codes::kNdc, "68180-0513-01", "Lisinopril 10 mg Oral Tablet"},
};

// Sensitive codes, drawn from the three categories and every code system the value sets cover.
const Code kSensitiveConditions[] = {
    {codes::kIcd10Cm, "F32.9", "Major depressive disorder, single episode, unspecified"},
    {codes::kIcd10Cm, "F11.20", "Opioid dependence, uncomplicated"}, {codes::kIcd10Cm, "F10.20", "Alcohol dependence, uncomplicated"},
    {codes::kIcd10Cm, "F20.9", "Schizophrenia, unspecified"}, {codes::kIcd10Cm, "F41.1", "Generalized anxiety disorder"},
    {codes::kIcd10Cm, "F43.10", "Post-traumatic stress disorder, unspecified"}, {codes::kIcd10Cm, "F01.50", "Vascular dementia"},
    {codes::kIcd10Cm, "F99", "Mental disorder, not otherwise specified"}, {codes::kIcd10Cm, "B20", "Human immunodeficiency virus [HIV] disease"},
    {codes::kIcd10Cm, "Z21", "Asymptomatic human immunodeficiency virus [HIV] infection status"},
    {codes::kIcd10Cm, "O98.72", "Human immunodeficiency virus [HIV] disease complicating childbirth"},
    {codes::kSnomedCt, "35489007", "Depressive disorder"}, {codes::kSnomedCt, "75544000", "Opioid dependence"},
    {codes::kSnomedCt, "86406008", "Human immunodeficiency virus infection"}, {codes::kSnomedCt, "58214004", "Schizophrenia"},
    {codes::kSnomedCt, "66590003", "Alcohol dependence"},
};
const Code kSensitiveIcd9[] = {
    {codes::kIcd9Cm, "296.30", "Major depressive affective disorder, recurrent episode"}, {codes::kIcd9Cm, "304.00", "Opioid type dependence"},
    {codes::kIcd9Cm, "290.0", "Senile dementia, uncomplicated"}, {codes::kIcd9Cm, "319", "Unspecified intellectual disabilities"},
    {codes::kIcd9Cm, "042", "Human immunodeficiency virus [HIV] disease"}, {codes::kIcd9Cm, "V08", "Asymptomatic HIV infection status"},
};
const Code kSensitiveMeds[] = {
    {codes::kRxNorm, "1819", "buprenorphine"}, {codes::kRxNorm, "6813", "methadone"}, {codes::kRxNorm, "7243", "naltrexone"},
    {codes::kRxNorm, "1010600", "buprenorphine 2 MG / naloxone 0.5 MG Sublingual Film"},
    {codes::kRxNorm, "351265", "buprenorphine 8 MG Sublingual Tablet"}, {codes::kRxNorm, "276237", "emtricitabine"},
};
const Code kSensitiveNdc[] = {
    {codes::kNdc, "12496-1208-03", "Suboxone 8 mg/2 mg Sublingual Film"},
    {codes::kNdc, "0054-4570-25", "Methadone Hydrochloride 10 mg Oral Tablet"},
    {codes::kNdc, "65757-0300-01", "Vivitrol (naltrexone) 380 mg Injectable Suspension"},
};
const Code kSensitiveLabs[] = {
    {codes::kLoinc, "7917-8", "HIV 1 Ab [Presence] in Serum"}, {codes::kLoinc, "56888-1", "HIV 1+2 Ab+HIV1 p24 Ag [Presence]"},
    {codes::kLoinc, "20447-9", "HIV 1 RNA [#/volume] (viral load)"}, {codes::kLoinc, "44261-6", "PHQ-9 total score"},
    {codes::kLoinc, "75624-7", "Total score [AUDIT-C]"}, {codes::kLoinc, "70274-6", "GAD-7 total score"},
};
const Code kSensitiveValues[] = {
    {codes::kSnomedCt, "165816005", "Human immunodeficiency virus detected"}, {codes::kSnomedCt, "13746004", "Bipolar disorder"},
    {codes::kSnomedCt, "47505003", "Posttraumatic stress disorder"},
};
const Code kSensitiveServices[] = {
    {codes::kCpt, "90834", "Psychotherapy, 45 minutes"}, {codes::kCpt, "90837", "Psychotherapy, 60 minutes"},
    {codes::kCpt, "90791", "Psychiatric diagnostic evaluation"}, {codes::kCpt, "99408", "Alcohol/substance screening and intervention"},
    {codes::kCpt, "87389", "HIV-1/HIV-2 antigen and antibody assay"},
    {codes::kHcpcsCms, "H0020", "Alcohol and/or drug services; methadone administration"},
    {codes::kHcpcsCms, "J0572", "Buprenorphine/naloxone, oral, less than or equal to 3 mg"},
};
// Codes outside every list whose display alone says what they are.
const Code kSensitiveDisplayOnly[] = {
    {codes::kSnomedCt, "1000000001", "Opioid use disorder, on maintenance therapy"},
    {codes::kSnomedCt, "1000000002", "Bipolar affective disorder, current episode manic"},
    {codes::kSnomedCt, "1000000003", "Anorexia nervosa, restricting type"},
};
const char* const kSensitivePhrases[] = {
    "schizophrenia", "methadone", "buprenorphine", "suicidal", "psychotherapy", "opioid use disorder", "bipolar",
    "alcohol dependence", "antiretroviral", "naltrexone", "posttraumatic", "substance abuse",
};
const char* const kSensitiveLabels[] = {"R", "V", "ETH", "SUD", "ETHUD", "OPIOIDUD", "BH", "MH", "PSY", "PSYTHPN", "HIV",
                                        "STD", "SEX", "SDV", "MST", "GDIS", "SCA", "SPI", "42CFRPart2"};

json Coding(const Code& code) { return {{"system", code.system}, {"code", code.code}, {"display", code.display}}; }
json Concept(const Code& code) { return {{"coding", json::array({Coding(code)})}}; }
json Concept(std::string_view system, const char* code) { return {{"coding", {{{"system", system}, {"code", code}}}}}; }
json Ref(const std::string& key) { return {{"reference", key}}; }

std::string Base64(std::string_view text) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(text[i]) << 16) | (static_cast<unsigned char>(text[i + 1]) << 8) |
                       static_cast<unsigned char>(text[i + 2]);
    for (int shift : {18, 12, 6, 0}) out.push_back(kAlphabet[(n >> shift) & 63]);
  }
  if (i < text.size()) {
    unsigned n = static_cast<unsigned char>(text[i]) << 16;
    if (i + 1 < text.size()) n |= static_cast<unsigned char>(text[i + 1]) << 8;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(i + 1 < text.size() ? kAlphabet[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

class Builder {
 public:
  Builder(std::mt19937_64& rng, std::uint64_t record) : rng_(rng), record_(record) {}

  template <std::size_t N>
  const Code& Pick(const Code (&codes)[N]) { return codes[Uniform(0, N - 1)]; }
  template <std::size_t N>
  const char* Pick(const char* const (&items)[N]) { return items[Uniform(0, N - 1)]; }
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  bool Coin() { return Uniform(0, 1) == 1; }

  // A new id: unique in the record, fixed width so no id is a prefix of another.
  std::string NewId(const char* prefix) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s-%llu-%04d", prefix, static_cast<unsigned long long>(record_ % 100000), ++counter_);
    return buffer;
  }

  json Resource(const char* type, const std::string& id, const std::string& profile) {
    json resource = {{"resourceType", type}, {"id", id}};
    if (!profile.empty()) resource["meta"] = {{"profile", {profile}}};
    if (Coin()) resource["text"] = {{"status", "generated"}, {"div", std::string("<div xmlns=\"") + kXhtml + "\">Routine record of the member's care</div>"}};
    return resource;
  }

  json Condition(const Code& code) {
    json c = Resource("Condition", NewId("cond"), kUsCore + "us-core-condition");
    c["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active");
    c["verificationStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed");
    c["category"] = {Concept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis")};
    c["code"] = Concept(code);
    c["subject"] = Ref(patient_);
    return c;
  }

  json Encounter(const Code& type) {
    json e = Resource("Encounter", NewId("enc"), kUsCore + "us-core-encounter");
    e["status"] = "finished";
    e["class"] = {{"system", codes::kV3ActCode}, {"code", "AMB"}};
    e["type"] = {Concept(type)};
    e["subject"] = Ref(patient_);
    e["period"] = {{"start", "2025-06-01T09:00:00Z"}, {"end", "2025-06-01T09:30:00Z"}};
    return e;
  }

  json MedicationRequest() {
    json m = Resource("MedicationRequest", NewId("mreq"), kUsCore + "us-core-medicationrequest");
    m["status"] = "active";
    m["intent"] = "order";
    m["subject"] = Ref(patient_);
    m["authoredOn"] = "2025-06-01";
    m["requester"] = Ref(organization_);
    return m;
  }

  json Medication(const Code& code) {
    json m = Resource("Medication", NewId("med"), kUsCore + "us-core-medication");
    m["code"] = Concept(code);
    return m;
  }

  json Dispense(const Code& ndc) {
    json d = Resource("MedicationDispense", NewId("disp"), std::string(codes::kPdexMedicationDispense));
    d["status"] = "completed";
    d["medicationCodeableConcept"] = Concept(ndc);
    d["subject"] = Ref(patient_);
    d["performer"] = {{{"actor", Ref(organization_)}}};
    d["whenHandedOver"] = "2025-06-02";
    return d;
  }

  json Observation(const Code& code) {
    json o = Resource("Observation", NewId("obs"), kUsCore + "us-core-observation-lab");
    o["status"] = "final";
    o["category"] = {Concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")};
    o["code"] = Concept(code);
    o["subject"] = Ref(patient_);
    o["effectiveDateTime"] = "2025-06-01T09:10:00Z";
    o["valueQuantity"] = {{"value", Uniform(60, 140)}, {"unit", "mg/dL"}, {"system", "http://unitsofmeasure.org"}, {"code", "mg/dL"}};
    return o;
  }

  json Report(const std::vector<std::string>& results) {
    json r = Resource("DiagnosticReport", NewId("rep"), kUsCore + "us-core-diagnosticreport-lab");
    r["status"] = "final";
    r["category"] = {Concept("http://terminology.hl7.org/CodeSystem/v2-0074", "LAB")};
    r["code"] = Concept({codes::kLoinc, "24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma"});
    r["subject"] = Ref(patient_);
    r["effectiveDateTime"] = "2025-06-01T09:10:00Z";
    r["issued"] = "2025-06-01T12:00:00Z";
    for (const auto& result : results) r["result"].push_back(Ref(result));
    return r;
  }

  json Document(const std::string& content_type, const std::string& data, const char* title) {
    json d = Resource("DocumentReference", NewId("doc"), kUsCore + "us-core-documentreference");
    d["status"] = "current";
    d["type"] = Concept({codes::kLoinc, "11506-3", "Progress note"});
    d["category"] = {Concept("http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", "clinical-note")};
    d["subject"] = Ref(patient_);
    d["date"] = "2025-06-01T10:00:00Z";
    d["author"] = {Ref(organization_)};
    d["custodian"] = Ref(organization_);
    json attachment = {{"contentType", content_type}, {"data", data}};
    if (title != nullptr) attachment["title"] = title;
    d["content"] = {{{"attachment", attachment}}};
    return d;
  }

  json Procedure(const Code& code) {
    json p = Resource("Procedure", NewId("proc"), kUsCore + "us-core-procedure");
    p["status"] = "completed";
    p["code"] = Concept(code);
    p["subject"] = Ref(patient_);
    p["performedDateTime"] = "2025-06-01T09:15:00Z";
    return p;
  }

  json Eob() {
    json e = Resource("ExplanationOfBenefit", NewId("eob"), "");
    e["status"] = "active";
    e["type"] = Concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional");
    e["use"] = "claim";
    e["patient"] = Ref(patient_);
    e["created"] = "2025-06-05T00:00:00Z";
    e["insurer"] = Ref(organization_);
    e["provider"] = Ref(organization_);
    e["outcome"] = "complete";
    e["insurance"] = {{{"focal", true}, {"coverage", Ref(coverage_)}}};
    e["diagnosis"] = {{{"sequence", 1}, {"diagnosisCodeableConcept", Concept(Pick(kCleanConditions))},
                       {"type", {Concept("http://terminology.hl7.org/CodeSystem/ex-diagnosistype", "principal")}}}};
    e["item"] = {{{"sequence", 1}, {"productOrService", Concept(Pick(kCleanServices))}, {"diagnosisSequence", {1}},
                  {"servicedDate", "2025-06-01"}}};
    return e;
  }

  json Provenance(const std::vector<std::string>& targets) {
    json p = Resource("Provenance", NewId("prov"), kUsCore + "us-core-provenance");
    for (const auto& target : targets) p["target"].push_back(Ref(target));
    p["recorded"] = "2025-06-05T00:00:00Z";
    p["agent"] = {{{"type", Concept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author")},
                   {"who", Ref(organization_)}}};
    return p;
  }

  std::string patient_, organization_, coverage_;

 private:
  std::mt19937_64& rng_;
  std::uint64_t record_;
  int counter_ = 0;
};

std::string Key(const json& resource) { return resource["resourceType"].get<std::string>() + "/" + resource["id"].get<std::string>(); }

}  // namespace

const char* PlaceName(Place place) {
  static constexpr const char* kNames[] = {
      "security-label", "condition-code", "condition-icd9", "condition-note", "encounter-reasonCode",
      "encounter-diagnosis-ref", "medicationrequest-code", "contained-medication", "referenced-medication",
      "medicationdispense-ndc", "observation-code", "observation-value", "diagnosticreport-result",
      "document-attachment-text", "document-title", "document-binary", "narrative", "contained-resource",
      "provenance-only-sensitive", "eob-diagnosis", "eob-principal-diagnosis", "eob-item", "eob-supportingInfo",
      "eob-procedure", "procedure-cpt", "observation-encounter-ref", "coding-display-only",
  };
  return kNames[static_cast<int>(place)];
}

MemberRecord MemberRecordGenerator::Next(int sensitive_items) {
  MemberRecord record;
  Builder b(rng_, ++record_);
  std::vector<json> resources;
  std::vector<std::string> all_keys;
  auto add_clean = [&](json resource) {
    record.clean_ids.insert(Key(resource));
    all_keys.push_back(Key(resource));
    resources.push_back(std::move(resource));
  };
  auto add_sensitive = [&](json resource) {
    record.sensitive_ids.insert(Key(resource));
    record.sensitive_ids.insert(resource["id"].get<std::string>());
    all_keys.push_back(Key(resource));
    resources.push_back(std::move(resource));
  };
  auto code = [&](const Code& c) { record.sensitive_codes.emplace(std::string(c.system), c.code); return c; };

  // The clean baseline: the member, the payer, a coverage and a random selection of clinical data.
  json patient = b.Resource("Patient", b.NewId("pat"), kUsCore + "us-core-patient");
  patient["identifier"] = {{{"system", "http://example.org/fhir/member-id"}, {"value", "M" + std::to_string(record_)}}};
  patient["name"] = {{{"family", "Doe"}, {"given", {"Jan"}}}};
  patient["gender"] = "female";
  b.patient_ = Key(patient);
  json organization = b.Resource("Organization", b.NewId("org"), kUsCore + "us-core-organization");
  organization["identifier"] = {{{"system", codes::kNpiSystem}, {"value", "9876543210"}}};
  organization["active"] = true;
  organization["name"] = "Example Health Plan";
  b.organization_ = Key(organization);
  json coverage = b.Resource("Coverage", b.NewId("cov"), "");
  coverage["status"] = "active";
  coverage["beneficiary"] = Ref(b.patient_);
  coverage["payor"] = {Ref(b.organization_)};
  b.coverage_ = Key(coverage);
  add_clean(patient);
  add_clean(organization);
  add_clean(coverage);
  json clean_condition = b.Condition(b.Pick(kCleanConditions));
  const std::string clean_condition_key = Key(clean_condition);
  add_clean(clean_condition);
  json clean_observation = b.Observation(b.Pick(kCleanLabs));
  const std::string clean_observation_key = Key(clean_observation);
  add_clean(clean_observation);
  if (b.Coin()) {
    json e = b.Encounter({codes::kSnomedCt, "185349003", "Encounter for check up"});
    e["diagnosis"] = {{{"condition", Ref(clean_condition_key)}}};
    add_clean(e);
  }
  if (b.Coin()) {
    json m = b.MedicationRequest();
    m["medicationCodeableConcept"] = Concept(b.Pick(kCleanMeds));
    add_clean(m);
  }
  if (b.Coin()) add_clean(b.Dispense(b.Pick(kCleanNdc)));
  if (b.Coin()) add_clean(b.Procedure(b.Pick(kCleanServices)));
  if (b.Coin()) add_clean(b.Document("text/plain", Base64("Routine visit. Blood pressure stable, continue current plan."), "Visit note"));
  if (b.Coin()) add_clean(b.Report({clean_observation_key}));
  if (b.Coin()) add_clean(b.Eob());

  for (int n = 0; n < sensitive_items; ++n) {
    const auto place = static_cast<Place>(b.Uniform(0, kPlaceCount - 1));
    record.places.push_back(place);
    switch (place) {
      case Place::kSecurityLabel: {
        const char* label = b.Pick(kSensitiveLabels);
        json r = b.Coin() ? b.Condition(b.Pick(kCleanConditions)) : b.Observation(b.Pick(kCleanLabs));
        const bool confidentiality = std::string_view(label) == "R" || std::string_view(label) == "V";
        r["meta"]["security"] = {{{"system", confidentiality ? codes::kV3Confidentiality : codes::kV3ActCode}, {"code", label}}};
        if (b.Coin()) r["meta"]["security"].push_back({{"system", codes::kV3ActCode}, {"code", "NORDSCLCD"}});
        record.sensitive_labels.insert(label);
        add_sensitive(r);
        break;
      }
      case Place::kConditionCode: add_sensitive(b.Condition(code(b.Pick(kSensitiveConditions)))); break;
      case Place::kConditionIcd9: add_sensitive(b.Condition(code(b.Pick(kSensitiveIcd9)))); break;
      case Place::kConditionNote: {
        json c = b.Condition(b.Pick(kCleanConditions));
        const char* phrase = b.Pick(kSensitivePhrases);
        record.sensitive_words.insert(phrase);
        c["note"] = {{{"text", "Follow-up planned."}}, {{"text", std::string("History of ") + phrase + " discussed."}}};
        add_clean(c);
        break;
      }
      case Place::kEncounterReasonCode: {
        json e = b.Encounter({codes::kSnomedCt, "185349003", "Encounter for check up"});
        e["reasonCode"] = {Concept(b.Pick(kCleanConditions)), Concept(code(b.Pick(kSensitiveConditions)))};
        add_clean(e);
        break;
      }
      case Place::kEncounterDiagnosisRef: {
        json c = b.Condition(code(b.Pick(kSensitiveConditions)));
        json e = b.Encounter({codes::kSnomedCt, "185349003", "Encounter for check up"});
        e["diagnosis"] = {{{"condition", Ref(clean_condition_key)}}, {{"condition", Ref(Key(c))}}};
        add_sensitive(c);
        add_clean(e);
        break;
      }
      case Place::kMedicationRequestCode: {
        json m = b.MedicationRequest();
        m["medicationCodeableConcept"] = Concept(code(b.Pick(kSensitiveMeds)));
        add_sensitive(m);
        break;
      }
      case Place::kContainedMedication: {
        json m = b.MedicationRequest();
        m["contained"] = {{{"resourceType", "Medication"}, {"id", "m1"}, {"code", Concept(code(b.Pick(kSensitiveMeds)))}}};
        m["medicationReference"] = Ref("#m1");
        add_sensitive(m);
        break;
      }
      case Place::kReferencedMedication: {
        json med = b.Medication(code(b.Pick(kSensitiveMeds)));
        json m = b.MedicationRequest();
        m["medicationReference"] = Ref(Key(med));
        add_sensitive(med);
        add_sensitive(m);
        break;
      }
      case Place::kMedicationDispenseNdc: add_sensitive(b.Dispense(code(b.Pick(kSensitiveNdc)))); break;
      case Place::kObservationCode: add_sensitive(b.Observation(code(b.Pick(kSensitiveLabs)))); break;
      case Place::kObservationValue: {
        json o = b.Observation({codes::kLoinc, "75275-8", "Finding"});
        o.erase("valueQuantity");
        o["valueCodeableConcept"] = Concept(code(b.Pick(kSensitiveValues)));
        add_sensitive(o);
        break;
      }
      case Place::kDiagnosticReportResult: {
        json o = b.Observation(code(b.Pick(kSensitiveLabs)));
        json r = b.Report({clean_observation_key, Key(o)});
        add_sensitive(o);
        add_clean(r);
        break;
      }
      case Place::kDocumentAttachmentText: {
        const char* phrase = b.Pick(kSensitivePhrases);
        record.sensitive_words.insert(phrase);
        const std::string data = Base64(std::string("Assessment: ") + phrase + ". Plan reviewed with the member.");
        record.sensitive_blobs.insert(data);
        add_sensitive(b.Document(b.Coin() ? "text/plain" : "text/html", data, "Visit note"));
        break;
      }
      case Place::kDocumentTitle: {
        const char* phrase = b.Pick(kSensitivePhrases);
        record.sensitive_words.insert(phrase);
        add_sensitive(b.Document("text/plain", Base64("See attached."), (std::string("Notes on ") + phrase).c_str()));
        break;
      }
      case Place::kDocumentBinary: add_sensitive(b.Document("application/pdf", Base64("%PDF-1.4 binary"), nullptr)); break;
      case Place::kNarrative: {
        json c = b.Condition(b.Pick(kCleanConditions));
        const char* phrase = b.Pick(kSensitivePhrases);
        record.sensitive_words.insert(phrase);
        c["text"] = {{"status", "additional"},
                     {"div", std::string("<div xmlns=\"") + kXhtml + "\"><p>Also treated for <b>" + phrase + "</b>.</p></div>"}};
        add_clean(c);
        break;
      }
      case Place::kContainedResource: {
        json o = b.Observation(b.Pick(kCleanLabs));
        o["contained"] = {{{"resourceType", "Condition"}, {"id", "c1"}, {"code", Concept(code(b.Pick(kSensitiveConditions)))},
                           {"subject", Ref(b.patient_)}}};
        o["focus"] = {Ref("#c1")};
        add_sensitive(o);
        break;
      }
      case Place::kProvenanceOnlySensitive: {
        json c = b.Condition(code(b.Pick(kSensitiveConditions)));
        json p = b.Provenance({Key(c)});
        add_sensitive(c);
        add_sensitive(p);
        break;
      }
      case Place::kEobDiagnosis: {
        json e = b.Eob();
        e["diagnosis"].push_back({{"sequence", 2}, {"diagnosisCodeableConcept", Concept(code(b.Pick(kSensitiveConditions)))}});
        e["item"].push_back({{"sequence", 2}, {"productOrService", Concept(b.Pick(kCleanServices))}, {"diagnosisSequence", {2}}});
        add_clean(e);
        break;
      }
      case Place::kEobPrincipalDiagnosis: {
        json e = b.Eob();
        e["diagnosis"][0]["diagnosisCodeableConcept"] = Concept(code(b.Pick(kSensitiveConditions)));
        add_sensitive(e);
        break;
      }
      case Place::kEobItem: {
        json e = b.Eob();
        e["item"].push_back({{"sequence", 2}, {"productOrService", Concept(code(b.Pick(kSensitiveServices)))}, {"diagnosisSequence", {1}}});
        add_clean(e);
        break;
      }
      case Place::kEobSupportingInfo: {
        json e = b.Eob();
        e["supportingInfo"] = {{{"sequence", 1}, {"category", Concept("http://terminology.hl7.org/CodeSystem/claiminformationcategory", "info")},
                                {"code", Concept(code(b.Pick(kSensitiveConditions)))}}};
        e["item"][0]["informationSequence"] = {1};
        add_clean(e);
        break;
      }
      case Place::kEobProcedure: {
        json e = b.Eob();
        e["procedure"] = {{{"sequence", 1}, {"procedureCodeableConcept", Concept(code({codes::kIcd10Pcs, "GZ3ZZZZ", "Medication Management"}))}}};
        e["item"].push_back({{"sequence", 2}, {"productOrService", Concept(b.Pick(kCleanServices))}, {"procedureSequence", {1}}});
        add_clean(e);
        break;
      }
      case Place::kProcedureCpt: add_sensitive(b.Procedure(code(b.Pick(kSensitiveServices)))); break;
      case Place::kObservationEncounterRef: {
        json e = b.Encounter(code(b.Pick(kSensitiveServices)));
        json o = b.Observation(b.Pick(kCleanLabs));
        o["encounter"] = Ref(Key(e));
        add_sensitive(e);
        add_clean(o);
        break;
      }
      case Place::kCodingDisplayOnly: add_sensitive(b.Condition(code(b.Pick(kSensitiveDisplayOnly)))); break;
    }
  }
  // A Provenance for the whole record: it names sensitive and clean data alike.
  add_clean(b.Provenance(all_keys));

  // Shuffle so that nothing depends on order.
  std::shuffle(resources.begin(), resources.end(), rng_);
  json entries = json::array();
  for (auto& resource : resources) {
    entries.push_back({{"fullUrl", "https://payer.example/fhir/" + Key(resource)}, {"resource", std::move(resource)}});
  }
  record.bundle = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", std::move(entries)}};
  return record;
}

}  // namespace pdex::segmentation_testing

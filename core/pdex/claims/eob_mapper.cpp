#include "pdex/claims/eob_mapper.h"

#include "json/fields.h"
#include "pdex/claims/claims_issue.h"
#include "pdex/claims/clinical_codes.h"
#include "pdex/common/codes.h"
#include "pdex/common/fhir_refs.h"
#include "pdex/common/stable_id.h"

#include <algorithm>
#include <map>

namespace pdex::claims {
namespace {

namespace codes = pdex_codes;

std::string UsCore(const char* name) { return std::string(codes::kUsCoreBase) + name; }

// A claim care-team member as read once.
struct TeamMember {
  long long sequence = 0;
  ProviderRef provider;
  nlohmann::json role;  // sanitized CodeableConcept or null
};

long long SequenceOf(const nlohmann::json& element) {
  const nlohmann::json* sequence = json::MemberAt(element, "sequence");
  return sequence != nullptr && sequence->is_number_integer() ? sequence->get<long long>() : 0;
}

// The positive integers of element[key] (diagnosisSequence, careTeamSequence), at most `limit`.
std::vector<long long> Sequences(const nlohmann::json& element, std::string_view key, std::size_t limit) {
  std::vector<long long> out;
  if (const nlohmann::json* values = json::ArrayAt(element, key)) {
    for (const nlohmann::json& value : *values) {
      if (out.size() >= limit) break;
      if (value.is_number_integer() && value.get<long long>() > 0) out.push_back(value.get<long long>());
    }
  }
  return out;
}

bool IsIndividual(const ProviderRef& ref) { return ref.type != "Organization" && ref.type != "Location"; }

class EobMapper {
 public:
  EobMapper(const EobSource& source, const ClaimsInput& input, ProviderDirectory& providers, std::string salt,
            Issues& issues)
      : source_(source), eob_(*source.eob), input_(input), providers_(providers), issues_(issues),
        limit_(input.limits().max_lines_per_eob), salt_(std::move(salt)) {}

  MappedClaim Map(const std::string& receipt);

 private:
  void Report(Severity severity, const char* code, const char* id, const std::string& diagnostics,
              const std::string& path) {
    issues_.push_back(ClaimsIssue(severity, code, id, diagnostics, path.empty() ? source_.where : source_.where + "." + path,
                                  source_.source, source_.line));
  }
  // The array eob[key] bounded to the per-EOB limit (reported once per array when cut).
  std::size_t BoundedSize(const nlohmann::json* array, const char* key) {
    if (array == nullptr) {
      if (json::MemberAt(eob_, key) != nullptr && !json::MemberAt(eob_, key)->is_null()) {
        Report(Severity::kWarning, "structure", "claims.wrong-type", std::string(key) + " is not an array; ignored", key);
      }
      return 0;
    }
    if (array->size() <= limit_) return array->size();
    Report(Severity::kWarning, "too-costly", "claims.array-truncated",
           std::string(key) + " has " + std::to_string(array->size()) + " entries; only the first " +
               std::to_string(limit_) + " are converted",
           key);
    return limit_;
  }
  std::string Id(const char* prefix, const std::string& role) const {
    if (!salt_.empty()) return pdex_common::StableId(prefix, {claim_.system, claim_.value, salt_, role});
    return pdex_common::StableId(prefix, {claim_.system, claim_.value, role});
  }
  nlohmann::json Identifier(const std::string& suffix = "") const {
    return nlohmann::json::array({{{"system", claim_.system}, {"value", claim_.value + suffix}}});
  }
  ProviderRef Resolve(const nlohmann::json* reference, const std::string& path) {
    if (reference == nullptr) return {};
    ProviderRef ref = providers_.Resolve(*reference, source_, source_.where + "." + path, issues_);
    if (!ref.produced.empty() &&
        std::find(out_.provider_refs.begin(), out_.provider_refs.end(), ref.produced) == out_.provider_refs.end()) {
      out_.provider_refs.push_back(ref.produced);
    }
    return ref;
  }

  bool ReadSubject();
  bool ReadRecorded(const std::string& receipt);
  void ReadProviders();
  void ReadPeriod();
  void MapConditions();
  void MapEobProcedures();
  void MapItems();
  void MapDispenses(const nlohmann::json& item, const std::string& path, long long sequence);
  void MapCareTeam();
  nlohmann::json Encounter() const;
  void ChooseAuthor();
  nlohmann::json Clinical(const char* type, const std::string& id, const std::string& profile) const {
    return {{"resourceType", type}, {"id", id}, {"meta", {{"profile", {profile}}}}};
  }

  const EobSource& source_;
  const nlohmann::json& eob_;
  const ClaimsInput& input_;
  ProviderDirectory& providers_;
  Issues& issues_;
  std::size_t limit_;
  std::string salt_;

  MappedClaim out_;
  ClaimId claim_;
  nlohmann::json subject_;
  std::string status_;
  std::string encounter_ref_;
  nlohmann::json period_;  // the encounter's period or null
  ProviderRef billing_;
  ProviderRef facility_;
  std::vector<TeamMember> team_;
  std::map<long long, std::string> condition_by_sequence_;
  std::vector<std::pair<std::string, bool>> encounter_diagnoses_;  // Condition ref, principal
  std::vector<nlohmann::json> conditions_, procedures_, dispenses_, care_teams_;
};

bool EobMapper::ReadSubject() {
  const nlohmann::json* patient = json::ObjectAt(eob_, "patient");
  const std::string_view literal = patient != nullptr ? json::StringAt(*patient, "reference") : "";
  if (patient != nullptr && !literal.empty() && literal[0] != '#') {
    subject_ = {{"reference", literal}};
    // A urn:uuid: reference names a Bundle entry; the produced resources name it by Type/id when it has one.
    if (literal.rfind("urn:", 0) == 0) {
      if (const nlohmann::json* target = input_.Find(literal); target != nullptr && !json::StringAt(*target, "id").empty()) {
        subject_ = {{"reference", std::string(json::StringAt(*target, "resourceType")) + "/" +
                                      std::string(json::StringAt(*target, "id"))}};
      }
    }
    return true;
  }
  if (patient != nullptr && literal.empty() && json::ObjectAt(*patient, "identifier") != nullptr) {
    subject_ = {{"identifier", *json::ObjectAt(*patient, "identifier")}};
    return true;
  }
  Report(Severity::kWarning, "required", "claims.eob-no-patient",
         "ExplanationOfBenefit has no usable patient reference (the member); not converted", "patient");
  return false;
}

bool EobMapper::ReadRecorded(const std::string& receipt) {
  if (!receipt.empty()) {
    out_.recorded = receipt;
    return true;
  }
  // PDex Provenance.recorded: when the payer received the data (§3.1): EOB.created, else
  // meta.lastUpdated, else the claim-received date (supportingInfo clmrecvddate).
  out_.recorded = ToInstant(json::StringAt(eob_, "created"));
  if (out_.recorded.empty()) {
    if (const nlohmann::json* meta = json::ObjectAt(eob_, "meta")) out_.recorded = ToInstant(json::StringAt(*meta, "lastUpdated"));
  }
  if (out_.recorded.empty()) {
    if (const nlohmann::json* received = SupportingInfo(eob_, "clmrecvddate", limit_)) {
      out_.recorded = ToInstant(json::StringAt(*received, "timingDate"));
    }
  }
  if (!out_.recorded.empty()) return true;
  Report(Severity::kWarning, "required", "claims.eob-no-receipt-date",
         "no receipt date (created, meta.lastUpdated or clmrecvddate of day precision) for Provenance.recorded; "
         "not converted (pass a receipt date to convert it)",
         "created");
  return false;
}

void EobMapper::ReadProviders() {
  billing_ = Resolve(json::MemberAt(eob_, "provider"), "provider");
  const nlohmann::json* facility = json::ObjectAt(eob_, "facility");
  if (facility != nullptr && (json::MemberAt(*facility, "reference") != nullptr || json::MemberAt(*facility, "identifier") != nullptr)) {
    facility_ = Resolve(facility, "facility");
    if (facility_.type.empty() && !facility_.reference.is_null()) facility_.reference["type"] = "Location";
  }
  if (const nlohmann::json* insurer = json::MemberAt(eob_, "insurer")) out_.insurer = Resolve(insurer, "insurer").reference;
  const nlohmann::json* team = json::ArrayAt(eob_, "careTeam");
  const std::size_t count = BoundedSize(team, "careTeam");
  for (std::size_t i = 0; i < count; ++i) {
    const nlohmann::json& member = (*team)[i];
    TeamMember read;
    read.sequence = SequenceOf(member);
    read.provider = Resolve(json::MemberAt(member, "provider"), "careTeam[" + std::to_string(i) + "].provider");
    read.role = CareTeamRole(json::ObjectAt(member, "role"));
    team_.push_back(std::move(read));
  }
}

void EobMapper::ReadPeriod() {
  // Encounter.period: admission period (inpatient), else the billable period, else the span of the
  // lines' service dates (§7.2: admission/discharge 18,19 or service from/to 90,119).
  if (out_.kind == ClaimKind::kInpatient) {
    if (const nlohmann::json* admission = SupportingInfo(eob_, "admissionperiod", limit_)) {
      period_ = UsablePeriod(json::ObjectAt(*admission, "timingPeriod"));
    }
  }
  if (period_.is_null()) period_ = UsablePeriod(json::ObjectAt(eob_, "billablePeriod"));
  if (!period_.is_null()) return;
  std::string first, last;
  const nlohmann::json* items = json::ArrayAt(eob_, "item");
  for (std::size_t i = 0; items != nullptr && i < items->size() && i < limit_; ++i) {
    std::string date = ClinicalDateTime(json::StringAt((*items)[i], "servicedDate"));
    if (date.empty()) {
      const nlohmann::json period = UsablePeriod(json::ObjectAt((*items)[i], "servicedPeriod"));
      if (!period.is_null() && period.contains("start")) date = period["start"].get<std::string>();
    }
    if (date.empty()) continue;
    if (first.empty() || date < first) first = date;
    if (last.empty() || date > last) last = date;
  }
  if (!first.empty()) period_ = {{"start", first}, {"end", last}};
}

void EobMapper::MapConditions() {
  const nlohmann::json* diagnoses = json::ArrayAt(eob_, "diagnosis");
  const std::size_t count = BoundedSize(diagnoses, "diagnosis");
  std::map<std::string, std::string> by_code;  // "system|code" → Condition ref: one Condition per code per claim
  for (std::size_t i = 0; i < count; ++i) {
    const nlohmann::json& diagnosis = (*diagnoses)[i];
    const std::string path = "diagnosis[" + std::to_string(i) + "]";
    nlohmann::json code = SanitizeConcept(json::ObjectAt(diagnosis, "diagnosisCodeableConcept"));
    if (code.is_null() || !code.contains("coding")) {
      Report(Severity::kInformation, "incomplete", "claims.diagnosis-no-code",
             "diagnosis without a coded diagnosisCodeableConcept (US Core Condition.code 1..1); no Condition", path);
      continue;
    }
    const nlohmann::json& coding = code["coding"][0];
    const std::string key = coding.value("system", "") + "|" + coding["code"].get<std::string>();
    bool principal = false;
    if (const nlohmann::json* types = json::ArrayAt(diagnosis, "type")) {
      for (const nlohmann::json& type : *types) principal = principal || pdex_common::HasCoding(type, codes::kDiagnosisType, "principal");
    }
    std::string ref;
    if (auto it = by_code.find(key); it != by_code.end()) {
      ref = it->second;
    } else {
      nlohmann::json condition = Clinical("Condition", Id("cond", "diagnosis|" + key), UsCore("us-core-condition"));
      condition["identifier"] = Identifier();
      if (status_ == "entered-in-error") {
        condition["verificationStatus"] = {{"coding", {{{"system", "http://terminology.hl7.org/CodeSystem/condition-ver-status"},
                                                         {"code", "entered-in-error"}}}}};
      }
      condition["category"] = {{{"coding", {{{"system", codes::kConditionCategory}, {"code", "encounter-diagnosis"},
                                             {"display", "Encounter Diagnosis"}}}}}};
      condition["code"] = std::move(code);
      condition["subject"] = subject_;
      condition["encounter"] = {{"reference", encounter_ref_}};
      ref = "Condition/" + condition["id"].get<std::string>();
      by_code.emplace(key, ref);
      conditions_.push_back(std::move(condition));
      encounter_diagnoses_.emplace_back(ref, principal);
    }
    if (principal) {
      for (auto& [condition_ref, is_principal] : encounter_diagnoses_) is_principal = is_principal || condition_ref == ref;
    }
    const long long sequence = SequenceOf(diagnosis);
    if (sequence > 0) condition_by_sequence_.emplace(sequence, ref);
  }
}

void EobMapper::MapEobProcedures() {
  const nlohmann::json* procedures = json::ArrayAt(eob_, "procedure");
  const std::size_t count = BoundedSize(procedures, "procedure");
  for (std::size_t i = 0; i < count; ++i) {
    const nlohmann::json& procedure = (*procedures)[i];
    const std::string path = "procedure[" + std::to_string(i) + "]";
    nlohmann::json code = SanitizeConcept(json::ObjectAt(procedure, "procedureCodeableConcept"));
    if (code.is_null() || !code.contains("coding")) {
      Report(Severity::kInformation, "incomplete", "claims.procedure-no-code",
             "procedure without a coded procedureCodeableConcept (US Core Procedure.code 1..1); no Procedure", path);
      continue;
    }
    const std::string date = ClinicalDateTime(json::StringAt(procedure, "date"));
    if (date.empty() && period_.is_null()) {
      Report(Severity::kWarning, "incomplete", "claims.procedure-no-date",
             "procedure without a date, and the claim has no period (US Core Procedure.performed[x] 1..1); no Procedure",
             path);
      continue;
    }
    const long long sequence = SequenceOf(procedure);
    const std::string role = "procedure|" + std::to_string(sequence > 0 ? sequence : static_cast<long long>(i) + 1);
    nlohmann::json out = Clinical("Procedure", Id("proc", role), UsCore("us-core-procedure"));
    out["identifier"] = Identifier(":procedure:" + std::to_string(sequence > 0 ? sequence : static_cast<long long>(i) + 1));
    out["status"] = ProcedureStatusOf(status_);
    out["code"] = std::move(code);
    out["subject"] = subject_;
    out["encounter"] = {{"reference", encounter_ref_}};
    if (!date.empty()) {
      out["performedDateTime"] = date;
    } else {
      out["performedPeriod"] = period_;  // the claim's period bounds an undated procedure
    }
    procedures_.push_back(std::move(out));
  }
}

void EobMapper::MapItems() {
  const nlohmann::json* items = json::ArrayAt(eob_, "item");
  const std::size_t count = BoundedSize(items, "item");
  for (std::size_t i = 0; i < count; ++i) {
    const nlohmann::json& item = (*items)[i];
    const std::string path = "item[" + std::to_string(i) + "]";
    const long long sequence = SequenceOf(item) > 0 ? SequenceOf(item) : static_cast<long long>(i) + 1;
    if (out_.kind == ClaimKind::kPharmacy) {
      MapDispenses(item, path, sequence);
      continue;
    }
    const nlohmann::json* product = json::ObjectAt(item, "productOrService");
    nlohmann::json procedure_codes = ConceptWithSystems(product, IsProcedureSystem);
    if (procedure_codes.is_null()) {
      Report(Severity::kInformation, "informational", "claims.item-not-procedure",
             "productOrService has no CPT, HCPCS, CDT, ICD-10-PCS or SNOMED CT code; the line gives no Procedure",
             path + ".productOrService");
      continue;
    }
    nlohmann::json out = Clinical("Procedure", Id("proc", "item|" + std::to_string(sequence)), UsCore("us-core-procedure"));
    out["identifier"] = Identifier(":item:" + std::to_string(sequence));
    out["status"] = ProcedureStatusOf(status_);
    out["code"] = SanitizeConcept(product);  // every usable coding, at least one of them a procedure code
    out["subject"] = subject_;
    out["encounter"] = {{"reference", encounter_ref_}};
    const std::string date = ClinicalDateTime(json::StringAt(item, "servicedDate"));
    const nlohmann::json period = UsablePeriod(json::ObjectAt(item, "servicedPeriod"));
    if (!date.empty()) {
      out["performedDateTime"] = date;
    } else if (!period.is_null()) {
      out["performedPeriod"] = period;
    } else if (!period_.is_null()) {
      out["performedPeriod"] = period_;
    } else {
      Report(Severity::kWarning, "incomplete", "claims.procedure-no-date",
             "line without servicedDate/servicedPeriod, and the claim has no period (US Core Procedure.performed[x] "
             "1..1); no Procedure",
             path);
      continue;
    }
    nlohmann::json performers = nlohmann::json::array();
    for (long long team_sequence : Sequences(item, "careTeamSequence", limit_)) {
      for (const TeamMember& member : team_) {
        if (member.sequence == team_sequence && !member.provider.reference.is_null() && member.provider.type != "Location") {
          performers.push_back({{"actor", member.provider.reference}});
        }
      }
    }
    if (!performers.empty()) out["performer"] = std::move(performers);
    if (const nlohmann::json* location = json::ObjectAt(item, "locationReference")) {
      const ProviderRef ref = Resolve(location, path + ".locationReference");
      if (!ref.reference.is_null()) out["location"] = ref.reference;
    }
    nlohmann::json reasons = nlohmann::json::array();
    for (long long diagnosis_sequence : Sequences(item, "diagnosisSequence", limit_)) {
      if (auto it = condition_by_sequence_.find(diagnosis_sequence); it != condition_by_sequence_.end()) {
        reasons.push_back({{"reference", it->second}});
      }
    }
    if (!reasons.empty()) out["reasonReference"] = std::move(reasons);
    if (nlohmann::json body_site = SanitizeConcept(json::ObjectAt(item, "bodySite")); !body_site.is_null()) {
      out["bodySite"] = nlohmann::json::array({std::move(body_site)});  // oral claims: tooth
    }
    procedures_.push_back(std::move(out));
  }
}

void EobMapper::MapDispenses(const nlohmann::json& item, const std::string& path, long long sequence) {
  // The NDC of the line, else (compounds) one dispense per NDC-coded detail (§7.2: 38, 78).
  std::vector<std::pair<nlohmann::json, std::string>> medications;  // concept, role
  nlohmann::json ndc = ConceptWithSystems(json::ObjectAt(item, "productOrService"), IsNdcSystem);
  if (!ndc.is_null()) {
    medications.emplace_back(std::move(ndc), "item|" + std::to_string(sequence));
  } else if (const nlohmann::json* details = json::ArrayAt(item, "detail")) {
    for (std::size_t d = 0; d < details->size() && d < limit_; ++d) {
      nlohmann::json detail_ndc = ConceptWithSystems(json::ObjectAt((*details)[d], "productOrService"), IsNdcSystem);
      if (detail_ndc.is_null()) continue;
      const long long detail_sequence = SequenceOf((*details)[d]) > 0 ? SequenceOf((*details)[d]) : static_cast<long long>(d) + 1;
      medications.emplace_back(std::move(detail_ndc), "item|" + std::to_string(sequence) + "|detail|" + std::to_string(detail_sequence));
    }
  }
  if (medications.empty()) {
    Report(Severity::kWarning, "incomplete", "claims.item-no-ndc",
           "pharmacy line without an NDC (PDex MedicationDispense.medicationCodeableConcept requires one); no "
           "MedicationDispense",
           path + ".productOrService");
    return;
  }
  for (auto& [medication, role] : medications) {
    nlohmann::json out = Clinical("MedicationDispense", Id("md", role), std::string(codes::kPdexMedicationDispense));
    if (const nlohmann::json* refill = SupportingInfo(eob_, "refillnum", limit_)) {
      const nlohmann::json* quantity = json::ObjectAt(*refill, "valueQuantity");
      const nlohmann::json* value = quantity != nullptr ? json::MemberAt(*quantity, "value") : nullptr;
      if (value != nullptr && value->is_number()) {
        out["extension"] = {{{"url", codes::kPdexDispenseRefill}, {"valueQuantity", {{"value", *value}}}}};
      }
    }
    out["identifier"] = Identifier();
    out["status"] = DispenseStatusOf(status_);
    out["medicationCodeableConcept"] = std::move(medication);
    out["subject"] = subject_;
    out["context"] = {{"reference", encounter_ref_}};
    if (!billing_.reference.is_null() && billing_.type != "Location") {
      out["performer"] = {{{"actor", billing_.reference}}};  // the dispensing pharmacy (billing provider)
    }
    if (const nlohmann::json* quantity = json::ObjectAt(item, "quantity")) {
      const nlohmann::json* value = json::MemberAt(*quantity, "value");
      if (value != nullptr && value->is_number()) {
        nlohmann::json simple = {{"value", *value}};
        for (const char* part : {"unit", "system", "code"}) {
          if (!json::StringAt(*quantity, part).empty()) simple[part] = json::StringAt(*quantity, part);
        }
        if (simple.contains("code") && !simple.contains("system")) simple.erase("code");  // qty-3
        out["quantity"] = std::move(simple);
      }
    }
    if (const nlohmann::json* days = SupportingInfo(eob_, "dayssupply", limit_)) {
      const nlohmann::json* quantity = json::ObjectAt(*days, "valueQuantity");
      const nlohmann::json* value = quantity != nullptr ? json::MemberAt(*quantity, "value") : nullptr;
      if (value != nullptr && value->is_number()) {
        out["daysSupply"] = {{"value", *value}, {"unit", "day"}, {"system", "http://unitsofmeasure.org"}, {"code", "d"}};
      }
    }
    std::string handed_over = ClinicalDateTime(json::StringAt(item, "servicedDate"));
    if (handed_over.empty()) {
      const nlohmann::json period = UsablePeriod(json::ObjectAt(item, "servicedPeriod"));
      if (!period.is_null() && period.contains("start")) handed_over = period["start"].get<std::string>();
    }
    if (!handed_over.empty()) out["whenHandedOver"] = handed_over;
    dispenses_.push_back(std::move(out));
  }
}

void EobMapper::MapCareTeam() {
  nlohmann::json participants = nlohmann::json::array();
  for (std::size_t i = 0; i < team_.size(); ++i) {
    const TeamMember& member = team_[i];
    if (member.provider.reference.is_null() || member.role.is_null() || member.provider.type == "Location") {
      Report(Severity::kInformation, "incomplete", "claims.careteam-member-skipped",
             "care-team member without a usable provider or role (US Core CareTeam.participant.role and member 1..1); "
             "not a CareTeam participant",
             "careTeam[" + std::to_string(i) + "]");
      continue;
    }
    participants.push_back({{"role", {member.role}}, {"member", member.provider.reference}});
  }
  if (participants.empty()) return;
  nlohmann::json team = Clinical("CareTeam", Id("ct", "careteam"), UsCore("us-core-careteam"));
  team["identifier"] = Identifier();
  team["status"] = status_ == "entered-in-error" ? "entered-in-error" : "active";  // §7.2: active when claim-derived
  team["subject"] = subject_;
  team["encounter"] = {{"reference", encounter_ref_}};
  if (!period_.is_null()) team["period"] = period_;
  team["participant"] = std::move(participants);
  care_teams_.push_back(std::move(team));
}

nlohmann::json EobMapper::Encounter() const {
  nlohmann::json out = Clinical("Encounter", encounter_ref_.substr(encounter_ref_.find('/') + 1), UsCore("us-core-encounter"));
  out["identifier"] = Identifier();
  out["status"] = EncounterStatusOf(status_);
  const char* klass = EncounterClassOf(out_.kind);
  out["class"] = {{"system", codes::kV3ActCode}, {"code", klass}, {"display", std::string(klass) == "IMP" ? "inpatient encounter" : "ambulatory"}};
  const char* claim_type = out_.kind == ClaimKind::kInpatient || out_.kind == ClaimKind::kOutpatient ? "institutional"
                           : out_.kind == ClaimKind::kOral                                          ? "oral"
                           : out_.kind == ClaimKind::kPharmacy                                      ? "pharmacy"
                                                                                                    : "professional";
  out["type"] = {{{"coding", {{{"system", codes::kClaimType}, {"code", claim_type}}}}, {"text", KindName(out_.kind)}}};
  out["subject"] = subject_;
  nlohmann::json participants = nlohmann::json::array();
  for (const TeamMember& member : team_) {
    if (member.provider.reference.is_null() || !IsIndividual(member.provider)) continue;
    nlohmann::json participant = nlohmann::json::object();
    const std::string_view type = ParticipationTypeOf(member.role.is_null() ? nullptr : &member.role);
    if (!type.empty()) {
      participant["type"] = {{{"coding", {{{"system", codes::kV3ParticipationType}, {"code", type}}}}}};
    }
    participant["individual"] = member.provider.reference;
    participants.push_back(std::move(participant));
  }
  if (!participants.empty()) out["participant"] = std::move(participants);
  if (!period_.is_null()) out["period"] = period_;
  nlohmann::json diagnoses = nlohmann::json::array();
  for (const auto& [ref, principal] : encounter_diagnoses_) {
    nlohmann::json diagnosis = {{"condition", {{"reference", ref}}}};
    if (principal) diagnosis["rank"] = 1;
    diagnoses.push_back(std::move(diagnosis));
  }
  if (!diagnoses.empty()) out["diagnosis"] = std::move(diagnoses);
  if (const nlohmann::json* discharge = SupportingInfo(eob_, "dischargestatus", limit_)) {
    nlohmann::json disposition = SanitizeConcept(json::ObjectAt(*discharge, "code"));
    if (!disposition.is_null()) out["hospitalization"] = {{"dischargeDisposition", std::move(disposition)}};
  }
  if (!facility_.reference.is_null()) out["location"] = {{{"location", facility_.reference}}};
  if (!billing_.reference.is_null() && billing_.type == "Organization") out["serviceProvider"] = billing_.reference;
  return out;
}

void EobMapper::ChooseAuthor() {
  // Author = the billing provider, else the attending/primary/rendering member of the care team
  // (pdex-facts §3.3: the originator; an Organization where there is one).
  ProviderRef author = billing_;
  if (author.reference.is_null()) {
    for (const TeamMember& member : team_) {
      const std::string_view type = ParticipationTypeOf(member.role.is_null() ? nullptr : &member.role);
      if (!member.provider.reference.is_null() && (type == "ATND" || type == "PPRF") && member.provider.type != "Location") {
        author = member.provider;
        break;
      }
    }
  }
  if (author.reference.is_null() || author.type == "Location") return;
  if (author.type != "Practitioner") {
    out_.author = author.reference;
    return;
  }
  // US Core provenance-1 (error): onBehalfOf SHALL be given when the agent is a Practitioner: the
  // claim's Organization (PDex's solo-practitioner example does the same). Without one the author is
  // left out rather than given in breach of the invariant or with an invented organization.
  for (const TeamMember& member : team_) {
    if (member.provider.type == "Organization" && !member.provider.reference.is_null()) {
      out_.author = author.reference;
      out_.author_on_behalf_of = member.provider.reference;
      return;
    }
  }
  Report(Severity::kWarning, "incomplete", "claims.author-no-organization",
         "the claim's author is a Practitioner and the claim names no Organization for Provenance.agent.onBehalfOf "
         "(required by US Core provenance-1); the Provenance has no author agent, the Practitioner stays in the "
         "Encounter and CareTeam",
         "provider");
}

MappedClaim EobMapper::Map(const std::string& receipt) {
  const std::optional<ClaimId> claim = ClaimIdOf(eob_);
  if (!claim) {
    Report(Severity::kWarning, "required", "claims.eob-no-claim-id",
           "ExplanationOfBenefit has no identifier with system and value (the payer's claim id, kept on every produced "
           "resource and the seed of their ids); not converted",
           "identifier");
    return std::move(out_);
  }
  claim_ = *claim;
  out_.claim_system = claim_.system;
  out_.claim_value = claim_.value;
  out_.id_salt = salt_;
  out_.kind = KindOf(eob_);
  if (out_.kind == ClaimKind::kUnknown) {
    Report(Severity::kWarning, "not-supported", "claims.eob-unknown-type",
           "claim type is neither institutional, professional, oral nor pharmacy (EOB.type or a CARIN BB profile); not "
           "converted",
           "type");
    return std::move(out_);
  }
  if (!ReadSubject() || !ReadRecorded(receipt)) return std::move(out_);
  status_ = std::string(json::StringAt(eob_, "status"));
  encounter_ref_ = "Encounter/" + Id("enc", "encounter");
  ReadProviders();
  ReadPeriod();
  MapConditions();
  if (out_.kind != ClaimKind::kPharmacy) MapEobProcedures();
  MapItems();
  MapCareTeam();
  ChooseAuthor();
  out_.resources.push_back(Encounter());
  for (auto* group : {&conditions_, &procedures_, &dispenses_, &care_teams_}) {
    for (nlohmann::json& resource : *group) out_.resources.push_back(std::move(resource));
  }
  out_.converted = true;
  return std::move(out_);
}

}  // namespace

MappedClaim MapEob(const EobSource& source, const ClaimsInput& input, ProviderDirectory& providers,
                   const std::string& receipt, const std::string& id_salt, Issues& issues) {
  return EobMapper(source, input, providers, id_salt, issues).Map(receipt);
}

}  // namespace pdex::claims

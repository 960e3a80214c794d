// Reads of a CARIN BB ExplanationOfBenefit that the clinical mapping needs (pdex-facts.md §7.2): the
// kind of claim, the payer's claim id, status translations, dates and supportingInfo by category.
// Never throw; malformed parts read as absent.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace pdex::claims {

// CARIN BB claim types (http://terminology.hl7.org/CodeSystem/claim-type) with the institutional
// subtype split, since it decides the Encounter class.
enum class ClaimKind { kUnknown, kInpatient, kOutpatient, kProfessional, kOral, kPharmacy };

// From EOB.type (claim-type coding; institutional split by subType inpatient/outpatient), else from
// the CARIN BB profile named in meta.profile (an EOB whose type is data-absent still declares it).
ClaimKind KindOf(const nlohmann::json& eob);
const char* KindName(ClaimKind kind);
// ProvenancePayerDataSource code of the claim's original format: ncpdp for pharmacy (NCPDP
// Telecommunication), x12837 for institutional, professional and oral (X12 837 I/P/D).
const char* SourceFormatOf(ClaimKind kind);
// v3-ActCode Encounter class: IMP for inpatient institutional, AMB otherwise (§7.2 Encounter.class).
const char* EncounterClassOf(ClaimKind kind);

struct ClaimId {
  std::string system;
  std::string value;
};
// The payer's claim id: the EOB identifier typed C4BBIdentifierType#uc ("unique claim id"), else the
// first identifier with a system and a value.
std::optional<ClaimId> ClaimIdOf(const nlohmann::json& eob);

// EOB.status (financial-resource-status) translated per §7.2.
std::string EncounterStatusOf(std::string_view eob_status);   // active → finished, cancelled → cancelled, ...
std::string ProcedureStatusOf(std::string_view eob_status);   // active → completed, cancelled → not-done, ...
std::string DispenseStatusOf(std::string_view eob_status);    // active → completed, cancelled → cancelled, ...

// A FHIR instant from a date or dateTime with at least day precision ("2019-07-02" →
// "2019-07-02T00:00:00Z"; a dateTime without offset is read as UTC); empty when impossible.
std::string ToInstant(std::string_view date_time);
// True for a FHIR date or dateTime of at least day precision (YYYY-MM-DD...).
bool HasDayPrecision(std::string_view date_time);
// `date_time` as a valid FHIR dateTime of at least day precision (a date as given; a time without
// offset read as UTC), or empty.
std::string ClinicalDateTime(std::string_view date_time);

// The first supportingInfo whose category has `code` (C4BBSupportingInfoType: admissionperiod,
// dayssupply, refillnum, clmrecvddate, dischargestatus, ...), or nullptr; reads at most `limit` entries.
const nlohmann::json* SupportingInfo(const nlohmann::json& eob, std::string_view code, std::size_t limit);

// A Period object with a start and/or end of day precision, or null: `period` filtered to its usable parts.
nlohmann::json UsablePeriod(const nlohmann::json* period);

}  // namespace pdex::claims

// The code systems, identifier systems, policies and profile URLs that PDex, HRex, US Core and CARIN BB
// name (../shared/spec/pdex-facts.md §2-§4, §7), spelled once for every capability in core/pdex.
#pragma once

#include <string_view>

namespace pdex::pdex_codes {

// Identifier systems.
inline constexpr std::string_view kNpiSystem = "http://hl7.org/fhir/sid/us-npi";
inline constexpr std::string_view kTinSystem = "urn:oid:2.16.840.1.113883.4.4";
// An identifier whose value is a URI: how an ingested resource keeps the id it had at the sender.
inline constexpr std::string_view kUriIdentifierSystem = "urn:ietf:rfc:3986";

// Code systems.
inline constexpr std::string_view kV2IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";  // MB, MR, ...
inline constexpr std::string_view kHrexTemp = "http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp";  // UMB
inline constexpr std::string_view kV3ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";  // sensitivity, IDSCL
inline constexpr std::string_view kV3Confidentiality = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
inline constexpr std::string_view kV3ObservationValue = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
inline constexpr std::string_view kV3ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
inline constexpr std::string_view kConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope";
inline constexpr std::string_view kConsentAction = "http://terminology.hl7.org/CodeSystem/consentaction";
inline constexpr std::string_view kProvenanceParticipantType =
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type";  // author, custodian, performer
inline constexpr std::string_view kUsCoreProvenanceParticipantType =
    "http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type";  // transmitter
inline constexpr std::string_view kPdexSourceFormat =
    "http://hl7.org/fhir/us/davinci-pdex/CodeSystem/ProvenancePayerDataSource";  // x12837, ncpdp, ...
inline constexpr std::string_view kPdexAgentRole = "http://hl7.org/fhir/us/davinci-pdex/CodeSystem/ProvenanceAgentRoleType";
inline constexpr std::string_view kV3ActReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";  // RECORDMGT
inline constexpr std::string_view kV3DataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";  // APPEND
inline constexpr std::string_view kDataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
inline constexpr std::string_view kIcd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
inline constexpr std::string_view kIcd9Cm = "http://hl7.org/fhir/sid/icd-9-cm";
inline constexpr std::string_view kIcd10Pcs = "http://www.cms.gov/Medicare/Coding/ICD10";
inline constexpr std::string_view kSnomedCt = "http://snomed.info/sct";
inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
inline constexpr std::string_view kNdc = "http://hl7.org/fhir/sid/ndc";
inline constexpr std::string_view kCpt = "http://www.ama-assn.org/go/cpt";
inline constexpr std::string_view kNubcRevenue = "https://www.nubc.org/CodeSystem/RevenueCodes";
inline constexpr std::string_view kHcpcs = "urn:oid:2.16.840.1.113883.6.285";  // US Core's HCPCS system
inline constexpr std::string_view kHcpcsCms = "https://bluebutton.cms.gov/resources/codesystem/hcpcs";  // CARIN/BB's
inline constexpr std::string_view kCdt = "http://ada.org/cdt";  // CARIN BB oral claims
inline constexpr std::string_view kCdtOid = "urn:oid:2.16.840.1.113883.6.13";  // US Core's CDT system
inline constexpr std::string_view kClaimType = "http://terminology.hl7.org/CodeSystem/claim-type";
inline constexpr std::string_view kConditionCategory = "http://terminology.hl7.org/CodeSystem/condition-category";
inline constexpr std::string_view kDiagnosisType = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";  // principal
// CARIN BB 1.1.0 code systems (http://hl7.org/fhir/us/carin-bb/CodeSystem/...).
inline constexpr std::string_view kC4bbIdentifierType = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType";
inline constexpr std::string_view kC4bbSupportingInfoType =
    "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType";  // admissionperiod, dayssupply, ...
inline constexpr std::string_view kC4bbInstitutionalSubType =
    "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType";  // inpatient, outpatient

// Security labels (meta.security) and the marker of a redacted resource (v3-ObservationValue#REDACTED).
inline constexpr std::string_view kSecurityRedacted = "REDACTED";

// HRex Consent policies (policy.uri).
inline constexpr std::string_view kConsentPolicyRegular =
    "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular";
inline constexpr std::string_view kConsentPolicySensitive =
    "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#sensitive";

// Extensions.
inline constexpr std::string_view kDataAbsentReasonExtension = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
inline constexpr std::string_view kPdexSourceFormatExtension =
    "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/ProvenanceSourceFrom";

// Profiles.
inline constexpr std::string_view kHrexMemberMatchIn =
    "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-parameters-member-match-in";
inline constexpr std::string_view kHrexMemberMatchOut =
    "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-parameters-member-match-out";
inline constexpr std::string_view kHrexConsent = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-consent";
inline constexpr std::string_view kHrexCoverage = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-coverage";
inline constexpr std::string_view kPdexProvenance = "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/pdex-provenance";
inline constexpr std::string_view kPdexMedicationDispense =
    "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/pdex-medicationdispense";
// PDex MedicationDispense's DispenseRefill extension (refillNum as valueQuantity).
inline constexpr std::string_view kPdexDispenseRefill = "http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/DispenseRefill";
inline constexpr std::string_view kUsCoreBase = "http://hl7.org/fhir/us/core/StructureDefinition/";  // + us-core-<type>

}  // namespace pdex::pdex_codes

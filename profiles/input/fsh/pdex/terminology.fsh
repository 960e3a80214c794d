// Da Vinci PDex 2.0.0 code systems and value sets used by its Provenance, Device,
// MedicationDispense and Prior Authorization profiles. X12, CPT, HCPCS, HIPPS and NDC are external
// (X12 is proprietary): value sets over them are intensional and "not checked" locally.


RuleSet: PDexCodeSystem(id)
* insert PDex(CodeSystem, {id})
* ^caseSensitive = false
* ^content = #complete

CodeSystem: ProvenanceAgentRoleType
Id: ProvenanceAgentRoleType
Title: "Provenance Roles"
Description: "Roles in creating or communicating a resource that HL7 code systems lack."
* insert PDexCodeSystem(ProvenanceAgentRoleType)
* #source "Source" "Organization, Practitioner or Payer who was the source of the referenced resource."

CodeSystem: ProvenancePayerDataSource
Id: ProvenancePayerDataSource
Title: "Provenance Payer Data Source Format"
Description: "The non-FHIR format a payer built a FHIR record from."
* insert PDexCodeSystem(ProvenancePayerDataSource)
* #hl7v2other "HL7 v2" "An HL7 v2 message of another type."
* #hl7v2oru "HL7 v2 ORU" "HL7 v2 observation report (ORU)."
* #hl7v2adt "HL7 v2 ADT" "HL7 v2 admit, discharge, transfer (ADT)."
* #hl7v2r01 "HL7 v2 R01" "HL7 v2 observation (R01)."
* #hl7v2rsp "HL7 v2 RSP" "HL7 v2 immunization record response."
* #hl7v2orm "HL7 v2 ORM" "HL7 v2 orders."
* #hl7v2mdm "HL7 v2 MDM" "HL7 v2 medical document management."
* #hl7v2vxu "HL7 v2 VXU" "HL7 v2 immunization transaction."
* #hl7v3 "HL7 v3" "An HL7 v3 message."
* #hl7ccda "HL7 C-CDA" "A Consolidated CDA document."
* #hl7cda "HL7 CDA" "A CDA document that is not C-CDA."
* #hl7cdaqrda "HL7 CDA QRDA" "A quality reporting (QRDA) document."
* #hl7fhirdstu2 "FHIR DSTU2" "FHIR DSTU2."
* #hl7fhirdstu3 "FHIR STU3" "FHIR STU3."
* #hl7fhirr4 "FHIR R4" "FHIR R4."
* #x12837 "837 claim" "X12 837 claim."
* #x12278 "278" "X12 278 prior authorization."
* #x12275 "275" "X12 275 attachment."
* #x12other "X12" "Another X12 transaction."
* #script "NCPDP SCRIPT" "NCPDP SCRIPT e-prescribing message."
* #ncpdp "NCPDP Telecommunication" "NCPDP Telecommunication transaction (pharmacy claim)."
* #capture "Direct Capture" "Entered directly, e.g. into a payer's case management system."
* #customtx "Trading Partner Format" "A trading partner's proprietary format."
* #image "Image" "A fax or scanned document."
* #unstructured "Unstructured Document" "PDF, text or another unstructured document."
* #other "Other" "Any other format."

CodeSystem: PDexAdjudicationCS
Id: PDexAdjudicationCS
Title: "PDex Adjudication Codes"
Description: "Amount categories payers use when adjudicating a claim, complementing the HL7 adjudication codes."
* insert PDexCodeSystem(PDexAdjudicationCS)
* #coinsurance "Co-insurance" "The set percentage of the cost the insured pays."
* #noncovered "Noncovered" "The part of the cost the insurer deemed not eligible."
* #priorpayerpaid "Prior payer paid" "The reduction reflecting a primary payer's payment."
* #paidbypatient "Paid by patient" "The amount the patient paid at the point of service."
* #paidtoprovider "Paid to provider" "The amount paid to the provider."
* #paidtopatient "Paid to patient" "The amount paid to the patient."
* #memberliability "Member liability" "The member's liability."
* #discount "Discount" "The discount."
* #drugcost "Drug cost" "The price paid for the drug before manufacturer or other discounts."

CodeSystem: PDexAdjudicationDiscriminator
Id: PDexAdjudicationDiscriminator
Title: "PDex Adjudication Discriminator"
Description: "Categories that tell adjudication slices apart."
* insert PDexCodeSystem(PDexAdjudicationDiscriminator)
* #allowedunits "allowed units" "The adjudication gives the allowed units."
* #consumedunits "consumed units" "The adjudication gives the consumed units."
* #denialreason "Denial Reason" "The adjudication gives the denial reason."

CodeSystem: PDexPayerAdjudicationStatus
Id: PDexPayerAdjudicationStatus
Title: "PDex Payer Adjudication Status"
Description: "Network, contract and payment status of an adjudicated claim or line."
* insert PDexCodeSystem(PDexPayerAdjudicationStatus)
* #innetwork "In Network" "Paid in network."
* #outofnetwork "Out Of Network" "Paid out of network."
* #other "Other" "Another network status, or no network applies."
* #contracted "Contracted" "The provider was contracted for the service."
* #noncontracted "Non-Contracted" "The provider was not contracted for the service."
* #paid "Paid" "Approved for payment."
* #denied "Denied" "Denied."
* #partiallypaid "Partially Paid" "Some lines were denied."

CodeSystem: PriorAuthorizationValueCodes
Id: PriorAuthorizationValueCodes
Title: "Prior Authorization Values"
Description: "Categories of prior authorization amounts."
* insert PDexCodeSystem(PriorAuthorizationValueCodes)
* #submitted "Submitted" "Proposed units or services."
* #eligible "Eligible" "Eligible or agreed items or services."
* #utilized "Utilized" "Items or services consumed to date."

ValueSet: ProvenanceAgentType
Id: ProvenanceAgentType
Title: "Provenance Agent Type"
Description: "Agent types for PDex provenance: PDex roles, the US Core transmitter and the HL7 participant types."
* insert PDex(ValueSet, ProvenanceAgentType)
* include codes from system ProvenanceAgentRoleType
* include codes from system http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type
* include codes from system $provenance-participant-type

ValueSet: ProvenancePayerSourceFormat
Id: ProvenancePayerSourceFormat
Title: "Payer source of data"
Description: "Formats a payer's FHIR data may have been built from."
* insert PDex(ValueSet, ProvenancePayerSourceFormat)
* include codes from system ProvenancePayerDataSource

ValueSet: FDANationalDrugCode
Id: FDANationalDrugCode
Title: "FDA National Drug Code (NDC)"
Description: "All NDC codes (external code system: not checked locally)."
* insert PDex(ValueSet, FDANationalDrugCode)
* include codes from system http://hl7.org/fhir/sid/ndc

ValueSet: PDexAdjudication
Id: PDexAdjudication
Title: "PDex Adjudication"
Description: "Amount categories of an adjudication."
* insert PDex(ValueSet, PDexAdjudication)
* http://terminology.hl7.org/CodeSystem/adjudication#submitted
* http://terminology.hl7.org/CodeSystem/adjudication#copay
* http://terminology.hl7.org/CodeSystem/adjudication#eligible
* http://terminology.hl7.org/CodeSystem/adjudication#deductible
* http://terminology.hl7.org/CodeSystem/adjudication#benefit
* PDexAdjudicationCS#coinsurance
* PDexAdjudicationCS#noncovered
* PDexAdjudicationCS#priorpayerpaid
* PDexAdjudicationCS#paidbypatient
* PDexAdjudicationCS#paidtopatient
* PDexAdjudicationCS#paidtoprovider
* PDexAdjudicationCS#memberliability
* PDexAdjudicationCS#discount
* PDexAdjudicationCS#drugcost

ValueSet: PDexPayerBenefitPaymentStatus
Id: PDexPayerBenefitPaymentStatus
Title: "PDex Payer Benefit Payment Status"
Description: "Network status of a payment."
* insert PDex(ValueSet, PDexPayerBenefitPaymentStatus)
* PDexPayerAdjudicationStatus#innetwork
* PDexPayerAdjudicationStatus#outofnetwork
* PDexPayerAdjudicationStatus#other

ValueSet: PDexAdjudicationCategoryDiscriminator
Id: PDexAdjudicationCategoryDiscriminator
Title: "PDex Adjudication Category Discriminator"
Description: "Categories allowed on an adjudication (as published: PDex Adjudication, payment status and the PDex adjudication codes)."
* insert PDex(ValueSet, PDexAdjudicationCategoryDiscriminator)
* include codes from valueset PDexAdjudication
* include codes from valueset PDexPayerBenefitPaymentStatus
* include codes from system PDexAdjudicationCS

ValueSet: PriorAuthServiceTypeCodes
Id: PriorAuthServiceTypeCodes
Title: "Prior Authorization Service Type Codes (X12)"
Description: "X12 service type codes (proprietary: not checked locally)."
* insert PDex(ValueSet, PriorAuthServiceTypeCodes)
* include codes from system https://x12.org/codes/service-type-codes

ValueSet: PDexPAInstitutionalProcedureCodesVS
Id: PDexPAInstitutionalProcedureCodesVS
Title: "Prior Authorization Procedure Codes - AMA CPT - CMS HCPCS - CMS HIPPS"
Description: "CPT, HCPCS and HIPPS procedure codes or not-applicable (external code systems: not checked locally)."
* insert PDex(ValueSet, PDexPAInstitutionalProcedureCodesVS)
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets
* include codes from system https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/ProspMedicareFeeSvcPmtGen/HIPPSCodes
* http://terminology.hl7.org/CodeSystem/data-absent-reason#not-applicable

ValueSet: X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes
Id: X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes
Title: "X12 Claim Adjustment Reason Codes - Remittance Advice Remark Codes"
Description: "X12 CARC and RARC codes (proprietary: not checked locally)."
* insert PDex(ValueSet, X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes)
* include codes from system https://x12.org/codes/claim-adjustment-reason-codes
* include codes from system https://x12.org/codes/remittance-advice-remark-codes

ValueSet: PriorAuthorizationAmounts
Id: PriorAuthorizationAmounts
Title: "Prior Authorization value categories"
Description: "Categories of prior authorization totals."
* insert PDex(ValueSet, PriorAuthorizationAmounts)
* include codes from system PriorAuthorizationValueCodes

ValueSet: X12278ReviewDecisionReasonCode
Id: X12278ReviewDecisionReasonCode
Title: "X12 278 Review Decision Reason Codes"
Description: "X12 278 review decision reasons (proprietary: not checked locally)."
* insert PDex(ValueSet, X12278ReviewDecisionReasonCode)
* include codes from system https://codesystem.x12.org/external/886

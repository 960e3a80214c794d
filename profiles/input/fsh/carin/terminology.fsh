// CARIN Blue Button 1.1.0 terminology: its own code systems, shells (content = not-present) for
// the external NUBC/NCPDP/CMS/X12 code systems it names, and every value set its profiles bind.
// Codes from not-present code systems are reported as "not checked" by our validator.

CodeSystem: C4BBAdjudicationCS
Id: C4BBAdjudication
Title: "C4BB Adjudication"
Description: "Amount categories payers use when adjudicating a claim."
* insert C4BB(CodeSystem, C4BBAdjudication)
* ^name = "C4BBAdjudication"
* ^caseSensitive = true
* ^content = #complete
* #coinsurance "Co-insurance"
* #noncovered "Noncovered"
* #priorpayerpaid "Prior payer paid"
* #paidbypatient "Paid by patient"
* #paidtoprovider "Paid to provider"
* #paidtopatient "Paid to patient"
* #memberliability "Member liability"
* #discount "Discount"
* #drugcost "Drug cost"

CodeSystem: C4BBAdjudicationDiscriminatorCS
Id: C4BBAdjudicationDiscriminator
Title: "C4BB Adjudication Discriminator"
Description: "Categories that tell adjudication slices apart."
* insert C4BB(CodeSystem, C4BBAdjudicationDiscriminator)
* ^name = "C4BBAdjudicationDiscriminator"
* ^caseSensitive = true
* ^content = #complete
* #allowedunits "allowed units"
* #denialreason "Denial Reason"

CodeSystem: C4BBClaimCareTeamRoleCS
Id: C4BBClaimCareTeamRole
Title: "C4BB Claim Care Team Role"
Description: "Roles of care team members on a claim."
* insert C4BB(CodeSystem, C4BBClaimCareTeamRole)
* ^name = "C4BBClaimCareTeamRole"
* ^caseSensitive = true
* ^content = #complete
* #attending "Attending"
* #referring "Referring"
* #operating "Operating"
* #otheroperating "Other Operating"
* #performing "Performing provider"
* #prescribing "Prescribing provider"
* #purchasedservice "Purchased Service"

CodeSystem: C4BBClaimDiagnosisTypeCS
Id: C4BBClaimDiagnosisType
Title: "C4BB Claim Diagnosis Type"
Description: "Kinds of diagnosis on a claim."
* insert C4BB(CodeSystem, C4BBClaimDiagnosisType)
* ^name = "C4BBClaimDiagnosisType"
* ^caseSensitive = true
* ^content = #complete
* #externalcauseofinjury "External Cause of Injury"
* #patientreasonforvisit "Patient Reason for Visit"
* #other "Other"
* #secondary "Secondary"

CodeSystem: C4BBClaimProcedureTypeCS
Id: C4BBClaimProcedureType
Title: "C4BB Claim Procedure Type"
Description: "Kinds of procedure on a claim."
* insert C4BB(CodeSystem, C4BBClaimProcedureType)
* ^name = "C4BBClaimProcedureType"
* ^caseSensitive = true
* ^content = #complete
* #principal "Principal"
* #other "Other"

CodeSystem: C4BBCompoundLiteralCS
Id: C4BBCompoundLiteral
Title: "C4BB Compound Literal"
Description: "The literal compound, used in place of an NDC."
* insert C4BB(CodeSystem, C4BBCompoundLiteral)
* ^name = "C4BBCompoundLiteral"
* ^caseSensitive = true
* ^content = #complete
* #compound "compound"

CodeSystem: C4BBIdentifierTypeCS
Id: C4BBIdentifierType
Title: "C4BB Identifier Type"
Description: "Identifier types used by CARIN Blue Button."
* insert C4BB(CodeSystem, C4BBIdentifierType)
* ^name = "C4BBIdentifierType"
* ^caseSensitive = true
* ^content = #complete
* #npi "National Provider Identifier"
* #payerid "Payer ID"
* #naiccode "NAIC Code"
* #pat "Patient Account Number"
* #um "Unique Member ID"
* #uc "Unique Claim ID"

CodeSystem: C4BBInstitutionalClaimSubTypeCS
Id: C4BBInstitutionalClaimSubType
Title: "C4BB Institutional Claim SubType"
Description: "Inpatient or outpatient institutional claim."
* insert C4BB(CodeSystem, C4BBInstitutionalClaimSubType)
* ^name = "C4BBInstitutionalClaimSubType"
* ^caseSensitive = true
* ^content = #complete
* #inpatient "Inpatient"
* #outpatient "Outpatient"

CodeSystem: C4BBPayeeTypeCS
Id: C4BBPayeeType
Title: "C4BB Payee Type"
Description: "Payee types HL7 lacks."
* insert C4BB(CodeSystem, C4BBPayeeType)
* ^name = "C4BBPayeeType"
* ^caseSensitive = true
* ^content = #complete
* #beneficiary "Beneficiary"

CodeSystem: C4BBPayerAdjudicationStatusCS
Id: C4BBPayerAdjudicationStatus
Title: "C4BB Payer Adjudication Status"
Description: "Network, contract and payment status of a claim or line."
* insert C4BB(CodeSystem, C4BBPayerAdjudicationStatus)
* ^name = "C4BBPayerAdjudicationStatus"
* ^caseSensitive = true
* ^content = #complete
* #innetwork "In Network"
* #outofnetwork "Out Of Network"
* #other "Other"
* #contracted "Contracted"
* #noncontracted "Non-Contracted"
* #paid "Paid"
* #denied "Denied"
* #partiallypaid "Partially Paid"

CodeSystem: C4BBRelatedClaimRelationshipCodesCS
Id: C4BBRelatedClaimRelationshipCodes
Title: "C4BB Related Claim Relationship Codes"
Description: "Relationships between claims HL7 lacks."
* insert C4BB(CodeSystem, C4BBRelatedClaimRelationshipCodes)
* ^name = "C4BBRelatedClaimRelationshipCodes"
* ^caseSensitive = true
* ^content = #complete
* #replacedby "Replaced by claim number"

CodeSystem: C4BBSupportingInfoTypeCS
Id: C4BBSupportingInfoType
Title: "C4BB Supporting Info Type"
Description: "Kinds of supporting information on a claim."
* insert C4BB(CodeSystem, C4BBSupportingInfoType)
* ^name = "C4BBSupportingInfoType"
* ^caseSensitive = true
* ^content = #complete
* #admissionperiod "Admission Period"
* #pointoforigin "Point Of Origin"
* #admtype "Admission Type"
* #billingnetworkcontractingstatus "Billing Network Contracting Status"
* #brandgenericindicator "Brand Generic Indicator"
* #clmrecvddate "Claim Received Date"
* #compoundcode "Compound Code"
* #dawcode "DAW (Dispense As Written) Code"
* #dayssupply "Days Supply"
* #discharge-status "Discharge Status"
* #drg "DRG"
* #performingnetworkcontractingstatus "Performing Network Contracting Status"
* #refillnum "Refill Number"
* #rxorigincode "Rx Origin Code"
* #servicefacility "Service Facility"
* #typeofbill "Type of Bill"
* #medicalrecordnumber "Medical Record Number"
* #patientaccountnumber "Patient Account Number"

CodeSystem: AHANUBCPatientDischargeStatusCS
Id: AHANUBCPatientDischargeStatus
Title: "NUBC Patient Discharge Status Codes"
Description: "NUBC Patient Discharge Status Codes; an external code system whose content is not published here."
* insert C4BB(CodeSystem, AHANUBCPatientDischargeStatus)
* ^name = "AHANUBCPatientDischargeStatus"
* ^url = "https://www.nubc.org/CodeSystem/PatDischargeStatus"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: AHANUBCTypeOfBillCS
Id: AHANUBCTypeOfBill
Title: "NUBC Type Of Bill Codes"
Description: "NUBC Type Of Bill Codes; an external code system whose content is not published here."
* insert C4BB(CodeSystem, AHANUBCTypeOfBill)
* ^name = "AHANUBCTypeOfBill"
* ^url = "https://www.nubc.org/CodeSystem/TypeOfBill"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: AHANUBCRevenueCodesCS
Id: AHANUBCRevenueCodes
Title: "NUBC Revenue Codes"
Description: "NUBC Revenue Codes; an external code system whose content is not published here."
* insert C4BB(CodeSystem, AHANUBCRevenueCodes)
* ^name = "AHANUBCRevenueCodes"
* ^url = "https://www.nubc.org/CodeSystem/RevenueCodes"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: AHANUBCPointOfOriginForAdmissionOrVisitNewbornCS
Id: AHANUBCPointOfOriginForAdmissionOrVisitNewborn
Title: "NUBC Point Of Origin for Newborn"
Description: "NUBC Point Of Origin for Newborn; an external code system whose content is not published here."
* insert C4BB(CodeSystem, AHANUBCPointOfOriginForAdmissionOrVisitNewborn)
* ^name = "AHANUBCPointOfOriginForAdmissionOrVisitNewborn"
* ^url = "https://www.nubc.org/CodeSystem/PointOfOriginNewborn"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: AHANUBCPointOfOriginForAdmissionOrVisitNonnewbornCS
Id: AHANUBCPointOfOriginForAdmissionOrVisitNonnewborn
Title: "NUBC Point Of Origin for Non-newborn"
Description: "NUBC Point Of Origin for Non-newborn; an external code system whose content is not published here."
* insert C4BB(CodeSystem, AHANUBCPointOfOriginForAdmissionOrVisitNonnewborn)
* ^name = "AHANUBCPointOfOriginForAdmissionOrVisitNonnewborn"
* ^url = "https://www.nubc.org/CodeSystem/PointOfOrigin"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: AHANUBCPresentOnAdmissionCS
Id: AHANUBCPresentOnAdmission
Title: "NUBC Present On Admission Indicator Codes"
Description: "NUBC Present On Admission Indicator Codes; an external code system whose content is not published here."
* insert C4BB(CodeSystem, AHANUBCPresentOnAdmission)
* ^name = "AHANUBCPresentOnAdmission"
* ^url = "https://www.nubc.org/CodeSystem/PresentOnAdmissionIndicator"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: AHANUBCPriorityTypeOfAdmissionOrVisitCS
Id: AHANUBCPriorityTypeOfAdmissionOrVisit
Title: "NUBC Priority (Type) of Admission or Visit"
Description: "NUBC Priority (Type) of Admission or Visit; an external code system whose content is not published here."
* insert C4BB(CodeSystem, AHANUBCPriorityTypeOfAdmissionOrVisit)
* ^name = "AHANUBCPriorityTypeOfAdmissionOrVisit"
* ^url = "https://www.nubc.org/CodeSystem/PriorityTypeOfAdmitOrVisit"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: CMSMSDRGCS
Id: CMSMSDRG
Title: "Medicare Severity Diagnosis Related Groups (MS-DRGs)"
Description: "Medicare Severity Diagnosis Related Groups (MS-DRGs); an external code system whose content is not published here."
* insert C4BB(CodeSystem, CMSMSDRG)
* ^name = "CMSMSDRG"
* ^url = "https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: THREEMAPDRGCS
Id: THREEMAPDRG
Title: "All Patient Diagnosis Related Groups (AP-DRGs)"
Description: "All Patient Diagnosis Related Groups (AP-DRGs); an external code system whose content is not published here."
* insert C4BB(CodeSystem, THREEMAPDRG)
* ^name = "THREEMAPDRG"
* ^url = "http://uri.hddaccess.com/cs/apdrg"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: THREEMAPRDRGCS
Id: THREEMAPRDRG
Title: "All Patient Refined Diagnosis Related Groups (APR-DRGs)"
Description: "All Patient Refined Diagnosis Related Groups (APR-DRGs); an external code system whose content is not published here."
* insert C4BB(CodeSystem, THREEMAPRDRG)
* ^name = "THREEMAPRDRG"
* ^url = "http://uri.hddaccess.com/cs/aprdrg"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: CMSPlaceofServiceCodesCS
Id: CMSPlaceofServiceCodes
Title: "CMS Place of Service Codes (POS)"
Description: "CMS Place of Service Codes (POS); an external code system whose content is not published here."
* insert C4BB(CodeSystem, CMSPlaceofServiceCodes)
* ^name = "CMSPlaceofServiceCodes"
* ^url = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: NCPDPRejectCodeCS
Id: NCPDPRejectCode
Title: "NCPDP Reject Code"
Description: "NCPDP Reject Code; an external code system whose content is not published here."
* insert C4BB(CodeSystem, NCPDPRejectCode)
* ^name = "NCPDPRejectCode"
* ^url = "http://terminology.hl7.org/CodeSystem/NCPDPRejectCode"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: X12ClaimAdjustmentReasonCodesCS
Id: X12ClaimAdjustmentReasonCodes
Title: "X12 Claim Adjustment Reason Codes"
Description: "X12 Claim Adjustment Reason Codes; an external code system whose content is not published here."
* insert C4BB(CodeSystem, X12ClaimAdjustmentReasonCodes)
* ^name = "X12ClaimAdjustmentReasonCodes"
* ^url = "https://x12.org/codes/claim-adjustment-reason-codes"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: CMSRemittanceAdviceRemarkCodesCS
Id: CMSRemittanceAdviceRemarkCodes
Title: "X12 Remittance Advice Remark Codes"
Description: "X12 Remittance Advice Remark Codes; an external code system whose content is not published here."
* insert C4BB(CodeSystem, CMSRemittanceAdviceRemarkCodes)
* ^name = "CMSRemittanceAdviceRemarkCodes"
* ^url = "https://x12.org/codes/remittance-advice-remark-codes"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: CMSHCPCSCodesCS
Id: CMSHCPCSCodes
Title: "Healthcare Common Procedure Coding System (HCPCS) level II alphanumeric codes"
Description: "Healthcare Common Procedure Coding System (HCPCS) level II alphanumeric codes; an external code system whose content is not published here."
* insert C4BB(CodeSystem, CMSHCPCSCodes)
* ^name = "CMSHCPCSCodes"
* ^url = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: CMSHIPPSCodesCS
Id: CMSHIPPSCodes
Title: "Health Insurance Prospective Payment System (HIPPS)"
Description: "Health Insurance Prospective Payment System (HIPPS); an external code system whose content is not published here."
* insert C4BB(CodeSystem, CMSHIPPSCodes)
* ^name = "CMSHIPPSCodes"
* ^url = "https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/ProspMedicareFeeSvcPmtGen/HIPPSCodes"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: NCPDPBrandGenericIndicatorCS
Id: NCPDPBrandGenericIndicator
Title: "NCPDP Brand Generic Indicator"
Description: "NCPDP Brand Generic Indicator; an external code system whose content is not published here."
* insert C4BB(CodeSystem, NCPDPBrandGenericIndicator)
* ^name = "NCPDPBrandGenericIndicator"
* ^url = "http://terminology.hl7.org/CodeSystem/NCPDPBrandGenericIndicator"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: NCPDPCompoundCodeCS
Id: NCPDPCompoundCode
Title: "NCPDP Compound Code"
Description: "NCPDP Compound Code; an external code system whose content is not published here."
* insert C4BB(CodeSystem, NCPDPCompoundCode)
* ^name = "NCPDPCompoundCode"
* ^url = "http://terminology.hl7.org/CodeSystem/NCPDPCompoundCode"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: NCPDPDispensedAsWrittenOrProductSelectionCodeCS
Id: NCPDPDispensedAsWrittenOrProductSelectionCode
Title: "NCPDP Dispense As Written (DAW)/Product Selection Code"
Description: "NCPDP Dispense As Written (DAW)/Product Selection Code; an external code system whose content is not published here."
* insert C4BB(CodeSystem, NCPDPDispensedAsWrittenOrProductSelectionCode)
* ^name = "NCPDPDispensedAsWrittenOrProductSelectionCode"
* ^url = "http://terminology.hl7.org/CodeSystem/NCPDPDispensedAsWrittenOrProductSelectionCode"
* ^caseSensitive = true
* ^content = #not-present

CodeSystem: NCPDPPrescriptionOriginCodeCS
Id: NCPDPPrescriptionOriginCode
Title: "NCPDP Prescription Origin Code"
Description: "NCPDP Prescription Origin Code; an external code system whose content is not published here."
* insert C4BB(CodeSystem, NCPDPPrescriptionOriginCode)
* ^name = "NCPDPPrescriptionOriginCode"
* ^url = "http://terminology.hl7.org/CodeSystem/NCPDPPrescriptionOriginCode"
* ^caseSensitive = true
* ^content = #not-present

ValueSet: AHANUBCPatientDischargeStatus
Id: AHANUBCPatientDischargeStatus
Title: "NUBC Patient Discharge Status Codes"
Description: "NUBC patient discharge status (external: not checked)."
* insert C4BB(ValueSet, AHANUBCPatientDischargeStatus)
* include codes from system https://www.nubc.org/CodeSystem/PatDischargeStatus

ValueSet: AHANUBCPointOfOriginForAdmissionOrVisit
Id: AHANUBCPointOfOriginForAdmissionOrVisit
Title: "NUBC Point Of Origin"
Description: "NUBC point of origin, newborn or not (external: not checked)."
* insert C4BB(ValueSet, AHANUBCPointOfOriginForAdmissionOrVisit)
* include codes from system https://www.nubc.org/CodeSystem/PointOfOrigin
* include codes from system https://www.nubc.org/CodeSystem/PointOfOriginNewborn

ValueSet: AHANUBCPresentOnAdmission
Id: AHANUBCPresentOnAdmission
Title: "NUBC Present On Admission Indicator Codes"
Description: "NUBC present-on-admission indicators (external: not checked)."
* insert C4BB(ValueSet, AHANUBCPresentOnAdmission)
* include codes from system https://www.nubc.org/CodeSystem/PresentOnAdmissionIndicator

ValueSet: AHANUBCPriorityTypeOfAdmissionOrVisit
Id: AHANUBCPriorityTypeOfAdmissionOrVisit
Title: "NUBC Priority (Type) of Admission or Visit"
Description: "NUBC type of admission (external: not checked)."
* insert C4BB(ValueSet, AHANUBCPriorityTypeOfAdmissionOrVisit)
* include codes from system https://www.nubc.org/CodeSystem/PriorityTypeOfAdmitOrVisit

ValueSet: C4BBAHANUBCRevenueCodes
Id: carin-bb-AHANUBCRevenueCodes
Title: "NUBC Revenue Codes"
Description: "NUBC revenue codes (external: not checked)."
* insert C4BB(ValueSet, AHANUBCRevenueCodes)
// The id and name AHANUBCRevenueCodes are taken in this package by another IG's value set (SUSHI keeps one
// resource per name); the canonical url is the published one.
* include codes from system https://www.nubc.org/CodeSystem/RevenueCodes

ValueSet: AHANUBCTypeOfBill
Id: AHANUBCTypeOfBill
Title: "NUBC Type of Bill Codes"
Description: "NUBC type of bill (external: not checked)."
* insert C4BB(ValueSet, AHANUBCTypeOfBill)
* include codes from system https://www.nubc.org/CodeSystem/TypeOfBill

ValueSet: AMACPTCMSHCPCSModifiers
Id: AMACPTCMSHCPCSModifiers
Title: "Procedure Modifier Codes - AMA CPT - CMS HCPCS"
Description: "CPT and HCPCS modifiers (external: not checked)."
* insert C4BB(ValueSet, AMACPTCMSHCPCSModifiers)
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets

ValueSet: AMACPTCMSHCPCSProcedureCodes
Id: AMACPTCMSHCPCSProcedureCodes
Title: "Procedure Codes - AMA CPT - CMS HCPCS"
Description: "CPT and HCPCS procedure codes (external: not checked)."
* insert C4BB(ValueSet, AMACPTCMSHCPCSProcedureCodes)
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets

ValueSet: C4BBAdjudication
Id: C4BBAdjudication
Title: "C4BB Adjudication"
Description: "Amount categories of an adjudication."
* insert C4BB(ValueSet, C4BBAdjudication)
* http://terminology.hl7.org/CodeSystem/adjudication#submitted
* http://terminology.hl7.org/CodeSystem/adjudication#copay
* http://terminology.hl7.org/CodeSystem/adjudication#eligible
* http://terminology.hl7.org/CodeSystem/adjudication#deductible
* http://terminology.hl7.org/CodeSystem/adjudication#benefit
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#coinsurance
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#noncovered
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#priorpayerpaid
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#paidbypatient
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#paidtopatient
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#paidtoprovider
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#memberliability
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#discount
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication#drugcost

ValueSet: C4BBAdjudicationCategoryDiscriminator
Id: C4BBAdjudicationCategoryDiscriminator
Title: "C4BB Adjudication Category Discriminator"
Description: "Categories allowed on an adjudication."
* insert C4BB(ValueSet, C4BBAdjudicationCategoryDiscriminator)
* include codes from valueset http://hl7.org/fhir/us/carin-bb/ValueSet/C4BBAdjudication
* include codes from valueset http://hl7.org/fhir/us/carin-bb/ValueSet/C4BBPayerBenefitPaymentStatus
* include codes from system http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudicationDiscriminator

ValueSet: C4BBClaimIdentifierType
Id: C4BBClaimIdentifierType
Title: "C4BB Claim Identifier Type"
Description: "Identifier types of a claim."
* insert C4BB(ValueSet, C4BBClaimIdentifierType)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType#uc

ValueSet: C4BBClaimInpatientInstitutionalDiagnosisType
Id: C4BBClaimInpatientInstitutionalDiagnosisType
Title: "C4BB Claim Inpatient Institutional Diagnosis Type"
Description: "Diagnosis types on an inpatient institutional claim."
* insert C4BB(ValueSet, C4BBClaimInpatientInstitutionalDiagnosisType)
* http://terminology.hl7.org/CodeSystem/ex-diagnosistype#principal
* http://terminology.hl7.org/CodeSystem/ex-diagnosistype#admitting
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType#other
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType#externalcauseofinjury

ValueSet: C4BBClaimInstitutionalCareTeamRole
Id: C4BBClaimInstitutionalCareTeamRole
Title: "C4BB Claim Institutional Care Team Role"
Description: "Care team roles on an institutional claim."
* insert C4BB(ValueSet, C4BBClaimInstitutionalCareTeamRole)
* http://terminology.hl7.org/CodeSystem/claimcareteamrole#primary
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#attending
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#referring
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#operating
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#otheroperating
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#performing

ValueSet: C4BBClaimOutpatientInstitutionalDiagnosisType
Id: C4BBClaimOutpatientInstitutionalDiagnosisType
Title: "C4BB Claim Outpatient Institutional Diagnosis Type"
Description: "Diagnosis types on an outpatient institutional claim."
* insert C4BB(ValueSet, C4BBClaimOutpatientInstitutionalDiagnosisType)
* http://terminology.hl7.org/CodeSystem/ex-diagnosistype#principal
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType#other
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType#externalcauseofinjury
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType#patientreasonforvisit

ValueSet: C4BBClaimPharmacyTeamRole
Id: C4BBClaimPharmacyTeamRole
Title: "C4BB Claim Pharmacy CareTeam Roles"
Description: "Care team roles on a pharmacy claim."
* insert C4BB(ValueSet, C4BBClaimPharmacyTeamRole)
* http://terminology.hl7.org/CodeSystem/claimcareteamrole#primary
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#prescribing

ValueSet: C4BBClaimProcedureType
Id: C4BBClaimProcedureType
Title: "C4BB Claim Procedure Type"
Description: "Procedure types on a claim."
* insert C4BB(ValueSet, C4BBClaimProcedureType)
* include codes from system http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimProcedureType

ValueSet: C4BBClaimProfessionalAndNonClinicianCareTeamRole
Id: C4BBClaimProfessionalAndNonClinicianCareTeamRole
Title: "C4BB Claim Professional And Non Clinician Care Team Role"
Description: "Care team roles on a professional claim."
* insert C4BB(ValueSet, C4BBClaimProfessionalAndNonClinicianCareTeamRole)
* http://terminology.hl7.org/CodeSystem/claimcareteamrole#primary
* http://terminology.hl7.org/CodeSystem/claimcareteamrole#supervisor
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#performing
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#purchasedservice
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole#referring

ValueSet: C4BBClaimProfessionalAndNonClinicianDiagnosisType
Id: C4BBClaimProfessionalAndNonClinicianDiagnosisType
Title: "C4BB Claim Professional And Non Clinician Diagnosis Type"
Description: "Diagnosis types on a professional claim."
* insert C4BB(ValueSet, C4BBClaimProfessionalAndNonClinicianDiagnosisType)
* http://terminology.hl7.org/CodeSystem/ex-diagnosistype#principal
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType#secondary

ValueSet: C4BBEOBInstitutionalProcedureCodes
Id: C4BBEOBInstitutionalProcedureCodes
Title: "Procedure Codes - AMA CPT - CMS HCPCS - CMS HIPPS"
Description: "CPT, HCPCS, HIPPS or not-applicable (external: not checked)."
* insert C4BB(ValueSet, C4BBEOBInstitutionalProcedureCodes)
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets
* include codes from system https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/ProspMedicareFeeSvcPmtGen/HIPPSCodes
* http://terminology.hl7.org/CodeSystem/data-absent-reason#not-applicable

ValueSet: C4BBInstitutionalClaimSubType
Id: C4BBInstitutionalClaimSubType
Title: "C4BB Institutional Claim SubType"
Description: "Inpatient or outpatient."
* insert C4BB(ValueSet, C4BBInstitutionalClaimSubType)
* include codes from system http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType

ValueSet: C4BBOrganizationIdentifierType
Id: C4BBOrganizationIdentifierType
Title: "C4BB Organization Identifier Type"
Description: "Identifier types of an organization."
* insert C4BB(ValueSet, C4BBOrganizationIdentifierType)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType#npi
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType#payerid
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType#naiccode
* include codes from system http://terminology.hl7.org/CodeSystem/v2-0203

ValueSet: C4BBPatientIdentifierType
Id: C4BBPatientIdentifierType
Title: "C4BB Patient Identifier Type"
Description: "Identifier types of a patient."
* insert C4BB(ValueSet, C4BBPatientIdentifierType)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType#um
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType#pat
* http://terminology.hl7.org/CodeSystem/v2-0203#MB
* http://terminology.hl7.org/CodeSystem/v2-0203#MR

ValueSet: C4BBPayeeType
Id: C4BBPayeeType
Title: "C4BB Payee Type"
Description: "Who is paid."
* insert C4BB(ValueSet, C4BBPayeeType)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayeeType#beneficiary
* http://terminology.hl7.org/CodeSystem/payeetype#subscriber
* http://terminology.hl7.org/CodeSystem/payeetype#provider
* http://terminology.hl7.org/CodeSystem/payeetype#other

ValueSet: C4BBPayerBenefitPaymentStatus
Id: C4BBPayerBenefitPaymentStatus
Title: "C4BB Payer Benefit Payment Status"
Description: "Network status of a payment."
* insert C4BB(ValueSet, C4BBPayerBenefitPaymentStatus)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#innetwork
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#outofnetwork
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#other

ValueSet: C4BBPayerClaimPaymentStatusCode
Id: C4BBPayerClaimPaymentStatusCode
Title: "C4BB Payer Claim Payment Status Code"
Description: "Payment status of a claim."
* insert C4BB(ValueSet, C4BBPayerClaimPaymentStatusCode)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#paid
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#denied
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#partiallypaid

ValueSet: C4BBPayerProviderContractingStatus
Id: C4BBPayerProviderContractingStatus
Title: "C4BB Payer Provider Contracting Status"
Description: "Whether the provider was contracted."
* insert C4BB(ValueSet, C4BBPayerProviderContractingStatus)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#contracted
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus#noncontracted

ValueSet: C4BBPractitionerIdentifierType
Id: C4BBPractitionerIdentifierType
Title: "C4BB Practitioner Identifier Type"
Description: "Identifier types of a practitioner."
* insert C4BB(ValueSet, C4BBPractitionerIdentifierType)
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType#npi
* include codes from system http://terminology.hl7.org/CodeSystem/v2-0203

ValueSet: C4BBRelatedClaimRelationshipCodes
Id: C4BBRelatedClaimRelationshipCodes
Title: "C4BB Related Claim Relationship Codes"
Description: "How claims relate."
* insert C4BB(ValueSet, C4BBRelatedClaimRelationshipCodes)
* http://terminology.hl7.org/CodeSystem/ex-relatedclaimrelationship#prior
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBRelatedClaimRelationshipCodes#replacedby

ValueSet: C4BBSupportingInfoType
Id: C4BBSupportingInfoType
Title: "C4BB SupportingInfo Type"
Description: "Kinds of supporting information."
* insert C4BB(ValueSet, C4BBSupportingInfoType)
* include codes from system http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType

ValueSet: C4BBTotalCategoryDiscriminator
Id: C4BBTotalCategoryDiscriminator
Title: "C4BB Total Category Discriminator"
Description: "Categories allowed on a total."
* insert C4BB(ValueSet, C4BBTotalCategoryDiscriminator)
* include codes from valueset http://hl7.org/fhir/us/carin-bb/ValueSet/C4BBAdjudication
* include codes from valueset http://hl7.org/fhir/us/carin-bb/ValueSet/C4BBPayerBenefitPaymentStatus

ValueSet: CDCICD910CMDiagnosisCodes
Id: CDCICD910CMDiagnosisCodes
Title: "Diagnosis Codes - International Classification of Diseases, Clinical Modification (ICD-9-CM, ICD-10-CM)"
Description: "ICD-9-CM and ICD-10-CM diagnoses (external: not checked)."
* insert C4BB(ValueSet, CDCICD910CMDiagnosisCodes)
* include codes from system http://hl7.org/fhir/sid/icd-10-cm
* include codes from system http://terminology.hl7.org/CodeSystem/icd9

ValueSet: CMSICD910PCSProcedureCodes
Id: CMSICD910PCSProcedureCodes
Title: "Procedure Codes - International Classification of Diseases, Ninth Revision, Clinical Modification (ICD-9-CM) - ICD-10 Procedure Coding System"
Description: "ICD-10-PCS and ICD-9-CM procedures (external: not checked)."
* insert C4BB(ValueSet, CMSICD910PCSProcedureCodes)
* include codes from system http://www.cms.gov/Medicare/Coding/ICD10
* include codes from system http://www.cms.gov/Medicare/Coding/ICD9

ValueSet: CMSMS3MAPAPRDRG
Id: CMSMS3MAPAPRDRG
Title: "MS-DRGs - AP-DRGs - APR-DRGs"
Description: "Diagnosis related groups (external: not checked)."
* insert C4BB(ValueSet, CMSMS3MAPAPRDRG)
* include codes from system https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software
* include codes from system http://uri.hddaccess.com/cs/apdrg
* include codes from system http://uri.hddaccess.com/cs/aprdrg

ValueSet: CMSPlaceofServiceCodes
Id: CMSPlaceofServiceCodes
Title: "CMS Place of Service Codes (POS)"
Description: "CMS place of service (external: not checked)."
* insert C4BB(ValueSet, CMSPlaceofServiceCodes)
* include codes from system https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set

ValueSet: FDANDCOrCompound
Id: FDANDCOrCompound
Title: "NDC or Compound"
Description: "An NDC or the literal compound (NDC external: not checked)."
* insert C4BB(ValueSet, FDANDCOrCompound)
* include codes from system http://hl7.org/fhir/sid/ndc
* http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBCompoundLiteral#compound

ValueSet: C4BBFDANationalDrugCode
Id: carin-bb-FDANationalDrugCode
Title: "National Drug Code (NDC)"
Description: "NDC codes (external: not checked)."
* insert C4BB(ValueSet, FDANationalDrugCode)
// The id and name FDANationalDrugCode are taken in this package by another IG's value set (SUSHI keeps one
// resource per name); the canonical url is the published one.
* include codes from system http://hl7.org/fhir/sid/ndc

ValueSet: NCPDPBrandGenericIndicator
Id: NCPDPBrandGenericIndicator
Title: "NCPDP Brand Generic Indicator"
Description: "External: not checked."
* insert C4BB(ValueSet, NCPDPBrandGenericIndicator)
* include codes from system http://terminology.hl7.org/CodeSystem/NCPDPBrandGenericIndicator

ValueSet: NCPDPCompoundCode
Id: NCPDPCompoundCode
Title: "NCPDP Compound Code"
Description: "External: not checked."
* insert C4BB(ValueSet, NCPDPCompoundCode)
* include codes from system http://terminology.hl7.org/CodeSystem/NCPDPCompoundCode

ValueSet: NCPDPDispensedAsWrittenOrProductSelectionCode
Id: NCPDPDispensedAsWrittenOrProductSelectionCode
Title: "NCPDP Dispense As Written (DAW)/Product Selection Code"
Description: "External: not checked."
* insert C4BB(ValueSet, NCPDPDispensedAsWrittenOrProductSelectionCode)
* include codes from system http://terminology.hl7.org/CodeSystem/NCPDPDispensedAsWrittenOrProductSelectionCode

ValueSet: NCPDPPrescriptionOriginCode
Id: NCPDPPrescriptionOriginCode
Title: "NCPDP Prescription Origin Code"
Description: "External: not checked."
* insert C4BB(ValueSet, NCPDPPrescriptionOriginCode)
* include codes from system http://terminology.hl7.org/CodeSystem/NCPDPPrescriptionOriginCode

ValueSet: NCPDPRejectCode
Id: NCPDPRejectCode
Title: "NCPDP Reject Code"
Description: "External: not checked."
* insert C4BB(ValueSet, NCPDPRejectCode)
* include codes from system http://terminology.hl7.org/CodeSystem/NCPDPRejectCode

ValueSet: C4BBX12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes
Id: carin-bb-X12CARC-RARC
Title: "X12 Claim Adjustment Reason Codes - Remittance Advice Remark Codes"
Description: "X12 CARC and RARC (proprietary: not checked)."
* insert C4BB(ValueSet, X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes)
// The id and name X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes are taken in this package by another IG's value set (SUSHI keeps one
// resource per name); the canonical url is the published one.
* include codes from system https://x12.org/codes/claim-adjustment-reason-codes
* include codes from system https://x12.org/codes/remittance-advice-remark-codes

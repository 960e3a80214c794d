// CARIN Blue Button 1.1.0 ExplanationOfBenefit profiles: Inpatient and Outpatient Institutional,
// Pharmacy, Professional/NonClinician. Repeated structures are RuleSets below.

Alias: $c4bb-sit = http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType
Alias: $c4bb-adj-disc = http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudicationDiscriminator
Alias: $claim-type = http://terminology.hl7.org/CodeSystem/claim-type

RuleSet: SupportedProfile(canonical)
* meta.profile[supportedProfile] = "{canonical}|1.1.0"

RuleSet: SupportingInfoSlicing
* supportingInfo ^slicing.discriminator.type = #pattern
* supportingInfo ^slicing.discriminator.path = "category"
* supportingInfo ^slicing.rules = #open

// A supportingInfo slice carrying a required code.
RuleSet: SupportingInfoCode(slice, category, valueSet)
* supportingInfo[{slice}].category MS
* supportingInfo[{slice}].category = $c4bb-sit#{category}
* supportingInfo[{slice}].code 1..1 MS
* supportingInfo[{slice}].code from {valueSet} (required)

RuleSet: SupportingInfoReceivedDate
* supportingInfo[clmrecvddate].category MS
* supportingInfo[clmrecvddate].category = $c4bb-sit#clmrecvddate
* supportingInfo[clmrecvddate].timing[x] only date
* supportingInfo[clmrecvddate].timing[x] 1..1 MS

RuleSet: SupportingInfoString(slice)
* supportingInfo[{slice}].category = $c4bb-sit#{slice}
* supportingInfo[{slice}].valueString 1..1 MS
* supportingInfo[{slice}].value[x] only string

RuleSet: AdjudicationSlicing(path)
* {path} MS
* {path} ^slicing.discriminator.type = #pattern
* {path} ^slicing.discriminator.path = "category"
* {path} ^slicing.rules = #closed
* {path}.category from C4BBAdjudicationCategoryDiscriminator (required)

RuleSet: AdjudicationAmountType(path, card)
* {path} contains adjudicationamounttype {card} MS
* {path}[adjudicationamounttype].category from C4BBAdjudication (required)
* {path}[adjudicationamounttype].amount 1..1 MS

RuleSet: AdjudicationDenialReason(path, card, valueSet)
* {path} contains denialreason {card} MS
* {path}[denialreason].category = $c4bb-adj-disc#denialreason
* {path}[denialreason].reason 1..1 MS
* {path}[denialreason].reason from {valueSet} (required)

RuleSet: TotalSlices
* total ^slicing.discriminator.type = #pattern
* total ^slicing.discriminator.path = "category"
* total ^slicing.rules = #open
* total.category MS
* total contains adjudicationamounttype 1..* MS and benefitpaymentstatus 1..1 MS
* total[adjudicationamounttype].category from C4BBAdjudication (required)
* total[adjudicationamounttype].amount MS
* total[benefitpaymentstatus].category from C4BBPayerBenefitPaymentStatus (required)

RuleSet: InstitutionalCommon
* obeys EOB-inst-pointoforigin and EOB-institutional-item-or-header-adjudication
* type = $claim-type#institutional
* subType 1..1 MS
* subType from C4BBInstitutionalClaimSubType (required)
* created MS
* provider only Reference(C4BBOrganization)
* careTeam obeys EOB-inst-careTeam-practitioner and EOB-inst-careTeam-organization
* careTeam.role 1..1
* careTeam.role from C4BBClaimInstitutionalCareTeamRole (required)
* insert SupportingInfoSlicing
* diagnosis.diagnosis[x] MS
* diagnosis.diagnosis[x] only CodeableConcept
* diagnosis.diagnosis[x] from CDCICD910CMDiagnosisCodes (required)
* diagnosis.type 1..1 MS
* item.revenue MS
* item.revenue from http://hl7.org/fhir/us/carin-bb/ValueSet/AHANUBCRevenueCodes (required)
* item.productOrService MS
* item.productOrService from C4BBEOBInstitutionalProcedureCodes (required)
* item.modifier MS
* item.modifier from AMACPTCMSHCPCSModifiers (required)
* item.quantity MS
* insert AdjudicationSlicing(item.adjudication)
* item.adjudication obeys adjudication-has-amount-type-slice
* insert AdjudicationAmountType(item.adjudication, 0..*)
* insert AdjudicationDenialReason(item.adjudication, 0..*, http://hl7.org/fhir/us/carin-bb/ValueSet/X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes)
* item.adjudication contains allowedunits 0..1 MS
* item.adjudication[allowedunits].category = $c4bb-adj-disc#allowedunits
* item.adjudication[allowedunits].value 1..1 MS
* insert AdjudicationSlicing(adjudication)
* adjudication.category MS
* adjudication obeys adjudication-has-amount-type-slice
* adjudication contains adjudicationamounttype 0..* MS
* adjudication[adjudicationamounttype].category from C4BBAdjudication (required)
* adjudication[adjudicationamounttype].amount 1..1
* insert AdjudicationDenialReason(adjudication, 0..*, http://hl7.org/fhir/us/carin-bb/ValueSet/X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes)
* total 2..*
* total.category from C4BBTotalCategoryDiscriminator (extensible)
* insert TotalSlices
* payment.date MS
* processNote.text MS

RuleSet: InstitutionalSupportingInfo
* insert SupportingInfoCode(billingnetworkcontractingstatus, billingnetworkcontractingstatus, C4BBPayerProviderContractingStatus)
* insert SupportingInfoReceivedDate
* insert SupportingInfoCode(typeofbill, typeofbill, AHANUBCTypeOfBill)
* insert SupportingInfoCode(pointoforigin, pointoforigin, AHANUBCPointOfOriginForAdmissionOrVisit)
* insert SupportingInfoCode(admtype, admtype, AHANUBCPriorityTypeOfAdmissionOrVisit)
* insert SupportingInfoCode(discharge-status, discharge-status, AHANUBCPatientDischargeStatus)
* insert SupportingInfoString(medicalrecordnumber)
* insert SupportingInfoString(patientaccountnumber)

Invariant: EOB-inst-pointoforigin
Description: "Where Admission Type and Point of Origin slices exist, if Type of Admission code is Newborn, Point of Origin must be from Point of Origin - Newborn CodeSystem  or Type of Admission is not Newborn and Point of Origin must be from Point of Origin Nonnewborn CodeSystem."
Expression: "(supportingInfo.where(code.coding.system = 'https://www.nubc.org/CodeSystem/PriorityTypeOfAdmitOrVisit' and code.coding.code = '4').exists() and supportingInfo.where(code.coding.system='AHANUBCPointOfOriginForAdmissionOrVisitNonnewborn').exists()).not() and (supportingInfo.where(code.coding.system = 'https://www.nubc.org/CodeSystem/PriorityTypeOfAdmitOrVisit' and code.coding.code != '4').exists() and supportingInfo.where(code.coding.system = 'https://www.nubc.org/CodeSystem/PointOfOriginNewborn').exists() ).not()"
Severity: #error

Invariant: EOB-institutional-item-or-header-adjudication
Description: "Institutional EOB:  Should have adjudication at the item or header level, but not both"
Expression: "(adjudication.exists() != item.adjudication.exists())"
Severity: #error

Invariant: EOB-inst-careTeam-practitioner
Description: "Institutional EOB: Careteam roles refer to a practitioner"
Expression: "( role.where(coding.where(code in ('attending' | 'primary' | 'referring' | 'supervising')).exists()).exists() implies role.where(coding.where(code in ('attending' | 'primary' | 'referring' | 'supervising')).exists()).exists().provider.all(resolve() is Practitioner) )"
Severity: #error

Invariant: EOB-inst-careTeam-organization
Description: "Institutional EOB:  Careteam roles refer to an organization"
Expression: "( role.where(coding.where(code in ('performing' )).exists()).exists() implies role.where(coding.where(code in ('performing' )).exists()).exists().provider.all(resolve() is Organization) )"
Severity: #error

Invariant: EOB-careteam-qualification
Description: "Care Team Performing physician's qualifications are from US-Core-Provider-Specialty Value Set"
Expression: "( role.where(coding.where(code in ('performing' )).exists()).exists() implies role.where(coding.where(code in ('performing' )).exists()).exists().qualification.memberOf('http://hl7.org/fhir/us/core/ValueSet/us-core-provider-specialty') )"
Severity: #error

Invariant: EOB-out-inst-item-productorservice
Description: "Outpatient Institutional EOB:  Item productOrService required. Data absent reason of Not Applicable is not allowed."
Expression: "coding.where(code = 'not-applicable' and system = 'http://terminology.hl7.org/CodeSystem/data-absent-reason').exists().not()"
Severity: #error

Invariant: adjudication-has-amount-type-slice
Description: "If Adjudication is present, it must have at least one adjudicationamounttype slice"
Expression: "(exists() implies where(category.memberOf('http://hl7.org/fhir/us/carin-bb/ValueSet/C4BBAdjudication')).exists())"
Severity: #error

Invariant: EOB-pharm-careTeam-practitioner
Description: "Pharmacy EOB:  Careteam roles refer to a practitioner"
Expression: "( role.where(coding.where(code in ('primary' | 'prescribing' )).exists()).exists() implies role.where(coding.where(code in ('primary' | 'prescribing' )).exists()).exists().provider.all(resolve() is Organization) )"
Severity: #error

Invariant: EOB-pharm-careTeam-organization
Description: "Pharmacy EOB:  Careteam roles refer to an organization"
Expression: "( role.where(coding.where(code in ('performing' )).exists()).exists() implies role.where(coding.where(code in ('performing' )).exists()).exists().provider.all(resolve() is Organization) )"
Severity: #error

Invariant: EOB-prof-careTeam-practitioner
Description: "Professional EOB:  Careteam roles refer to a practitioner"
Expression: "( role.where(coding.where(code in ('performing' | 'primary' | 'referring' | 'supervising')).exists()).exists() implies role.where(coding.where(code in ('performing' | 'primary' | 'referring' | 'supervising' )).exists()).exists().provider.all(resolve() is Practitioner) )"
Severity: #error

Invariant: EOB-prof-careTeam-organization
Description: "Professional EOB:  Careteam roles refer to an organization"
Expression: "( role.where(coding.where(code in ('site')).exists()).exists() implies role.where(coding.where(code in ('site' )).exists()).exists().provider.all(resolve() is Organization) )"
Severity: #error

Profile: C4BBExplanationOfBenefitInpatientInstitutional
Parent: C4BBExplanationOfBenefit
Id: C4BB-ExplanationOfBenefit-Inpatient-Institutional
Title: "C4BB ExplanationOfBenefit Inpatient Institutional"
Description: "An adjudicated inpatient facility claim (UB-04 / 837I) (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-ExplanationOfBenefit-Inpatient-Institutional)
* ^abstract = false
* insert SupportedProfile(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Inpatient-Institutional)
* insert InstitutionalCommon
* subType = http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType#inpatient
* billablePeriod 1..1
* billablePeriod.start MS
* billablePeriod.end MS
* supportingInfo 1..*
* supportingInfo contains billingnetworkcontractingstatus 0..1 MS and admissionperiod 1..1 MS and clmrecvddate 0..1 MS and typeofbill 0..1 MS and pointoforigin 0..1 MS and admtype 0..1 MS and discharge-status 0..1 MS and drg 0..1 MS and medicalrecordnumber 0..1 MS and patientaccountnumber 0..1 MS
* supportingInfo[admissionperiod].category MS
* supportingInfo[admissionperiod].category = $c4bb-sit#admissionperiod
* supportingInfo[admissionperiod].timingPeriod 1..1 MS
* supportingInfo[admissionperiod].timing[x] only Period
* insert InstitutionalSupportingInfo
* supportingInfo[drg].category MS
* supportingInfo[drg].category = $c4bb-sit#drg
* supportingInfo[drg].code 1..1 MS
* supportingInfo[drg].code from CMSMS3MAPAPRDRG (extensible)
* diagnosis 1..* MS
* diagnosis.type from C4BBClaimInpatientInstitutionalDiagnosisType (required)
* diagnosis.onAdmission MS
* diagnosis.onAdmission from AHANUBCPresentOnAdmission (required)
* procedure MS
* procedure.type 1..1 MS
* procedure.type from C4BBClaimProcedureType (required)
* procedure.date MS
* procedure.procedure[x] MS
* procedure.procedure[x] only CodeableConcept
* procedure.procedure[x] from CMSICD910PCSProcedureCodes (required)
* item.revenue 1..1

Profile: C4BBExplanationOfBenefitOutpatientInstitutional
Parent: C4BBExplanationOfBenefit
Id: C4BB-ExplanationOfBenefit-Outpatient-Institutional
Title: "C4BB ExplanationOfBenefit Outpatient Institutional"
Description: "An adjudicated outpatient facility claim (UB-04 / 837I) (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-ExplanationOfBenefit-Outpatient-Institutional)
* ^abstract = false
* insert SupportedProfile(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Outpatient-Institutional)
* insert InstitutionalCommon
* subType = http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType#outpatient
* careTeam obeys EOB-careteam-qualification
* careTeam.qualification from http://hl7.org/fhir/us/core/ValueSet/us-core-provider-specialty (required)
* supportingInfo contains billingnetworkcontractingstatus 0..1 MS and clmrecvddate 0..1 MS and typeofbill 0..1 MS and pointoforigin 0..1 MS and admtype 0..1 MS and discharge-status 0..1 MS and medicalrecordnumber 0..1 MS and patientaccountnumber 0..1 MS
* insert InstitutionalSupportingInfo
* diagnosis 1..*
* diagnosis.type from C4BBClaimOutpatientInstitutionalDiagnosisType (required)
* item.productOrService obeys EOB-out-inst-item-productorservice
* adjudication[adjudicationamounttype].amount MS
* item.servicedDate MS
* item.serviced[x] only date

Profile: C4BBExplanationOfBenefitPharmacy
Parent: C4BBExplanationOfBenefit
Id: C4BB-ExplanationOfBenefit-Pharmacy
Title: "C4BB ExplanationOfBenefit Pharmacy"
Description: "An adjudicated pharmacy claim (NCPDP) (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-ExplanationOfBenefit-Pharmacy)
* ^abstract = false
* insert SupportedProfile(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy)
* type = $claim-type#pharmacy
* created MS
* careTeam obeys EOB-pharm-careTeam-practitioner and EOB-pharm-careTeam-organization
* careTeam.role 1..1
* careTeam.role from C4BBClaimPharmacyTeamRole (required)
* insert SupportingInfoSlicing
* supportingInfo 3..*
* supportingInfo contains dayssupply 1..1 MS and dawcode 1..1 MS and refillNum 1..1 MS and billingnetworkcontractingstatus 0..1 MS and brandgenericindicator 0..1 MS and rxoriginCode 0..1 MS and clmrecvddate 0..1 MS and compoundcode 0..1 MS
* supportingInfo[dayssupply].category MS
* supportingInfo[dayssupply].category = $c4bb-sit#dayssupply
* supportingInfo[dayssupply].value[x] only Quantity
* supportingInfo[dayssupply].value[x] 1..1 MS
* insert SupportingInfoCode(dawcode, dawcode, NCPDPDispensedAsWrittenOrProductSelectionCode)
* supportingInfo[refillNum].category MS
* supportingInfo[refillNum].category = $c4bb-sit#refillnum
* supportingInfo[refillNum].value[x] only Quantity
* supportingInfo[refillNum].value[x] 1..1 MS
* insert SupportingInfoCode(billingnetworkcontractingstatus, billingnetworkcontractingstatus, C4BBPayerProviderContractingStatus)
* insert SupportingInfoCode(brandgenericindicator, brandgenericindicator, NCPDPBrandGenericIndicator)
* insert SupportingInfoCode(rxoriginCode, rxorigincode, NCPDPPrescriptionOriginCode)
* insert SupportingInfoReceivedDate
* insert SupportingInfoCode(compoundcode, compoundcode, NCPDPCompoundCode)
* item.productOrService MS
* item.productOrService from FDANDCOrCompound (required)
* item.serviced[x] MS
* item.quantity MS
* item.adjudication 1..*
* insert AdjudicationSlicing(item.adjudication)
* insert AdjudicationAmountType(item.adjudication, 1..*)
* insert AdjudicationDenialReason(item.adjudication, 0..1, NCPDPRejectCode)
* item.detail MS
* item.detail.productOrService MS
* item.detail.productOrService from http://hl7.org/fhir/us/carin-bb/ValueSet/FDANationalDrugCode (required)
* item.detail.quantity MS
* adjudication 0..1
* total 2..*
* total.category from C4BBTotalCategoryDiscriminator (extensible)
* insert TotalSlices
* total[benefitpaymentstatus].amount MS
// After the slices' own rules, so that SUSHI states the slices' mustSupport as the published profile does.
* total.amount MS
* payment.date MS
* processNote.text MS

Profile: C4BBExplanationOfBenefitProfessionalNonClinician
Parent: C4BBExplanationOfBenefit
Id: C4BB-ExplanationOfBenefit-Professional-NonClinician
Title: "C4BB ExplanationOfBenefit Professional NonClinician"
Description: "An adjudicated professional or non-clinician claim (CMS-1500 / 837P) (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-ExplanationOfBenefit-Professional-NonClinician)
* ^abstract = false
* insert SupportedProfile(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Professional-NonClinician)
* type = $claim-type#professional
* careTeam obeys EOB-prof-careTeam-practitioner and EOB-prof-careTeam-organization
* careTeam.role 1..1
* careTeam.role from C4BBClaimProfessionalAndNonClinicianCareTeamRole (required)
* careTeam.qualification MS
* careTeam.qualification from http://hl7.org/fhir/us/core/ValueSet/us-core-provider-specialty (required)
* insert SupportingInfoSlicing
* supportingInfo contains billingnetworkcontractingstatus 0..1 MS and performingnetworkcontractingstatus 0..1 MS and clmrecvddate 0..1 MS and servicefacility 0..1 MS and medicalrecordnumber 0..1 MS and patientaccountnumber 0..1 MS
* insert SupportingInfoCode(billingnetworkcontractingstatus, billingnetworkcontractingstatus, C4BBPayerProviderContractingStatus)
* insert SupportingInfoCode(performingnetworkcontractingstatus, performingnetworkcontractingstatus, C4BBPayerProviderContractingStatus)
* insert SupportingInfoReceivedDate
* supportingInfo[servicefacility].category MS
* supportingInfo[servicefacility].category = $c4bb-sit#servicefacility
* supportingInfo[servicefacility].valueReference 1..1 MS
* supportingInfo[servicefacility].valueReference only Reference(C4BBOrganization)
* insert SupportingInfoString(medicalrecordnumber)
* insert SupportingInfoString(patientaccountnumber)
* diagnosis 1..* MS
* diagnosis.diagnosis[x] MS
* diagnosis.diagnosis[x] only CodeableConcept
* diagnosis.diagnosis[x] from CDCICD910CMDiagnosisCodes (required)
* diagnosis.type 1..1 MS
* diagnosis.type from C4BBClaimProfessionalAndNonClinicianDiagnosisType (required)
* item.productOrService MS
* item.productOrService from AMACPTCMSHCPCSProcedureCodes (required)
* item.modifier MS
* item.modifier from AMACPTCMSHCPCSModifiers (required)
* item.location[x] only CodeableConcept
* item.location[x] from CMSPlaceofServiceCodes (required)
* item.adjudication 2..*
* insert AdjudicationSlicing(item.adjudication)
* insert AdjudicationAmountType(item.adjudication, 1..*)
* insert AdjudicationDenialReason(item.adjudication, 0..1, http://hl7.org/fhir/us/carin-bb/ValueSet/X12ClaimAdjustmentReasonCodesCMSRemittanceAdviceRemarkCodes)
* item.adjudication contains benefitpaymentstatus 1..1 MS and allowedunits 0..1 MS
* item.adjudication[benefitpaymentstatus].category from C4BBPayerBenefitPaymentStatus (required)
* item.adjudication[allowedunits].category = $c4bb-adj-disc#allowedunits
* adjudication 0..1
* total ^slicing.discriminator.type = #pattern
* total ^slicing.discriminator.path = "category"
* total ^slicing.rules = #open
* total.category MS
* total.category from C4BBAdjudication (extensible)
* total contains adjudicationamounttype 1..* MS
* total[adjudicationamounttype].category from C4BBAdjudication (required)

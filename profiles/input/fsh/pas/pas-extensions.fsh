// The Da Vinci PAS 2.0.1 extensions (and the two small profiles they point at) that the PDex 2.0.0
// Prior Authorization profile uses on ExplanationOfBenefit.item. X12 value sets are proprietary and
// never published as FHIR: bindings to them are kept (as published) and are "not checked" locally.

Extension: ItemTraceNumber
Id: extension-itemTraceNumber
Description: "Uniquely identifies this claim item (2000F TRN)."
* insert PAS(StructureDefinition, extension-itemTraceNumber)
* insert Context(Claim.item)
* insert Context(ClaimResponse.item)
* insert Context(Examples.item)
* value[x] only PASIdentifier

Extension: ItemPreAuthIssueDate
Id: extension-itemPreAuthIssueDate
Description: "The date when this item's preauthorization was issued."
* insert PAS(StructureDefinition, extension-itemPreAuthIssueDate)
* insert Context(ClaimResponse.item)
* value[x] only date

Extension: ItemPreAuthPeriod
Id: extension-itemPreAuthPeriod
Description: "The period during which this item's preauthorization is effective."
* insert PAS(StructureDefinition, extension-itemPreAuthPeriod)
* insert Context(ClaimResponse.item)
* value[x] only Period

Extension: AuthorizationNumber
Id: extension-authorizationNumber
Description: "A prior authorization number for this item."
* insert PAS(StructureDefinition, extension-authorizationNumber)
* insert Context(Claim.item)
* insert Context(ClaimResponse.item)
* insert Context(Examples.item)
* value[x] only string

Extension: AdministrationReferenceNumber
Id: extension-administrationReferenceNumber
Description: "The payer's administrative reference number for this item."
* insert PAS(StructureDefinition, extension-administrationReferenceNumber)
* insert Context(Claim.item)
* insert Context(ClaimResponse)
* value[x] only string

Extension: ItemAuthorizedDetail
Id: extension-itemAuthorizedDetail
Description: "What was authorized when it differs from what was requested."
* insert PAS(StructureDefinition, extension-itemAuthorizedDetail)
* insert Context(ClaimResponse.item)
* extension contains
    productOrServiceCode 0..1 and
    ProductOrServiceCodeEnd named productOrServiceCodeEnd 0..1 and
    modifier 0..* and
    unitPrice 0..1 and
    quantity 0..1 and
    EPSDTIndicator named epsdtIndicator 0..1 and
    NursingHomeLevelOfCare named nursingHomeLevelOfCare 0..1 and
    revenue 0..1 and
    RevenueUnitRateLimit named revenueUnitRateLimit 0..1 and
    RequestedService named authorizedService 0..1
* extension[productOrServiceCode].value[x] only CodeableConcept
* extension[productOrServiceCode].value[x] from X12278RequestedServiceType (required)
* extension[modifier].value[x] only CodeableConcept
* extension[modifier].value[x] from X12278RequestedServiceModifierType (required)
* extension[unitPrice].value[x] only Money
* extension[quantity].value[x] only SimpleQuantity
* extension[revenue].value[x] only CodeableConcept
* extension[revenue].value[x] from AHANUBCRevenueCodes (required)
* value[x] 0..0

Extension: ItemAuthorizedProvider
Id: extension-itemAuthorizedProvider
Description: "The provider authorized to perform this item when it differs from the requester."
* insert PAS(StructureDefinition, extension-itemAuthorizedProvider)
* insert Context(ClaimResponse.item)
* extension contains provider 0..1 and providerType 0..1
* extension[provider].value[x] only Reference(PASPractitioner or PASOrganization)
* extension[providerType].value[x] only CodeableConcept
* extension[providerType].value[x] from https://valueset.x12.org/x217/005010/response/2010EA/NM1/1/01/00/98 (required)
* value[x] 0..0

Extension: ProductOrServiceCodeEnd
Id: extension-productOrServiceCodeEnd
Description: "The end of a range of product or service codes."
* insert PAS(StructureDefinition, extension-productOrServiceCodeEnd)
* insert Context(Claim.item)
* insert Context(ClaimResponse)
* value[x] only CodeableConcept
* value[x] from X12278RequestedServiceType (required)

Extension: EPSDTIndicator
Id: extension-epsdtIndicator
Description: "Whether the service is an Early & Periodic Screening, Diagnosis and Treatment service."
* insert PAS(StructureDefinition, extension-epsdtIndicator)
* insert Context(Claim.item)
* insert Context(ClaimResponse)
* value[x] only boolean

Extension: NursingHomeLevelOfCare
Id: extension-nursingHomeLevelOfCare
Description: "The level of care in a nursing home (X12 code list 1337)."
* insert PAS(StructureDefinition, extension-nursingHomeLevelOfCare)
* insert Context(Claim.item)
* insert Context(ClaimResponse)
* value[x] only CodeableConcept
* value[x] from https://valueset.x12.org/x217/005010/request/2000F/SV1/1/20/00/1337 (required)

Extension: RevenueUnitRateLimit
Id: extension-revenueUnitRateLimit
Description: "The limit on the rate per unit of revenue for hospital accomodation."
* insert PAS(StructureDefinition, extension-revenueUnitRateLimit)
* insert Context(Claim.item)
* insert Context(ClaimResponse)
* value[x] only decimal

Extension: RequestedService
Id: extension-requestedService
Description: "The details of the service being requested or authorized (a PAS request resource)."
* insert PAS(StructureDefinition, extension-requestedService)
* insert Context(Claim.item)
* insert Context(ClaimResponse.item)
* value[x] only Reference
// The PAS request profiles are not part of this package; the canonicals are kept as published.
* value[x] ^type[0].targetProfile[0] = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-medicationrequest"
* value[x] ^type[0].targetProfile[1] = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-servicerequest"
* value[x] ^type[0].targetProfile[2] = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-devicerequest"
* value[x] ^type[0].targetProfile[3] = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-nutritionorder"

Extension: IdentifierSubDepartment
Id: extension-identifierSubDepartment
Description: "The sub-department of the assigning organization."
* insert PAS(StructureDefinition, extension-identifierSubDepartment)
* insert Context(Identifier)
* value[x] only string

Extension: IdentifierJurisdiction
Id: extension-identifierJurisdiction
Description: "The state that issued the identifier."
* insert PAS(StructureDefinition, extension-identifierJurisdiction)
* insert Context(Identifier)
* value[x] only CodeableConcept
* value[x] from http://hl7.org/fhir/us/core/ValueSet/us-core-usps-state (required)

Profile: PASIdentifier
Parent: Identifier
Id: profile-identifier
Title: "PAS Identifier"
Description: "An identifier with the X12 sub-department and jurisdiction extensions."
* insert PAS(StructureDefinition, profile-identifier)
* extension contains IdentifierSubDepartment named subDepartment 0..1 MS and IdentifierJurisdiction named jurisdiction 0..1 MS

Profile: PASPractitioner
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner
Id: profile-practitioner
Title: "PAS Practitioner"
Description: "US Core Practitioner with PAS identifiers, telecom and address."
* insert PAS(StructureDefinition, profile-practitioner)
* identifier only PASIdentifier
* identifier[NPI] only PASIdentifier
* telecom MS
* address MS

Profile: PASOrganization
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization
Id: profile-organization
Title: "PAS Organization Base Profile"
Description: "US Core Organization with PAS identifiers and a TIN slice."
* insert PAS(StructureDefinition, profile-organization)
* ^abstract = true
* identifier only PASIdentifier
* identifier[NPI] only PASIdentifier
* identifier[CLIA] only PASIdentifier
* identifier contains TIN 0..1 MS
* identifier[TIN] ^patternIdentifier.system = "http://terminology.hl7.org/NamingSystem/USEIN"
* identifier[TIN].system 1..1

ValueSet: X12278RequestedServiceType
Id: X12278RequestedServiceType
Title: "X12 278 Requested Service Type"
Description: "Codes for a requested service: X12 service types, CPT, HCPCS, ICD-9-CM/ICD-10-PCS procedures, NDC, or not-applicable. All but 'not-applicable' are external code systems: not checked locally."
* insert PAS(ValueSet, X12278RequestedServiceType)
* http://terminology.hl7.org/CodeSystem/data-absent-reason#not-applicable
* include codes from system https://codesystem.x12.org/005010/1365
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets
* include codes from system http://terminology.hl7.org/CodeSystem/icd9cm
* include codes from system http://www.cms.gov/Medicare/Coding/ICD10
* include codes from system http://hl7.org/fhir/sid/ndc

ValueSet: X12278RequestedServiceModifierType
Id: X12278RequestedServiceModifierType
Title: "X12 278 Requested Service Modifier Type"
Description: "CPT and HCPCS modifiers (external code systems: not checked locally)."
* insert PAS(ValueSet, X12278RequestedServiceModifierType)
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets

ValueSet: AHANUBCRevenueCodes
Id: AHANUBCRevenueCodes
Title: "AHA NUBC Revenue Value Set"
Description: "NUBC revenue codes (external code system: not checked locally)."
* insert PAS(ValueSet, AHANUBCRevenueCodes)
* include codes from system https://www.nubc.org/revenue-code

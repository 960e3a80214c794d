// CARIN Blue Button 1.1.0: Coverage, Organization, Patient, Practitioner and the abstract-ish
// base ExplanationOfBenefit every CARIN EOB profile derives from.

Alias: $c4bb-identifier = http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType
Alias: $c4bb-vs = http://hl7.org/fhir/us/carin-bb/ValueSet

// CARIN requires meta.lastUpdated and the profile's own versioned canonical in meta.profile.
RuleSet: C4BBMeta(canonical)
* meta 1..1 MS
* meta.lastUpdated 1..1 MS
* meta.profile 1..*
* meta.profile ^slicing.discriminator.type = #pattern
* meta.profile ^slicing.discriminator.path = "$this"
* meta.profile ^slicing.rules = #open
* meta.profile contains supportedProfile 1..1
* meta.profile[supportedProfile] = "{canonical}|1.1.0"

Profile: C4BBCoverage
Parent: Coverage
Id: C4BB-Coverage
Title: "C4BB Coverage"
Description: "The member's insurance plan as known to the payer (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-Coverage)
* insert C4BBMeta(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Coverage)
* identifier MS
* status MS
* subscriberId 1..1 MS
* beneficiary MS
* beneficiary only Reference(C4BBPatient)
* relationship 1..1 MS
* relationship from http://hl7.org/fhir/ValueSet/subscriber-relationship (required)
* period MS
* payor 1..1 MS
* payor only Reference(C4BBOrganization)
* class MS
* class ^slicing.discriminator.type = #pattern
* class ^slicing.discriminator.path = "type"
* class ^slicing.rules = #open
* class contains group 0..1 MS and plan 0..1 MS
* class[group].type = $coverage-class#group
* class[group].value MS
* class[group].name MS
* class[plan].type = $coverage-class#plan
* class[plan].value MS
* class[plan].name MS

Profile: C4BBOrganization
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization
Id: C4BB-Organization
Title: "C4BB Organization"
Description: "A payer or provider organization on a claim (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-Organization)
* insert C4BBMeta(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Organization)
* identifier[NPI] ^patternIdentifier.type = $c4bb-identifier#npi
* identifier contains tax 0..* MS and payerid 0..* MS and naiccode 0..* MS
* identifier[tax] ^patternIdentifier.type = $v2-0203#TAX
* identifier[tax] ^patternIdentifier.system = "urn:oid:2.16.840.1.113883.4.4"
* identifier[payerid] ^patternIdentifier.type = $c4bb-identifier#payerid
* identifier[naiccode] ^patternIdentifier.type = $c4bb-identifier#naiccode
* identifier[naiccode] ^patternIdentifier.system = "urn:oid:2.16.840.1.113883.6.300"

Profile: C4BBPatient
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient
Id: C4BB-Patient
Title: "C4BB Patient"
Description: "The member, identified by member id (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-Patient)
* insert C4BBMeta(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Patient)
* identifier ^slicing.discriminator.type = #pattern
* identifier ^slicing.discriminator.path = "type"
* identifier ^slicing.rules = #open
* identifier.type from C4BBPatientIdentifierType (extensible)
* identifier contains memberid 1..* MS and uniquememberid 0..* MS
* identifier[memberid].type 1..1
* identifier[memberid].type = $v2-0203#MB
* identifier[uniquememberid].type 1..1
* identifier[uniquememberid].type = $c4bb-identifier#um
* deceased[x] MS
* deceasedDateTime 0..1
* deceasedBoolean 0..1
* address.district MS
* address.country MS

Profile: C4BBPractitioner
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner
Id: C4BB-Practitioner
Title: "C4BB Practitioner"
Description: "A practitioner on a claim, identified by NPI or tax id (CARIN Blue Button 1.1.0)."
* insert C4BB(StructureDefinition, C4BB-Practitioner)
* obeys Practitioner-identifier
* insert C4BBMeta(http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Practitioner)
* identifier[NPI] ^patternIdentifier.type = $c4bb-identifier#npi
* identifier contains tax 0..* MS
* identifier[tax] ^patternIdentifier.type = $v2-0203#TAX
* identifier[tax] ^patternIdentifier.system = "urn:oid:2.16.840.1.113883.4.4"

Invariant: Practitioner-identifier
Description: "Practitioner.identifier must include an NPI or a Tax ID"
Expression: "identifier.where(type.where(coding.where(code in ('npi' | 'TAX')).exists()).exists()).exists()"
Severity: #error

Profile: C4BBExplanationOfBenefit
Parent: ExplanationOfBenefit
Id: C4BB-ExplanationOfBenefit
Title: "C4BB Explanation Of Benefit"
Description: "Elements common to every CARIN Blue Button EOB (a claim adjudicated by the payer)."
* insert C4BB(StructureDefinition, C4BB-ExplanationOfBenefit)
* ^abstract = true
* meta 1..1 MS
* meta.lastUpdated 1..1 MS
* meta.profile 1..*
* meta.profile ^slicing.discriminator.type = #pattern
* meta.profile ^slicing.discriminator.path = "$this"
* meta.profile ^slicing.rules = #open
* meta.profile contains supportedProfile 1..1
* identifier 1..* MS
* identifier.type 1..1 MS
* identifier.type from C4BBClaimIdentifierType (extensible)
* status MS
* type MS
* type from http://hl7.org/fhir/ValueSet/claim-type (required)
* use MS
* use = #claim
* patient MS
* patient only Reference(C4BBPatient)
* billablePeriod MS
* billablePeriod.start ^comment = "First day of the period the claim's services cover (statement covers from)."
* billablePeriod.end ^comment = "Last day of the period the claim's services cover (statement covers through)."
* insurer MS
* insurer only Reference(C4BBOrganization)
* provider MS
* provider only Reference(C4BBOrganization or C4BBPractitioner)
* priority from http://hl7.org/fhir/ValueSet/process-priority (required)
* related MS
* related.relationship 1..1 MS
* related.relationship from C4BBRelatedClaimRelationshipCodes (required)
* related.reference 1..1 MS
* payee MS
* payee.type 1..1 MS
* payee.type from C4BBPayeeType (required)
* payee.party 1..1 MS
* payee.party only Reference(C4BBOrganization or C4BBPatient or C4BBPractitioner)
* outcome MS
* careTeam MS
* careTeam.provider MS
* careTeam.provider only Reference(C4BBOrganization or C4BBPractitioner)
* careTeam.role MS
* supportingInfo MS
* supportingInfo.category from C4BBSupportingInfoType (extensible)
* insurance MS
* insurance obeys EOB-insurance-focal
* insurance.focal MS
* insurance.coverage MS
* insurance.coverage only Reference(C4BBCoverage)
* item MS
* item.sequence MS
* item.noteNumber MS
* item.adjudication.category MS
* total 1..* MS
* payment MS
* payment.type MS
* payment.type from C4BBPayerClaimPaymentStatusCode (required)
* processNote MS

Invariant: EOB-insurance-focal
Description: "EOB.insurance:  at most one with focal = true"
Expression: "insurance.select (focal = true).count() < 2"
Severity: #error

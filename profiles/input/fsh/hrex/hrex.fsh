// Da Vinci HRex 1.0.0 profiles used by PDex 2.0.0: the $member-match payload (Patient
// demographics, Coverage, Consent, the in/out Parameters), Organization, Practitioner,
// PractitionerRole and Provenance.

Alias: $hrex-temp = http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp

Profile: HRexPatientDemographics
Parent: Patient
Id: hrex-patient-demographics
Title: "HRex Patient Demographics"
Description: "The demographics a payer needs to match a member ($member-match MemberPatient); no identifier required."
* insert HRex(StructureDefinition, hrex-patient-demographics)
* obeys hrex-pat-1
* extension contains http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex named birthSex 0..1 MS
* identifier ^slicing.discriminator.type = #pattern
* identifier ^slicing.discriminator.path = "$this"
* identifier ^slicing.rules = #open
* identifier contains umb 0..1 MS
* identifier[umb] ^patternIdentifier.type = $hrex-temp#UMB
* name 1..* MS
* name.family 1..1 MS
* name.given 1..* MS
* gender MS
* gender from http://hl7.org/fhir/ValueSet/administrative-gender (required)
* birthDate 1..1 MS
* address MS
* address.line MS
* address.city MS
* address.state MS
* address.postalCode MS
* address.period MS

Invariant: hrex-pat-1
Description: "Patient.gender or Patient.birthSex SHALL be present"
Expression: "gender.exists() or birthSex.exists()"
Severity: #error

Profile: HRexCoverage
Parent: Coverage
Id: hrex-coverage
Title: "HRex Coverage Profile"
Description: "The coverage a member presents to be matched (CoverageToMatch) or linked (CoverageToLink)."
* insert HRex(StructureDefinition, hrex-coverage)
* obeys hrex-cov-1
* identifier 0..1 MS
* identifier.value 1..1 MS
* policyHolder only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient or HRexOrganization or RelatedPerson)
* subscriber only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* subscriberId 0..1 MS
* beneficiary MS
* beneficiary only Reference(HRexPatientDemographics)
* dependent MS
* payor 1..1 MS
* payor only Reference(HRexOrganization)
* class ^slicing.discriminator.type = #pattern
* class ^slicing.discriminator.path = "type"
* class ^slicing.rules = #open
* class contains group 0..1 MS
* class[group].type 1..1 MS
* class[group].type = $coverage-class#group
* class[group].value 1..1 MS

Invariant: hrex-cov-1
Description: "Coverage.identifier or Coverage.subscriberId SHALL be present"
Expression: "identifier.exists() or subscriberId.exists()"
Severity: #error

Profile: HRexConsent
Parent: Consent
Id: hrex-consent
Title: "HRex Consent Profile"
Description: "A member's consent for the old payer to disclose data to the new payer, expressed only through the policy URI."
* insert HRex(StructureDefinition, hrex-consent)
* status MS
* status = #active (exactly)
* scope MS
* scope = $consentscope#patient-privacy
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains disclosure 0..* MS
* category[disclosure] = $v3-ActCode#IDSCL
* patient 1..1 MS
* patient only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* performer 1..1 MS
* performer only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient or RelatedPerson or http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitionerrole or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* source[x] 1..1 MS
* source[x] only Reference(DocumentReference)
* policy ^slicing.discriminator.type = #value
* policy ^slicing.discriminator.path = "uri"
* policy ^slicing.rules = #open
* policy contains hrex 1..* MS
* policy[hrex].uri 1..1 MS
* policy[hrex].uri from HRexConsentPolicy (required)
* provision 1..1 MS
* provision.type 1..1 MS
* provision.type = #permit (exactly)
* provision.period 1..1 MS
* provision.period.start 1..1 MS
* provision.period.end 1..1 MS
* provision.actor ^slicing.discriminator.type = #pattern
* provision.actor ^slicing.discriminator.path = "role"
* provision.actor ^slicing.rules = #open
* provision.actor contains source 1..* MS and recipient 1..* MS
* provision.actor[source].role MS
* provision.actor[source].role = $provenance-participant-type#performer
* provision.actor[source].reference MS
* provision.actor[source].reference only Reference(HRexOrganization)
* provision.actor[recipient].role MS
* provision.actor[recipient].role = $v3-ParticipationType#IRCP
* provision.actor[recipient].reference MS
* provision.actor[recipient].reference only Reference(HRexOrganization)
* provision.action 1..1
* provision.action = $consentaction#disclose
* provision.securityLabel 0..0
* provision.purpose 0..0
* provision.class 0..0
* provision.code 0..0
* provision.dataPeriod 0..0
* provision.data 0..0
* provision.provision 0..0

ValueSet: HRexConsentPolicy
Id: hrex-consent-policy
Title: "HRex Consent Policy ValueSet"
Description: "Policy URIs for HRex disclosure consent: 'regular' (everything not sensitive under US law) or 'sensitive' (everything)."
* insert HRex(ValueSet, hrex-consent-policy)
* urn:ietf:rfc:3986#http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular
* urn:ietf:rfc:3986#http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#sensitive

CodeSystem: HRexTempCodes
Id: hrex-temp
Title: "HRex Temporary Code System"
Description: "Codes HRex needed before they exist in HL7 terminology."
* insert HRex(CodeSystem, hrex-temp)
* ^caseSensitive = true
* ^content = #complete
* #data-request "data request task" "A Task asking its owner to deliver the data its inputs describe."
* #data-query "data query input" "A FHIR RESTful search (the part after the base URL) whose results are requested."
* #data-code "data code input" "A code describing the document or information requested."
* #data-value "data values output" "The result of a data request."
* #UMB "Member Number" "A payer's unique member identifier."

Profile: HRexMemberMatchRequestParameters
Parent: Parameters
Id: hrex-parameters-member-match-in
Title: "HRex Parameters - Member Match Request Profile"
Description: "The body of POST Patient/$member-match: the member's demographics, the old coverage, optionally the new coverage, and the consent."
* insert HRex(StructureDefinition, hrex-parameters-member-match-in)
* parameter 3..4 MS
* parameter ^slicing.discriminator.type = #value
* parameter ^slicing.discriminator.path = "name"
* parameter ^slicing.rules = #closed
// Parameters.parameter.resource keeps its type "Resource" with a profile (as published), so the
// profile is set directly instead of an `only` rule (which would change the type code).
* parameter contains memberPatient 1..1 MS and CoverageToMatch 1..1 MS and CoverageToLink 0..1 MS and Consent 1..1 MS
* parameter[memberPatient].name MS
* parameter[memberPatient].name = "MemberPatient" (exactly)
* parameter[memberPatient].resource 1..1 MS
* parameter[memberPatient].resource ^type[0].profile[0] = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"
* parameter[CoverageToMatch].name MS
* parameter[CoverageToMatch].name = "CoverageToMatch" (exactly)
* parameter[CoverageToMatch].resource 1..1 MS
* parameter[CoverageToMatch].resource ^type[0].profile[0] = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-coverage"
* parameter[CoverageToLink].name MS
* parameter[CoverageToLink].name = "CoverageToLink" (exactly)
* parameter[CoverageToLink].resource 1..1 MS
* parameter[CoverageToLink].resource ^type[0].profile[0] = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-coverage"
* parameter[Consent].name MS
* parameter[Consent].name = "Consent" (exactly)
* parameter[Consent].resource 1..1 MS
* parameter[Consent].resource ^type[0].profile[0] = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-consent"

Profile: HRexMemberMatchResponseParameters
Parent: Parameters
Id: hrex-parameters-member-match-out
Title: "HRex Parameters - Member Match Response Profile"
Description: "The $member-match answer: the member's identifier at the answering payer."
* insert HRex(StructureDefinition, hrex-parameters-member-match-out)
* parameter 1..1 MS
* parameter ^slicing.discriminator.type = #value
* parameter ^slicing.discriminator.path = "name"
* parameter ^slicing.rules = #closed
* parameter contains MemberIdentifier 1..1 MS
* parameter[MemberIdentifier].name MS
* parameter[MemberIdentifier].name = "MemberIdentifier" (exactly)
* parameter[MemberIdentifier].value[x] 1..1 MS
* parameter[MemberIdentifier].value[x] only Identifier
* parameter[MemberIdentifier].valueIdentifier.type 1..1 MS
* parameter[MemberIdentifier].valueIdentifier.type = $v2-0203#MB
* parameter[MemberIdentifier].valueIdentifier.value 1..1 MS

Profile: HRexOrganization
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization
Id: hrex-organization
Title: "HRex Organization Profile"
Description: "A payer or provider organization, identified by NPI, TIN or CCN."
* insert HRex(StructureDefinition, hrex-organization)
* identifier 1..*
* identifier contains tin 0..1 MS and ccn 0..1 MS
* identifier[tin] ^patternIdentifier.system = "urn:oid:2.16.840.1.113883.4.4"
* identifier[ccn] ^patternIdentifier.system = "http://terminology.hl7.org/NamingSystem/CMSCertificationNumber"

Profile: HRexPractitioner
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner
Id: hrex-practitioner
Title: "HRex Practitioner Profile"
Description: "A practitioner with qualifications, identified by NPI or CCN."
* insert HRex(StructureDefinition, hrex-practitioner)
* identifier.system MS
* identifier.value MS
* identifier contains ccn 0..1 MS
* identifier[ccn] ^patternIdentifier.system = "http://terminology.hl7.org/NamingSystem/CMSCertificationNumber"
* qualification MS
* qualification.code MS
* qualification.code.text 1..1 MS

Profile: HRexPractitionerRole
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitionerrole
Id: hrex-practitionerrole
Title: "HRex PractitionerRole Profile"
Description: "US Core PractitionerRole pointing at HRex Practitioner and Organization."
* insert HRex(StructureDefinition, hrex-practitionerrole)
* practitioner only Reference(HRexPractitioner)
* organization only Reference(HRexOrganization)

Profile: HRexProvenance
Parent: http://hl7.org/fhir/us/core/StructureDefinition/us-core-provenance
Id: hrex-provenance
Title: "HRex Provenance Profile"
Description: "US Core Provenance with a required target reference, occurrence and signature support."
* insert HRex(StructureDefinition, hrex-provenance)
* target.reference 1..1 MS
* target.reference.value 1..1 MS
* occurred[x] MS
* signature MS

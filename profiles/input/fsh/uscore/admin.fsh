// US Core 3.1.1 administrative profiles: Organization, Practitioner, PractitionerRole, Location,
// Encounter, Provenance.

Profile: USCoreOrganizationProfile
Parent: Organization
Id: us-core-organization
Title: "US Core Organization Profile"
Description: "Organizations: NPI/CLIA identifiers, name, contact, address (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-organization)
* identifier MS
* identifier ^slicing.discriminator.type = #pattern
* identifier ^slicing.discriminator.path = "$this"
* identifier ^slicing.rules = #open
* identifier.system MS
* identifier.value MS
* identifier contains NPI 0..1 MS and CLIA 0..1
* identifier[NPI] ^patternIdentifier.system = "http://hl7.org/fhir/sid/us-npi"
* identifier[CLIA] ^patternIdentifier.system = "urn:oid:2.16.840.1.113883.4.7"
* active 1..1 MS
* name 1..1 MS
* telecom MS
* address MS
* address.line 0..4 MS
* address.city MS
* address.state MS
* address.state from http://hl7.org/fhir/us/core/ValueSet/us-core-usps-state (extensible)
* address.postalCode MS
* address.country MS

Profile: USCorePractitionerProfile
Parent: Practitioner
Id: us-core-practitioner
Title: "US Core Practitioner Profile"
Description: "Practitioners with an identifier (NPI preferred) and a family name (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-practitioner)
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #pattern
* identifier ^slicing.discriminator.path = "$this"
* identifier ^slicing.rules = #open
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* identifier contains NPI 0..1 MS
* identifier[NPI] ^patternIdentifier.system = "http://hl7.org/fhir/sid/us-npi"
* name 1..* MS
* name.family 1..1 MS

Profile: USCorePractitionerRoleProfile
Parent: PractitionerRole
Id: us-core-practitionerrole
Title: "US Core PractitionerRole Profile"
Description: "A practitioner's role at an organization with contact or endpoint (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-practitionerrole)
* obeys pd-1
* practitioner 1..1 MS
* practitioner only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner)
* organization 1..1 MS
* organization only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* code MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-provider-role (extensible)
* specialty MS
* specialty from http://hl7.org/fhir/us/core/ValueSet/us-core-provider-specialty (extensible)
* location MS
* telecom MS
* telecom.system 1..1 MS
* telecom.value 1..1 MS
* endpoint MS

Invariant: pd-1
Description: "SHALL have contact information or a reference to an Endpoint"
Expression: "telecom or endpoint"
Severity: #error

Profile: USCoreLocation
Parent: Location
Id: us-core-location
Title: "US Core Location Profile"
Description: "Physical places where care is provided (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-location)
* status MS
* name 1..1 MS
* telecom MS
* address MS
* insert USAddress(address)
* managingOrganization MS
* managingOrganization only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)

Profile: USCoreEncounterProfile
Parent: Encounter
Id: us-core-encounter
Title: "US Core Encounter Profile"
Description: "Interactions between a patient and providers (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-encounter)
* identifier MS
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* status MS
* class MS
* type 1..* MS
* type from http://hl7.org/fhir/us/core/ValueSet/us-core-encounter-type (extensible)
* subject 1..1 MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* participant MS
* participant.type MS
* participant.period MS
* participant.individual MS
* participant.individual only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner)
* period MS
* reasonCode MS
* hospitalization MS
* hospitalization.dischargeDisposition MS
* location MS
* location.location MS
* location.location only Reference(Location)

Profile: USCoreProvenance
Parent: Provenance
Id: us-core-provenance
Title: "US Core Provenance Profile"
Description: "Who authored and who transmitted a resource (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-provenance)
* target MS
* target only Reference(Resource)
* recorded MS
* agent MS
* agent ^slicing.discriminator.type = #pattern
* agent ^slicing.discriminator.path = "type"
* agent ^slicing.rules = #open
* agent.type MS
* agent.type from http://hl7.org/fhir/us/core/ValueSet/us-core-provenance-participant-type (extensible)
* agent.who MS
* agent.who only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* agent.onBehalfOf MS
* agent.onBehalfOf only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* agent.onBehalfOf obeys provenance-1
* agent contains ProvenanceAuthor 0..* MS and ProvenanceTransmitter 0..1 MS
* agent[ProvenanceAuthor].type 1..1 MS
* agent[ProvenanceAuthor].type = http://terminology.hl7.org/CodeSystem/provenance-participant-type#author
* agent[ProvenanceTransmitter].type 1..1 MS
* agent[ProvenanceTransmitter].type = http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type#transmitter

Invariant: provenance-1
Description: "onBehalfOf SHALL be present when Provenance.agent.who is a Practitioner or Device"
Expression: "(($this.agent.who.resolve() is Practitioner) or ($this.agent.who.resolve() is Device)) implies exists()"
Severity: #error

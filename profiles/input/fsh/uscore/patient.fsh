// US Core 3.1.1 Patient and its extensions (race, ethnicity, birth sex, Direct address).

Profile: USCorePatientProfile
Parent: Patient
Id: us-core-patient
Title: "US Core Patient Profile"
Description: "Minimum expectations for a Patient (US Core 3.1.1): identifier, name, gender, race/ethnicity/birth sex."
* insert USCore(StructureDefinition, us-core-patient)
* extension contains
    http://hl7.org/fhir/us/core/StructureDefinition/us-core-race named race 0..1 MS and
    http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity named ethnicity 0..1 MS and
    http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex named birthsex 0..1 MS
* identifier 1..* MS
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* name 1..* MS
* name obeys us-core-8
* name.family MS
* name.given MS
* telecom MS
* telecom.system 1..1 MS
* telecom.system from http://hl7.org/fhir/ValueSet/contact-point-system (required)
* telecom.value 1..1 MS
* telecom.use MS
* telecom.use from http://hl7.org/fhir/ValueSet/contact-point-use (required)
* gender 1..1 MS
* gender from http://hl7.org/fhir/ValueSet/administrative-gender (required)
* birthDate MS
* address MS
* insert USAddress(address)
* address.period MS
* communication MS
* communication.language MS
* communication.language from http://hl7.org/fhir/us/core/ValueSet/simple-language (extensible)

Invariant: us-core-8
Description: "Either Patient.name.given and/or Patient.name.family SHALL be present or a Data Absent Reason Extension SHALL be present."
Expression: "(family.exists() or given.exists()) xor extension.where(url='http://hl7.org/fhir/StructureDefinition/data-absent-reason').exists()"
Severity: #error

Extension: USCoreRaceExtension
Id: us-core-race
Title: "US Core Race Extension"
Description: "OMB race categories plus detailed CDC race codes and a free-text rendering."
* insert USCore(StructureDefinition, us-core-race)
* ^context[0].type = #element
* ^context[0].expression = "Patient"
* . 0..1
* extension contains
    ombCategory 0..5 MS and
    detailed 0..* and
    text 1..1 MS
// Type slices (value[x]:valueCoding) as US Core 3.1.1 publishes race; its ethnicity constrains value[x] itself.
* extension[ombCategory].valueCoding 1..1
* extension[ombCategory].valueCoding from http://hl7.org/fhir/us/core/ValueSet/omb-race-category (required)
* extension[ombCategory].value[x] only Coding
* extension[detailed].valueCoding 1..1
* extension[detailed].valueCoding from http://hl7.org/fhir/us/core/ValueSet/detailed-race (required)
* extension[detailed].value[x] only Coding
* extension[text].valueString 1..1
* extension[text].value[x] only string
* value[x] 0..0

Extension: USCoreEthnicityExtension
Id: us-core-ethnicity
Title: "US Core Ethnicity Extension"
Description: "OMB ethnicity category plus detailed CDC ethnicity codes and a free-text rendering."
* insert USCore(StructureDefinition, us-core-ethnicity)
* ^context[0].type = #element
* ^context[0].expression = "Patient"
* . 0..1
* extension contains
    ombCategory 0..1 MS and
    detailed 0..* and
    text 1..1 MS
* extension[ombCategory].value[x] only Coding
* extension[ombCategory].valueCoding 1..1
* extension[ombCategory].valueCoding from http://hl7.org/fhir/us/core/ValueSet/omb-ethnicity-category (required)
* extension[detailed].value[x] only Coding
* extension[detailed].valueCoding 1..1
* extension[detailed].valueCoding from http://hl7.org/fhir/us/core/ValueSet/detailed-ethnicity (required)
* extension[text].value[x] only string
* extension[text].valueString 1..1
* value[x] 0..0

Extension: USCoreBirthSexExtension
Id: us-core-birthsex
Title: "US Core Birth Sex Extension"
Description: "Sex assigned at birth (F, M, UNK)."
* insert USCore(StructureDefinition, us-core-birthsex)
* ^context[0].type = #element
* ^context[0].expression = "Patient"
* . 0..1
* valueCode 1..1
* valueCode from http://hl7.org/fhir/us/core/ValueSet/birthsex (required)
* value[x] only code

Extension: USCoreDirectEmailExtension
Id: us-core-direct
Title: "US Core Direct email Extension"
Description: "Flags a ContactPoint email address as a Direct secure-messaging address."
* insert USCore(StructureDefinition, us-core-direct)
* ^context[0].type = #element
* ^context[0].expression = "ContactPoint"
* . 0..1
* valueBoolean 1..1
* value[x] only boolean

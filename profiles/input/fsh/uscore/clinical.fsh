// US Core 3.1.1 clinical profiles: AllergyIntolerance, CarePlan, CareTeam, Condition, Goal,
// Immunization, Procedure, Device (implantable).

Profile: USCoreAllergyIntolerance
Parent: AllergyIntolerance
Id: us-core-allergyintolerance
Title: "US  Core AllergyIntolerance Profile"
Description: "A patient's allergies and intolerances (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-allergyintolerance)
* clinicalStatus MS
* clinicalStatus from http://hl7.org/fhir/ValueSet/allergyintolerance-clinical (required)
* verificationStatus MS
* verificationStatus from http://hl7.org/fhir/ValueSet/allergyintolerance-verification (required)
* code 1..1 MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-allergy-substance (extensible)
* patient MS
* patient only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* reaction MS
* reaction.manifestation MS
* reaction.manifestation from http://hl7.org/fhir/ValueSet/clinical-findings (extensible)

Profile: USCoreCarePlanProfile
Parent: CarePlan
Id: us-core-careplan
Title: "US Core CarePlan Profile"
Description: "Assessment and plan of treatment (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-careplan)
* text 1..1 MS
* text.status MS
* text.status from http://hl7.org/fhir/us/core/ValueSet/us-core-narrative-status (required)
* status MS
* status from http://hl7.org/fhir/ValueSet/request-status (required)
* intent MS
* intent from http://hl7.org/fhir/ValueSet/care-plan-intent (required)
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains AssessPlan 1..1 MS
* category[AssessPlan] = http://hl7.org/fhir/us/core/CodeSystem/careplan-category#assess-plan
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)

Profile: USCoreCareTeam
Parent: CareTeam
Id: us-core-careteam
Title: "US Core CareTeam Profile"
Description: "The people and organizations caring for a patient (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-careteam)
* status MS
* status from http://hl7.org/fhir/ValueSet/care-team-status (required)
* subject 1..1 MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* participant 1..* MS
* participant.role 1..1 MS
* participant.role from http://hl7.org/fhir/us/core/ValueSet/us-core-careteam-provider-roles (extensible)
* participant.member 1..1 MS
* participant.member only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient or http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)

Profile: USCoreCondition
Parent: Condition
Id: us-core-condition
Title: "US Core Condition Profile"
Description: "Problems and health concerns (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-condition)
* obeys us-core-1--condition
* clinicalStatus MS
* clinicalStatus from http://hl7.org/fhir/ValueSet/condition-clinical (required)
* verificationStatus MS
* verificationStatus from http://hl7.org/fhir/ValueSet/condition-ver-status (required)
* category 1..* MS
* category from http://hl7.org/fhir/us/core/ValueSet/us-core-condition-category (extensible)
* code 1..1 MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-condition-code (extensible)
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)

Profile: USCoreGoalProfile
Parent: Goal
Id: us-core-goal
Title: "US Core Goal Profile"
Description: "A patient's goals (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-goal)
* lifecycleStatus MS
* lifecycleStatus from http://hl7.org/fhir/ValueSet/goal-status (required)
* description MS
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* target MS
* target.dueDate MS
* target.due[x] only date

Profile: USCoreImmunizationProfile
Parent: Immunization
Id: us-core-immunization
Title: "US Core Immunization Profile"
Description: "Vaccinations given or reported (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-immunization)
* status MS
* status from http://hl7.org/fhir/ValueSet/immunization-status (required)
* statusReason MS
* statusReason from http://hl7.org/fhir/ValueSet/immunization-status-reason (example)
* vaccineCode MS
* vaccineCode from http://hl7.org/fhir/us/core/ValueSet/us-core-vaccines-cvx (extensible)
* vaccineCode obeys us-core-1--immunization
* patient MS
* patient only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* occurrence[x] MS
* primarySource 1..1 MS

Profile: USCoreProcedureProfile
Parent: Procedure
Id: us-core-procedure
Title: "US Core Procedure Profile"
Description: "Procedures performed on a patient (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-procedure)
* status MS
* status from http://hl7.org/fhir/ValueSet/event-status (required)
* code 1..1 MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-procedure-code (extensible)
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* performed[x] 1..1 MS
* performed[x] only dateTime or Period

Profile: USCoreImplantableDeviceProfile
Parent: Device
Id: us-core-implantable-device
Title: "US Core Implantable Device Profile"
Description: "An implanted device with its UDI (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-implantable-device)
* obeys us-core-12 and us-core-9
* udiCarrier 0..1 MS
* udiCarrier.deviceIdentifier 1..1 MS
* udiCarrier.carrierAIDC MS
* udiCarrier.carrierHRF MS
* distinctIdentifier MS
* manufactureDate MS
* expirationDate MS
* lotNumber MS
* serialNumber MS
* type 1..1 MS
* type from http://hl7.org/fhir/ValueSet/device-kind (extensible)
* patient 1..1 MS
* patient only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)

Invariant: us-core-12
Description: "Implantable medical devices that have UDI information SHALL represent this information in either carrierAIDC or carrierHRF."
Expression: "udiCarrier.empty() or (udiCarrier.carrierAIDC.exists() or udiCarrier.carrierHRF.exists())"
Severity: #error

Invariant: us-core-9
Description: "For implantable medical devices that have UDI information,  at least one of the Production Identifiers (UDI-PI) SHALL be present."
Expression: "udiCarrier.empty() or (manufactureDate.exists() or expirationDate.exists() or lotNumber.exists() or serialNumber.exists() or distinctIdentifier.exists())"
Severity: #error

// US Core 3.1.1 gives the key us-core-1 to different rules in different profiles, and FSH invariant
// names are unique: the part from "--" on is dropped from the key by scripts/build-profiles.mjs.
Invariant: us-core-1--condition
Description: "A code in Condition.category SHOULD be from US Core Condition Category Codes value set."
Expression: "where(category.memberOf('http://hl7.org/fhir/us/core/ValueSet/us-core-condition-category')).exists()"
Severity: #warning

Invariant: us-core-1--immunization
Description: "SHOULD have a translation to the NDC value set"
Expression: "coding.where(system='http://hl7.org/fhir/sid/ndc').empty()"
Severity: #warning

// US Core 3.1.1 results and medications: DiagnosticReport (lab, note), DocumentReference,
// Observation (lab, smoking status, pediatric vitals, pulse oximetry), Medication, MedicationRequest.

Profile: USCoreDiagnosticReportProfileLaboratoryReporting
Parent: DiagnosticReport
Id: us-core-diagnosticreport-lab
Title: "US Core DiagnosticReport Profile for Laboratory Results Reporting"
Description: "Laboratory reports (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-diagnosticreport-lab)
* status MS
* status from http://hl7.org/fhir/ValueSet/diagnostic-report-status (required)
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains LaboratorySlice 1..1 MS
* category[LaboratorySlice] = $v2-0074#LAB
* code MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-diagnosticreport-lab-codes (extensible)
* subject 1..1 MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* effective[x] 1..1 MS
* effective[x] only dateTime or Period
* issued 1..1 MS
* performer MS
* performer only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* result MS
* result only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab)

Profile: USCoreDiagnosticReportProfileNoteExchange
Parent: DiagnosticReport
Id: us-core-diagnosticreport-note
Title: "US Core DiagnosticReport Profile for Report and Note exchange"
Description: "Imaging, cardiology and other clinical reports and notes (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-diagnosticreport-note)
* status MS
* status from http://hl7.org/fhir/ValueSet/diagnostic-report-status (required)
* category 1..* MS
* category from http://hl7.org/fhir/us/core/ValueSet/us-core-diagnosticreport-category (extensible)
* code MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-diagnosticreport-report-and-note-codes (extensible)
* subject 1..1 MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* encounter MS
* encounter only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter)
* effective[x] 1..1 MS
* effective[x] only dateTime or Period
* issued MS
* performer MS
* performer only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* presentedForm MS

Profile: USCoreDocumentReferenceProfile
Parent: DocumentReference
Id: us-core-documentreference
Title: "US Core DocumentReference Profile"
Description: "Clinical notes and other documents (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-documentreference)
* identifier MS
* status MS
* status from http://hl7.org/fhir/ValueSet/document-reference-status (required)
* type 1..1 MS
* type from http://hl7.org/fhir/us/core/ValueSet/us-core-documentreference-type (required)
* category 1..* MS
* category from http://hl7.org/fhir/us/core/ValueSet/us-core-documentreference-category (extensible)
* subject 1..1 MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* date MS
* author MS
* author only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization or http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* custodian MS
* custodian only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* content MS
* content.attachment MS
* content.attachment obeys us-core-6
* content.attachment.contentType 1..1 MS
* content.attachment.data MS
* content.attachment.url MS
* content.format MS
* content.format from http://hl7.org/fhir/ValueSet/formatcodes (extensible)
* context MS
* context.encounter 0..1 MS
* context.encounter only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter)
* context.period MS

Invariant: us-core-6
Description: "DocumentReference.content.attachment.url or  DocumentReference.content.attachment.data or both SHALL be present."
Expression: "url.exists() or data.exists()"
Severity: #error

Profile: USCoreLaboratoryResultObservationProfile
Parent: Observation
Id: us-core-observation-lab
Title: "US Core Laboratory Result Observation Profile"
Description: "Laboratory results (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-observation-lab)
* obeys us-core-2
* status MS
* status from http://hl7.org/fhir/ValueSet/observation-status (required)
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains Laboratory 1..1 MS
* category[Laboratory] = $obs-category#laboratory
* code MS
* code from http://hl7.org/fhir/ValueSet/observation-codes (extensible)
* subject 1..1 MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* effective[x] MS
* effective[x] only dateTime or Period
* effective[x] obeys us-core-1--observation-lab
* value[x] MS
* value[x] obeys us-core-4 and us-core-3
* dataAbsentReason MS
* dataAbsentReason from http://hl7.org/fhir/ValueSet/data-absent-reason (extensible)

// Key us-core-1 (see uscore/clinical.fsh for the "--" convention).
Invariant: us-core-1--observation-lab
Description: "Datetime must be at least to day."
Expression: "($this as dateTime).toString().length() >= 8"
Severity: #error

Invariant: us-core-2
Description: "If there is no component or hasMember element then either a value[x] or a data absent reason must be present"
Expression: "(component.empty() and hasMember.empty()) implies (dataAbsentReason.exists() or value.exists())"
Severity: #error

Invariant: us-core-4
Description: "SHOULD use Snomed CT for coded Results"
Expression: "valueCodeableConcept.coding.system.empty() or valueCodeableConcept.coding.system = 'http://snomed.info/sct'"
Severity: #warning

Invariant: us-core-3
Description: "SHALL use UCUM for coded quantity units."
Expression: "valueQuantity.system.empty() or valueQuantity.system = 'http://unitsofmeasure.org'"
Severity: #error

Profile: USCoreSmokingStatusProfile
Parent: Observation
Id: us-core-smokingstatus
Title: "US Core Smoking Status Observation Profile"
Description: "The patient's smoking status (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-smokingstatus)
* status MS
* status from http://hl7.org/fhir/us/core/ValueSet/us-core-observation-smoking-status-status (required)
* code MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-smoking-status-observation-codes (extensible)
* subject 1..1 MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* issued 1..1 MS
* valueCodeableConcept 1..1 MS
* valueCodeableConcept from http://hl7.org/fhir/us/core/ValueSet/us-core-observation-smokingstatus (preferred)
* value[x] only CodeableConcept

Profile: USCorePediatricBMIforAgeObservationProfile
Parent: http://hl7.org/fhir/StructureDefinition/vitalsigns
Id: pediatric-bmi-for-age
Title: "US Core Pediatric BMI for Age Observation Profile"
Description: "BMI percentile for age, 2-20 years (US Core 3.1.1)."
* insert USCore(StructureDefinition, pediatric-bmi-for-age)
* code MS
* code = $loinc#59576-9
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* valueQuantity 0..1 MS
* insert UcumQuantity(valueQuantity, #%)
* value[x] only Quantity

Profile: USCorePediatricWeightForHeightObservationProfile
Parent: http://hl7.org/fhir/StructureDefinition/vitalsigns
Id: pediatric-weight-for-height
Title: "US Core Pediatric Weight for Height Observation Profile"
Description: "Weight-for-length percentile, birth to 36 months (US Core 3.1.1)."
* insert USCore(StructureDefinition, pediatric-weight-for-height)
* code MS
* code = $loinc#77606-2
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* valueQuantity 0..1 MS
* insert UcumQuantity(valueQuantity, #%)
* value[x] only Quantity

Profile: UsCorePediatricHeadOccipitalFrontalCircumferencePercentileProfile
Parent: http://hl7.org/fhir/StructureDefinition/vitalsigns
Id: head-occipital-frontal-circumference-percentile
Title: "US Core Pediatric Head Occipital-frontal Circumference Percentile Profile"
Description: "Head circumference percentile, birth to 36 months (US Core 3.1.1)."
* insert USCore(StructureDefinition, head-occipital-frontal-circumference-percentile)
* code MS
* code = $loinc#8289-1
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* valueQuantity 0..1 MS
* insert UcumQuantity(valueQuantity, #%)
* value[x] only Quantity

Profile: USCorePulseOximetryProfile
Parent: http://hl7.org/fhir/StructureDefinition/oxygensat
Id: us-core-pulse-oximetry
Title: "US Core Pulse Oximetry Profile"
Description: "Oxygen saturation by pulse oximetry with inhaled oxygen flow rate and concentration (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-pulse-oximetry)
* code MS
* code.coding MS
* code.coding ^slicing.discriminator[0].type = #value
* code.coding ^slicing.discriminator[0].path = "code"
* code.coding ^slicing.discriminator[1].type = #value
* code.coding ^slicing.discriminator[1].path = "system"
* code.coding ^slicing.rules = #open
* code.coding contains PulseOx 1..1 MS
* code.coding[PulseOx].system 1..1 MS
* code.coding[PulseOx].system = $loinc (exactly)
* code.coding[PulseOx].code 1..1 MS
* code.coding[PulseOx].code = #59408-5 (exactly)
* component MS
* component ^slicing.discriminator.type = #pattern
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #open
* component contains FlowRate 0..1 MS and Concentration 0..1 MS
* component[FlowRate].code MS
* component[FlowRate].code = $loinc#3151-8
* component[FlowRate].value[x] only Quantity
* component[FlowRate].valueQuantity MS
* insert UcumQuantity(component[FlowRate].valueQuantity, #L/min)
* component[Concentration].code MS
* component[Concentration].code = $loinc#3150-0
* component[Concentration].value[x] only Quantity
* component[Concentration].valueQuantity MS
* insert UcumQuantity(component[Concentration].valueQuantity, #%)

Profile: USCoreMedicationProfile
Parent: Medication
Id: us-core-medication
Title: "US Core Medication Profile"
Description: "A medication coded with RxNorm (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-medication)
* code 1..1 MS
* code from http://hl7.org/fhir/us/core/ValueSet/us-core-medication-codes (extensible)

Profile: USCoreMedicationRequestProfile
Parent: MedicationRequest
Id: us-core-medicationrequest
Title: "US Core MedicationRequest Profile"
Description: "Medication orders and reported medications (US Core 3.1.1)."
* insert USCore(StructureDefinition, us-core-medicationrequest)
* status MS
* status from http://hl7.org/fhir/ValueSet/medicationrequest-status (required)
* intent MS
* intent from http://hl7.org/fhir/ValueSet/medicationrequest-intent (required)
* reported[x] MS
* reported[x] only boolean or Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient or http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* medication[x] MS
* medication[x] only CodeableConcept or Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-medication)
* medication[x] from http://hl7.org/fhir/us/core/ValueSet/us-core-medication-codes (extensible)
* subject MS
* subject only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* encounter MS
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization or http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* dosageInstruction MS
* dosageInstruction.text MS

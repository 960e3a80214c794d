// HRex 1.0.0 prior-authorization response and data-request Task profiles, with the four item
// extensions its ClaimResponse uses. PAS 2.0.1 publishes extensions with three of the same ids
// (different canonicals), so these four carry the id prefix "hrex-" in this one package; their
// canonical urls are the published ones.

Extension: AuthorizedDate
Id: hrex-extension-itemAuthorizedDate
Title: "Authorized Date"
Description: "The date or period for which an item is authorized."
* insert HRex(StructureDefinition, extension-itemAuthorizedDate)
* insert Context(Element)
* value[x] only dateTime or Period

Extension: AuthorizedProvider
Id: hrex-extension-itemAuthorizedProvider
Title: "Authorized Provider"
Description: "The provider authorized to deliver an item."
* insert HRex(StructureDefinition, extension-itemAuthorizedProvider)
* insert Context(Element)
* value[x] only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner or http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)

Extension: PreAuthIssueDate
Id: hrex-extension-itemPreAuthIssueDate
Title: "Pre Authorized Issue Date"
Description: "The date an item's prior authorization was issued."
* insert HRex(StructureDefinition, extension-itemPreAuthIssueDate)
* insert Context(Element)
* value[x] only date

Extension: HRexItemTraceNumber
Id: hrex-extension-itemTraceNumber
Title: "Item Trace Number"
Description: "Uniquely identifies an item of a claim or response."
* insert HRex(StructureDefinition, extension-itemTraceNumber)
* insert Context(Element)
* value[x] only Identifier

Profile: HRexClaimResponse
Parent: ClaimResponse
Id: hrex-claimresponse
Title: "HRex Prior authorization"
Description: "A payer's prior authorization answer with the authorization number and authorized items."
* insert HRex(StructureDefinition, hrex-claimresponse)
* status = #active (exactly)
* type MS
* use MS
* patient MS
* patient only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* created MS
* insurer MS
* insurer only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization)
* outcome MS
* preAuthRef 1..1 MS
* preAuthPeriod MS
* addItem MS
* addItem.extension contains
    HRexItemTraceNumber named itemTraceNumber 0..* MS and
    PreAuthIssueDate named preAuthIssueDate 0..1 MS and
    AuthorizedDate named authorizedDate 0..1 MS and
    AuthorizedProvider named authorizedProvider 0..1 MS
* addItem.productOrService MS
* addItem.modifier MS
* addItem.serviced[x] MS
* addItem.location[x] MS
* addItem.location[x] only CodeableConcept
* addItem.quantity MS
* addItem.unitPrice MS

ValueSet: HRexTaskStatus
Id: hrex-task-status
Title: "HRex Task Status ValueSet"
Description: "Task statuses used by HRex data requests."
* insert HRex(ValueSet, hrex-task-status)
* http://hl7.org/fhir/task-status#requested
* http://hl7.org/fhir/task-status#accepted
* http://hl7.org/fhir/task-status#rejected
* http://hl7.org/fhir/task-status#in-progress
* http://hl7.org/fhir/task-status#failed
* http://hl7.org/fhir/task-status#completed
* http://hl7.org/fhir/task-status#on-hold

Profile: HRexTaskDataRequest
Parent: Task
Id: hrex-task-data-request
Title: "HRex Task Data Request Profile"
Description: "A Task asking its owner to deliver data matching a query or a code."
* insert HRex(StructureDefinition, hrex-task-data-request)
* obeys tdr-1 and tdr-2 and tdr-3
* basedOn MS
* status MS
* status from HRexTaskStatus (required)
* statusReason MS
* statusReason.text 1..1 MS
* businessStatus MS
* businessStatus.text 1..1 MS
* intent MS
* intent = #order (exactly)
* code 1..1 MS
* code = $hrex-temp#data-request
* focus 0..0
* for 1..1 MS
* for only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient)
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization or http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner)
* owner 1..1 MS
* owner only Reference(http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization or http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner)
* reasonCode MS
* reasonCode.text 1..1 MS
* reasonReference MS
* reasonReference only Reference(Claim or HRexCoverage)
* input 1..* MS
* input ^slicing.discriminator.type = #pattern
* input ^slicing.discriminator.path = "type"
* input ^slicing.rules = #open
* input contains query 0..1 MS and code 0..1 MS
* input[query].type MS
* input[query].type = $hrex-temp#data-query
* input[query].value[x] MS
* input[query].value[x] only string
* input[code].type MS
* input[code].type = $hrex-temp#data-code
* input[code].value[x] MS
* input[code].value[x] only CodeableConcept
* output MS
* output ^slicing.discriminator.type = #pattern
* output ^slicing.discriminator.path = "type"
* output ^slicing.rules = #open
* output contains data 0..* MS
* output[data].type MS
* output[data].type = $hrex-temp#data-value
* output[data].value[x] MS
* output[data].value[x] only Reference

Invariant: tdr-1
Description: "Must have exactly one input that is data-query or data-code"
Expression: "input.type.where(coding.where(system='http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp' and (code='data-code' or code='data-query')).exists()).count()=1"
Severity: #error

Invariant: tdr-2
Description: "Task statusReason SHALL be populated if status is 'rejected' or 'failed'"
Expression: "(status = 'rejected' or status = 'failed') implies statusReason.exists()"
Severity: #error

Invariant: tdr-3
Description: "Task output SHALL be populated if status is 'completed'"
Expression: "(status = 'completed') implies output.exists()"
Severity: #error

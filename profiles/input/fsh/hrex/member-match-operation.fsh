// The HRex 1.0.0 $member-match operation (POST [base]/Patient/$member-match).
Instance: member-match
InstanceOf: OperationDefinition
Usage: #definition
Title: "HRex Member Match Operation"
Description: "Lets a new health plan find a member's unique identifier at the old plan from demographics, coverage and consent."
* url = "http://hl7.org/fhir/us/davinci-hrex/OperationDefinition/member-match"
* version = "1.0.0"
* name = "MemberMatch"
* title = "HRex Member Match Operation"
* status = #active
* kind = #operation
* publisher = "HL7 International - Clinical Interoperability Council (definition re-authored by PDex Bridge)"
* description = "A new health plan sends the member's demographics (MemberPatient), the coverage on the member's card from the old plan (CoverageToMatch), optionally its own coverage (CoverageToLink) and the member's consent; the old plan answers with the member's identifier, or HTTP 422 when there is no unique match or the consent cannot be honoured."
* affectsState = true
* code = #member-match
* resource[0] = #Patient
* system = false
* type = true
* instance = false
* inputProfile = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-parameters-member-match-in"
* outputProfile = "http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-parameters-member-match-out"
* parameter[0].name = #MemberPatient
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].documentation = "The member's demographics (US Core Patient / HRex Patient Demographics)."
* parameter[=].type = #Resource
* parameter[=].referencedFrom[0].source = "CoverageToMatch"
* parameter[=].referencedFrom[=].sourceId = "beneficiary"
* parameter[=].referencedFrom[+].source = "CoverageToLink"
* parameter[=].referencedFrom[=].sourceId = "beneficiary"
* parameter[+].name = #Consent
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].documentation = "The member's consent for the old plan to disclose data to the new plan (HRex Consent)."
* parameter[=].type = #Resource
* parameter[+].name = #CoverageToMatch
* parameter[=].use = #in
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].documentation = "The coverage at the old plan, as on the member's insurance card (HRex Coverage)."
* parameter[=].type = #Resource
* parameter[+].name = #CoverageToLink
* parameter[=].use = #in
* parameter[=].min = 0
* parameter[=].max = "1"
* parameter[=].documentation = "The member's coverage at the requesting (new) plan (HRex Coverage)."
* parameter[=].type = #Resource
* parameter[+].name = #MemberIdentifier
* parameter[=].use = #out
* parameter[=].min = 1
* parameter[=].max = "1"
* parameter[=].documentation = "The member's identifier at the answering plan (type v2-0203#MB)."
* parameter[=].type = #Identifier

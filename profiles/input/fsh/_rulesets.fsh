// Canonical identity per IG: every resource keeps its IG's official url and version so that
// meta.profile in payers' data resolves to our definition and snapshots compare one to one.
RuleSet: USCore(type, id)
* ^url = "http://hl7.org/fhir/us/core/{type}/{id}"
* ^version = "3.1.1"
* ^status = #active
* ^publisher = "HL7 International - US Realm Steering Committee (definition re-authored by PDex Bridge)"

RuleSet: HRex(type, id)
* ^url = "http://hl7.org/fhir/us/davinci-hrex/{type}/{id}"
* ^version = "1.0.0"
* ^status = #active
* ^publisher = "HL7 International - Clinical Interoperability Council (definition re-authored by PDex Bridge)"

RuleSet: PDex(type, id)
* ^url = "http://hl7.org/fhir/us/davinci-pdex/{type}/{id}"
* ^version = "2.0.0"
* ^status = #active
* ^publisher = "HL7 International - Financial Management Work Group (definition re-authored by PDex Bridge)"

RuleSet: PAS(type, id)
* ^url = "http://hl7.org/fhir/us/davinci-pas/{type}/{id}"
* ^version = "2.0.1"
* ^status = #active
* ^publisher = "HL7 International - Financial Management Work Group (definition re-authored by PDex Bridge)"

RuleSet: C4BB(type, id)
* ^url = "http://hl7.org/fhir/us/carin-bb/{type}/{id}"
* ^version = "1.1.0"
* ^status = #active
* ^publisher = "HL7 International - Financial Management Work Group (definition re-authored by PDex Bridge)"

// A US address with the four elements US Core marks must-support.
RuleSet: USAddress(path)
* {path}.line MS
* {path}.city MS
* {path}.state MS
* {path}.state from http://hl7.org/fhir/us/core/ValueSet/us-core-usps-state (extensible)
* {path}.postalCode MS

// A quantity in UCUM with a fixed code (vital-sign style).
RuleSet: UcumQuantity(path, code)
* {path} MS
* {path}.value 1..1 MS
* {path}.unit 1..1 MS
* {path}.system 1..1 MS
* {path}.system = $ucum (exactly)
* {path}.code 1..1 MS
* {path}.code = {code} (exactly)

// One element context for an extension (call once per context).
RuleSet: Context(expression)
* ^context[+].type = #element
* ^context[=].expression = "{expression}"

// Further PDex 2.0.0 code systems and value sets (identifier types, supporting-info categories,
// organization types, export modes) that no PDex 2.0.0 profile binds but the IG publishes.

CodeSystem: PDexIdentifierType
Id: PDexIdentifierType
Title: "PDex Identifier Type"
Description: "Identifier type codes extending HL7 v2-0203."
* insert PDexCodeSystem(PDexIdentifierType)
* #npi "National Provider Identifier"
* #payerid "Payer ID"
* #naiccode "NAIC Code"
* #pat "Patient Account Number"
* #um "Unique Member ID"
* #uc "Unique Claim ID"

CodeSystem: IdentifierTypeCS
Id: IdentifierTypeCS
Title: "Identifier Type"
Description: "Identifier types of directory resources."
* insert PDexCodeSystem(IdentifierTypeCS)
* #tax "Tax ID Number"
* #npi "National Provider Identifier"
* #clia "CLIA"
* #payerid "Payer ID"
* #mb "Member ID"
* #mr "Medical Record Number"
* #pt "Patient Account Number"
* #um "Unique Member ID"
* #cn "Claim Number"

CodeSystem: OrgTypeCS
Id: OrgTypeCS
Title: "Organization Type"
Description: "Categories of organizations in provider directories."
* insert PDex(CodeSystem, OrgTypeCS)
* ^caseSensitive = true
* ^content = #complete
* #fac "Facility"
* #prvgrp "Provider Group"
* #payer "Payer"
* #atyprv "Atypical Provider"
* #bus "Non-Healthcare Business"
* #ntwk "Network"

CodeSystem: PDexSupportingInfoTypeCS
Id: PDexSupportingInfoType
Title: "PDex Supporting Info Type"
Description: "Claim information categories, the discriminator of supportingInfo."
* insert PDexCodeSystem(PDexSupportingInfoType)
* ^name = "PDexSupportingInfoType"
* #admissionperiod "Admission Period"
* #pointoforigin "Point Of Origin"
* #admtype "Admission Type"
* #billingnetworkcontractingstatus "Billing Network Contracting Status"
* #brandgenericindicator "Brand Generic Indicator"
* #clmrecvddate "Claim Received Date"
* #compoundcode "Compound Code"
* #dawcode "DAW (Dispense As Written) Code"
* #dayssupply "Days Supply"
* #discharge-status "Discharge Status"
* #drg "DRG"
* #performingnetworkcontractingstatus "Performing Network Contracting Status"
* #refillnum "Refill Number"
* #rxorigincode "Rx Origin Code"
* #servicefacility "Service Facility"
* #typeofbill "Type of Bill"
* #medicalrecordnumber "Medical Record Number"
* #patientaccountnumber "Patient Account Number"

CodeSystem: PdexProviderExportModeCS
Id: PdexProviderExportModeCS
Title: "PDex Provider Export Mode"
Description: "Data export modes of the provider export operation."
* insert PDex(CodeSystem, PdexProviderExportModeCS)
* ^caseSensitive = true
* ^content = #complete
* #download "Download"
* #snapshot "Snapshot"

CodeSystem: EndpointFhirMimeTypeCS
Id: EndpointFhirMimeTypeCS
Title: "Endpoint FHIR MimeType Code System"
Description: "FHIR mime types of an endpoint."
* insert PDex(CodeSystem, EndpointFhirMimeTypeCS)
* ^caseSensitive = true
* ^content = #complete
* #application/fhir+json "fhr+json"
* #application/fhir+xml "fhir+xml"
* #application/fhir+turtle "fhir+turtle"

ValueSet: PDexSupportingInfoTypeVS
Id: PDexSupportingInfoType
Title: "PDex SupportingInfo Type"
Description: "Claim information categories."
* insert PDex(ValueSet, PDexSupportingInfoType)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/PDexSupportingInfoType

ValueSet: PDexProviderExportModeVS
Id: PDexProviderExportModeVS
Title: "PDex Provider Export Value Set"
Description: "Data export modes."
* insert PDex(ValueSet, PDexProviderExportModeVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/PdexProviderExportModeCS

ValueSet: OrgTypeVS
Id: OrgTypeVS
Title: "Organization Type VS"
Description: "Organization types (as published: the whole code system, with payer listed)."
* insert PDex(ValueSet, OrgTypeVS)
* include codes from system http://hl7.org/fhir/us/davinci-pdex/CodeSystem/OrgTypeCS
* http://hl7.org/fhir/us/davinci-pdex/CodeSystem/OrgTypeCS#payer

ValueSet: PDexPAInstitutionalProcedureCodes
Id: PDexPAInstitutionalProcedureCodes
Title: "Procedure Codes - AMA CPT - CMS HCPCS - CMS HIPPS"
Description: "CPT, HCPCS and HIPPS procedure codes or not-applicable (external code systems: not checked locally)."
* insert PDex(ValueSet, PDexPAInstitutionalProcedureCodes)
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets
* include codes from system https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/ProspMedicareFeeSvcPmtGen/HIPPSCodes
* http://terminology.hl7.org/CodeSystem/data-absent-reason#not-applicable "Not Applicable"

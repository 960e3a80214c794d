// US Core 3.1.1 terminology: the value sets of the required bindings (plus the small extensible
// ones our examples use) and the US Core code systems. Value sets over large external code systems
// (LOINC, the CDC race & ethnicity hierarchy) are kept as intensional definitions: validators
// without that code system report the code as "not checked" rather than invalid.

CodeSystem: RaceAndEthnicityCDC
Id: cdcrec
Title: "Race & Ethnicity - CDC"
Description: "CDC Race & Ethnicity code system (PHIN VADS). Only the two roots and the OMB minimum categories are listed here; the full hierarchy (about 970 codes) is external, so this is a fragment."
* ^url = "urn:oid:2.16.840.1.113883.6.238"
* ^version = "3.1.1"
* ^status = #active
* ^caseSensitive = true
* ^hierarchyMeaning = #is-a
* ^content = #fragment
* #1000-9 "Race"
  * #1002-5 "American Indian or Alaska Native"
  * #2028-9 "Asian"
  * #2054-5 "Black or African American"
  * #2076-8 "Native Hawaiian or Other Pacific Islander"
  * #2106-3 "White"
* #2133-7 "Ethnicity"
  * #2135-2 "Hispanic or Latino"
  * #2186-5 "Not Hispanic or Latino"

CodeSystem: USCoreCarePlanCategoryExtensionCodes
Id: careplan-category
Title: "US Core CarePlan Category Extension Codes"
Description: "Care plan category codes defined by US Core."
* insert USCore(CodeSystem, careplan-category)
* ^caseSensitive = true
* ^content = #complete
* #assess-plan "Assessment and Plan of Treatment" "The clinical assessment and plan of treatment for the patient."

CodeSystem: USCoreConditionCategoryExtensionCodes
Id: condition-category
Title: "US Core Condition Category Extension Codes"
Description: "Condition category codes defined by US Core."
* insert USCore(CodeSystem, condition-category)
* ^caseSensitive = true
* ^content = #complete
* #problem "Problem" "A problem on the patient's problem list."
* #health-concern "Health Concern" "A concern about the patient's health, raised by the patient or a provider."

CodeSystem: USCoreDocumentReferencesCategoryCodes
Id: us-core-documentreference-category
Title: "US Core DocumentReferences Category Codes"
Description: "Document category codes defined by US Core."
* insert USCore(CodeSystem, us-core-documentreference-category)
* ^caseSensitive = true
* ^content = #complete
* #clinical-note "Clinical Note" "Part of the medical record created by a clinician about a patient."

CodeSystem: USCoreProvenancePaticipantTypeExtensionCodes
Id: us-core-provenance-participant-type
Title: "US Core Provenance Participant Type Extension Codes"
Description: "Provenance agent type codes defined by US Core."
* insert USCore(CodeSystem, us-core-provenance-participant-type)
* ^caseSensitive = true
* ^content = #complete
* #transmitter "Transmitter" "The entity that sent the resource, which may differ from its author."

ValueSet: BirthSex
Id: birthsex
Title: "Birth Sex"
Description: "Sex assigned at birth: female, male or unknown."
* insert USCore(ValueSet, birthsex)
* $v3-AdministrativeGender#F "Female"
* $v3-AdministrativeGender#M "Male"
* $v3-NullFlavor#UNK "Unknown"

ValueSet: OmbRaceCategories
Id: omb-race-category
Title: "OMB Race Categories"
Description: "The five OMB minimum race categories and two null flavors."
* insert USCore(ValueSet, omb-race-category)
* $cdcrec#1002-5 "American Indian or Alaska Native"
* $cdcrec#2028-9 "Asian"
* $cdcrec#2054-5 "Black or African American"
* $cdcrec#2076-8 "Native Hawaiian or Other Pacific Islander"
* $cdcrec#2106-3 "White"
* $v3-NullFlavor#UNK "Unknown"
* $v3-NullFlavor#ASKU "Asked but no answer"

ValueSet: OmbEthnicityCategories
Id: omb-ethnicity-category
Title: "OMB Ethnicity Categories"
Description: "The two OMB minimum ethnicity categories."
* insert USCore(ValueSet, omb-ethnicity-category)
* $cdcrec#2135-2 "Hispanic or Latino"
* $cdcrec#2186-5 "Non Hispanic or Latino"

ValueSet: DetailedRace
Id: detailed-race
Title: "Detailed race"
Description: "CDC race codes below 'Race' other than the OMB categories (needs the full CDC hierarchy: not checked locally)."
* insert USCore(ValueSet, detailed-race)
* include codes from system $cdcrec where concept is-a #1000-9
* exclude $cdcrec#1002-5
* exclude $cdcrec#2028-9
* exclude $cdcrec#2054-5
* exclude $cdcrec#2076-8
* exclude $cdcrec#2106-3

ValueSet: DetailedEthnicity
Id: detailed-ethnicity
Title: "Detailed ethnicity"
Description: "CDC ethnicity codes below 'Ethnicity' other than the OMB categories (needs the full CDC hierarchy: not checked locally)."
* insert USCore(ValueSet, detailed-ethnicity)
* include codes from system $cdcrec where concept is-a #2133-7
* exclude $cdcrec#2135-2
* exclude $cdcrec#2186-5

ValueSet: NarrativeStatus
Id: us-core-narrative-status
Title: "Narrative Status"
Description: "Narrative status codes allowed by US Core: generated or additional."
* insert USCore(ValueSet, us-core-narrative-status)
* http://hl7.org/fhir/narrative-status#additional "additional"
* http://hl7.org/fhir/narrative-status#generated "generated"

ValueSet: USCoreObservationSmokingStatusStatus
Id: us-core-observation-smoking-status-status
Title: "US Core Status for Smoking Status Observation"
Description: "A smoking status observation is final or entered in error."
* insert USCore(ValueSet, us-core-observation-smoking-status-status)
* http://hl7.org/fhir/observation-status#final
* http://hl7.org/fhir/observation-status#entered-in-error

ValueSet: USCoreDocumentReferenceType
Id: us-core-documentreference-type
Title: "US Core DocumentReference Type"
Description: "LOINC document codes (SCALE_TYP = DOC) or 'unknown'. The LOINC part needs LOINC: not checked locally."
* insert USCore(ValueSet, us-core-documentreference-type)
* $v3-NullFlavor#UNK "unknown"
* include codes from system $loinc where SCALE_TYP = "DOC"

ValueSet: USCoreProvenancePaticipantTypeCodes
Id: us-core-provenance-participant-type
Title: "US Core Provenance Participant Type Codes"
Description: "Provenance agent types: the US Core transmitter code and the HL7 participant types."
* insert USCore(ValueSet, us-core-provenance-participant-type)
* include codes from system http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type
* include codes from system $provenance-participant-type

ValueSet: USCoreConditionCategoryCodes
Id: us-core-condition-category
Title: "US Core Condition Category Codes"
Description: "HL7 condition categories plus the US Core health-concern code."
* insert USCore(ValueSet, us-core-condition-category)
* include codes from system http://terminology.hl7.org/CodeSystem/condition-category
* http://hl7.org/fhir/us/core/CodeSystem/condition-category#health-concern "Health Concern"

ValueSet: USCoreDocumentReferenceCategory
Id: us-core-documentreference-category
Title: "US Core DocumentReference Category"
Description: "Document categories defined by US Core."
* insert USCore(ValueSet, us-core-documentreference-category)
* include codes from system http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category

ValueSet: USCoreDiagnosticReportCategory
Id: us-core-diagnosticreport-category
Title: "US Core DiagnosticReport Category"
Description: "LOINC part codes for radiology, cardiology and pathology reports."
* insert USCore(ValueSet, us-core-diagnosticreport-category)
* $loinc#LP29684-5 "Radiology"
* $loinc#LP29708-2 "Cardiology"
* $loinc#LP7839-6 "Pathology"

ValueSet: USCoreSmokingStatusObservationCodes
Id: us-core-smoking-status-observation-codes
Title: "US Core Smoking Status Observation Codes"
Description: "The LOINC code of a smoking status observation."
* insert USCore(ValueSet, us-core-smoking-status-observation-codes)
* $loinc#72166-2 "Tobacco smoking status NHIS"

ValueSet: UsCoreSmokingStatusPreferred
Id: us-core-observation-smokingstatus
Title: "US Core Smoking Status Preferred"
Description: "SNOMED CT smoking status answers."
* insert USCore(ValueSet, us-core-observation-smokingstatus)
* $sct#449868002 "Current every day smoker"
* $sct#428041000124106 "Current some day smoker"
* $sct#8517006 "Former smoker"
* $sct#266919005 "Never smoker"
* $sct#77176002 "Smoker, current status unknown"
* $sct#266927001 "Unknown if ever smoked"
* $sct#428071000124103 "Current Heavy tobacco smoker"
* $sct#428061000124105 "Current Light tobacco smoker"

ValueSet: UspsTwoLetterAlphabeticCodes
Id: us-core-usps-state
Title: "USPS Two Letter Alphabetic Codes"
Description: "US states, the District of Columbia and US territories by their USPS two-letter code."
* insert USCore(ValueSet, us-core-usps-state)
* https://www.usps.com/#AK "Alaska"
* https://www.usps.com/#AL "Alabama"
* https://www.usps.com/#AR "Arkansas"
* https://www.usps.com/#AS "American Samoa"
* https://www.usps.com/#AZ "Arizona"
* https://www.usps.com/#CA "California"
* https://www.usps.com/#CO "Colorado"
* https://www.usps.com/#CT "Connecticut"
* https://www.usps.com/#DC "District of Columbia"
* https://www.usps.com/#DE "Delaware"
* https://www.usps.com/#FL "Florida"
* https://www.usps.com/#FM "Federated States of Micronesia"
* https://www.usps.com/#GA "Georgia"
* https://www.usps.com/#GU "Guam"
* https://www.usps.com/#HI "Hawaii"
* https://www.usps.com/#IA "Iowa"
* https://www.usps.com/#ID "Idaho"
* https://www.usps.com/#IL "Illinois"
* https://www.usps.com/#IN "Indiana"
* https://www.usps.com/#KS "Kansas"
* https://www.usps.com/#KY "Kentucky"
* https://www.usps.com/#LA "Louisiana"
* https://www.usps.com/#MA "Massachusetts"
* https://www.usps.com/#MD "Maryland"
* https://www.usps.com/#ME "Maine"
* https://www.usps.com/#MH "Marshall Islands"
* https://www.usps.com/#MI "Michigan"
* https://www.usps.com/#MN "Minnesota"
* https://www.usps.com/#MO "Missouri"
* https://www.usps.com/#MP "Northern Mariana Islands"
* https://www.usps.com/#MS "Mississippi"
* https://www.usps.com/#MT "Montana"
* https://www.usps.com/#NC "North Carolina"
* https://www.usps.com/#ND "North Dakota"
* https://www.usps.com/#NE "Nebraska"
* https://www.usps.com/#NH "New Hampshire"
* https://www.usps.com/#NJ "New Jersey"
* https://www.usps.com/#NM "New Mexico"
* https://www.usps.com/#NV "Nevada"
* https://www.usps.com/#NY "New York"
* https://www.usps.com/#OH "Ohio"
* https://www.usps.com/#OK "Oklahoma"
* https://www.usps.com/#OR "Oregon"
* https://www.usps.com/#PA "Pennsylvania"
* https://www.usps.com/#PR "Puerto Rico"
* https://www.usps.com/#PW "Palau"
* https://www.usps.com/#RI "Rhode Island"
* https://www.usps.com/#SC "South Carolina"
* https://www.usps.com/#SD "South Dakota"
* https://www.usps.com/#TN "Tennessee"
* https://www.usps.com/#TX "Texas"
* https://www.usps.com/#UT "Utah"
* https://www.usps.com/#VA "Virginia"
* https://www.usps.com/#VI "Virgin Islands of the U.S."
* https://www.usps.com/#VT "Vermont"
* https://www.usps.com/#WA "Washington"
* https://www.usps.com/#WI "Wisconsin"
* https://www.usps.com/#WV "West Virginia"
* https://www.usps.com/#WY "Wyoming"

ValueSet: USCoreProviderSpecialityNucc
Id: us-core-provider-specialty
Title: "US Core Provider Speciality (NUCC)"
Description: "Non-abstract NUCC Health Care Provider Taxonomy codes (external code system: not checked locally)."
* insert USCore(ValueSet, us-core-provider-specialty)
* include codes from system http://nucc.org/provider-taxonomy where abstract = "false"

// Intensional US Core value sets of extensible bindings (external code systems: not checked locally).

ValueSet: USCoreConditionCode
Id: us-core-condition-code
Title: "US Core Condition Code"
Description: "SNOMED CT findings and situations, ICD-10-CM and ICD-9-CM diagnoses."
* insert USCore(ValueSet, us-core-condition-code)
* $sct#160245001
* include codes from system $sct where concept is-a #404684003
* include codes from system $sct where concept is-a #243796009
* include codes from system http://hl7.org/fhir/sid/icd-10-cm
* include codes from system http://hl7.org/fhir/sid/icd-9-cm

ValueSet: USCoreEncounterType
Id: us-core-encounter-type
Title: "US Core Encounter Type"
Description: "SNOMED CT procedures of the encounter kind and CPT codes."
* insert USCore(ValueSet, us-core-encounter-type)
* include codes from system $sct where concept is-a #308335008
* include codes from system http://www.ama-assn.org/go/cpt

ValueSet: USCoreMedicationCodes
Id: us-core-medication-codes
Title: "US Core Medication Codes (RxNorm)"
Description: "RxNorm clinical and branded drugs, packs and groups."
* insert USCore(ValueSet, us-core-medication-codes)
* include codes from system http://www.nlm.nih.gov/research/umls/rxnorm where TTY in "SCD,SBD,GPCK,BPCK,SCDG,SBDG,SCDF,SBDF"

ValueSet: USCoreProcedureCodes
Id: us-core-procedure-code
Title: "US Core Procedure Codes"
Description: "CPT, SNOMED CT procedures, CDT, ICD-10-PCS and HCPCS."
* insert USCore(ValueSet, us-core-procedure-code)
* include codes from system http://www.ama-assn.org/go/cpt
* include codes from system $sct where concept is-a #71388002
* include codes from system urn:oid:2.16.840.1.113883.6.285
* include codes from system http://www.cms.gov/Medicare/Coding/ICD10
* include codes from system urn:oid:2.16.840.1.113883.6.13

ValueSet: USCoreCareTeamProviderRoles
Id: us-core-careteam-provider-roles
Title: "US Core CareTeam Provider Roles"
Description: "NUCC provider taxonomy and SNOMED CT occupations and person roles."
* insert USCore(ValueSet, us-core-careteam-provider-roles)
* include codes from system http://nucc.org/provider-taxonomy
* include codes from system $sct where concept is-a #223366009
* include codes from system $sct where concept is-a #224930009

ValueSet: USCoreDiagnosticReportLabCodes
Id: us-core-diagnosticreport-lab-codes
Title: "US Core Diagnostic Report Laboratory Codes"
Description: "LOINC laboratory codes (CLASSTYPE 1)."
* insert USCore(ValueSet, us-core-diagnosticreport-lab-codes)
* include codes from system $loinc where CLASSTYPE = "1"

ValueSet: USCoreDiagnosticreportReportAndNoteCodes
Id: us-core-diagnosticreport-report-and-note-codes
Title: "US Core Diagnosticreport Report And Note Codes"
Description: "All LOINC codes."
* insert USCore(ValueSet, us-core-diagnosticreport-report-and-note-codes)
* include codes from system $loinc

ValueSet: USCoreObservationValueCodes
Id: us-core-observation-value-codes
Title: "US Core Observation Value Codes (SNOMED-CT)"
Description: "All SNOMED CT codes."
* insert USCore(ValueSet, us-core-observation-value-codes)
* include codes from system $sct

ValueSet: USCoreSmokingStatusmaxValueSet
Id: us-core-observation-smokingstatus-max
Title: "US Core Smoking Status Max-Binding"
Description: "All SNOMED CT codes (the maximum binding of smoking status answers)."
* insert USCore(ValueSet, us-core-observation-smokingstatus-max)
* include codes from system $sct

ValueSet: LanguageCodesWithLanguageAndOptionallyARegionModifier
Id: simple-language
Title: "Language codes with language and optionally a region modifier"
Description: "BCP-47 language tags with at most a region subtag."
* insert USCore(ValueSet, simple-language)
* include codes from system urn:ietf:bcp:47 where ext-lang exists "false" and script exists "false" and variant exists "false" and extension exists "false" and private-use exists "false"

ValueSet: USCoreIcd_10PcsProcedureCodes
Id: us-core-procedure-icd10pcs
Title: "US Core ICD-10-PCS Procedure Codes"
Description: "All ICD-10-PCS codes."
* insert USCore(ValueSet, us-core-procedure-icd10pcs)
* include codes from system http://www.cms.gov/Medicare/Coding/ICD10

ValueSet: USCoreClinicalNoteType
Id: us-core-clinical-note-type
Title: "US Core Clinical Note Type"
Description: "The five LOINC note types every US Core server supports."
* insert USCore(ValueSet, us-core-clinical-note-type)
* $loinc#18842-5 "Discharge summary"
* $loinc#11488-4 "Consult note"
* $loinc#34117-2 "History and physical note"
* $loinc#11506-3 "Progress note"
* $loinc#28570-0 "Procedure note"

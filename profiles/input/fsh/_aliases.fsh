// Short names for the canonical bases and code systems used across the package.
Alias: $loinc = http://loinc.org
Alias: $sct = http://snomed.info/sct
Alias: $ucum = http://unitsofmeasure.org
Alias: $cdcrec = urn:oid:2.16.840.1.113883.6.238
Alias: $v2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $v2-0074 = http://terminology.hl7.org/CodeSystem/v2-0074
Alias: $v3-NullFlavor = http://terminology.hl7.org/CodeSystem/v3-NullFlavor
Alias: $v3-AdministrativeGender = http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender
Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v3-ParticipationType = http://terminology.hl7.org/CodeSystem/v3-ParticipationType
Alias: $obs-category = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $provenance-participant-type = http://terminology.hl7.org/CodeSystem/provenance-participant-type
Alias: $consentscope = http://terminology.hl7.org/CodeSystem/consentscope
Alias: $consentaction = http://terminology.hl7.org/CodeSystem/consentaction
Alias: $coverage-class = http://terminology.hl7.org/CodeSystem/coverage-class
Alias: $npi = http://hl7.org/fhir/sid/us-npi
Alias: $dar = http://hl7.org/fhir/StructureDefinition/data-absent-reason

// Writes profiles/examples/{valid,invalid}/*.json and profiles/examples/expectations.json.
//
// usage: node profiles/tools/write-examples.mjs
//
// Each profile gets one valid instance (written here by hand from the profile's rules) and one or
// more invalid variants, each made from the valid one by a single change that must raise exactly the
// listed errors. Expectation kinds:
//   cardinality-min, cardinality-max   an element (or slice) occurs too few / too many times
//   fixed-value, pattern-value         a fixed[x] / pattern[x] of the profile is not matched
//   binding-required                   a code is not in the value set of a required binding
//   binding-system-undetermined        with binding-required, for a bare code (code, uri, string) that
//                                      no include of the value set holds: its system cannot be inferred
//                                      (the HL7 validator reports both)
//   invariant                          the constraint `key` fails
//   closed-slicing                     an item matches no slice of a closed slicing
//   type                               a choice or reference uses a type the profile excludes
// Locations are FHIRPath-like element ids of the profile (slice names after ':').
import fs from 'node:fs';
import path from 'node:path';

const kOut = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../examples');
const US = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const HREX = 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/';
const PDEX = 'http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/';
const PAS = 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/';
const C4BB = 'http://hl7.org/fhir/us/carin-bb/StructureDefinition/';
const LOINC = 'http://loinc.org';
const SCT = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const THO = 'http://terminology.hl7.org/CodeSystem/';

const cc = (system, code, display) => ({coding: [{system, code, ...(display ? {display} : {})}]});
const ref = (reference, display) => ({reference, ...(display ? {display} : {})});
const narrative = (text) => ({status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${text}</div>`});
const clone = (value) => JSON.parse(JSON.stringify(value));

const examples = {};  // "valid/<name>.json" -> {profile, errors, resource}

/**
 * Registers a profile's valid example and its invalid variants.
 * variants: [{name, change(resource), errors: [{location, kind, key?}]}]
 */
function profile(url, name, resource, variants) {
  const {resourceType, id, meta, ...rest} = resource;
  const base = {resourceType, id: id ?? name, meta: {...(meta ?? {}), profile: meta?.profile ?? [url]}, ...rest};
  examples[`valid/${name}.json`] = {profile: url, errors: [], resource: base};
  for (const variant of variants) {
    const bad = clone(base);
    bad.id = `${name}-${variant.name}`;
    variant.change(bad);
    examples[`invalid/${name}-${variant.name}.json`] = {profile: url, errors: variant.errors, resource: bad};
  }
}

// ---------------------------------------------------------------- US Core 3.1.1
const usPatient = {
  resourceType: 'Patient',
  text: narrative('Maria Lopez, female, born 1987-03-14'),
  extension: [
    {url: `${US}us-core-race`, extension: [
      {url: 'ombCategory', valueCoding: {system: 'urn:oid:2.16.840.1.113883.6.238', code: '2106-3', display: 'White'}},
      {url: 'text', valueString: 'White'}]},
    {url: `${US}us-core-ethnicity`, extension: [
      {url: 'ombCategory', valueCoding: {system: 'urn:oid:2.16.840.1.113883.6.238', code: '2135-2', display: 'Hispanic or Latino'}},
      {url: 'text', valueString: 'Hispanic or Latino'}]},
    {url: `${US}us-core-birthsex`, valueCode: 'F'},
  ],
  identifier: [{system: 'http://hospital.example.org/mrn', value: 'MRN-448812'}],
  name: [{family: 'Lopez', given: ['Maria', 'Elena']}],
  telecom: [{system: 'phone', value: '555-201-3344', use: 'home'}],
  gender: 'female',
  birthDate: '1987-03-14',
  address: [{line: ['12 Cedar Lane'], city: 'Springfield', state: 'IL', postalCode: '62704'}],
  communication: [{language: cc('urn:ietf:bcp:47', 'es', 'Spanish')}],
};
profile(`${US}us-core-patient`, 'us-core-patient', usPatient, [
  {name: 'no-identifier', change: (r) => delete r.identifier,
    errors: [{location: 'Patient.identifier', kind: 'cardinality-min'}]},
  {name: 'no-gender', change: (r) => delete r.gender,
    errors: [{location: 'Patient.gender', kind: 'cardinality-min'}]},
  {name: 'empty-name', change: (r) => { r.name = [{text: 'Maria Lopez'}]; },
    errors: [{location: 'Patient.name', kind: 'invariant', key: 'us-core-8'}]},
  {name: 'birthsex-code', change: (r) => { r.extension[2].valueCode = 'X'; },
    errors: [{location: 'Patient.extension:birthsex.valueCode', kind: 'binding-required'}, {location: 'Patient.extension:birthsex.valueCode', kind: 'binding-system-undetermined'}]},
  {name: 'race-no-text', change: (r) => { r.extension[0].extension.pop(); },
    errors: [{location: 'Patient.extension:race.extension:text', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-allergyintolerance`, 'us-core-allergyintolerance', {
  resourceType: 'AllergyIntolerance',
  clinicalStatus: cc(`${THO}allergyintolerance-clinical`, 'active'),
  verificationStatus: cc(`${THO}allergyintolerance-verification`, 'confirmed'),
  code: cc(SCT, '91936005', 'Allergy to penicillin'),
  patient: ref('Patient/us-core-patient'),
  reaction: [{manifestation: [cc(SCT, '271807003', 'Eruption of skin')]}],
}, [
  {name: 'no-code', change: (r) => delete r.code,
    errors: [{location: 'AllergyIntolerance.code', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-careplan`, 'us-core-careplan', {
  resourceType: 'CarePlan',
  text: narrative('Diet and exercise plan for type 2 diabetes'),
  status: 'active',
  intent: 'plan',
  category: [cc('http://hl7.org/fhir/us/core/CodeSystem/careplan-category', 'assess-plan')],
  subject: ref('Patient/us-core-patient'),
}, [
  {name: 'text-status', change: (r) => { r.text.status = 'extensions'; },
    errors: [{location: 'CarePlan.text.status', kind: 'binding-required'}, {location: 'CarePlan.text.status', kind: 'binding-system-undetermined'}]},
  {name: 'no-assess-plan', change: (r) => { r.category = [cc(SCT, '734163000', 'Care plan')]; },
    errors: [{location: 'CarePlan.category:AssessPlan', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-careteam`, 'us-core-careteam', {
  resourceType: 'CareTeam',
  status: 'active',
  subject: ref('Patient/us-core-patient'),
  participant: [{role: [cc(SCT, '17561000', 'Cardiologist')], member: ref('Practitioner/us-core-practitioner')}],
}, [
  {name: 'no-participant', change: (r) => delete r.participant,
    errors: [{location: 'CareTeam.participant', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-condition`, 'us-core-condition', {
  resourceType: 'Condition',
  clinicalStatus: cc(`${THO}condition-clinical`, 'active'),
  verificationStatus: cc(`${THO}condition-ver-status`, 'confirmed'),
  category: [cc(`${THO}condition-category`, 'problem-list-item')],
  code: cc(SCT, '44054006', 'Diabetes mellitus type 2'),
  subject: ref('Patient/us-core-patient'),
}, [
  {name: 'no-category', change: (r) => delete r.category,
    errors: [{location: 'Condition.category', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-diagnosticreport-lab`, 'us-core-diagnosticreport-lab', {
  resourceType: 'DiagnosticReport',
  status: 'final',
  category: [cc(`${THO}v2-0074`, 'LAB')],
  code: cc(LOINC, '24323-8', 'Comprehensive metabolic 2000 panel - Serum or Plasma'),
  subject: ref('Patient/us-core-patient'),
  effectiveDateTime: '2024-02-10T08:30:00-05:00',
  issued: '2024-02-10T14:00:00-05:00',
  result: [ref('Observation/us-core-observation-lab')],
}, [
  {name: 'no-issued', change: (r) => delete r.issued,
    errors: [{location: 'DiagnosticReport.issued', kind: 'cardinality-min'}]},
  {name: 'no-lab-category', change: (r) => { r.category = [cc(`${THO}v2-0074`, 'RAD')]; },
    errors: [{location: 'DiagnosticReport.category:LaboratorySlice', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-diagnosticreport-note`, 'us-core-diagnosticreport-note', {
  resourceType: 'DiagnosticReport',
  status: 'final',
  category: [cc(LOINC, 'LP29684-5', 'Radiology')],
  code: cc(LOINC, '30746-2', 'Portable XR Chest Views'),
  subject: ref('Patient/us-core-patient'),
  effectiveDateTime: '2024-02-11T09:00:00-05:00',
  presentedForm: [{contentType: 'text/plain', data: 'Tm8gYWN1dGUgZmluZGluZ3Mu'}],
}, [
  {name: 'no-effective', change: (r) => delete r.effectiveDateTime,
    errors: [{location: 'DiagnosticReport.effective[x]', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-documentreference`, 'us-core-documentreference', {
  resourceType: 'DocumentReference',
  status: 'current',
  type: cc(LOINC, '18842-5', 'Discharge summary'),
  category: [cc('http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', 'clinical-note')],
  subject: ref('Patient/us-core-patient'),
  date: '2024-02-12T10:00:00-05:00',
  content: [{attachment: {contentType: 'text/plain', url: 'http://hospital.example.org/docs/ds-1.txt'}}],
}, [
  {name: 'attachment-empty', change: (r) => { delete r.content[0].attachment.url; },
    errors: [{location: 'DocumentReference.content.attachment', kind: 'invariant', key: 'us-core-6'}]},
  {name: 'no-type', change: (r) => delete r.type,
    errors: [{location: 'DocumentReference.type', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-encounter`, 'us-core-encounter', {
  resourceType: 'Encounter',
  status: 'finished',
  class: {system: `${THO}v3-ActCode`, code: 'AMB', display: 'ambulatory'},
  type: [cc(SCT, '185349003', 'Encounter for check up')],
  subject: ref('Patient/us-core-patient'),
  period: {start: '2024-02-10T08:00:00-05:00', end: '2024-02-10T08:40:00-05:00'},
}, [
  {name: 'no-type', change: (r) => delete r.type,
    errors: [{location: 'Encounter.type', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-goal`, 'us-core-goal', {
  resourceType: 'Goal',
  lifecycleStatus: 'active',
  description: {text: 'Lower HbA1c below 7%'},
  subject: ref('Patient/us-core-patient'),
  target: [{dueDate: '2024-08-01'}],
}, [
  {name: 'due-duration', change: (r) => { r.target[0] = {dueDuration: {value: 6, unit: 'mo', system: UCUM, code: 'mo'}}; },
    errors: [{location: 'Goal.target.dueDuration', kind: 'type'}]},
]);

profile(`${US}us-core-immunization`, 'us-core-immunization', {
  resourceType: 'Immunization',
  status: 'completed',
  vaccineCode: cc('http://hl7.org/fhir/sid/cvx', '140', 'Influenza, seasonal, injectable, preservative free'),
  patient: ref('Patient/us-core-patient'),
  occurrenceDateTime: '2023-10-02',
  primarySource: true,
}, [
  {name: 'no-primary-source', change: (r) => delete r.primarySource,
    errors: [{location: 'Immunization.primarySource', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-implantable-device`, 'us-core-implantable-device', {
  resourceType: 'Device',
  udiCarrier: [{deviceIdentifier: '09504000059118', carrierHRF: '(01)09504000059118(17)141120(10)7654321D(21)10987654d321'}],
  lotNumber: '7654321D',
  serialNumber: '10987654d321',
  type: cc(SCT, '468063009', 'Coated femoral stem prosthesis, modular'),
  patient: ref('Patient/us-core-patient'),
}, [
  {name: 'udi-no-carrier', change: (r) => { delete r.udiCarrier[0].carrierHRF; },
    errors: [{location: 'Device', kind: 'invariant', key: 'us-core-12'}]},
  {name: 'two-udi', change: (r) => { r.udiCarrier.push(clone(r.udiCarrier[0])); },
    errors: [{location: 'Device.udiCarrier', kind: 'cardinality-max'}]},
]);

profile(`${US}us-core-location`, 'us-core-location', {
  resourceType: 'Location',
  status: 'active',
  name: 'Springfield Family Clinic',
  address: {line: ['400 Main St'], city: 'Springfield', state: 'IL', postalCode: '62701'},
  managingOrganization: ref('Organization/us-core-organization'),
}, [
  {name: 'no-name', change: (r) => delete r.name,
    errors: [{location: 'Location.name', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-medication`, 'us-core-medication', {
  resourceType: 'Medication',
  code: cc('http://www.nlm.nih.gov/research/umls/rxnorm', '860975', 'metformin hydrochloride 500 MG Oral Tablet'),
}, [
  {name: 'no-code', change: (r) => delete r.code,
    errors: [{location: 'Medication.code', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-medicationrequest`, 'us-core-medicationrequest', {
  resourceType: 'MedicationRequest',
  status: 'active',
  intent: 'order',
  reportedBoolean: false,
  medicationCodeableConcept: cc('http://www.nlm.nih.gov/research/umls/rxnorm', '860975', 'metformin hydrochloride 500 MG Oral Tablet'),
  subject: ref('Patient/us-core-patient'),
  authoredOn: '2024-02-10',
  requester: ref('Practitioner/us-core-practitioner'),
  dosageInstruction: [{text: 'One tablet by mouth twice daily with meals'}],
}, [
  {name: 'no-authored-on', change: (r) => delete r.authoredOn,
    errors: [{location: 'MedicationRequest.authoredOn', kind: 'cardinality-min'}]},
  {name: 'no-requester', change: (r) => delete r.requester,
    errors: [{location: 'MedicationRequest.requester', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-observation-lab`, 'us-core-observation-lab', {
  resourceType: 'Observation',
  status: 'final',
  category: [cc(`${THO}observation-category`, 'laboratory')],
  code: cc(LOINC, '2345-7', 'Glucose [Mass/volume] in Serum or Plasma'),
  subject: ref('Patient/us-core-patient'),
  effectiveDateTime: '2024-02-10T08:30:00-05:00',
  valueQuantity: {value: 112, unit: 'mg/dL', system: UCUM, code: 'mg/dL'},
}, [
  {name: 'effective-year-only', change: (r) => { r.effectiveDateTime = '2024'; },
    errors: [{location: 'Observation.effective[x]', kind: 'invariant', key: 'us-core-1'}]},
  // No 'unit not UCUM' case: us-core-3 sits on Observation.value[x] but tests valueQuantity.system,
  // which is always empty in that context, so as published it can never fail.
  {name: 'no-value', change: (r) => delete r.valueQuantity,
    errors: [{location: 'Observation', kind: 'invariant', key: 'us-core-2'}]},
]);

profile(`${US}us-core-smokingstatus`, 'us-core-smokingstatus', {
  resourceType: 'Observation',
  status: 'final',
  code: cc(LOINC, '72166-2', 'Tobacco smoking status NHIS'),
  subject: ref('Patient/us-core-patient'),
  issued: '2024-02-10T09:00:00-05:00',
  valueCodeableConcept: cc(SCT, '8517006', 'Former smoker'),
}, [
  {name: 'preliminary', change: (r) => { r.status = 'preliminary'; },
    errors: [{location: 'Observation.status', kind: 'binding-required'}, {location: 'Observation.status', kind: 'binding-system-undetermined'}]},
  {name: 'no-issued', change: (r) => delete r.issued,
    errors: [{location: 'Observation.issued', kind: 'cardinality-min'}]},
]);

// Vital-sign style observations (FHIR core vitalsigns profile plus US Core's code and UCUM '%').
const vital = (code, display, value) => ({
  resourceType: 'Observation',
  status: 'final',
  category: [cc(`${THO}observation-category`, 'vital-signs')],
  code: cc(LOINC, code, display),
  subject: ref('Patient/us-core-patient'),
  effectiveDateTime: '2024-02-10T08:30:00-05:00',
  valueQuantity: {value, unit: '%', system: UCUM, code: '%'},
});
profile(`${US}pediatric-bmi-for-age`, 'pediatric-bmi-for-age',
  vital('59576-9', 'Body mass index (BMI) [Percentile] Per age and sex', 65), [
    {name: 'unit-kg', change: (r) => { r.valueQuantity.code = 'kg'; },
      errors: [{location: 'Observation.valueQuantity.code', kind: 'fixed-value'}]},
  ]);
profile(`${US}pediatric-weight-for-height`, 'pediatric-weight-for-height',
  vital('77606-2', 'Weight-for-length Per age and sex', 40), [
    {name: 'no-unit', change: (r) => { delete r.valueQuantity.unit; },
      errors: [{location: 'Observation.valueQuantity.unit', kind: 'cardinality-min'}]},
  ]);
profile(`${US}head-occipital-frontal-circumference-percentile`, 'head-occipital-frontal-circumference-percentile',
  vital('8289-1', 'Head Occipital-frontal circumference Percentile', 55), [
    {name: 'wrong-code', change: (r) => { r.code = cc(LOINC, '59576-9', 'Body mass index (BMI) [Percentile] Per age and sex'); },
      errors: [{location: 'Observation.code', kind: 'pattern-value'}]},
  ]);
profile(`${US}us-core-pulse-oximetry`, 'us-core-pulse-oximetry', {
  resourceType: 'Observation',
  status: 'final',
  category: [cc(`${THO}observation-category`, 'vital-signs')],
  code: {coding: [
    {system: LOINC, code: '2708-6', display: 'Oxygen saturation in Arterial blood'},
    {system: LOINC, code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry'}]},
  subject: ref('Patient/us-core-patient'),
  effectiveDateTime: '2024-02-10T08:30:00-05:00',
  valueQuantity: {value: 97, unit: '%', system: UCUM, code: '%'},
  // A Concentration component, not FlowRate: FHIR R4's vitalsigns profile binds component
  // quantities to ucum-vitals-common (required), which has '%' but not 'L/min'.
  component: [{code: cc(LOINC, '3150-0', 'Inhaled oxygen concentration'), valueQuantity: {value: 28, unit: '%', system: UCUM, code: '%'}}],
}, [
  {name: 'no-pulse-ox-code', change: (r) => { r.code.coding.pop(); },
    errors: [{location: 'Observation.code.coding:PulseOx', kind: 'cardinality-min'}]},
  {name: 'concentration-no-unit', change: (r) => { delete r.component[0].valueQuantity.unit; },
    errors: [{location: 'Observation.component:Concentration.valueQuantity.unit', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-organization`, 'us-core-organization', {
  resourceType: 'Organization',
  identifier: [{system: NPI, value: '1407071236'}],
  active: true,
  name: 'Springfield Family Clinic',
  telecom: [{system: 'phone', value: '555-201-1000'}],
  address: [{line: ['400 Main St'], city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US'}],
}, [
  {name: 'no-name', change: (r) => delete r.name,
    errors: [{location: 'Organization.name', kind: 'cardinality-min'}]},
  {name: 'no-active', change: (r) => delete r.active,
    errors: [{location: 'Organization.active', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-practitioner`, 'us-core-practitioner', {
  resourceType: 'Practitioner',
  identifier: [{system: NPI, value: '1234567893'}],
  name: [{family: 'Okafor', given: ['Adaeze'], prefix: ['Dr']}],
  telecom: [{extension: [{url: `${US}us-core-direct`, valueBoolean: true}], system: 'email', value: 'aokafor@direct.clinic.example.org'}],
}, [
  {name: 'no-family', change: (r) => { delete r.name[0].family; },
    errors: [{location: 'Practitioner.name.family', kind: 'cardinality-min'}]},
  {name: 'identifier-no-system', change: (r) => { r.identifier = [{value: '1234567893'}]; },
    errors: [{location: 'Practitioner.identifier.system', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-practitionerrole`, 'us-core-practitionerrole', {
  resourceType: 'PractitionerRole',
  practitioner: ref('Practitioner/us-core-practitioner'),
  organization: ref('Organization/us-core-organization'),
  code: [cc('http://nucc.org/provider-taxonomy', '207Q00000X', 'Family Medicine Physician')],
  telecom: [{system: 'phone', value: '555-201-1001'}],
}, [
  {name: 'no-contact', change: (r) => delete r.telecom,
    errors: [{location: 'PractitionerRole', kind: 'invariant', key: 'pd-1'}]},
  {name: 'no-organization', change: (r) => delete r.organization,
    errors: [{location: 'PractitionerRole.organization', kind: 'cardinality-min'}]},
]);

profile(`${US}us-core-procedure`, 'us-core-procedure', {
  resourceType: 'Procedure',
  status: 'completed',
  code: cc(SCT, '73761001', 'Colonoscopy'),
  subject: ref('Patient/us-core-patient'),
  performedDateTime: '2023-11-20',
}, [
  {name: 'no-performed', change: (r) => delete r.performedDateTime,
    errors: [{location: 'Procedure.performed[x]', kind: 'cardinality-min'}]},
  {name: 'performed-age', change: (r) => { delete r.performedDateTime; r.performedAge = {value: 50, unit: 'a', system: UCUM, code: 'a'}; },
    errors: [{location: 'Procedure.performedAge', kind: 'type'}]},
]);

const usProvenance = {
  resourceType: 'Provenance',
  target: [ref('Observation/us-core-observation-lab')],
  recorded: '2024-02-10T14:05:00-05:00',
  agent: [
    {type: cc(`${THO}provenance-participant-type`, 'author'), who: ref('Organization/us-core-organization')},
    {type: cc('http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type', 'transmitter'),
      who: ref('Organization/us-core-organization')},
  ],
};
profile(`${US}us-core-provenance`, 'us-core-provenance', usProvenance, [
  {name: 'two-transmitters', change: (r) => { r.agent.push(clone(r.agent[1])); },
    errors: [{location: 'Provenance.agent:ProvenanceTransmitter', kind: 'cardinality-max'}]},
]);

// ---------------------------------------------------------------- HRex 1.0.0
const hrexPatient = {
  resourceType: 'Patient',
  name: [{family: 'Person', given: ['Patricia', 'Ann']}],
  gender: 'female',
  birthDate: '1974-12-25',
};
profile(`${HREX}hrex-patient-demographics`, 'hrex-patient-demographics', hrexPatient, [
  {name: 'no-birthdate', change: (r) => delete r.birthDate,
    errors: [{location: 'Patient.birthDate', kind: 'cardinality-min'}]},
  {name: 'no-given', change: (r) => { delete r.name[0].given; },
    errors: [{location: 'Patient.name.given', kind: 'cardinality-min'}]},
]);

const hrexCoverage = {
  resourceType: 'Coverage',
  identifier: [{type: cc(`${THO}v2-0203`, 'MB'), system: 'http://example.org/old-payer', value: 'DH10001235'}],
  status: 'active',
  beneficiary: ref('Patient/hrex-patient-demographics'),
  payor: [{identifier: {system: NPI, value: '9876543210'}, display: 'Old Health Plan'}],
  class: [{type: cc(`${THO}coverage-class`, 'group'), value: 'CB135', name: 'Corporate Baker\'s Inc. Local #35'}],
};
profile(`${HREX}hrex-coverage`, 'hrex-coverage', hrexCoverage, [
  {name: 'no-member-id', change: (r) => delete r.identifier,
    errors: [{location: 'Coverage', kind: 'invariant', key: 'hrex-cov-1'}]},
  {name: 'two-identifiers', change: (r) => { r.identifier.push({system: 'http://example.org/old-payer/alt', value: 'X-1'}); },
    errors: [{location: 'Coverage.identifier', kind: 'cardinality-max'}]},
]);

const hrexConsent = {
  resourceType: 'Consent',
  status: 'active',
  scope: cc(`${THO}consentscope`, 'patient-privacy'),
  category: [cc(`${THO}v3-ActCode`, 'IDSCL')],
  patient: ref('Patient/hrex-patient-demographics'),
  performer: [ref('Patient/hrex-patient-demographics')],
  sourceReference: ref('DocumentReference/signed-consent-form'),
  policy: [{uri: 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular'}],
  provision: {
    type: 'permit',
    period: {start: '2024-01-01', end: '2025-01-01'},
    actor: [
      {role: cc(`${THO}provenance-participant-type`, 'performer'),
        reference: {identifier: {system: NPI, value: '9876543210'}, display: 'Old Health Plan'}},
      {role: cc(`${THO}v3-ParticipationType`, 'IRCP'),
        reference: {identifier: {system: NPI, value: '0123456789'}, display: 'New Health Plan'}},
    ],
    action: [cc(`${THO}consentaction`, 'disclose')],
  },
};
profile(`${HREX}hrex-consent`, 'hrex-consent', hrexConsent, [
  {name: 'deny', change: (r) => { r.provision.type = 'deny'; },
    errors: [{location: 'Consent.provision.type', kind: 'fixed-value'}]},
  {name: 'policy-uri', change: (r) => { r.policy[0].uri = 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#everything'; },
    errors: [{location: 'Consent.policy:hrex.uri', kind: 'binding-required'}]},
  {name: 'no-recipient', change: (r) => { r.provision.actor.pop(); },
    errors: [{location: 'Consent.provision.actor:recipient', kind: 'cardinality-min'}]},
  {name: 'data-period', change: (r) => { r.provision.dataPeriod = {start: '2020-01-01'}; },
    errors: [{location: 'Consent.provision.dataPeriod', kind: 'cardinality-max'}]},
]);

const memberPatient = {...clone(usPatient), id: 'member'};
delete memberPatient.text;
profile(`${HREX}hrex-parameters-member-match-in`, 'hrex-parameters-member-match-in', {
  resourceType: 'Parameters',
  parameter: [
    {name: 'MemberPatient', resource: memberPatient},
    {name: 'CoverageToMatch', resource: {...clone(hrexCoverage), id: 'old-coverage', beneficiary: ref('Patient/member')}},
    {name: 'Consent', resource: {...clone(hrexConsent), id: 'consent', patient: ref('Patient/member'), performer: [ref('Patient/member')]}},
  ],
}, [
  {name: 'unknown-parameter', change: (r) => { r.parameter.push({name: 'Nickname', valueString: 'Pat'}); },
    errors: [{location: 'Parameters.parameter', kind: 'closed-slicing'}]},
  {name: 'patient-no-identifier', change: (r) => { delete r.parameter[0].resource.identifier; },
    errors: [{location: 'Parameters.parameter:memberPatient.resource/Patient.identifier', kind: 'cardinality-min'}]},
]);

profile(`${HREX}hrex-parameters-member-match-out`, 'hrex-parameters-member-match-out', {
  resourceType: 'Parameters',
  parameter: [{name: 'MemberIdentifier', valueIdentifier: {
    type: cc(`${THO}v2-0203`, 'MB'), system: 'http://example.org/old-payer/member-ids', value: '55678'}}],
}, [
  {name: 'type-mr', change: (r) => { r.parameter[0].valueIdentifier.type = cc(`${THO}v2-0203`, 'MR'); },
    errors: [{location: 'Parameters.parameter:MemberIdentifier.valueIdentifier.type', kind: 'pattern-value'}]},
  {name: 'no-value', change: (r) => { delete r.parameter[0].valueIdentifier.value; },
    errors: [{location: 'Parameters.parameter:MemberIdentifier.valueIdentifier.value', kind: 'cardinality-min'}]},
]);

profile(`${HREX}hrex-organization`, 'hrex-organization', {
  resourceType: 'Organization',
  identifier: [{system: NPI, value: '9876543210'}, {system: 'urn:oid:2.16.840.1.113883.4.4', value: '36-1234567'}],
  active: true,
  name: 'Old Health Plan',
}, [
  {name: 'no-identifier', change: (r) => delete r.identifier,
    errors: [{location: 'Organization.identifier', kind: 'cardinality-min'}]},
  {name: 'two-tins', change: (r) => { r.identifier.push({system: 'urn:oid:2.16.840.1.113883.4.4', value: '36-7654321'}); },
    errors: [{location: 'Organization.identifier:tin', kind: 'cardinality-max'}]},
]);

profile(`${HREX}hrex-practitioner`, 'hrex-practitioner', {
  resourceType: 'Practitioner',
  identifier: [{system: NPI, value: '1234567893'}],
  name: [{family: 'Okafor', given: ['Adaeze']}],
  qualification: [{code: {coding: [{system: `${THO}v2-0360`, code: 'MD'}], text: 'Doctor of Medicine'}}],
}, [
  {name: 'qualification-no-text', change: (r) => { delete r.qualification[0].code.text; },
    errors: [{location: 'Practitioner.qualification.code.text', kind: 'cardinality-min'}]},
]);

profile(`${HREX}hrex-practitionerrole`, 'hrex-practitionerrole', {
  resourceType: 'PractitionerRole',
  practitioner: ref('Practitioner/hrex-practitioner'),
  organization: ref('Organization/hrex-organization'),
  telecom: [{system: 'phone', value: '555-301-2000'}],
}, [
  {name: 'no-practitioner', change: (r) => delete r.practitioner,
    errors: [{location: 'PractitionerRole.practitioner', kind: 'cardinality-min'}]},
]);

profile(`${HREX}hrex-provenance`, 'hrex-provenance', clone(usProvenance), [
  {name: 'target-display-only', change: (r) => { r.target = [{display: 'a lab result'}]; },
    errors: [{location: 'Provenance.target.reference', kind: 'cardinality-min'}]},
]);

profile(`${HREX}hrex-claimresponse`, 'hrex-claimresponse', {
  resourceType: 'ClaimResponse',
  status: 'active',
  type: cc(`${THO}claim-type`, 'professional'),
  use: 'preauthorization',
  patient: ref('Patient/us-core-patient'),
  created: '2024-01-15T10:00:00Z',
  insurer: ref('Organization/us-core-organization'),
  outcome: 'complete',
  preAuthRef: 'PA-2024-000117',
  preAuthPeriod: {start: '2024-01-15', end: '2024-07-15'},
  addItem: [{
    extension: [
      {url: 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/extension-itemTraceNumber', valueIdentifier: {system: 'http://example.org/payer/trace', value: 'TRN-2001'}},
      {url: 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/extension-itemPreAuthIssueDate', valueDate: '2024-01-15'},
      {url: 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/extension-itemAuthorizedDate', valuePeriod: {start: '2024-01-15', end: '2024-07-15'}},
      {url: 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/extension-itemAuthorizedProvider', valueReference: ref('Practitioner/us-core-practitioner')},
    ],
    productOrService: cc('http://www.ama-assn.org/go/cpt', '97110', 'Therapeutic exercises'),
    quantity: {value: 12},
    adjudication: [{category: cc(`${THO}adjudication`, 'eligible'), amount: {value: 1200, currency: 'USD'}}],
  }],
}, [
  {name: 'two-issue-dates', change: (r) => { r.addItem[0].extension.push({url: 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/extension-itemPreAuthIssueDate', valueDate: '2024-01-16'}); },
    errors: [{location: 'ClaimResponse.addItem.extension:preAuthIssueDate', kind: 'cardinality-max'}]},
  {name: 'cancelled', change: (r) => { r.status = 'cancelled'; },
    errors: [{location: 'ClaimResponse.status', kind: 'fixed-value'}]},
  {name: 'no-preauth-ref', change: (r) => delete r.preAuthRef,
    errors: [{location: 'ClaimResponse.preAuthRef', kind: 'cardinality-min'}]},
]);

const HRT = 'http://hl7.org/fhir/us/davinci-hrex/CodeSystem/hrex-temp';
profile(`${HREX}hrex-task-data-request`, 'hrex-task-data-request', {
  resourceType: 'Task',
  status: 'in-progress',
  intent: 'order',
  code: cc(HRT, 'data-request'),
  for: ref('Patient/us-core-patient'),
  authoredOn: '2024-03-01T09:00:00Z',
  requester: ref('Organization/hrex-organization'),
  owner: ref('Organization/us-core-organization'),
  input: [{type: cc(HRT, 'data-query'), valueString: 'Observation?category=laboratory&date=ge2023-01-01'}],
}, [
  {name: 'draft', change: (r) => { r.status = 'draft'; },
    errors: [{location: 'Task.status', kind: 'binding-required'}, {location: 'Task.status', kind: 'binding-system-undetermined'}]},
  {name: 'query-and-code', change: (r) => { r.input.push({type: cc(HRT, 'data-code'), valueCodeableConcept: cc(LOINC, '11506-3', 'Progress note')}); },
    errors: [{location: 'Task', kind: 'invariant', key: 'tdr-1'}]},
  {name: 'rejected-no-reason', change: (r) => { r.status = 'rejected'; },
    errors: [{location: 'Task', kind: 'invariant', key: 'tdr-2'}]},
  {name: 'completed-no-output', change: (r) => { r.status = 'completed'; },
    errors: [{location: 'Task', kind: 'invariant', key: 'tdr-3'}]},
]);

// ---------------------------------------------------------------- PDex 2.0.0 (+ PAS 2.0.1)
profile(`${PDEX}pdex-provenance`, 'pdex-provenance', {
  resourceType: 'Provenance',
  target: [ref('Encounter/us-core-encounter')],
  recorded: '2024-03-01T12:00:00Z',
  agent: [
    {type: cc(`${THO}provenance-participant-type`, 'author'), who: ref('Organization/us-core-organization')},
    {type: cc('http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type', 'transmitter'),
      who: ref('Organization/hrex-organization')},
  ],
  entity: [{
    extension: [{url: `${PDEX}ProvenanceSourceFrom`,
      valueCodeableConcept: cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/ProvenancePayerDataSource', 'x12837')}],
    role: 'source',
    what: {display: 'No reference available'},
  }],
}, [
  {name: 'source-format', change: (r) => { r.entity[0].extension[0].valueCodeableConcept.coding[0].code = 'pdf'; },
    errors: [{location: 'Provenance.entity.extension:sourceFormat.valueCodeableConcept', kind: 'binding-required'}]},
  {name: 'agent-type', change: (r) => { r.agent[0].type = cc(`${THO}v3-ParticipationType`, 'AUT'); },
    errors: [{location: 'Provenance.agent.type', kind: 'binding-required'}]},
]);

profile(`${PDEX}pdex-device`, 'pdex-device', {
  resourceType: 'Device',
  status: 'active',
  type: cc(SCT, '58938008', 'Wheelchair'),
  patient: ref('Patient/us-core-patient'),
}, [
  {name: 'no-type', change: (r) => delete r.type,
    errors: [{location: 'Device.type', kind: 'cardinality-min'}]},
]);

profile(`${PDEX}pdex-medicationdispense`, 'pdex-medicationdispense', {
  resourceType: 'MedicationDispense',
  extension: [{url: `${PDEX}DispenseRefill`, valueQuantity: {value: 1}}],
  status: 'completed',
  medicationCodeableConcept: cc('http://hl7.org/fhir/sid/ndc', '0093-1048-01', 'Metformin 500 mg tablet'),
  subject: ref('Patient/us-core-patient'),
  quantity: {value: 60},
  daysSupply: {value: 30},
  whenHandedOver: '2024-02-11',
}, [
  {name: 'no-subject', change: (r) => delete r.subject,
    errors: [{location: 'MedicationDispense.subject', kind: 'cardinality-min'}]},
  {name: 'medication-reference', change: (r) => { delete r.medicationCodeableConcept; r.medicationReference = ref('Medication/us-core-medication'); },
    // The profile allows only medicationCodeableConcept: the reference is an excluded type (it
    // still counts as the one medication[x], as the HL7 validator counts it).
    errors: [{location: 'MedicationDispense.medicationReference', kind: 'type'}]},
]);

profile(`${PDEX}pdex-priorauthorization`, 'pdex-priorauthorization', {
  resourceType: 'ExplanationOfBenefit',
  meta: {profile: [`${PDEX}pdex-priorauthorization|2.0.0`]},
  status: 'active',
  type: cc(`${THO}claim-type`, 'professional'),
  use: 'preauthorization',
  patient: ref('Patient/us-core-patient'),
  created: '2024-01-15T10:00:00Z',
  insurer: ref('Organization/us-core-organization'),
  provider: ref('Practitioner/us-core-practitioner'),
  outcome: 'complete',
  preAuthRefPeriod: [{start: '2024-01-15', end: '2024-07-15'}],
  insurance: [{focal: true, coverage: ref('Coverage/hrex-coverage')}],
  extension: [{url: `${PDEX}extension-levelOfServiceCode`,
    valueCodeableConcept: cc('https://codesystem.x12.org/005010/1338', 'U', 'Urgent')}],
  item: [{
    extension: [
      {url: `${PAS}extension-itemTraceNumber`, valueIdentifier: {system: 'http://example.org/payer/trace', value: 'TRN-1138'}},
      {url: `${PAS}extension-itemPreAuthIssueDate`, valueDate: '2024-01-15'},
      {url: `${PAS}extension-itemPreAuthPeriod`, valuePeriod: {start: '2024-01-15', end: '2024-07-15'}},
      {url: `${PAS}extension-administrationReferenceNumber`, valueString: 'ADM-55'},
      {url: `${PAS}extension-itemAuthorizedDetail`, extension: [{url: 'quantity', valueQuantity: {value: 10}}]},
      {url: `${PAS}extension-itemAuthorizedProvider`, extension: [{url: 'provider', valueReference: ref('Practitioner/pas-practitioner')}]},
    ],
    sequence: 1,
    productOrService: cc('http://www.ama-assn.org/go/cpt', '97110', 'Therapeutic exercises'),
    quantity: {value: 12},
    adjudication: [{
      extension: [{url: `${PDEX}extension-reviewAction`, extension: [
        {url: `${PDEX}extension-reviewActionCode`, valueCodeableConcept: cc('https://codesystem.x12.org/005010/306', 'A1', 'Certified in total')},
        {url: 'number', valueString: 'REV-8812'}]}],
      category: cc(`${THO}adjudication`, 'eligible'),
      amount: {value: 1200, currency: 'USD'},
    }],
  }],
  total: [{
    extension: [{url: `${PDEX}PriorAuthorizationUtilization`, valueQuantity: {value: 4}}],
    category: cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/PriorAuthorizationValueCodes', 'utilized'),
    amount: {value: 400, currency: 'USD'},
  }],
}, [
  {name: 'use-claim', change: (r) => { r.use = 'claim'; },
    errors: [{location: 'ExplanationOfBenefit.use', kind: 'pattern-value'}]},
  {name: 'no-supported-profile', change: (r) => { r.meta.profile = [`${PDEX}pdex-priorauthorization`]; },
    errors: [{location: 'ExplanationOfBenefit.meta.profile:supportedProfile', kind: 'cardinality-min'}]},
  {name: 'amount-without-amount', change: (r) => { delete r.item[0].adjudication[0].amount; },
    errors: [{location: 'ExplanationOfBenefit.item.adjudication:adjudicationamounttype.amount', kind: 'cardinality-min'}]},
  {name: 'utilization-string', change: (r) => { r.total[0].extension[0] = {url: `${PDEX}PriorAuthorizationUtilization`, valueString: 'four'}; },
    errors: [{location: 'ExplanationOfBenefit.total.extension:priorauth-utilization.value[x]', kind: 'type'}]},
]);

profile(`${PAS}profile-practitioner`, 'pas-practitioner', {
  resourceType: 'Practitioner',
  identifier: [{system: NPI, value: '1234567893'}],
  name: [{family: 'Okafor', given: ['Adaeze']}],
  telecom: [{system: 'phone', value: '555-201-1002'}],
}, [
  {name: 'no-identifier', change: (r) => delete r.identifier,
    errors: [{location: 'Practitioner.identifier', kind: 'cardinality-min'}]},
]);

// mTLS endpoint discovery (PDex 2.0.0)
profile(`${PDEX}mtls-organization`, 'mtls-organization', {
  resourceType: 'Organization',
  identifier: [{system: NPI, value: '9876543210'}],
  active: true,
  name: 'Old Health Plan',
  telecom: [{system: 'url', value: 'https://old-health-plan.example.org'}],
  endpoint: [ref('Endpoint/mtls-endpoint')],
}, [
  {name: 'telecom-phone', change: (r) => { r.telecom = [{system: 'phone', value: '555-100-2000'}]; },
    errors: [{location: 'Organization.telecom.system', kind: 'pattern-value'}]},
]);

profile(`${PDEX}mtls-endpoint`, 'mtls-endpoint', {
  resourceType: 'Endpoint',
  extension: [
    {url: `${PDEX}base-ext-endpoint-usecase`, extension: [
      {url: 'endpointUsecasetype', valueCodeableConcept: cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/NdhFhirEndpointUseCaseCS', 'payerToPayer')}]},
    {url: `${PDEX}base-ext-trustFramework`, extension: [
      {url: 'trustFrameworkType', valueCodeableConcept: cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/TrustFrameworkTypeCS', 'PayerToPayer')}]},
    {url: `${PDEX}base-ext-endpointAccessControlMechanism`,
      valueCodeableConcept: cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointAccessControlMechanismCS', 'mutual-tls')},
    {url: `${PDEX}base-ext-endpoint-rank`, valuePositiveInt: 1},
    {url: `${PDEX}pdex-mtls-signedobject-extension`, extension: [
      {url: 'ObjectType', valueCodeableConcept: cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/MtlsObjectCodeCS', 'MTLS')},
      {url: 'Object', valueBase64Binary: 'TUlJQ2V6Q0NBZUdnQXdJQkFnSUJBVEFLQmdncWhrak9QUVFEQWpBPQ=='}]},
  ],
  status: 'active',
  connectionType: {system: `${THO}endpoint-connection-type`, code: 'hl7-fhir-rest'},
  name: 'Old Health Plan payer-to-payer endpoint',
  managingOrganization: ref('Organization/mtls-organization'),
  payloadType: [cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointPayloadTypeCS', 'NA')],
  payloadMimeType: ['application/fhir+json'],
  address: 'https://fhir.old-health-plan.example.org/r4',
}, [
  {name: 'no-signed-object', change: (r) => { r.extension.pop(); },
    errors: [{location: 'Endpoint.extension:pdex-mtls-signedobject-extension', kind: 'cardinality-min'}]},
  {name: 'off', change: (r) => { r.status = 'off'; },
    errors: [{location: 'Endpoint.status', kind: 'fixed-value'}]},
  {name: 'usecase-without-type', change: (r) => { r.extension[0].extension = [{url: 'standard', valueUri: 'http://hl7.org/fhir/us/davinci-pdex'}]; },
    errors: [{location: 'Endpoint.extension:endpoint-usecase.extension:endpointUsecasetype', kind: 'cardinality-min'}]},
]);

profile(`${PDEX}mtls-bundle`, 'mtls-bundle', {
  resourceType: 'Bundle',
  type: 'collection',
  timestamp: '2024-03-01T12:00:00Z',
  entry: [{fullUrl: 'https://directory.example.org/Endpoint/mtls-endpoint', resource: {
    resourceType: 'Endpoint', id: 'mtls-endpoint', status: 'active',
    connectionType: {system: `${THO}endpoint-connection-type`, code: 'hl7-fhir-rest'},
    payloadType: [cc('http://hl7.org/fhir/us/davinci-pdex/CodeSystem/EndpointPayloadTypeCS', 'NA')],
    address: 'https://fhir.old-health-plan.example.org/r4'}}],
  signature: {
    type: [{system: 'urn:iso-astm:E1762-95:2013', code: '1.2.840.10065.1.12.1.5', display: 'Verification Signature'}],
    when: '2024-03-01T12:00:00Z',
    who: ref('Organization/mtls-organization'),
    sigFormat: 'application/jose',
    data: 'ZXlKaGJHY2lPaUpTVXpJMU5pSjku',
  },
}, [
  {name: 'no-signature', change: (r) => delete r.signature,
    errors: [{location: 'Bundle.signature', kind: 'cardinality-min'}]},
]);

// ---------------------------------------------------------------- CARIN Blue Button 1.1.0
const c4bbMeta = (id) => ({lastUpdated: '2024-03-01T12:00:00Z', profile: [`${C4BB}${id}|1.1.0`]});
const C4ID = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType';

profile(`${C4BB}C4BB-Patient`, 'c4bb-patient', {
  resourceType: 'Patient',
  meta: c4bbMeta('C4BB-Patient'),
  identifier: [{type: cc(`${THO}v2-0203`, 'MB'), system: 'https://bluebutton.example.org/member', value: 'M-00123'}],
  name: [{family: 'Lopez', given: ['Maria']}],
  gender: 'female',
  birthDate: '1987-03-14',
}, [
  {name: 'no-last-updated', change: (r) => { delete r.meta.lastUpdated; },
    errors: [{location: 'Patient.meta.lastUpdated', kind: 'cardinality-min'}]},
  {name: 'no-member-id', change: (r) => { r.identifier[0].type = cc(`${THO}v2-0203`, 'MR'); },
    errors: [{location: 'Patient.identifier:memberid', kind: 'cardinality-min'}]},
]);

profile(`${C4BB}C4BB-Coverage`, 'c4bb-coverage', {
  resourceType: 'Coverage',
  meta: c4bbMeta('C4BB-Coverage'),
  status: 'active',
  subscriberId: 'SUB-00123',
  beneficiary: ref('Patient/c4bb-patient'),
  relationship: cc(`${THO}subscriber-relationship`, 'self'),
  period: {start: '2024-01-01'},
  payor: [ref('Organization/c4bb-organization')],
  class: [{type: cc(`${THO}coverage-class`, 'plan'), value: 'GOLD-2024', name: 'Gold PPO'}],
}, [
  {name: 'no-subscriber-id', change: (r) => delete r.subscriberId,
    errors: [{location: 'Coverage.subscriberId', kind: 'cardinality-min'}]},
  {name: 'no-relationship', change: (r) => delete r.relationship,
    errors: [{location: 'Coverage.relationship', kind: 'cardinality-min'}]},
]);

profile(`${C4BB}C4BB-Organization`, 'c4bb-organization', {
  resourceType: 'Organization',
  meta: c4bbMeta('C4BB-Organization'),
  identifier: [{type: cc(C4ID, 'npi'), system: NPI, value: '1407071236'},
    {type: cc(C4ID, 'payerid'), system: 'https://bluebutton.example.org/payer-ids', value: 'PAYER-42'}],
  active: true,
  name: 'Example Health Plan',
}, [
  {name: 'no-name', change: (r) => delete r.name,
    errors: [{location: 'Organization.name', kind: 'cardinality-min'}]},
]);

profile(`${C4BB}C4BB-Practitioner`, 'c4bb-practitioner', {
  resourceType: 'Practitioner',
  meta: c4bbMeta('C4BB-Practitioner'),
  identifier: [{type: cc(C4ID, 'npi'), system: NPI, value: '1234567893'}],
  name: [{family: 'Okafor', given: ['Adaeze']}],
}, [
  {name: 'no-npi-or-tax', change: (r) => { r.identifier = [{system: 'http://hospital.example.org/staff', value: 'S-77'}]; },
    errors: [{location: 'Practitioner', kind: 'invariant', key: 'Practitioner-identifier'}]},
]);

const ADJ = `${THO}adjudication`;
const C4STATUS = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus';
const SIT = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType';
const usd = (value) => ({value, currency: 'USD'});
const eobCommon = (id, type) => ({
  resourceType: 'ExplanationOfBenefit',
  meta: c4bbMeta(id),
  identifier: [{type: cc(C4ID, 'uc'), system: 'https://bluebutton.example.org/claims', value: `CLM-${type}-1`}],
  status: 'active',
  type: cc(`${THO}claim-type`, type),
  use: 'claim',
  patient: ref('Patient/c4bb-patient'),
  billablePeriod: {start: '2024-02-01', end: '2024-02-03'},
  created: '2024-02-20T10:00:00Z',
  insurer: ref('Organization/c4bb-organization'),
  provider: ref('Organization/c4bb-organization'),
  outcome: 'complete',
  insurance: [{focal: true, coverage: ref('Coverage/c4bb-coverage')}],
  total: [
    {category: cc(ADJ, 'submitted'), amount: usd(1200)},
    {category: cc(C4STATUS, 'innetwork'), amount: usd(950)},
  ],
});

profile(`${C4BB}C4BB-ExplanationOfBenefit-Inpatient-Institutional`, 'c4bb-eob-inpatient', {
  ...eobCommon('C4BB-ExplanationOfBenefit-Inpatient-Institutional', 'institutional'),
  subType: cc('http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType', 'inpatient'),
  supportingInfo: [{sequence: 1, category: cc(SIT, 'admissionperiod'), timingPeriod: {start: '2024-02-01', end: '2024-02-03'}}],
  diagnosis: [{sequence: 1, diagnosisCodeableConcept: cc('http://hl7.org/fhir/sid/icd-10-cm', 'J18.9', 'Pneumonia, unspecified organism'),
    type: [cc(`${THO}ex-diagnosistype`, 'principal')]}],
  adjudication: [{category: cc(ADJ, 'submitted'), amount: usd(1200)}],
}, [
  {name: 'no-billable-period', change: (r) => delete r.billablePeriod,
    errors: [{location: 'ExplanationOfBenefit.billablePeriod', kind: 'cardinality-min'}]},
  {name: 'two-adjudication-levels', change: (r) => {
    r.item = [{sequence: 1, revenue: cc('https://www.nubc.org/CodeSystem/RevenueCodes', '0120'),
      productOrService: cc(`${THO}data-absent-reason`, 'not-applicable'),
      adjudication: [{category: cc(ADJ, 'submitted'), amount: usd(1200)}]}];
  }, errors: [{location: 'ExplanationOfBenefit', kind: 'invariant', key: 'EOB-institutional-item-or-header-adjudication'}]},
]);

profile(`${C4BB}C4BB-ExplanationOfBenefit-Outpatient-Institutional`, 'c4bb-eob-outpatient', {
  ...eobCommon('C4BB-ExplanationOfBenefit-Outpatient-Institutional', 'institutional'),
  subType: cc('http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType', 'outpatient'),
  diagnosis: [{sequence: 1, diagnosisCodeableConcept: cc('http://hl7.org/fhir/sid/icd-10-cm', 'S93.401A', 'Sprain of unspecified ligament of right ankle'),
    type: [cc(`${THO}ex-diagnosistype`, 'principal')]}],
  adjudication: [{category: cc(ADJ, 'submitted'), amount: usd(1200)}],
}, [
  {name: 'diagnosis-admitting', change: (r) => { r.diagnosis[0].type = [cc(`${THO}ex-diagnosistype`, 'admitting')]; },
    errors: [{location: 'ExplanationOfBenefit.diagnosis.type', kind: 'binding-required'}]},
  {name: 'inpatient-subtype', change: (r) => { r.subType = cc('http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType', 'inpatient'); },
    errors: [{location: 'ExplanationOfBenefit.subType', kind: 'pattern-value'}]},
]);

profile(`${C4BB}C4BB-ExplanationOfBenefit-Pharmacy`, 'c4bb-eob-pharmacy', {
  ...eobCommon('C4BB-ExplanationOfBenefit-Pharmacy', 'pharmacy'),
  supportingInfo: [
    {sequence: 1, category: cc(SIT, 'dayssupply'), valueQuantity: {value: 30}},
    {sequence: 2, category: cc(SIT, 'dawcode'), code: cc('http://terminology.hl7.org/CodeSystem/NCPDPDispensedAsWrittenOrProductSelectionCode', '0')},
    {sequence: 3, category: cc(SIT, 'refillnum'), valueQuantity: {value: 0}},
  ],
  item: [{sequence: 1, productOrService: cc('http://hl7.org/fhir/sid/ndc', '0093-1048-01'), servicedDate: '2024-02-11',
    quantity: {value: 60}, adjudication: [{category: cc(ADJ, 'submitted'), amount: usd(1200)}]}],
}, [
  {name: 'use-preauthorization', change: (r) => { r.use = 'preauthorization'; },
    errors: [{location: 'ExplanationOfBenefit.use', kind: 'pattern-value'}]},
  {name: 'no-item-amount', change: (r) => { delete r.item[0].adjudication[0].amount; },
    errors: [{location: 'ExplanationOfBenefit.item.adjudication:adjudicationamounttype.amount', kind: 'cardinality-min'}]},
]);

profile(`${C4BB}C4BB-ExplanationOfBenefit-Professional-NonClinician`, 'c4bb-eob-professional', {
  ...eobCommon('C4BB-ExplanationOfBenefit-Professional-NonClinician', 'professional'),
  provider: ref('Practitioner/c4bb-practitioner'),
  diagnosis: [{sequence: 1, diagnosisCodeableConcept: cc('http://hl7.org/fhir/sid/icd-10-cm', 'E11.9', 'Type 2 diabetes mellitus without complications'),
    type: [cc(`${THO}ex-diagnosistype`, 'principal')]}],
}, [
  {name: 'diagnosis-admitting', change: (r) => { r.diagnosis[0].type = [cc(`${THO}ex-diagnosistype`, 'admitting')]; },
    errors: [{location: 'ExplanationOfBenefit.diagnosis.type', kind: 'binding-required'}]},
  {name: 'no-diagnosis', change: (r) => delete r.diagnosis,
    errors: [{location: 'ExplanationOfBenefit.diagnosis', kind: 'cardinality-min'}]},
]);

// ---------------------------------------------------------------- write
for (const kind of ['valid', 'invalid']) {
  fs.rmSync(path.join(kOut, kind), {recursive: true, force: true});
  fs.mkdirSync(path.join(kOut, kind), {recursive: true});
}
const manifest = {
  '//': 'Written by profiles/tools/write-examples.mjs. For each example: the profile it is validated against and the errors it must raise (none for valid/). Kinds: cardinality-min, cardinality-max, fixed-value, pattern-value, binding-required, binding-system-undetermined, invariant (with key), closed-slicing, type. Locations are element ids of the profile; "a/B.c" means element B.c inside the resource at a.',
  examples: {},
};
for (const [file, {profile: url, errors, resource}] of Object.entries(examples).sort()) {
  fs.writeFileSync(path.join(kOut, file), JSON.stringify(resource, null, 2) + '\n');
  manifest.examples[file] = {profile: url, errors};
}
fs.writeFileSync(path.join(kOut, 'expectations.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`write-examples: ${Object.keys(examples).length} examples in ${path.relative(process.cwd(), kOut)}`);

// Deterministic seed generator: the same resources, ids and values on every run (a seeded PRNG, fixed
// dates), written into an empty store on first start and after `npm run sandbox:reset`. All data is
// invented here; nothing is copied from anywhere.
//
// Per member at Payer A: Patient, HRex Coverage, five years (2021–2025) of Encounters, Conditions,
// Observations and MedicationRequests, each with a PDex Provenance (payer as transmitter). Sensitive
// items are labelled in meta.security (R + MH / OPIOIDUD + 42CFRPart2) except the HIV items, which are
// deliberately unlabelled (a segmenter must cope with both). The EHR holds the same people under its own
// ids with the last two years already charted (so reconciliation finds duplicates); Payer B holds the
// members who moved there (Patient + HRex Coverage).
import type { Coding, Resource } from '@medplum/fhirtypes';
import { CLINICIAN, type ConditionTheme, ORGS, PEOPLE, type Person } from './people.ts';

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const PDEX_SOURCE_FORMAT = 'http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/ProvenanceSourceFrom';
const PDEX_SOURCE_CS = 'http://hl7.org/fhir/us/davinci-pdex/CodeSystem/ProvenancePayerDataSource';
const YEARS = [2021, 2022, 2023, 2024, 2025];
const EHR_CHARTED_FROM = 2024;

export interface SeedData {
  ehr: Resource[];
  'payer-a': Resource[];
  'payer-b': Resource[];
}

interface Theme {
  condition: Coding;
  medication?: Coding;
  observation?: { code: Coding; unit?: string; perYear: number; value: (rand: () => number) => number | [number, number] };
  security?: Coding[];
}

const MH_LABELS: Coding[] = [{ system: CONFIDENTIALITY, code: 'R' }, { system: ACT_CODE, code: 'MH' }];
const SUD_LABELS: Coding[] = [{ system: CONFIDENTIALITY, code: 'R' }, { system: ACT_CODE, code: 'OPIOIDUD' }, { system: ACT_CODE, code: '42CFRPart2' }];

const THEMES: Record<ConditionTheme, Theme> = {
  diabetes: {
    condition: { system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' },
    medication: { system: RXNORM, code: '860975', display: '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet' },
    observation: { code: { system: LOINC, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }, unit: '%', perYear: 4, value: (r) => round1(6.2 + r() * 2.4) },
  },
  hypertension: {
    condition: { system: SNOMED, code: '38341003', display: 'Hypertensive disorder, systemic arterial' },
    medication: { system: RXNORM, code: '314076', display: 'lisinopril 10 MG Oral Tablet' },
    observation: { code: { system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }, perYear: 4, value: (r) => [Math.round(122 + r() * 26), Math.round(76 + r() * 16)] },
  },
  depression: {
    condition: { system: SNOMED, code: '370143000', display: 'Major depressive disorder' },
    medication: { system: RXNORM, code: '312940', display: 'sertraline 50 MG Oral Tablet' },
    observation: { code: { system: LOINC, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' }, unit: '{score}', perYear: 2, value: (r) => Math.round(4 + r() * 14) },
    security: MH_LABELS,
  },
  'opioid-use': {
    condition: { system: SNOMED, code: '5602001', display: 'Opioid abuse' },
    medication: { system: RXNORM, code: '1010600', display: 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film' },
    security: SUD_LABELS,
  },
  hiv: {
    condition: { system: SNOMED, code: '86406008', display: 'Human immunodeficiency virus infection' },
    observation: { code: { system: LOINC, code: '20447-9', display: 'HIV 1 RNA [#/volume] (viral load) in Serum or Plasma' }, unit: '{copies}/mL', perYear: 2, value: (r) => Math.round(r() * 180) },
    // deliberately unlabelled: sensitive by content, not by meta.security
  },
  asthma: {
    condition: { system: SNOMED, code: '195967001', display: 'Asthma' },
    medication: { system: RXNORM, code: '745679', display: '200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler' },
  },
};

export function generateSeed(): SeedData {
  const seed: SeedData = { ehr: [], 'payer-a': [], 'payer-b': [] };
  seed['payer-a'].push(organization(ORGS.payerA.id, ORGS.payerA.name, 'pay', ORGS.payerA.payerId), organization(ORGS.clinic.id, ORGS.clinic.name, 'prov'), organization(ORGS.lab.id, ORGS.lab.name, 'prov'));
  seed['payer-b'].push(organization(ORGS.payerB.id, ORGS.payerB.name, 'pay', ORGS.payerB.payerId));
  seed.ehr.push(organization(ORGS.clinic.id, ORGS.clinic.name, 'prov'), practitioner());

  for (const person of PEOPLE) {
    const rand = mulberry32(hash(person.key));
    seed['payer-a'].push(patient(person, person.ids.payerA, 'payer-a'), coverage(person, 'payer-a'));
    seed.ehr.push(patient(person, person.ids.ehr, 'ehr'));
    if (person.ids.payerB) seed['payer-b'].push(patient(person, person.ids.payerB, 'payer-b'), coverage(person, 'payer-b'));
    for (const themeName of person.conditions) {
      const theme = THEMES[themeName];
      const onset = `${YEARS[0]}-0${1 + Math.floor(rand() * 6)}-1${Math.floor(rand() * 9)}`;
      const conditionA = condition(`pa-cond-${person.key}-${themeName}`, person.ids.payerA, theme, onset);
      seed['payer-a'].push(conditionA, provenance(conditionA, onset, ORGS.clinic.id, 'x12837'));
      seed.ehr.push(condition(`ehr-cond-${person.key}-${themeName}`, person.ids.ehr, theme, onset));
      if (theme.medication) {
        const med = medicationRequest(`pa-med-${person.key}-${themeName}`, person.ids.payerA, theme, onset);
        seed['payer-a'].push(med, provenance(med, onset, ORGS.clinic.id, 'ncpdp'));
      }
      if (theme.observation) {
        for (const year of YEARS) {
          for (let i = 0; i < theme.observation.perYear; i++) {
            const month = 1 + Math.floor((12 / theme.observation.perYear) * i + rand() * 2);
            const date = `${year}-${pad(month)}-${pad(1 + Math.floor(rand() * 27))}`;
            const value = theme.observation.value(rand);
            const suffix = `${person.key}-${themeName}-${year}-${i + 1}`;
            const encounterA = encounter(`pa-enc-${suffix}`, person.ids.payerA, date, theme);
            const obsA = observation(`pa-obs-${suffix}`, person.ids.payerA, theme, date, value, `Encounter/pa-enc-${suffix}`);
            seed['payer-a'].push(encounterA, provenance(encounterA, date, ORGS.clinic.id, 'x12837'), obsA, provenance(obsA, date, ORGS.lab.id, 'hl7v2oru'));
            if (year >= EHR_CHARTED_FROM) {
              seed.ehr.push(encounter(`ehr-enc-${suffix}`, person.ids.ehr, date, theme), observation(`ehr-obs-${suffix}`, person.ids.ehr, theme, date, value, `Encounter/ehr-enc-${suffix}`));
            }
          }
        }
      }
    }
  }
  return seed;
}

function meta(date: string, security?: Coding[]): Resource['meta'] {
  return { versionId: '1', lastUpdated: `${date}T12:00:00.000Z`, ...(security ? { security } : {}) };
}

function organization(id: string, name: string, type: 'pay' | 'prov', payerId?: string): Resource {
  return {
    resourceType: 'Organization', id, meta: meta('2020-01-02'), active: true, name,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: type }] }],
    ...(payerId ? { identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: payerId }] } : {}),
  } as Resource;
}

function practitioner(): Resource {
  return {
    resourceType: 'Practitioner', id: CLINICIAN.practitionerId, meta: meta('2020-01-02'), active: true,
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: CLINICIAN.npi }],
    name: [{ family: CLINICIAN.family, given: CLINICIAN.given, prefix: ['Dr.'] }],
  } as Resource;
}

function patient(p: Person, id: string, system: keyof SeedData): Resource {
  const mrnSystem = `urn:pdex-bridge:sandbox:${system}:mrn`;
  return {
    resourceType: 'Patient', id, meta: meta('2020-01-02'), active: true,
    identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: system === 'ehr' ? 'MR' : 'MB' }] }, system: mrnSystem, value: id.toUpperCase() }],
    name: [{ use: 'official', family: p.family, given: p.given }],
    gender: p.gender, birthDate: p.birthDate,
    address: [{ use: 'home', line: [p.line], city: p.city, state: 'IL', postalCode: p.postalCode }],
  } as Resource;
}

function coverage(p: Person, system: 'payer-a' | 'payer-b'): Resource {
  const a = system === 'payer-a';
  const patientId = a ? p.ids.payerA : p.ids.payerB!;
  const org = a ? ORGS.payerA : ORGS.payerB;
  const memberId = a ? p.memberIds.payerA : p.memberIds.payerB!;
  return {
    resourceType: 'Coverage', id: `${a ? 'pa' : 'pb'}-cov-${p.key}`, meta: meta(a ? '2020-12-15' : '2025-12-15'),
    status: 'active',
    identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] }, system: `urn:pdex-bridge:sandbox:${system}:member-id`, value: memberId }],
    type: { coding: [{ system: 'urn:oid:2.16.840.1.113883.3.221.5', code: '5', display: 'PRIVATE HEALTH INSURANCE' }] },
    subscriberId: memberId,
    policyHolder: { reference: `Patient/${patientId}` },
    subscriber: { reference: `Patient/${patientId}` },
    beneficiary: { reference: `Patient/${patientId}` },
    relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] },
    period: a ? { start: '2021-01-01', end: p.ids.payerB ? '2025-12-31' : '2026-12-31' } : { start: '2026-01-01', end: '2026-12-31' },
    payor: [{ reference: `Organization/${org.id}`, display: org.name }],
    class: [
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'group' }] }, value: a ? 'LHP-GRP-100' : 'SHP-GRP-200', name: 'Employer group' },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' }] }, value: a ? 'LHP-PPO' : 'SHP-HMO', name: a ? 'Lakeside PPO' : 'Summit HMO' },
    ],
  } as Resource;
}

function condition(id: string, patientId: string, theme: Theme, onset: string): Resource {
  return {
    resourceType: 'Condition', id, meta: meta(onset, theme.security),
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
    code: { coding: [theme.condition], text: theme.condition.display },
    subject: { reference: `Patient/${patientId}` },
    onsetDateTime: onset, recordedDate: onset,
  } as Resource;
}

function medicationRequest(id: string, patientId: string, theme: Theme, date: string): Resource {
  return {
    resourceType: 'MedicationRequest', id, meta: meta(date, theme.security), status: 'active', intent: 'order',
    medicationCodeableConcept: { coding: [theme.medication!], text: theme.medication!.display },
    subject: { reference: `Patient/${patientId}` }, authoredOn: date,
    requester: { display: 'Riverbend Family Medicine' },
  } as Resource;
}

function encounter(id: string, patientId: string, date: string, theme: Theme): Resource {
  return {
    resourceType: 'Encounter', id, meta: meta(date, theme.security), status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ coding: [{ system: SNOMED, code: '185349003', display: 'Encounter for check up' }] }],
    subject: { reference: `Patient/${patientId}` },
    period: { start: `${date}T09:00:00Z`, end: `${date}T09:30:00Z` },
  } as Resource;
}

function observation(id: string, patientId: string, theme: Theme, date: string, value: number | [number, number], encounterRef: string): Resource {
  const o = theme.observation!;
  const vital = o.code.code === '85354-9';
  const base = {
    resourceType: 'Observation', id, meta: meta(date, theme.security), status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: vital ? 'vital-signs' : o.code.code === '44261-6' ? 'survey' : 'laboratory' }] }],
    code: { coding: [o.code], text: o.code.display },
    subject: { reference: `Patient/${patientId}` }, encounter: { reference: encounterRef },
    effectiveDateTime: `${date}T09:15:00Z`,
  };
  if (Array.isArray(value)) {
    const mmHg = (v: number) => ({ value: v, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' });
    return { ...base, component: [
      { code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: mmHg(value[0]) },
      { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: mmHg(value[1]) },
    ] } as Resource;
  }
  return { ...base, valueQuantity: { value, unit: o.unit, system: 'http://unitsofmeasure.org', code: o.unit } } as Resource;
}

/** PDex Provenance: Payer A as transmitter, the clinic or lab as author, the original format as source. */
function provenance(target: Resource, date: string, authorOrg: string, sourceFormat: string): Resource {
  const received = addDays(date, 3);
  return {
    resourceType: 'Provenance', id: `prov-${target.id}`, meta: meta(received),
    target: [{ reference: `${target.resourceType}/${target.id}` }],
    recorded: `${received}T12:00:00Z`,
    agent: [
      { type: { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type', code: 'transmitter' }] }, who: { reference: `Organization/${ORGS.payerA.id}` } },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] }, who: { reference: `Organization/${authorOrg}` } },
    ],
    entity: [{
      extension: [{ url: PDEX_SOURCE_FORMAT, valueCodeableConcept: { coding: [{ system: PDEX_SOURCE_CS, code: sourceFormat }] } }],
      role: 'source', what: { display: 'No reference available' },
    }],
  } as Resource;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG, so the seed is the same on every machine and run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

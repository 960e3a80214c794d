// The payer side of PDex through the WebAssembly module (@pdex/core), with the native `pdex` CLI run on
// the same inputs where it has a command: $member-match with the request's Consent evaluated, consent
// decisions and segmentation, claims -> clinical, and the release a payer assembles under a consent and
// the receiving payer ingests. The C++ tests cover each capability in depth (tests/unit/pdex); these
// check that the module answers the same and that the pieces compose.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { loadPdexCore } from '@pdex/core/node';
import { messageIds, nativeCli, repoRoot } from './helpers.mjs';

const shared = path.join(repoRoot, '../shared');
const hrexExamples = path.join(shared, 'ig/hl7.fhir.us.davinci-hrex#1.0.0/examples');
const carinExamples = path.join(shared, 'ig/hl7.fhir.us.carin-bb#1.1.0/examples');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const NPI = 'http://hl7.org/fhir/sid/us-npi';
const REGULAR = 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#regular';
const SENSITIVE = 'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition-hrex-consent.html#sensitive';
const oldPlan = `${NPI}|9876543210`;
const newPlan = `${NPI}|0123456789`;
const during = { now: '2026-06-01T00:00:00Z', payer: oldPlan, requester: newPlan };

// The old payer's members (the HRex example member and a namesake born another day).
const memberIndex = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: 'pat-55678', identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] }, system: 'http://example.org/target-payer/identifiers/member', value: '55678' }], name: [{ family: 'Person', given: ['Patricia', 'Ann'] }], gender: 'female', birthDate: '1974-12-25' } },
    { resource: { resourceType: 'Coverage', id: 'c1', status: 'active', identifier: [{ system: 'http://example.org/old-payer', value: 'DH10001235' }], subscriberId: 'DH10001235', beneficiary: { reference: 'Patient/pat-55678' }, payor: [{ display: 'Old Health Plan' }] } },
    { resource: { resourceType: 'Patient', id: 'pat-other', name: [{ family: 'Person', given: ['Patricia'] }], gender: 'female', birthDate: '1971-03-02' } },
    { resource: { resourceType: 'Coverage', id: 'c2', status: 'active', identifier: [{ system: 'http://example.org/old-payer', value: 'DH10009999' }], beneficiary: { reference: 'Patient/pat-other' }, payor: [{ display: 'Old Health Plan' }] } },
  ],
};

/** An HRex Consent from the old plan to the new plan for Patient/1, valid through 2026. */
function consent(policy, period = { start: '2026-01-01', end: '2026-12-31' }) {
  const actor = (system, code, npi, display) => ({
    role: { coding: [{ system, code }] },
    reference: { identifier: { system: NPI, value: npi }, display },
  });
  return {
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IDSCL' }] }],
    patient: { reference: 'Patient/1' },
    performer: [{ reference: 'Patient/1' }],
    sourceReference: { reference: 'https://new-plan.example/fhir/DocumentReference/signed-consent' },
    policy: [{ uri: policy }],
    provision: {
      type: 'permit',
      period,
      actor: [
        actor('http://terminology.hl7.org/CodeSystem/provenance-participant-type', 'performer', '9876543210', 'Old Health Plan'),
        actor('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'IRCP', '0123456789', 'New Health Plan'),
      ],
      action: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'disclose' }] }],
    },
  };
}

// A member's record at the old payer: one ordinary and one substance-use Condition (ICD-10-CM F10.20,
// unlabelled), each with the Provenance the payer keeps for it.
const icd10 = (code, display) => ({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code, display }] });
const condition = (id, code) => ({
  resourceType: 'Condition',
  id,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
  code,
  subject: { reference: 'Patient/1' },
  onsetDateTime: '2025-03-01',
});
const record = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: '1', name: [{ family: 'Person', given: ['Patricia'] }], gender: 'female', birthDate: '1974-12-25' } },
    { resource: condition('asthma', icd10('J45.909', 'Unspecified asthma, uncomplicated')) },
    { resource: condition('aud', icd10('F10.20', 'Alcohol dependence, uncomplicated')) },
  ],
};

let core;
let work;
before(async () => {
  core = await loadPdexCore();
  work = mkdtempSync(path.join(tmpdir(), 'pdex-payer-'));
});
after(() => {
  core?.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** Runs the native CLI; returns {status, stdout, stderr}. */
function pdex(args) {
  try {
    return { status: 0, stdout: execFileSync(nativeCli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), stderr: '' };
  } catch (error) {
    return { status: error.status, stdout: error.stdout, stderr: error.stderr };
  }
}
const file = (name, value) => {
  const where = path.join(work, name);
  writeFileSync(where, typeof value === 'string' ? value : JSON.stringify(value));
  return where;
};

describe('$member-match through WebAssembly', { skip: !existsSync(hrexExamples) && 'needs ../shared (HRex examples)' }, () => {
  const requestWith = (consentResource) => {
    const request = readJson(path.join(hrexExamples, 'Parameters-member-match-in.json'));
    const parameter = request.parameter.find((p) => p.name === 'Consent');
    parameter.resource = { ...consentResource, id: parameter.resource.id };
    return request;
  };

  test('the HRex example member matches when the Consent is valid now; the answer is what native pdex prints', () => {
    const loaded = core.loadMemberIndex(JSON.stringify(memberIndex), 'old payer', true);
    assert.ok(messageIds(loaded).includes('member-match.index-loaded'));
    const request = requestWith(consent(REGULAR));
    const answer = core.memberMatch(JSON.stringify(request), { consentContext: during, explain: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.resource));
    const identifier = answer.resource.parameter.find((p) => p.name === 'MemberIdentifier').valueIdentifier;
    assert.equal(identifier.value, '55678');
    assert.equal(identifier.type.coding[0].code, 'MB');
    assert.equal(answer.explanation.decision, 'match');

    const cli = pdex(['member-match', '--members', file('members.json', memberIndex), file('request.json', request)]);
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(cli.stdout), answer.resource);
  });

  test('HRex 1.1 answers with the UMB identifier and the MemberId reference', () => {
    const answer = core.memberMatch(JSON.stringify(requestWith(consent(REGULAR))), { hrex: '1.1', consentContext: during });
    assert.equal(answer.status, 200);
    const names = answer.resource.parameter.map((p) => p.name).sort();
    assert.deepEqual(names, ['MemberId', 'MemberIdentifier']);
    assert.equal(answer.resource.parameter.find((p) => p.name === 'MemberIdentifier').valueIdentifier.type.coding[0].code, 'UMB');
  });

  test('an expired Consent, another recipient, no match and a malformed request are four distinguishable 422s', () => {
    const expired = core.memberMatch(JSON.stringify(requestWith(consent(REGULAR, { start: '2022-01-01', end: '2022-01-31' }))), {
      consentContext: during,
    });
    const otherRecipient = core.memberMatch(JSON.stringify(requestWith(consent(REGULAR))), {
      consentContext: { ...during, requester: `${NPI}|1111111112` },
    });
    const stranger = requestWith(consent(REGULAR));
    stranger.parameter.find((p) => p.name === 'MemberPatient').resource.birthDate = '1990-01-01';
    const noMatch = core.memberMatch(JSON.stringify(stranger), { consentContext: during, explain: true });
    const malformed = core.memberMatch('{"resourceType": "Parameters", "parameter": [', {});

    const code = (answer) => answer.resource.issue[0].code;
    const detail = (answer) => answer.resource.issue[0].details?.coding?.[0]?.code;
    for (const answer of [expired, otherRecipient, noMatch, malformed]) {
      assert.equal(answer.status, 422);
      assert.equal(answer.resource.resourceType, 'OperationOutcome');
    }
    assert.equal(code(expired), 'business-rule');
    assert.equal(detail(expired), 'consentconstraint');
    assert.equal(detail(otherRecipient), 'consentconstraint');
    assert.equal(code(noMatch), 'not-found');
    assert.equal(detail(noMatch), 'nomatch');
    assert.equal(code(malformed), 'invalid');
    // A refusal says nothing about the payer's members.
    assert.doesNotMatch(JSON.stringify(noMatch), /pat-55678|pat-other|55678/);
  });
});

describe('consent decisions and segmentation through WebAssembly', () => {
  test('a valid #regular consent is permitted; an expired one is not, with its reason', () => {
    const permitted = core.evaluateConsent(JSON.stringify(consent(REGULAR)), { ...during, member: 'Patient/1' });
    assert.equal(permitted.permitted, true);
    assert.equal(permitted.policy, 'regular');
    const expired = core.evaluateConsent(JSON.stringify(consent(REGULAR, { start: '2025-01-01', end: '2025-12-31' })), during);
    assert.equal(expired.permitted, false);
    assert.ok(expired.issue.some((issue) => issue.severity === 'error'));
  });

  test('#regular withholds the substance-use Condition and #sensitive releases it; native pdex segment agrees', () => {
    const regular = core.segment(JSON.stringify(record), JSON.stringify(consent(REGULAR)), during);
    assert.ok('bundle' in regular, JSON.stringify(regular));
    const released = regular.bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`).sort();
    assert.deepEqual(released, ['Condition/asthma', 'Patient/1']);
    assert.doesNotMatch(JSON.stringify(regular.bundle), /F10|aud|Alcohol/);
    assert.ok(regular.report.withheld >= 1);

    const sensitive = core.segment(JSON.stringify(record), JSON.stringify(consent(SENSITIVE)), during);
    assert.equal(sensitive.bundle.entry.length, 3);

    const cli = pdex([
      'segment', '--consent', file('consent.json', consent(REGULAR)), '--payer', oldPlan, '--requester', newPlan,
      '--now', during.now, file('record.json', record),
    ]);
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(cli.stdout), regular.bundle);
  });
});

describe('release under a consent, and ingest at the new payer, through WebAssembly', () => {
  const query = { base: 'https://old-plan.example/fhir', patient: '1', recorded: '2026-06-01T00:00:00Z' };

  test("Patient/$everything under #regular carries no trace of the withheld Condition; without a consent it does", () => {
    const open = core.assembleRelease(JSON.stringify(record), query);
    assert.equal(open.resourceType, 'Bundle');
    assert.match(JSON.stringify(open), /Condition\/aud|"aud"/);

    const page = core.assembleRelease(JSON.stringify(record), query, { consent: consent(REGULAR), context: during });
    assert.equal(page.resourceType, 'Bundle', JSON.stringify(page));
    assert.equal(page.type, 'searchset');
    const ids = page.entry.filter((e) => e.search?.mode !== 'outcome').map((e) => `${e.resource.resourceType}/${e.resource.id}`);
    assert.ok(ids.includes('Condition/asthma'));
    assert.ok(ids.includes('Patient/1'));
    assert.doesNotMatch(JSON.stringify(page), /F10|"aud"|Condition\/aud|Alcohol/);
    // Every released resource has a Provenance that targets it.
    const provenanceTargets = page.entry.filter((e) => e.resource.resourceType === 'Provenance').flatMap((e) => e.resource.target.map((t) => t.reference));
    assert.ok(provenanceTargets.some((t) => t.endsWith('Condition/asthma')));
  });

  test('an expired consent releases nothing: an OperationOutcome, not an empty page', () => {
    const refused = core.assembleRelease(JSON.stringify(record), query, {
      consent: consent(REGULAR, { start: '2024-01-01', end: '2024-12-31' }),
      context: during,
    });
    assert.equal(refused.resourceType, 'OperationOutcome');
    assert.ok(refused.issue.some((issue) => issue.severity === 'error'));
  });

  test('the new payer ingests the released page: its own ids, the sender kept as an identifier, nothing of the withheld data', () => {
    const page = core.assembleRelease(JSON.stringify(record), query, { consent: consent(REGULAR), context: during });
    const receiver = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Patient', id: 'new-7', name: [{ family: 'Person', given: ['Patricia'] }], gender: 'female', birthDate: '1974-12-25' } }],
    };
    const ingested = core.ingestRelease(JSON.stringify(page), JSON.stringify(receiver), { patient: 'Patient/new-7', recorded: '2026-06-02T00:00:00Z' });
    assert.ok('transaction' in ingested, JSON.stringify(ingested));
    assert.equal(ingested.transaction.type, 'transaction');
    const conditions = ingested.transaction.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Condition');
    assert.equal(conditions.length, 1);
    assert.equal(conditions[0].subject.reference, 'Patient/new-7');
    assert.notEqual(conditions[0].id, 'asthma');
    assert.match(JSON.stringify(conditions[0].identifier), /asthma/);
    assert.doesNotMatch(JSON.stringify(ingested.transaction), /"Patient\/1"|F10/);

    const again = core.ingestRelease(JSON.stringify(page), JSON.stringify({ ...receiver, entry: [...receiver.entry, ...ingested.transaction.entry.map((e) => ({ resource: e.resource }))] }), {
      patient: 'Patient/new-7',
      recorded: '2026-06-02T00:00:00Z',
    });
    assert.equal(again.transaction.entry?.length ?? 0, 0, 'the same page twice creates nothing twice');
  });
});

describe('claims to clinical through WebAssembly', { skip: !existsSync(carinExamples) && 'needs ../shared (CARIN BB examples)' }, () => {
  test('a CARIN BB EOB becomes US Core / PDex resources that validate with zero errors in the same module', async () => {
    const { readdirSync } = await import('node:fs');
    const eobFile = readdirSync(carinExamples).find((name) => name.startsWith('ExplanationOfBenefit-') && name.includes('Inpatient'));
    assert.ok(eobFile, 'a CARIN BB inpatient EOB example');
    const answer = core.claimsToClinical(readFileSync(path.join(carinExamples, eobFile), 'utf8'), { receipt: '2026-06-01T00:00:00Z' });
    assert.ok(answer.bundle, JSON.stringify(answer.outcome));
    const types = new Set(answer.bundle.entry.map((e) => e.resource.resourceType));
    for (const type of ['Encounter', 'Condition', 'Provenance']) assert.ok(types.has(type), `${type} in ${[...types]}`);
    for (const { resource } of answer.bundle.entry) {
      assert.ok(resource.meta?.profile?.length, `${resource.resourceType}/${resource.id} declares its profile`);
      const outcome = core.validate(JSON.stringify(resource));
      const errors = outcome.issue.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
      // References between the produced resources resolve in the Bundle, not here: those are not errors of the mapping.
      assert.deepEqual(errors.filter((issue) => !/reference|resolve/i.test(issue.diagnostics ?? '')), [], `${resource.resourceType}/${resource.id}`);
    }
  });
});

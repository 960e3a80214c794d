// The full core API through PdexCore with the R4 definitions pack loaded: validation against base
// definitions and loaded profiles, packages (.tar and .tgz), profile listing and FHIRPath.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';

import { loadPdexCore } from '@pdex/core/node';
import { PdexError, hasErrors, summarizeIssue } from '@pdex/core';
import { errorIds, messageIds } from './helpers.mjs';
import { makeTar } from './tar.mjs';

const patient = {
  resourceType: 'Patient',
  id: 'm1',
  name: [{ family: 'Shaw', given: ['Amy', 'V.'] }],
  gender: 'female',
  birthDate: '1987-02-20',
};

// A profile given as a differential only: the core generates its snapshot.
const birthDateRequired = {
  resourceType: 'StructureDefinition',
  url: 'http://example.org/fhir/StructureDefinition/patient-with-birthdate',
  name: 'PatientWithBirthDate',
  status: 'active',
  fhirVersion: '4.0.1',
  kind: 'resource',
  abstract: false,
  type: 'Patient',
  baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
  derivation: 'constraint',
  differential: { element: [{ id: 'Patient.birthDate', path: 'Patient.birthDate', min: 1 }] },
};

describe('PdexCore with the definitions pack', () => {
  let core;
  before(async () => {
    core = await loadPdexCore();
  });
  after(() => core.dispose());

  test('a conformant Patient has no errors', () => {
    assert.deepEqual(errorIds(core.validate(JSON.stringify(patient))), []);
  });

  test('a code outside a required value set is an error with its location', () => {
    const outcome = core.validate(JSON.stringify({ ...patient, gender: 'unknown-gender' }, null, 2));
    assert.equal(hasErrors(outcome), true);
    const issue = outcome.issue.map(summarizeIssue).find((i) => i.severity === 'error');
    assert.equal(issue.location, 'Patient.gender');
    assert.equal(issue.line, 13);
  });

  test('comments in the JSON are a syntax error unless allowComments; positions then skip them', () => {
    const text = `// exported by hand\n{"resourceType": "Patient", /* note */\n "gender": "unknown-gender"}`;
    assert.deepEqual(errorIds(core.validate(text)), ['json.syntax']);
    const outcome = core.validate(text, { allowComments: true });
    const issue = outcome.issue.map(summarizeIssue).find((i) => i.severity === 'error');
    assert.equal(issue.location, 'Patient.gender');
    assert.equal(issue.line, 3);
    assert.equal(issue.column, 12);
  });

  test('currencies are checked against ISO 4217', () => {
    const account = (currency) => JSON.stringify({
      resourceType: 'Account', status: 'active',
      extension: [{ url: 'http://example.org/balance', valueMoney: { value: 10, currency } }],
    });
    assert.deepEqual(errorIds(core.validate(account('USD'))), []);
    assert.ok(errorIds(core.validate(account('USX'))).includes('validator.binding-required'));
  });

  test('reportMustSupport lists the must-support elements and slices a US Core Patient leaves out', () => {
    const usCorePatient = JSON.stringify({
      ...patient,
      meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] },
      identifier: [{ system: 'http://example.org/mrn', value: 'm1' }],
    });
    // "extension:race: must-support slice not present (from ...)" -> "extension:race"
    const missing = (outcome) => outcome.issue
      .filter((issue, i) => messageIds(outcome)[i] === 'validator.must-support-missing')
      .map((issue) => issue.diagnostics.replace(/: must-support (element|slice) not present.*/, ''));
    assert.deepEqual(missing(core.validate(usCorePatient)), []);
    const reported = missing(core.validate(usCorePatient, { reportMustSupport: true }));
    assert.deepEqual(reported, ['extension:race', 'extension:ethnicity', 'extension:birthsex', 'telecom', 'address',
      'communication']);
  });

  test('listProfiles lists the base definitions', () => {
    const profiles = core.listProfiles();
    const patientDefinition = profiles.find((p) => p.url === 'http://hl7.org/fhir/StructureDefinition/Patient');
    assert.equal(patientDefinition.type, 'Patient');
    assert.equal(patientDefinition.derivation, 'specialization');
    assert.ok(profiles.length > 500, `${profiles.length} definitions`);
  });

  test('our profiles pack is loaded: US Core, HRex, PDex and CARIN BB profiles validate', () => {
    const urls = new Set(core.listProfiles().map((p) => p.url));
    for (const url of [
      'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient',
      'http://hl7.org/fhir/us/davinci-hrex/StructureDefinition/hrex-consent',
      'http://hl7.org/fhir/us/davinci-pdex/StructureDefinition/pdex-provenance',
      'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy',
    ]) assert.ok(urls.has(url), url);
    const usCorePatient = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';
    const bare = core.validate(JSON.stringify({ resourceType: 'Patient', gender: 'female' }), { profiles: [usCorePatient] });
    assert.deepEqual(errorIds(bare), ['validator.cardinality-min', 'validator.cardinality-min']);
    const complete = { ...patient, identifier: [{ system: 'http://example.org/member', value: 'M1' }] };
    assert.deepEqual(errorIds(core.validate(JSON.stringify(complete), { profiles: [usCorePatient] })), []);
  });

  test('a profile loaded as a resource is validated against, snapshot generated by the core', () => {
    assert.equal(hasErrors(core.loadResources(JSON.stringify(birthDateRequired), 'example profile')), false);
    const { birthDate, ...withoutBirthDate } = patient;
    const outcome = core.validate(JSON.stringify(withoutBirthDate), { profiles: [birthDateRequired.url] });
    assert.ok(errorIds(outcome).length === 1, JSON.stringify(outcome));
    assert.match(outcome.issue.find((i) => i.severity === 'error').diagnostics, /birthDate/);
    assert.deepEqual(errorIds(core.validate(JSON.stringify({ ...patient, birthDate })), { profiles: [birthDateRequired.url] }), []);
  });

  test('packages load from .tgz and from .tar', async () => {
    const profile = (id) => JSON.stringify({ ...birthDateRequired, url: `http://example.org/fhir/StructureDefinition/${id}` });
    const tar = makeTar({
      'package/package.json': JSON.stringify({ name: 'example.profiles', version: '1.0.0' }),
      'package/StructureDefinition-a.json': profile('from-tgz'),
    });
    assert.equal(hasErrors(await core.loadPackage(gzipSync(tar), 'example.tgz')), false);
    const tar2 = makeTar({ 'package/StructureDefinition-b.json': profile('from-tar') });
    assert.equal(hasErrors(await core.loadPackage(tar2, 'example.tar')), false);
    const urls = core.listProfiles().map((p) => p.url);
    assert.ok(urls.includes('http://example.org/fhir/StructureDefinition/from-tgz'));
    assert.ok(urls.includes('http://example.org/fhir/StructureDefinition/from-tar'));
  });

  test('a broken package is reported, not thrown', async () => {
    assert.equal(hasErrors(await core.loadPackage(new TextEncoder().encode('not a tar at all'), 'junk.tar')), true);
    const truncatedGzip = gzipSync(makeTar({ 'package/x.json': '{}' })).subarray(0, 20);
    await assert.rejects(core.loadPackage(truncatedGzip, 'junk.tgz'), (e) => e instanceof PdexError && e.code === 'bad-input');
  });

  test('evaluateFhirPath returns typed results', () => {
    const text = JSON.stringify(patient);
    assert.deepEqual(core.evaluateFhirPath('name.given.first()', text), { ok: true, value: ['Amy'] });
    // Resource elements come back as their FHIR JSON; System dates as FHIRPath literals.
    assert.deepEqual(core.evaluateFhirPath('birthDate', text), { ok: true, value: ['1987-02-20'] });
    assert.deepEqual(core.evaluateFhirPath('@2015-02-04 + 1 day', text), { ok: true, value: ['@2015-02-05'] });
    assert.deepEqual(core.evaluateFhirPath('birthDate < @2000', text), { ok: true, value: [true] });
    assert.deepEqual(core.evaluateFhirPath('Patient.name.given.count() + 1', text), { ok: true, value: [3] });
    assert.deepEqual(core.evaluateFhirPath('1 + 1', '{}'), { ok: true, value: [2] });
    assert.deepEqual(core.evaluateFhirPath('%answer + 1', '{}', { variables: { answer: 41 } }), { ok: true, value: [42] });
  });

  test('FHIRPath errors are values with kind and position', () => {
    const syntax = core.evaluateFhirPath('name.given.first(', '{}');
    assert.equal(syntax.ok, false);
    assert.equal(syntax.error.kind, 'syntax');
    assert.equal(typeof syntax.error.position, 'number');
    const unknown = core.evaluateFhirPath('name.frobnicate()', JSON.stringify(patient));
    assert.equal(unknown.ok, false);
    assert.match(unknown.error.message, /frobnicate/);
    const badResource = core.evaluateFhirPath('name', '{"resourceType": ');
    assert.equal(badResource.ok, false);
    assert.match(badResource.error.message, /not valid JSON/);
  });

  test('compiled expressions and parsed resources evaluate many times and are freed', () => {
    const expression = core.compileFhirPath("name.where(family = 'Shaw').given");
    const resource = core.parseResource(JSON.stringify(patient));
    assert.equal(expression.error, undefined);
    assert.equal(resource.error, undefined);
    for (let i = 0; i < 3; i++) assert.deepEqual(core.evaluateCompiled(expression, resource), { ok: true, value: ['Amy', 'V.'] });
    const broken = core.compileFhirPath('name.(');
    assert.equal(broken.error.kind, 'syntax');
    assert.equal(core.evaluateCompiled(broken, resource).ok, false);
    const notJson = core.parseResource('{');
    assert.equal(hasErrors(notJson.error), true);
    for (const handle of [expression, resource, broken, notJson]) handle.dispose();
    assert.throws(() => core.evaluateCompiled(expression, resource), (e) => e instanceof PdexError && e.code === 'disposed');
  });

  test('memory does not grow across 100,000 FHIRPath evaluations and 20,000 validations', () => {
    const text = JSON.stringify(patient);
    const expression = core.compileFhirPath('name.given.select($this.upper())');
    const resource = core.parseResource(text);
    for (let i = 0; i < 2000; i++) {
      core.evaluateCompiled(expression, resource);
      core.validate(text);
    }
    const before = core.memoryBytes();
    for (let i = 0; i < 100_000; i++) core.evaluateCompiled(expression, resource);
    for (let i = 0; i < 20_000; i++) core.validate(i % 7 === 0 ? '{"resourceType": "Patient", "gender": 1}' : text);
    assert.equal(core.memoryBytes(), before);
    expression.dispose();
    resource.dispose();
  });
});

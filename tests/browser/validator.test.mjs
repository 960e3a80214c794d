// The validator page in headless Chromium: a person pastes or opens FHIR JSON and reads the result.
// Validation runs in the WebAssembly core inside a Web Worker (WorkerClient), so this also covers the
// worker variant of the API.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { launchChromium, serveApp, watchErrors } from './browser.mjs';

describe('validator page', () => {
  let app;
  let browser;
  let page;
  let errors;

  before(async () => {
    app = await serveApp();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    errors = watchErrors(page);
    await page.goto(app.url);
    // The page validates its example on load: wait until the worker has answered.
    await page.waitForSelector('#status[data-state="valid"]');
  });

  async function validate(text) {
    await page.fill('#resource', text);
    await page.click('#validate');
    await page.waitForSelector('#status:not([data-state="busy"])');
    const rows = await page.$$eval('#issues tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.cells, (td) => td.textContent)),
    );
    return { status: await page.textContent('#status'), state: await page.getAttribute('#status', 'data-state'), rows };
  }

  test('a well-formed Patient typed in is reported valid', async () => {
    const result = await validate('{"resourceType": "Patient", "id": "p1", "active": true}');
    assert.equal(result.state, 'valid');
    assert.match(result.status, /^Valid: 0 errors, \d+ warnings?$/);
    assert.ok(result.rows.every((row) => row[0] !== 'error'));
    assert.deepEqual(errors, []);
  });

  test('base R4 definitions are checked: a bad code is an error at its element', async () => {
    const result = await validate('{"resourceType": "Patient", "gender": "mail"}');
    assert.equal(result.state, 'invalid');
    const error = result.rows.find((row) => row[0] === 'error');
    assert.equal(error[1], 'Patient.gender');
    assert.equal(error[2], '1:39');
  });

  test('the profile menu lists the loaded profiles and validates against the chosen one', async () => {
    await page.waitForFunction(() => document.querySelectorAll('#profile option').length > 1);
    assert.match(await page.textContent('#definitions'), /^\d+ StructureDefinitions loaded, \d+ of them resource profiles\.$/);
    const profiles = await page.$$eval('#profile option', (options) => options.map((o) => o.value).filter(Boolean));
    const usCorePatient = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';
    assert.ok(profiles.includes(usCorePatient), `${profiles.length} profiles listed`);
    await page.fill('#resource', '{"resourceType": "Patient", "gender": "female"}');
    await page.selectOption('#profile', usCorePatient);
    await page.waitForSelector('#status[data-state="invalid"]');
    const rows = await page.$$eval('#issues tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells, (td) => td.textContent)));
    // US Core Patient requires identifier and name (reported on Patient, where they are missing).
    const errors = rows.filter((row) => row[0] === 'error');
    assert.deepEqual(errors.map((row) => [row[1], row[4]]), [['Patient', 'validator.cardinality-min'], ['Patient', 'validator.cardinality-min']]);
    assert.match(errors[0][3], /^identifier: .*us-core-patient/);
    assert.match(errors[1][3], /^name: .*us-core-patient/);
    // Asked for, the must-support elements it leaves out are listed as information.
    await page.check('#must-support');
    await page.waitForFunction(() => document.body.textContent.includes('validator.must-support-missing'));
    const mustSupport = await page.$$eval('#issues tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.cells, (td) => td.textContent)).filter((row) => row[4] === 'validator.must-support-missing'));
    assert.ok(mustSupport.every((row) => row[0] === 'information'));
    assert.ok(mustSupport.some((row) => row[3].startsWith('extension:race:')), mustSupport.map((row) => row[3]).join('; '));
  });

  test('the FHIRPath playground evaluates against the resource and reports errors with a caret', async () => {
    await page.fill('#resource', '{"resourceType": "Patient", "name": [{"given": ["Amy", "Vera"]}]}');
    await page.fill('#expression', "name.given.where($this.startsWith('V'))");
    await page.click('#evaluate');
    await page.waitForSelector('#fhirpath-result[data-state="ok"]');
    assert.deepEqual(JSON.parse(await page.textContent('#fhirpath-result')), ['Vera']);
    await page.fill('#expression', 'name.given.where(');
    await page.press('#expression', 'Enter');
    await page.waitForSelector('#fhirpath-result[data-state="error"]');
    assert.match(await page.textContent('#fhirpath-result'), /^syntax error at \d+: /);
  });

  test('malformed JSON shows the error with its line and column', async () => {
    await page.click('#resource');
    await page.fill('#resource', '');
    await page.keyboard.type('{\n"resourceType": "Patient",\n"active": tru\n}');
    await page.click('#validate');
    await page.waitForSelector('#status[data-state="invalid"]');
    const row = await page.$eval('#issues tbody tr', (tr) => Array.from(tr.cells, (td) => td.textContent));
    assert.equal(row[0], 'error');
    assert.equal(row[2], '3:11');
    assert.match(row[3], /malformed JSON/);
    assert.equal(row[4], 'json.syntax');
  });

  test('JSON without resourceType is invalid', async () => {
    const result = await validate('{"id": "x"}');
    assert.equal(result.state, 'invalid');
    assert.equal(result.rows[0][4], 'resource.type-missing');
  });

  test('hostile input is reported, and the page keeps working', async () => {
    for (const text of ['', '[', '['.repeat(100_000)]) {
      const result = await validate(text);
      assert.equal(result.state, 'invalid', JSON.stringify(text.slice(0, 5)));
    }
    assert.equal((await validate('{"resourceType": "Patient"}')).state, 'valid');
    assert.deepEqual(errors, []);
  });

  test('several opened files are validated together, invalid UTF-8 included', async () => {
    const coverage = { resourceType: 'Coverage', status: 'active', beneficiary: { reference: 'Patient/1' },
      payor: [{ reference: 'Organization/1' }] };
    await page.setInputFiles('#files', [
      { name: 'patient.json', mimeType: 'application/json', buffer: Buffer.from('{"resourceType": "Patient"}') },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) },
      { name: 'coverage.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(coverage)) },
    ]);
    await page.waitForSelector('#status[data-state="invalid"]');
    assert.match(await page.textContent('#status'), /^Invalid \(3 resources\): 1 error, \d+ warnings?$/);
    const errorRows = await page.$$eval('#issues tbody tr[data-severity="error"]', (trs) => trs.map((tr) => tr.cells[1].textContent));
    assert.deepEqual(errorRows, ['broken.json']);
  });

  test('the examples menu loads and validates each example', async () => {
    await page.selectOption('#sample', 'Malformed JSON');
    await page.waitForSelector('#status[data-state="invalid"]');
    await page.selectOption('#sample', 'Valid Patient');
    await page.waitForSelector('#status[data-state="valid"]');
  });
});

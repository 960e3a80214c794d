// The sandbox FHIR API: metadata and smart-configuration, paging with next links, _include and
// _revinclude=Provenance:target, _lastUpdated and date ranges, strict refusal of unsupported parameters,
// writes with conditional create and atomic transactions, and OperationOutcome errors everywhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importJWK, SignJWT } from 'jose';
import { fhirGet, fhirSend, startTestSandbox, systemToken, type TestSandbox } from './helpers.ts';

const ALICE_A = 'pa-m1001';

describe('FHIR API', () => {
  let s: TestSandbox;
  let payerA: string;
  let readA: string;
  let ehr: string;
  let writeEhr: string;
  before(async () => {
    s = await startTestSandbox();
    payerA = s.sandbox.endpoints['payer-a'].fhirBase;
    ehr = s.sandbox.endpoints.ehr.fhirBase;
    readA = await systemToken(s, 'payer-a');
    writeEhr = await systemToken(s, 'ehr', 'system/*.rs system/*.cud');
  });
  after(async () => { await s?.stop(); });

  it('serves smart-configuration on every FHIR base', async () => {
    for (const name of ['ehr', 'payer-a', 'payer-b'] as const) {
      const e = s.sandbox.endpoints[name];
      const res = await fhirGet(e.smartConfiguration, undefined, { accept: 'text/html' });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const c = res.body;
      assert.equal(c.issuer, e.issuer);
      assert.equal(c.authorization_endpoint, e.authorize);
      assert.equal(c.token_endpoint, e.token);
      assert.deepEqual(c.code_challenge_methods_supported, ['S256']);
      assert.ok(c.grant_types_supported.includes('authorization_code') && c.grant_types_supported.includes('client_credentials'));
      assert.deepEqual(c.token_endpoint_auth_signing_alg_values_supported, ['RS384', 'ES384']);
      for (const cap of ['client-public', 'client-confidential-asymmetric', 'permission-v1', 'permission-v2', 'permission-patient', 'sso-openid-connect']) {
        assert.ok(c.capabilities.includes(cap), `${name}: ${cap}`);
      }
      assert.equal(c.capabilities.includes('launch-ehr'), name === 'ehr');
      assert.equal(c.capabilities.includes('launch-standalone'), name !== 'ehr');
      assert.ok(!c.capabilities.includes('authorize-post'), 'not claimed: POST authorization is not offered');
      const post = await fetch(c.authorization_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=x' });
      assert.equal(post.status, 405);
      assert.equal(((await post.json()) as { error: string }).error, 'invalid_request');
      // what it advertises is real: the JWKS answers
      const jwks = await fhirGet(c.jwks_uri);
      assert.equal(jwks.status, 200);
      assert.equal(jwks.body.keys[0].kty, 'RSA');
      assert.equal(jwks.body.keys[0].d, undefined, 'no private key material');
    }
  });

  it('/metadata tells the truth: search parameters it answers, SMART endpoints, read-only payers', async () => {
    const a = await fhirGet(`${payerA}/metadata`);
    assert.equal(a.status, 200);
    assert.equal(a.body.resourceType, 'CapabilityStatement');
    assert.equal(a.body.fhirVersion, '4.0.1');
    const rest = a.body.rest[0];
    const uris = rest.security.extension[0].extension;
    assert.deepEqual(uris.map((x: any) => x.valueUri), [s.sandbox.endpoints['payer-a'].authorize, s.sandbox.endpoints['payer-a'].token]);
    const obs = rest.resource.find((r: any) => r.type === 'Observation');
    const names = obs.searchParam.map((p: any) => p.name);
    for (const n of ['patient', 'date', 'code', '_lastUpdated', 'category']) assert.ok(names.includes(n), n);
    assert.ok(!names.includes('value-quantity'), 'quantity search is not answered, so not listed');
    assert.ok(obs.searchRevInclude.includes('Provenance:target'));
    assert.deepEqual(obs.interaction.map((i: any) => i.code).sort(), ['history-instance', 'read', 'search-type', 'vread']);
    const e = await fhirGet(`${ehr}/metadata`);
    assert.ok(e.body.rest[0].resource.find((r: any) => r.type === 'Observation').interaction.some((i: any) => i.code === 'create'));
    assert.deepEqual(e.body.rest[0].interaction.map((i: any) => i.code), ['transaction', 'batch']);
  });

  it('pages with next links until every match was returned once', async () => {
    const first = await fhirGet(`${payerA}/Observation?patient=Patient/${ALICE_A}&_count=7`, readA);
    assert.equal(first.status, 200);
    const total = first.body.total;
    assert.ok(total > 20, `Alice has ${total} observations`);
    const ids: string[] = [];
    let page = first.body;
    let pages = 0;
    for (;;) {
      pages++;
      assert.ok(page.entry.length <= 7);
      ids.push(...page.entry.map((e: any) => e.resource.id));
      for (const e of page.entry) {
        assert.equal(e.search.mode, 'match');
        assert.equal(e.fullUrl, `${payerA}/Observation/${e.resource.id}`);
        assert.equal(e.resource.subject.reference, `Patient/${ALICE_A}`);
      }
      const next = page.link.find((l: any) => l.relation === 'next');
      if (!next) break;
      assert.ok(next.url.startsWith(`${payerA}/Observation?`));
      const res = await fhirGet(next.url, readA);
      assert.equal(res.status, 200);
      assert.equal(res.body.total, total);
      page = res.body;
    }
    assert.equal(ids.length, total);
    assert.equal(new Set(ids).size, total, 'no duplicates across pages');
    assert.equal(pages, Math.ceil(total / 7));
    assert.ok(page.link.some((l: any) => l.relation === 'previous'));
  });

  it('bare patient ids work like Patient/<id>', async () => {
    const bare = await fhirGet(`${payerA}/Condition?patient=${ALICE_A}`, readA);
    const full = await fhirGet(`${payerA}/Condition?patient=Patient/${ALICE_A}`, readA);
    assert.equal(bare.status, 200);
    assert.ok(bare.body.total > 0);
    assert.equal(bare.body.total, full.body.total);
  });

  it('POST _search with a form body answers like GET; CORS preflight is allowed for bearer-token apps', async () => {
    const res = await fetch(`${payerA}/Condition/_search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${readA}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ patient: `Patient/${ALICE_A}` }).toString(),
    });
    const body = (await res.json()) as any;
    const get = await fhirGet(`${payerA}/Condition?patient=Patient/${ALICE_A}`, readA);
    assert.equal(res.status, 200);
    assert.equal(body.total, get.body.total);
    assert.deepEqual(body.entry.map((e: any) => e.resource.id).sort(), get.body.entry.map((e: any) => e.resource.id).sort());
    const preflight = await fetch(`${payerA}/Condition`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-headers': 'authorization' } });
    assert.equal(preflight.status, 204);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  });

  it('_revinclude=Provenance:target adds the Provenance of each match, and nothing else', async () => {
    const res = await fhirGet(`${payerA}/Condition?patient=${ALICE_A}&_revinclude=Provenance:target`, readA);
    assert.equal(res.status, 200);
    const matches = res.body.entry.filter((e: any) => e.search.mode === 'match').map((e: any) => `Condition/${e.resource.id}`);
    const included = res.body.entry.filter((e: any) => e.search.mode === 'include').map((e: any) => e.resource);
    assert.equal(res.body.total, matches.length, 'total counts matches only');
    assert.equal(included.length, matches.length, 'one Provenance per seeded Condition');
    for (const p of included) {
      assert.equal(p.resourceType, 'Provenance');
      assert.ok(matches.includes(p.target[0].reference));
      assert.equal(p.agent[0].type.coding[0].code, 'transmitter');
    }
    const none = await fhirGet(`${payerA}/Condition?patient=${ALICE_A}`, readA);
    assert.ok(none.body.entry.every((e: any) => e.search.mode === 'match'));
  });

  it('_include=Observation:encounter adds the referenced Encounters once', async () => {
    const res = await fhirGet(`${payerA}/Observation?patient=${ALICE_A}&_count=5&_include=Observation:encounter`, readA);
    assert.equal(res.status, 200);
    const matches = res.body.entry.filter((e: any) => e.search.mode === 'match');
    const included = res.body.entry.filter((e: any) => e.search.mode === 'include');
    const wanted = new Set(matches.map((e: any) => e.resource.encounter.reference));
    assert.deepEqual(new Set(included.map((e: any) => `Encounter/${e.resource.id}`)), wanted);
  });

  it('date ranges and _lastUpdated select exactly the resources in range', async () => {
    const all = await fhirGet(`${payerA}/Observation?patient=${ALICE_A}&_count=1000`, readA);
    const inYear = (e: any) => e.resource.effectiveDateTime >= '2023-01-01' && e.resource.effectiveDateTime < '2024-01-01';
    const expected = all.body.entry.filter(inYear).map((e: any) => e.resource.id).sort();
    assert.ok(expected.length > 0);
    const ranged = await fhirGet(`${payerA}/Observation?patient=${ALICE_A}&date=ge2023-01-01&date=lt2024-01-01&_count=1000`, readA);
    assert.deepEqual(ranged.body.entry.map((e: any) => e.resource.id).sort(), expected);

    const updatedAfter = all.body.entry.filter((e: any) => e.resource.meta.lastUpdated >= '2025-01-01').map((e: any) => e.resource.id).sort();
    const lu = await fhirGet(`${payerA}/Observation?patient=${ALICE_A}&_lastUpdated=ge2025-01-01&_count=1000`, readA);
    assert.deepEqual(lu.body.entry.map((e: any) => e.resource.id).sort(), updatedAfter);
    assert.ok(updatedAfter.length > 0 && updatedAfter.length < all.body.total);
  });

  it('answers unsupported parameters with 400 OperationOutcome, or drops them under handling=lenient', async () => {
    for (const query of ['foo=bar', 'patient.name=Nguyen', '_has:Observation:patient:code=1234', 'value-quantity=5', 'code:exact=x', '_include=*', '_include:iterate=Observation:encounter', '_elements=id']) {
      const res = await fhirGet(`${payerA}/Observation?${query}`, readA);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.resourceType, 'OperationOutcome', query);
      assert.equal(res.body.issue[0].severity, 'error');
      assert.equal(res.body.issue[0].code, 'not-supported', query);
    }
    for (const query of ['date=yesterday', '_count=-1', '_count=abc', '_count=5000']) {
      const res = await fhirGet(`${payerA}/Observation?${query}`, readA);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.issue[0].code, 'invalid', query);
    }
    const lenient = await fhirGet(`${payerA}/Observation?patient=${ALICE_A}&foo=bar`, readA, { prefer: 'handling=lenient' });
    assert.equal(lenient.status, 200);
    assert.ok(lenient.body.total > 0);
    assert.doesNotMatch(lenient.body.link[0].url, /foo=bar/);
  });

  it('reads and vreads with ETag; errors are OperationOutcomes with the right status', async () => {
    const read = await fhirGet(`${payerA}/Patient/${ALICE_A}`, readA);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), `W/"${read.body.meta.versionId}"`);
    const vread = await fhirGet(`${payerA}/Patient/${ALICE_A}/_history/${read.body.meta.versionId}`, readA);
    assert.equal(vread.status, 200);
    assert.deepEqual(vread.body, read.body);
    const cases: Array<[string, number, string]> = [
      [`${payerA}/Patient/does-not-exist`, 404, 'not-found'],
      [`${payerA}/Patient/${ALICE_A}/_history/nope`, 404, 'not-found'],
      [`${payerA}/Basic`, 404, 'not-supported'],
      [`${payerA}/no/such/path/here`, 404, 'not-found'],
    ];
    for (const [url, status, code] of cases) {
      const res = await fhirGet(url, readA);
      assert.equal(res.status, status, url);
      assert.equal(res.body.resourceType, 'OperationOutcome', url);
      assert.equal(res.body.issue[0].code, code, url);
      assert.match(res.headers.get('content-type') ?? '', /application\/fhir\+json/);
    }
    const noToken = await fhirGet(`${payerA}/Patient/${ALICE_A}`);
    assert.equal(noToken.status, 401);
    assert.equal(noToken.body.issue[0].code, 'login');
    // A token signed with the server's own key but expired: 401 'expired'.
    const keys = JSON.parse(readFileSync(join(s.dataDir, 'payer-a', 'keys.json'), 'utf8'));
    const expiredToken = await new SignJWT({ scope: 'system/*.rs', client_id: 'test-backend' })
      .setProtectedHeader({ alg: 'RS256', kid: keys.signing.kid, typ: 'at+jwt' })
      .setIssuer(s.sandbox.endpoints['payer-a'].issuer).setAudience(payerA).setSubject('test-backend')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(await importJWK(keys.signing, 'RS256'));
    const expired = await fhirGet(`${payerA}/Patient/${ALICE_A}`, expiredToken);
    assert.equal(expired.status, 401);
    assert.equal(expired.body.issue[0].code, 'expired');
    const forged = await fhirGet(`${payerA}/Patient/${ALICE_A}`, readA.slice(0, -4) + 'AAAA');
    assert.equal(forged.status, 401);
    assert.equal(forged.body.resourceType, 'OperationOutcome');
  });

  it('refuses writes at the payers and writes with a read-only token', async () => {
    const res = await fhirSend('POST', `${payerA}/Observation`, readA, { resourceType: 'Observation', status: 'final', code: { text: 'x' } });
    assert.equal(res.status, 405);
    assert.equal(res.body.resourceType, 'OperationOutcome');
    const ehrRead = await systemToken(s, 'ehr');
    const denied = await fhirSend('POST', `${ehr}/Observation`, ehrRead, { resourceType: 'Observation', status: 'final', code: { text: 'x' } });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.issue[0].code, 'forbidden');
  });

  it('answers malformed JSON with 400 OperationOutcome, not a stack trace', async () => {
    const res = await fhirSend('POST', `${ehr}/Observation`, writeEhr, '{"resourceType": "Observation",');
    assert.equal(res.status, 400);
    assert.equal(res.body.resourceType, 'OperationOutcome');
    assert.equal(res.body.issue[0].code, 'structure');
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.ts:\d+/);
  });

  it('answers every malformed write with a 4xx OperationOutcome, never a 500', async () => {
    const bodies: Array<[string, string, unknown]> = [
      ['POST', `${ehr}/Observation`, []],
      ['POST', `${ehr}/Observation`, '"just a string"'],
      ['POST', `${ehr}/Observation`, { resourceType: 'Patient' }],
      ['PUT', `${ehr}/Observation/x1`, { resourceType: 'Observation', id: 'other' }],
      ['POST', ehr, { resourceType: 'Bundle', type: 'transaction', entry: {} }],
      ['POST', ehr, { resourceType: 'Bundle', type: 'transaction', entry: [null] }],
      ['POST', ehr, { resourceType: 'Bundle', type: 'transaction', entry: [{ request: { method: 'POST' } }] }],
      ['POST', ehr, { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: 5, request: { method: 'POST', url: 'Observation' } }] }],
      ['POST', ehr, { resourceType: 'Bundle', type: 'collection', entry: [] }],
      ['POST', ehr, { resourceType: 'Observation' }],
      ['POST', `${ehr}/Observation`, '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}'],
    ];
    for (const [method, url, body] of bodies) {
      const res = await fhirSend(method, url, writeEhr, typeof body === 'string' ? body : JSON.stringify(body));
      assert.ok(res.status >= 400 && res.status < 500, `${method} ${url} ${JSON.stringify(body).slice(0, 80)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      assert.equal(res.body.resourceType, 'OperationOutcome');
    }
  });

  it('transaction with conditional create: 201 the first time, 200 with the same id the second', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [{
        fullUrl: 'urn:uuid:8c7e5c1e-5d1f-4a57-9a4c-2f3f6c0d9b11',
        resource: { resourceType: 'Observation', status: 'final', identifier: [{ system: 'urn:test', value: 'cc-1' }], code: { text: 'written back' }, subject: { reference: 'Patient/ehr-40017' } },
        request: { method: 'POST', url: 'Observation', ifNoneExist: 'identifier=urn:test|cc-1' },
      }],
    };
    const first = await fhirSend('POST', ehr, writeEhr, bundle);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.type, 'transaction-response');
    assert.match(first.body.entry[0].response.status, /^201/);
    const id = first.body.entry[0].resource.id;
    const second = await fhirSend('POST', ehr, writeEhr, bundle);
    assert.match(second.body.entry[0].response.status, /^200/);
    assert.equal(second.body.entry[0].resource.id, id);
    const search = await fhirGet(`${ehr}/Observation?identifier=urn:test|cc-1`, writeEhr);
    assert.equal(search.body.total, 1);
  });

  it('a write is seen by the next page of the same query (no stale cached results)', async () => {
    const url = `${ehr}/Observation?patient=ehr-40031&_count=2`;
    const before = await fhirGet(url, writeEhr);
    const created = await fhirSend('POST', `${ehr}/Observation`, writeEhr, { resourceType: 'Observation', status: 'final', code: { text: 'new' }, subject: { reference: 'Patient/ehr-40031' } });
    assert.equal(created.status, 201);
    const after = await fhirGet(url, writeEhr);
    assert.equal(after.body.total, before.body.total + 1);
    const everything = await fhirGet(`${ehr}/Patient/ehr-40031/$everything?_count=1000`, writeEhr);
    assert.ok(everything.body.entry.some((e: any) => e.resource.id === created.body.id));
  });

  it('a failing transaction leaves nothing behind', async () => {
    const bundle = {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { fullUrl: 'urn:uuid:2b0f7b4e-1f6a-4c55-8d0e-8a7f3f1c2d01', resource: { resourceType: 'Observation', status: 'final', identifier: [{ system: 'urn:test', value: 'atomic-1' }], code: { text: 'a' }, subject: { reference: 'Patient/ehr-40017' } }, request: { method: 'POST', url: 'Observation' } },
        { resource: { resourceType: 'Patient', id: 'mismatch' }, request: { method: 'PUT', url: 'Observation/mismatch' } },
      ],
    };
    const res = await fhirSend('POST', ehr, writeEhr, bundle);
    assert.equal(res.status, 400);
    assert.equal(res.body.resourceType, 'OperationOutcome');
    assert.match(res.body.issue[0].diagnostics, /Bundle\.entry\[1\] failed, nothing was written/);
    assert.deepEqual(res.body.issue[0].expression, ['Bundle.entry[1]']);
    const search = await fhirGet(`${ehr}/Observation?identifier=urn:test|atomic-1`, writeEhr);
    assert.equal(search.body.total, 0, 'the first entry was rolled back');
  });
});

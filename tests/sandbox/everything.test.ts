// Patient/$everything: paged with next links, _type / _since / start-end, bound to the token's patient.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import {
  APP_CLIENT, APP_REDIRECT, authorizeUrl, Browser, exchangeCode, fhirGet, pkce, startTestSandbox, systemToken,
  type TestSandbox, walkAuthorization,
} from './helpers.ts';

const ALICE_A = 'pa-m1001';

async function allPages(first: string, token: string): Promise<{ resources: any[]; pages: number; total: number }> {
  const resources: any[] = [];
  let url: string | undefined = first;
  let pages = 0;
  let total = -1;
  while (url) {
    const res = await fhirGet(url, token);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    total = res.body.total;
    resources.push(...(res.body.entry ?? []).map((e: any) => e.resource));
    url = res.body.link.find((l: any) => l.relation === 'next')?.url;
    pages++;
  }
  return { resources, pages, total };
}

describe('Patient/$everything', () => {
  let s: TestSandbox;
  let base: string;
  let token: string;
  before(async () => {
    s = await startTestSandbox();
    base = s.sandbox.endpoints['payer-a'].fhirBase;
    token = await systemToken(s, 'payer-a');
  });
  after(async () => { await s?.stop(); });

  it('returns the patient, the compartment, its Provenance and referenced organizations, page by page', async () => {
    const { resources, pages, total } = await allPages(`${base}/Patient/${ALICE_A}/$everything?_count=25`, token);
    assert.equal(resources.length, total);
    assert.equal(pages, Math.ceil(total / 25));
    const keys = resources.map((r) => `${r.resourceType}/${r.id}`);
    assert.equal(new Set(keys).size, keys.length, 'no duplicates across pages');
    assert.equal(keys[0], `Patient/${ALICE_A}`, 'the patient comes first');
    const types = new Set(resources.map((r) => r.resourceType));
    for (const t of ['Coverage', 'Condition', 'Observation', 'Encounter', 'MedicationRequest', 'Provenance', 'Organization']) assert.ok(types.has(t), t);
    const clinical = resources.filter((r) => ['Condition', 'Observation', 'Encounter', 'MedicationRequest'].includes(r.resourceType));
    for (const r of clinical) assert.equal(r.subject.reference, `Patient/${ALICE_A}`);
    const provTargets = new Set(resources.filter((r) => r.resourceType === 'Provenance').map((p) => p.target[0].reference));
    for (const r of clinical) assert.ok(provTargets.has(`${r.resourceType}/${r.id}`), `Provenance of ${r.resourceType}/${r.id}`);
    assert.ok(!keys.includes('Patient/pa-m1002'), 'no other member');
    assert.ok(keys.includes('Organization/org-lakeside'), 'the payer named in Coverage.payor');
  });

  it('_type, _since and start/end narrow the result', async () => {
    const typed = await allPages(`${base}/Patient/${ALICE_A}/$everything?_type=Condition,Coverage&_count=100`, token);
    assert.deepEqual(new Set(typed.resources.map((r) => r.resourceType)), new Set(['Condition', 'Coverage']));
    assert.equal(typed.resources.filter((r) => r.resourceType === 'Condition').length, 3);

    const since = await allPages(`${base}/Patient/${ALICE_A}/$everything?_since=2025-01-01&_count=200`, token);
    assert.ok(since.total > 0);
    for (const r of since.resources) assert.ok(r.meta.lastUpdated >= '2025-01-01', `${r.resourceType}/${r.id} ${r.meta.lastUpdated}`);

    const ranged = await allPages(`${base}/Patient/${ALICE_A}/$everything?_type=Observation&start=2022-01-01&end=2022-12-31&_count=100`, token);
    assert.ok(ranged.total > 0);
    for (const r of ranged.resources) assert.equal(r.effectiveDateTime.slice(0, 4), '2022');
  });

  it('refuses unknown parameters and bad dates with 400 OperationOutcome', async () => {
    for (const q of ['foo=1', 'start=last-year', '_type=Basic', '_count=x']) {
      const res = await fhirGet(`${base}/Patient/${ALICE_A}/$everything?${q}`, token);
      assert.equal(res.status, 400, q);
      assert.equal(res.body.resourceType, 'OperationOutcome', q);
    }
    const missing = await fhirGet(`${base}/Patient/nobody/$everything`, token);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.resourceType, 'OperationOutcome');
  });

  it("a member's token gets the member's $everything and 403 for another member", async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const { verifier, challenge } = pkce();
    const url = authorizeUrl(a.authorize, {
      response_type: 'code', client_id: APP_CLIENT, redirect_uri: APP_REDIRECT, scope: 'launch/patient openid fhirUser patient/*.rs',
      state: randomBytes(16).toString('base64url'), aud: a.fhirBase, code_challenge: challenge, code_challenge_method: 'S256',
    });
    const flow = await walkAuthorization(new Browser(), url, { username: 'alice.nguyen', sensitive: 'sensitive' });
    const { body } = await exchangeCode(a.token, flow.redirect!.searchParams.get('code')!, verifier);
    const own = await allPages(`${base}/Patient/${ALICE_A}/$everything?_count=100`, body.access_token as string);
    const asSystem = await allPages(`${base}/Patient/${ALICE_A}/$everything?_count=100`, token);
    assert.equal(own.total, asSystem.total, 'the member sees all of their own record');
    const other = await fhirGet(`${base}/Patient/pa-m1002/$everything`, body.access_token as string);
    assert.equal(other.status, 403);
    assert.equal(other.body.issue[0].code, 'forbidden');
  });
});

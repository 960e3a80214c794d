// Member standalone launch at a payer: sign-in with a demo member account, an authorization page that
// offers the sensitive-data choice (PDex §6.2), the choice recorded with the grant and carried in tokens,
// refresh keeping the same restrictions, and a member's token bound to that member.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  APP_CLIENT, APP_REDIRECT, authorizeUrl, Browser, decodeJwtPayload, exchangeCode, fhirGet, location, pkce,
  startTestSandbox, type TestSandbox, walkAuthorization,
} from './helpers.ts';

const ALICE_A = 'pa-m1001';
const ROBERT_A = 'pa-m1002';
const SCOPE = 'launch/patient openid fhirUser patient/*.read offline_access';

describe('member standalone launch at Payer A', () => {
  let s: TestSandbox;
  before(async () => { s = await startTestSandbox(); });
  after(async () => { await s?.stop(); });

  function request(scope = SCOPE) {
    const a = s.sandbox.endpoints['payer-a'];
    const { verifier, challenge } = pkce();
    const state = randomBytes(24).toString('base64url');
    const url = authorizeUrl(a.authorize, {
      response_type: 'code', client_id: APP_CLIENT, redirect_uri: APP_REDIRECT, scope, state, aud: a.fhirBase,
      code_challenge: challenge, code_challenge_method: 'S256',
    });
    return { url, verifier, state };
  }

  async function memberToken(username: string, sensitive: 'regular' | 'sensitive'): Promise<Record<string, any>> {
    const { url, verifier, state } = request();
    const flow = await walkAuthorization(new Browser(), url, { username, sensitive });
    assert.ok(flow.redirect, flow.pages.at(-1)?.slice(0, 300));
    assert.equal(flow.redirect.searchParams.get('state'), state);
    const { status, body } = await exchangeCode(s.sandbox.endpoints['payer-a'].token, flow.redirect.searchParams.get('code')!, verifier);
    assert.equal(status, 200, JSON.stringify(body));
    return body;
  }

  it('offers the sensitive-data choice on an accessible authorization page', async () => {
    const { url } = request();
    const browser = new Browser();
    let res = await browser.get(url);
    let at = url;
    res = await browser.get((at = location(res, at)));
    assert.equal(res.status, 200);
    const login = await res.text();
    assert.match(login, /<label for="username">User name<\/label>/);
    assert.match(login, /<label for="password">Password<\/label>/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /script-src/);
    const action = new URL(/action="([^"]+)"/.exec(login)![1], at).toString();
    res = await browser.postForm(action, { username: 'alice.nguyen', password: 'pdex-demo', decision: 'sign-in' });
    while (res.status === 303) res = await browser.get((at = location(res, at)));
    const consent = await res.text();
    assert.match(consent, /<legend>Sensitive health information<\/legend>/);
    assert.match(consent, /<input type="radio" name="sensitive" value="regular" required>/);
    assert.match(consent, /<input type="radio" name="sensitive" value="sensitive" required>/);
    assert.match(consent, /Signed in as <strong>Alice Nguyen<\/strong>/);

    // Allowing without a choice is not possible: the page comes back with the reason.
    const confirm = new URL(/action="([^"]+)"/.exec(consent)![1], at).toString();
    const again = await browser.postForm(confirm, { decision: 'allow' });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /Choose whether sensitive information may be shared/);
  });

  it('records a #regular choice in the grant: token claim, refresh, and the patient context', async () => {
    const body = await memberToken('alice.nguyen', 'regular');
    assert.equal(body.patient, ALICE_A);
    const claims = decodeJwtPayload(body.access_token);
    assert.equal(claims.sensitive_data, 'regular');
    assert.equal(claims.patient, ALICE_A);
    assert.equal(claims.fhirUser, `Patient/${ALICE_A}`);
    assert.ok(String(body.scope).split(' ').includes('patient/*.read'));
    assert.ok(String(body.scope).split(' ').includes('offline_access'));
    assert.equal(typeof body.refresh_token, 'string');

    const refreshed = await fetch(s.sandbox.endpoints['payer-a'].token, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: APP_CLIENT }).toString(),
    });
    const next = (await refreshed.json()) as Record<string, any>;
    assert.equal(refreshed.status, 200, JSON.stringify(next));
    assert.equal(next.patient, ALICE_A);
    assert.equal(decodeJwtPayload(next.access_token).sensitive_data, 'regular');
    assert.equal(decodeJwtPayload(next.access_token).patient, ALICE_A);
  });

  it('records a #sensitive choice', async () => {
    const body = await memberToken('alice.nguyen', 'sensitive');
    assert.equal(decodeJwtPayload(body.access_token).sensitive_data, 'sensitive');
  });

  it("binds the token to the member: own data 200, another member's 403", async () => {
    const body = await memberToken('robert.okafor', 'sensitive');
    const base = s.sandbox.endpoints['payer-a'].fhirBase;
    const own = await fhirGet(`${base}/Patient/${ROBERT_A}`, body.access_token);
    assert.equal(own.status, 200);
    assert.equal(own.body.id, ROBERT_A);

    const other = await fhirGet(`${base}/Patient/${ALICE_A}`, body.access_token);
    assert.equal(other.status, 403);
    assert.equal(other.body.resourceType, 'OperationOutcome');
    assert.equal(other.body.issue[0].code, 'forbidden');

    const otherObs = await fhirGet(`${base}/Observation/pa-obs-alice-diabetes-2023-1`, body.access_token);
    assert.equal(otherObs.status, 403);

    const search = await fhirGet(`${base}/Observation?patient=${ALICE_A}`, body.access_token);
    assert.equal(search.status, 403);
    assert.equal(search.body.resourceType, 'OperationOutcome');

    // An open search only ever returns the member's own resources.
    const all = await fhirGet(`${base}/Condition?_count=100`, body.access_token);
    assert.equal(all.status, 200);
    assert.ok(all.body.total > 0);
    for (const e of all.body.entry) assert.equal(e.resource.subject.reference, `Patient/${ROBERT_A}`);
    const patients = await fhirGet(`${base}/Patient`, body.access_token);
    assert.deepEqual(patients.body.entry.map((e: any) => e.resource.id), [ROBERT_A]);
    assert.equal(patients.body.total, 1);

    const coverage = await fhirGet(`${base}/Coverage?beneficiary=Patient/${ROBERT_A}`, body.access_token);
    assert.equal(coverage.status, 200);
    assert.equal(coverage.body.total, 1);
    assert.equal(coverage.body.entry[0].resource.subscriberId, 'LHP-1002-01');
  });

  it('refuses a wrong password, with the reason on the page', async () => {
    const wrong = await walkAuthorization(new Browser(), request().url, { username: 'alice.nguyen', password: 'nope' });
    assert.equal(wrong.redirect, undefined);
    assert.match(wrong.pages.at(-1)!, /user name or password is not right/);
  });

  it('denying access returns access_denied to the app', async () => {
    const { url } = request();
    const browser = new Browser();
    let res = await browser.get(url);
    let at = url;
    res = await browser.get((at = location(res, at)));
    const action = new URL(/action="([^"]+)"/.exec(await res.text())![1], at).toString();
    res = await browser.postForm(action, { username: 'alice.nguyen', password: 'pdex-demo', decision: 'sign-in' });
    while (res.status === 303) res = await browser.get((at = location(res, at)));
    const confirm = new URL(/action="([^"]+)"/.exec(await res.text())![1], at).toString();
    res = await browser.postForm(confirm, { decision: 'deny' });
    while (res.status === 303) {
      const next = location(res, at);
      if (next.startsWith(APP_REDIRECT)) {
        assert.equal(new URL(next).searchParams.get('error'), 'access_denied');
        assert.equal(new URL(next).searchParams.get('code'), null);
        return;
      }
      res = await browser.get((at = next));
    }
    assert.fail(`no redirect to the app after deny (status ${res.status})`);
  });

  it('payers do not offer EHR launch', async () => {
    const { url } = request('launch openid patient/*.rs');
    const res = await new Browser().get(url);
    const back = new URL(location(res, url));
    assert.equal(back.searchParams.get('error'), 'invalid_request');
  });
});

// SMART EHR launch at the sandbox EHR: launch context, PKCE S256, state, exact redirect_uri, aud.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import {
  APP_CLIENT, APP_REDIRECT, authorizeUrl, Browser, decodeJwtPayload, exchangeCode, fhirGet, fhirSend, location, pkce,
  startTestSandbox, type TestSandbox, walkAuthorization,
} from './helpers.ts';

const PATIENT = 'ehr-40017'; // Alice Nguyen at the EHR
const SCOPE = 'launch openid fhirUser patient/*.rs patient/*.cud user/Practitioner.read';

describe('EHR launch', () => {
  let s: TestSandbox;
  before(async () => { s = await startTestSandbox(); });
  after(async () => { await s?.stop(); });

  function launchRequest(overrides: Record<string, string | undefined> = {}) {
    const ehr = s.sandbox.endpoints.ehr;
    const launch = s.sandbox.createEhrLaunch({ patient: PATIENT, encounter: 'ehr-enc-alice-diabetes-2025-1', appContext: '{"payer":"http://payer.example/fhir"}' });
    const { verifier, challenge } = pkce();
    const state = randomBytes(24).toString('base64url');
    const url = authorizeUrl(ehr.authorize, {
      response_type: 'code', client_id: APP_CLIENT, redirect_uri: APP_REDIRECT, scope: SCOPE, state, aud: ehr.fhirBase,
      launch, code_challenge: challenge, code_challenge_method: 'S256', ...overrides,
    });
    return { url, verifier, state };
  }

  it('the launch API answers with an opaque launch id', async () => {
    const res = await fetch(`${s.sandbox.endpoints.ehr.issuer}/launch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ patient: PATIENT }) });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { launch: string };
    assert.match(body.launch, /^[A-Za-z0-9_-]{16,}$/);
    const bad = await fetch(`${s.sandbox.endpoints.ehr.issuer}/launch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(bad.status, 400);
  });

  it('completes with PKCE and returns patient, encounter, appContext and fhirUser', async () => {
    const { url, verifier, state } = launchRequest();
    const flow = await walkAuthorization(new Browser(), url, { username: 'dr.rivera' });
    assert.ok(flow.redirect, `no redirect; last page: ${flow.pages.at(-1)?.slice(0, 400)}`);
    assert.equal(flow.redirect.searchParams.get('state'), state, 'state is echoed exactly, so the app can refuse a mismatch');
    const code = flow.redirect.searchParams.get('code')!;
    const { status, body } = await exchangeCode(s.sandbox.endpoints.ehr.token, code, verifier);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.patient, PATIENT);
    assert.equal(body.encounter, 'ehr-enc-alice-diabetes-2025-1');
    assert.equal(body.appContext, '{"payer":"http://payer.example/fhir"}');
    assert.ok((body.expires_in as number) <= 3600);
    const scopes = String(body.scope).split(' ');
    for (const expected of ['launch', 'openid', 'fhirUser', 'patient/*.rs', 'patient/*.cud']) assert.ok(scopes.includes(expected), `scope ${expected} in ${body.scope}`);
    const idToken = decodeJwtPayload(body.id_token as string);
    assert.equal(idToken.fhirUser, `${s.sandbox.endpoints.ehr.fhirBase}/Practitioner/ehr-pr-301`);
    const claims = decodeJwtPayload(body.access_token as string);
    assert.equal(claims.patient, PATIENT);
    assert.equal(claims.aud, s.sandbox.endpoints.ehr.fhirBase);

    const patient = await fhirGet(`${s.sandbox.endpoints.ehr.fhirBase}/Patient/${PATIENT}`, body.access_token as string);
    assert.equal(patient.status, 200);
    assert.equal(patient.body.name[0].family, 'Nguyen');
    const other = await fhirGet(`${s.sandbox.endpoints.ehr.fhirBase}/Patient/ehr-40023`, body.access_token as string);
    assert.equal(other.status, 403);
    assert.equal(other.body.resourceType, 'OperationOutcome');

    // patient/*.cud: the app may write back into the launch patient's chart, and only there.
    const base = s.sandbox.endpoints.ehr.fhirBase;
    const observation = (patient: string) => ({ resourceType: 'Observation', status: 'final', code: { text: 'from the payer' }, subject: { reference: `Patient/${patient}` } });
    const own = await fhirSend('POST', `${base}/Observation`, body.access_token as string, observation(PATIENT));
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.equal(own.body.subject.reference, `Patient/${PATIENT}`);
    const foreign = await fhirSend('POST', `${base}/Observation`, body.access_token as string, observation('ehr-40023'));
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.issue[0].code, 'forbidden');
    const sneaky = await fhirSend('POST', base, body.access_token as string, {
      resourceType: 'Bundle', type: 'transaction',
      entry: [
        { resource: observation(PATIENT), request: { method: 'POST', url: 'Observation' } },
        { resource: observation('ehr-40023'), request: { method: 'POST', url: 'Observation' } },
      ],
    });
    assert.equal(sneaky.status, 403, 'one foreign entry refuses the whole transaction');
  });

  it('a second launch in the same browser session gets its own patient, not the first grant', async () => {
    const browser = new Browser(); // keeps the clinician's session cookie: no second sign-in
    const ehr = s.sandbox.endpoints.ehr;
    for (const patient of [PATIENT, 'ehr-40023']) {
      const launch = s.sandbox.createEhrLaunch({ patient });
      const { verifier, challenge } = pkce();
      const url = authorizeUrl(ehr.authorize, {
        response_type: 'code', client_id: APP_CLIENT, redirect_uri: APP_REDIRECT, scope: SCOPE, state: randomBytes(16).toString('base64url'),
        aud: ehr.fhirBase, launch, code_challenge: challenge, code_challenge_method: 'S256',
      });
      const flow = await walkAuthorization(browser, url, { username: 'dr.rivera' });
      assert.ok(flow.redirect);
      const { body } = await exchangeCode(ehr.token, flow.redirect.searchParams.get('code')!, verifier);
      assert.equal(body.patient, patient);
      assert.equal(decodeJwtPayload(body.access_token as string).patient, patient);
    }
  });

  it('refuses a wrong code_verifier and a reused code', async () => {
    const { url, verifier } = launchRequest();
    const flow = await walkAuthorization(new Browser(), url, { username: 'dr.rivera' });
    const code = flow.redirect!.searchParams.get('code')!;
    const wrong = await exchangeCode(s.sandbox.endpoints.ehr.token, code, pkce().verifier);
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error, 'invalid_grant');
    assert.equal(wrong.body.access_token, undefined);
    // the code was consumed by the failed attempt or is still single-use: the right verifier must not work twice
    const first = await exchangeCode(s.sandbox.endpoints.ehr.token, code, verifier);
    const second = await exchangeCode(s.sandbox.endpoints.ehr.token, code, verifier);
    assert.ok(first.status !== 200 || second.status === 400, 'a code is never exchanged twice');
    assert.equal(second.status, 400);
  });

  it('refuses an authorization request without PKCE', async () => {
    const { url } = launchRequest({ code_challenge: undefined, code_challenge_method: undefined });
    const res = await new Browser().get(url);
    assert.equal(res.status, 303);
    const back = new URL(location(res, url));
    assert.ok(back.toString().startsWith(APP_REDIRECT));
    assert.equal(back.searchParams.get('error'), 'invalid_request');
    assert.match(back.searchParams.get('error_description') ?? '', /PKCE/);
    assert.equal(back.searchParams.get('code'), null);
  });

  it('refuses plain PKCE', async () => {
    const { url } = launchRequest({ code_challenge_method: 'plain' });
    const res = await new Browser().get(url);
    const back = new URL(location(res, url));
    assert.equal(back.searchParams.get('error'), 'invalid_request');
  });

  it('refuses a request without state, and one with a wrong aud', async () => {
    for (const overrides of [{ state: undefined }, { aud: 'http://127.0.0.1:1/fhir' }]) {
      const { url } = launchRequest(overrides);
      const res = await new Browser().get(url);
      const back = new URL(location(res, url));
      assert.equal(back.searchParams.get('error'), 'invalid_request', JSON.stringify(overrides));
      assert.equal(back.searchParams.get('code'), null);
    }
  });

  it('refuses an unregistered redirect_uri with a page and no redirect', async () => {
    for (const redirect of ['http://127.0.0.1:9/callback/', 'http://127.0.0.1:9/other', 'http://evil.example/callback']) {
      const { url } = launchRequest({ redirect_uri: redirect });
      const res = await new Browser().get(url);
      assert.equal(res.status, 400, redirect);
      assert.equal(res.headers.get('location'), null);
      const html = await res.text();
      assert.match(html, /not registered/);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    }
  });

  it('refuses an unknown launch id', async () => {
    const { url } = launchRequest({ launch: 'no-such-launch' });
    const res = await new Browser().get(url);
    const back = new URL(location(res, url));
    assert.equal(back.searchParams.get('error'), 'invalid_request');
    assert.match(back.searchParams.get('error_description') ?? '', /launch/);
  });

  it('does not let a member account sign in at the EHR', async () => {
    const { url } = launchRequest();
    const flow = await walkAuthorization(new Browser(), url, { username: 'alice.nguyen' });
    assert.equal(flow.redirect, undefined);
    assert.match(flow.pages.at(-1) ?? '', /user name or password is not right/);
  });
});

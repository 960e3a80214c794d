// SMART Backend Services (payer-to-payer): client_credentials with a private_key_jwt assertion
// (RS384 / ES384) checked against the client's registered JWKS.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { backendToken, clientAssertion, decodeJwtPayload, fhirGet, startTestSandbox, type TestSandbox } from './helpers.ts';

describe('SMART Backend Services', () => {
  let s: TestSandbox;
  before(async () => { s = await startTestSandbox({ clientsFile: join(import.meta.dirname, '../../sandbox/config/clients.json') }); });
  after(async () => { await s?.stop(); });

  it('issues a short-lived system token for a valid RS384 assertion, usable on the FHIR API', async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const { status, body } = await backendToken(a.token, await clientAssertion(s.backend.rs384, 'RS384', a.token));
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.token_type, 'Bearer');
    assert.ok((body.expires_in as number) > 0 && (body.expires_in as number) <= 300);
    assert.equal(body.scope, 'system/*.rs');
    assert.equal(body.refresh_token, undefined);
    const claims = decodeJwtPayload(body.access_token as string);
    assert.equal(claims.aud, a.fhirBase);
    assert.equal(claims.client_id, 'test-backend');
    assert.equal(claims.patient, undefined);

    const patients = await fhirGet(`${a.fhirBase}/Patient?_count=100`, body.access_token as string);
    assert.equal(patients.status, 200);
    assert.equal(patients.body.total, 4, 'a system token sees every member');
  });

  it('accepts an ES384 assertion', async () => {
    const b = s.sandbox.endpoints['payer-b'];
    const { status, body } = await backendToken(b.token, await clientAssertion(s.backend.es384, 'ES384', b.token));
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(typeof body.access_token, 'string');
  });

  it('refuses a forged assertion (same kid, another key)', async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const forger = await generateKeyPair('RS384');
    const forged = await clientAssertion({ privateKey: forger.privateKey as CryptoKey, kid: s.backend.rs384.kid }, 'RS384', a.token);
    const { status, body } = await backendToken(a.token, forged);
    assert.equal(status, 401);
    assert.equal(body.error, 'invalid_client');
    assert.equal(body.access_token, undefined);
  });

  it('refuses a replayed assertion (same jti)', async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const jti = randomUUID();
    const first = await backendToken(a.token, await clientAssertion(s.backend.rs384, 'RS384', a.token, jti));
    assert.equal(first.status, 200);
    const replay = await backendToken(a.token, await clientAssertion(s.backend.rs384, 'RS384', a.token, jti));
    assert.equal(replay.status, 401);
    assert.equal(replay.body.error, 'invalid_client');
  });

  it('refuses an assertion meant for another server', async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const b = s.sandbox.endpoints['payer-b'];
    const { status, body } = await backendToken(a.token, await clientAssertion(s.backend.rs384, 'RS384', b.token));
    assert.equal(status, 401);
    assert.equal(body.error, 'invalid_client');
  });

  it('grants only the scopes registered for the client', async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const { status, body } = await backendToken(a.token, await clientAssertion(s.backend.rs384, 'RS384', a.token), 'system/*.rs patient/*.rs user/*.cruds');
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.scope, 'system/*.rs');
  });

  it('a token of one system is refused by another (aud and iss)', async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const { body } = await backendToken(a.token, await clientAssertion(s.backend.rs384, 'RS384', a.token));
    const res = await fhirGet(`${s.sandbox.endpoints['payer-b'].fhirBase}/Patient`, body.access_token as string);
    assert.equal(res.status, 401);
    assert.equal(res.body.resourceType, 'OperationOutcome');
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
  });

  it('Payer B signs in at Payer A with its own key, registered by jwks_uri in clients.json', async () => {
    const a = s.sandbox.endpoints['payer-a'];
    const keys = JSON.parse(readFileSync(join(s.dataDir, 'payer-b', 'keys.json'), 'utf8'));
    const key = await importJWK(keys.client, 'ES384');
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES384', kid: keys.client.kid, typ: 'JWT' })
      .setIssuer('payer-b-p2p').setSubject('payer-b-p2p').setAudience(a.token)
      .setJti(randomUUID()).setIssuedAt().setExpirationTime('4m')
      .sign(key);
    const res = await fetch(a.token, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'system/*.rs', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion }).toString(),
    });
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.equal(decodeJwtPayload(body.access_token as string).client_id, 'payer-b-p2p');
  });
});

// Shared helpers of the sandbox HTTP tests: a sandbox on ephemeral ports with test clients, a browser-like
// cookie jar that follows the authorization redirects by hand, PKCE, and Backend Services assertions.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { ClientConfig } from '../../sandbox/src/auth/clients.ts';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/src/sandbox.ts';

export const APP_CLIENT = 'test-app';
export const APP_REDIRECT = 'http://127.0.0.1:9/callback'; // never contacted: the tests read the Location header
export const BACKEND_CLIENT = 'test-backend';
export const PASSWORD = 'pdex-demo';

export interface BackendKeys {
  rs384: { privateKey: CryptoKey; kid: string };
  es384: { privateKey: CryptoKey; kid: string };
  jwks: { keys: JWK[] };
}

export async function makeBackendKeys(): Promise<BackendKeys> {
  const rs = await generateKeyPair('RS384', { extractable: true });
  const es = await generateKeyPair('ES384', { extractable: true });
  const rsKid = 'test-rs384';
  const esKid = 'test-es384';
  return {
    rs384: { privateKey: rs.privateKey as CryptoKey, kid: rsKid },
    es384: { privateKey: es.privateKey as CryptoKey, kid: esKid },
    jwks: { keys: [{ ...(await exportJWK(rs.publicKey)), kid: rsKid, alg: 'RS384' }, { ...(await exportJWK(es.publicKey)), kid: esKid, alg: 'ES384' }] },
  };
}

export function testClients(backend: BackendKeys): ClientConfig[] {
  return [
    {
      client_id: APP_CLIENT, client_name: 'Test App', systems: ['ehr', 'payer-a', 'payer-b'], auth: 'public',
      redirect_uris: [APP_REDIRECT],
      scopes: ['openid', 'fhirUser', 'launch', 'launch/patient', 'launch/encounter', 'offline_access', 'patient/*.rs', 'patient/*.cud', 'user/*.rs'],
    },
    {
      client_id: BACKEND_CLIENT, client_name: 'Test Backend', systems: ['ehr', 'payer-a', 'payer-b'], auth: 'private_key_jwt',
      jwks: backend.jwks, scopes: ['system/*.rs', 'system/*.cud'],
    },
  ];
}

export interface TestSandbox {
  sandbox: Sandbox;
  dataDir: string;
  backend: BackendKeys;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestSandbox(options: Partial<SandboxOptions> & { backend?: BackendKeys } = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pdex-sandbox-test-'));
  const backend = options.backend ?? (await makeBackendKeys());
  const started = performance.now();
  const sandbox = await startSandbox({ ...options, dataDir, extraClients: testClients(backend) });
  reportIfSlow('start', started);
  return {
    sandbox, dataDir, backend,
    async stop({ keepData = false } = {}) {
      const stopping = performance.now();
      await sandbox.stop();
      reportIfSlow('stop', stopping);
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// A measurement, printed only when a start or stop is unusually slow (a loaded machine), to explain a
// slow run in CI logs.
function reportIfSlow(what: string, since: number): void {
  const ms = performance.now() - since;
  if (ms > 20_000) console.error(`sandbox test: ${what} took ${(ms / 1000).toFixed(1)} s`);
}

/** A cookie jar per origin that follows nothing by itself: each step of a redirect chain is visible. */
export class Browser {
  private readonly cookies = new Map<string, Map<string, string>>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.cookies.get(origin) ?? new Map<string, string>();
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(origin, jar);
    return res;
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  }
}

export function location(res: Response, base: string): string {
  const value = res.headers.get('location');
  if (!value) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(value, base).toString();
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(authorize: string, params: Record<string, string | undefined>): string {
  const url = new URL(authorize);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** Walks login and authorization pages; returns the final redirect to the app (or the page where it stopped). */
export async function walkAuthorization(
  browser: Browser,
  startUrl: string,
  steps: { username: string; password?: string; sensitive?: 'regular' | 'sensitive' },
): Promise<{ redirect?: URL; pages: string[] }> {
  const pages: string[] = [];
  let res = await browser.get(startUrl);
  let url = startUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (res.status >= 300 && res.status < 400) {
      const next = location(res, url);
      if (next.startsWith(APP_REDIRECT)) return { redirect: new URL(next), pages };
      url = next;
      res = await browser.get(url);
      continue;
    }
    const html = await res.text();
    pages.push(html);
    if (res.status !== 200) return { pages };
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) return { pages };
    const target = new URL(action.replace(/&amp;/g, '&'), url).toString();
    if (action.endsWith('/login')) {
      res = await browser.postForm(target, { username: steps.username, password: steps.password ?? PASSWORD, decision: 'sign-in' });
    } else {
      res = await browser.postForm(target, { decision: 'allow', ...(steps.sensitive ? { sensitive: steps.sensitive } : {}) });
    }
    url = target;
  }
  throw new Error('authorization did not finish');
}

export async function exchangeCode(token: string, code: string, verifier: string, redirectUri = APP_REDIRECT): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri, client_id: APP_CLIENT }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function clientAssertion(key: { privateKey: CryptoKey; kid: string }, alg: 'RS384' | 'ES384', tokenUrl: string, jti: string = randomUUID()): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(BACKEND_CLIENT)
    .setSubject(BACKEND_CLIENT)
    .setAudience(tokenUrl)
    .setJti(jti)
    .setIssuedAt()
    .setExpirationTime('4m')
    .sign(key.privateKey);
}

export async function backendToken(tokenUrl: string, assertion: string, scope = 'system/*.rs'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials', scope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion,
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function systemToken(s: TestSandbox, system: 'ehr' | 'payer-a' | 'payer-b', scope = 'system/*.rs'): Promise<string> {
  const token = s.sandbox.endpoints[system].token;
  const { status, body } = await backendToken(token, await clientAssertion(s.backend.rs384, 'RS384', token), scope);
  if (status !== 200) throw new Error(`backend token: ${status} ${JSON.stringify(body)}`);
  return body.access_token as string;
}

export async function fhirGet(url: string, token?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { headers: { accept: 'application/fhir+json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export async function fhirSend(method: string, url: string, token: string, body: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, {
    method,
    headers: { accept: 'application/fhir+json', 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

export function decodeJwtPayload(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

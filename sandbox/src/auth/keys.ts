// Key material of one sandbox system, made once and kept in its data folder so that tokens and sessions
// survive a restart: the authorization server's token signing key (RS256, the algorithm SMART requires
// every server to support for id_tokens), its cookie secret, and the system's own client key (ES384) with
// which it signs SMART Backend Services assertions as a client of other systems (payer-to-payer).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SystemKeys {
  signing: JWK; // private, with kid and alg
  client: JWK; // private, with kid and alg
  cookieSecret: string;
}

export async function loadOrCreateKeys(dataDir: string): Promise<SystemKeys> {
  const file = join(dataDir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SystemKeys;
  const signing = await privateJwk('RS256', { modulusLength: 2048 });
  const client = await privateJwk('ES384');
  const keys: SystemKeys = { signing, client, cookieSecret: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

async function privateJwk(alg: string, options: { modulusLength?: number } = {}): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...options });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, alg, use: 'sig', kid: randomBytes(8).toString('hex') };
}

/** The public half of a private JWK. */
export function publicJwk(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
  return pub;
}

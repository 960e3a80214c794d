// Registered clients (sandbox/config/clients.json; format in sandbox/README.md), turned into oidc-provider
// client metadata plus the SMART resource scopes each client may be granted. oidc-provider rejects SMART
// scopes in client metadata, so a client's `scope` metadata carries only its OpenID-side scopes and its
// resource scopes are enforced through getResourceServerInfo (provider.ts).
import { readFileSync } from 'node:fs';
import type { ClientMetadata } from 'oidc-provider';
import type { JWK } from 'jose';
import { SERVED_TYPES } from '../fhir/capability.ts';
import { parseResourceScope, type ResourceScope, scopeCovers } from '../fhir/scopes.ts';

export type SystemName = 'ehr' | 'payer-a' | 'payer-b';

export interface ClientConfig {
  client_id: string;
  client_name?: string;
  /** The systems whose authorization servers register this client. */
  systems: SystemName[];
  /** `public`: browser app, PKCE, no secret. `private_key_jwt`: SMART Backend Services (asymmetric). */
  auth: 'public' | 'private_key_jwt';
  redirect_uris?: string[];
  jwks_uri?: string;
  jwks?: { keys: JWK[] };
  /** OpenID-side scopes (openid, fhirUser, launch, launch/patient, offline_access) and resource scope patterns. */
  scopes: string[];
}

export const OIDC_SCOPES = ['openid', 'fhirUser', 'launch', 'launch/patient', 'launch/encounter', 'offline_access', 'online_access'];

export function loadClientConfigs(file: string): ClientConfig[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { clients?: ClientConfig[] };
  if (!Array.isArray(parsed.clients)) throw new Error(`${file}: expected {"clients": [...]}`);
  return parsed.clients;
}

/** Replaces {ehr}, {payer-a}, {payer-b} and {app} in URLs by the running origins. */
export function expandPlaceholders(config: ClientConfig, origins: Record<string, string>): ClientConfig {
  const expand = (s: string): string => s.replace(/\{([a-z-]+)\}/g, (whole, name: string) => origins[name] ?? whole);
  return {
    ...config,
    redirect_uris: config.redirect_uris?.map(expand),
    jwks_uri: config.jwks_uri ? expand(config.jwks_uri) : undefined,
  };
}

export function clientMetadata(config: ClientConfig): ClientMetadata {
  const oidcScopes = config.scopes.filter((s) => OIDC_SCOPES.includes(s)).join(' ');
  if (config.auth === 'private_key_jwt') {
    return {
      client_id: config.client_id,
      client_name: config.client_name,
      token_endpoint_auth_method: 'private_key_jwt',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      ...(config.jwks_uri ? { jwks_uri: config.jwks_uri } : { jwks: config.jwks as ClientMetadata['jwks'] }),
      ...(oidcScopes ? { scope: oidcScopes } : {}),
    };
  }
  return {
    client_id: config.client_id,
    client_name: config.client_name,
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: config.redirect_uris ?? [],
    scope: oidcScopes,
  };
}

const V1_SUFFIXES = ['read', 'write', '*'];
const V2_SUFFIXES = allOrderedSubsets('cruds');

/**
 * Every concrete SMART resource scope (v1 and v2, `*` or a served type) that the client's patterns cover,
 * as one space-separated string: oidc-provider grants a requested resource scope only when it is listed.
 */
export function permittedResourceScopes(config: ClientConfig): string {
  const patterns = config.scopes.map(parseResourceScope).filter((s): s is ResourceScope => s !== undefined);
  const out: string[] = [];
  for (const context of new Set(patterns.map((p) => p.context))) {
    for (const type of ['*', ...SERVED_TYPES]) {
      for (const suffix of [...V1_SUFFIXES, ...V2_SUFFIXES]) {
        const candidate = parseResourceScope(`${context}/${type}.${suffix}`);
        if (candidate && patterns.some((p) => scopeCovers(p, candidate))) out.push(candidate.text);
      }
    }
  }
  return out.join(' ');
}

function allOrderedSubsets(letters: string): string[] {
  const out: string[] = [];
  for (let mask = 1; mask < 1 << letters.length; mask++) {
    out.push([...letters].filter((_, i) => mask & (1 << i)).join(''));
  }
  return out;
}

// {fhirBase}/.well-known/smart-configuration (SMART App Launch 2.0 §Conformance): what this system's
// authorization server really offers. The EHR offers EHR launch; payers offer member standalone launch.
// Both offer SMART Backend Services (client_credentials with private_key_jwt, RS384/ES384).
// Not offered: `authorize-post`. oidc-provider accepts a POSTed authorization request only with
// SameSite=None session cookies, which browsers keep only when Secure, i.e. over https; the sandbox is
// plain http on 127.0.0.1. SMART 2.0 says SHALL: a gap to close when the sandbox gets https.
import type { SystemName } from './clients.ts';
import { OIDC_SCOPES } from './clients.ts';

export function smartConfiguration(system: SystemName, issuer: string): Record<string, unknown> {
  const ehr = system === 'ehr';
  return {
    issuer,
    jwks_uri: `${issuer}/jwks`,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    revocation_endpoint: `${issuer}/token/revocation`,
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [
      ...OIDC_SCOPES.filter((s) => ehr || (s !== 'launch' && s !== 'launch/encounter')),
      'patient/*.read', 'patient/*.rs',
      ...(ehr ? ['patient/*.write', 'patient/*.cud', 'user/*.read', 'user/*.rs'] : []),
      'system/*.read', 'system/*.rs',
    ],
    capabilities: [
      ...(ehr ? ['launch-ehr', 'context-ehr-patient', 'context-ehr-encounter', 'permission-user'] : ['launch-standalone', 'context-standalone-patient']),
      'client-public',
      'client-confidential-asymmetric',
      'sso-openid-connect',
      'context-banner',
      'permission-offline',
      'permission-patient',
      'permission-v1',
      'permission-v2',
    ],
  };
}

// Verifies the bearer access token of every FHIR request (jose): a JWT signed by this system's own
// authorization server, `aud` = this FHIR base, not expired. Its claims become the AccessContext.
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { AccessContext, SensitiveDataChoice } from './access.ts';
import { FhirError } from './outcome.ts';
import { parseScopeString } from './scopes.ts';

export interface BearerVerifier {
  verify(authorization: string | undefined): Promise<AccessContext>;
}

/** Claims the sandbox's authorization servers put into access tokens next to the standard ones. */
export interface SmartClaims extends JWTPayload {
  client_id?: string;
  scope?: string;
  patient?: string;
  fhirUser?: string;
  sensitive_data?: SensitiveDataChoice;
}

export function bearerVerifier(options: { issuer: string; audience: string; jwks: JSONWebKeySet }): BearerVerifier {
  const keys = createLocalJWKSet(options.jwks);
  return {
    async verify(authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      if (!match) throw new FhirError(401, 'login', 'This server needs an access token: Authorization: Bearer <token>.');
      let claims: SmartClaims;
      try {
        ({ payload: claims } = await jwtVerify<SmartClaims>(match[1], keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['RS256'],
          typ: 'at+jwt',
        }));
      } catch (err) {
        if (err instanceof errors.JWTExpired) throw new FhirError(401, 'expired', 'The access token has expired.');
        throw new FhirError(401, 'login', 'The access token is not valid for this server.');
      }
      return {
        clientId: claims.client_id ?? '',
        subject: claims.sub,
        scopes: parseScopeString(claims.scope),
        patient: claims.patient,
        fhirUser: claims.fhirUser,
        sensitiveData: claims.sensitive_data,
      };
    },
  };
}

// SMART launch context kept by an authorization server:
//  - LaunchStore: EHR launch ids → the patient/encounter (and CDS card appContext) the EHR opened the app
//    with (SMART App Launch §EHR launch: `launch` is opaque to the app);
//  - GrantContexts: grant id → what the user decided on the authorization page: patient, encounter,
//    appContext, fhirUser, the member's sensitive-data choice (PDex §6.2) and whether offline access was
//    granted. Access tokens (extraTokenClaims) and the token response (provider.ts) are built from it, so a
//    refreshed token keeps exactly the same restrictions.
// Both live in memory with the provider's grants and sessions (oidc-provider's in-memory adapter): a restart
// of the sandbox signs everyone out; FHIR data is what persists.
import { randomBytes } from 'node:crypto';
import type { SensitiveDataChoice } from '../fhir/access.ts';

export interface LaunchContext {
  patient: string;
  encounter?: string;
  /** The CDS Hooks card link's appContext, handed to the app in the token response as is. */
  appContext?: string;
}

export interface GrantContext {
  patient?: string;
  encounter?: string;
  appContext?: string;
  fhirUser: string;
  sensitiveData?: SensitiveDataChoice;
  oidcScope: string;
  offline: boolean;
  ehrLaunch: boolean;
}

const LAUNCH_TTL_MS = 10 * 60 * 1000;

export class LaunchStore {
  private readonly launches = new Map<string, { context: LaunchContext; expires: number }>();

  create(context: LaunchContext): string {
    const id = randomBytes(16).toString('base64url');
    this.launches.set(id, { context, expires: Date.now() + LAUNCH_TTL_MS });
    return id;
  }

  get(id: string): LaunchContext | undefined {
    const entry = this.launches.get(id);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.launches.delete(id);
      return undefined;
    }
    return entry.context;
  }
}

export class GrantContexts {
  private readonly byGrant = new Map<string, GrantContext>();

  set(grantId: string, context: GrantContext): void {
    this.byGrant.set(grantId, context);
  }

  get(grantId: string | undefined): GrantContext | undefined {
    return grantId ? this.byGrant.get(grantId) : undefined;
  }
}

// Demo user accounts of the authorization servers (listed in sandbox/README.md). Members sign in at their
// health plan; clinicians at the EHR. Each account is tied to the FHIR resource that is its fhirUser.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface DemoAccount {
  username: string;
  password: string;
  display: string;
  kind: 'member' | 'clinician';
  /** Relative reference: Patient/<id> for members, Practitioner/<id> for clinicians. */
  fhirUser: string;
}

export class AccountBook {
  private readonly byName: Map<string, DemoAccount>;

  constructor(accounts: DemoAccount[]) {
    this.byName = new Map(accounts.map((a) => [a.username, a]));
  }

  find(username: string): DemoAccount | undefined {
    return this.byName.get(username);
  }

  /** Checks a password without leaking its length or where it differs through timing. */
  authenticate(username: string, password: string): DemoAccount | undefined {
    const account = this.byName.get(username);
    const expected = digest(account?.password ?? 'no-such-account');
    const ok = timingSafeEqual(expected, digest(password));
    return account && ok ? account : undefined;
  }

  all(): DemoAccount[] {
    return [...this.byName.values()];
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

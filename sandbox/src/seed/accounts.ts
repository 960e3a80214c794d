// Demo accounts per system, derived from the seed's people (sandbox/README.md lists them).
import type { DemoAccount } from '../auth/accounts.ts';
import type { SystemName } from '../auth/clients.ts';
import { CLINICIAN, DEMO_PASSWORD, PEOPLE } from './people.ts';

export function demoAccounts(system: SystemName): DemoAccount[] {
  if (system === 'ehr') {
    return [{ username: CLINICIAN.username, password: DEMO_PASSWORD, kind: 'clinician', display: `Dr. ${CLINICIAN.given[0]} ${CLINICIAN.family}`, fhirUser: `Practitioner/${CLINICIAN.practitionerId}` }];
  }
  return PEOPLE.flatMap((p) => {
    const id = system === 'payer-a' ? p.ids.payerA : p.ids.payerB;
    return id ? [{ username: p.username, password: DEMO_PASSWORD, kind: 'member' as const, display: `${p.given[0]} ${p.family}`, fhirUser: `Patient/${id}` }] : [];
  });
}

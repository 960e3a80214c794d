// What a verified access token lets its bearer do on one FHIR server: its scopes name the resource types
// and actions; a patient-context token (SMART `patient/` scopes) is further bound to one patient's
// compartment (R4 CompartmentDefinition/patient). `user/` and `system/` scopes are not compartment-bound:
// the sandbox's clinicians and payer clients are trusted for every patient of their system.
import { matchesSearchRequest, Operator } from '@medplum/core';
import type { FhirRepository } from '@medplum/fhir-router';
import type { Provenance, Reference, Resource } from '@medplum/fhirtypes';
import { patientCompartmentParams } from './definitions.ts';
import { FhirError } from './outcome.ts';
import { type Permission, type ResourceScope } from './scopes.ts';

export type SensitiveDataChoice = 'regular' | 'sensitive';

export interface AccessContext {
  clientId: string;
  subject?: string;
  scopes: ResourceScope[];
  /** The patient a `patient/` scope is bound to (the token's `patient` launch context). */
  patient?: string;
  fhirUser?: string;
  /** The member's choice on the authorization page (PDex §6.2); absent when no member decided. */
  sensitiveData?: SensitiveDataChoice;
}

/** How far a permitted action reaches: every resource, or only the token patient's compartment. */
export type Reach = 'all' | 'compartment';

/** Checks that the token's scopes permit `action` on `resourceType`; throws 403 otherwise. */
export function reachFor(access: AccessContext, action: Permission, resourceType: string): Reach {
  let compartmentOnly = false;
  for (const scope of access.scopes) {
    if (scope.resourceType !== '*' && scope.resourceType !== resourceType) continue;
    if (!scope.permissions.has(action)) continue;
    if (scope.context !== 'patient') return 'all';
    compartmentOnly = true;
  }
  if (compartmentOnly) {
    if (!access.patient) {
      throw new FhirError(403, 'forbidden', 'The token has patient scopes but no patient context.');
    }
    return 'compartment';
  }
  throw new FhirError(403, 'forbidden', `The token's scopes do not permit '${action}' on ${resourceType}.`);
}

/** True when `resource` belongs to `patientId`'s compartment, or holds no patient data of its own. */
export async function isInCompartment(resource: Resource, patientId: string, repo: FhirRepository): Promise<boolean> {
  if (resource.resourceType === 'Patient') return resource.id === patientId;
  const params = patientCompartmentParams().get(resource.resourceType);
  if (!params) return true; // Organization, Practitioner, Medication, Location...: no patient data
  const patientRef = `Patient/${patientId}`;
  for (const code of params) {
    const request = { resourceType: resource.resourceType, filters: [{ code, operator: Operator.EQUALS, value: patientRef }] };
    if (matchesSearchRequest(resource, request)) return true;
  }
  // A Provenance is the patient's when it is about one of the patient's resources (PDex asks for it with
  // _revinclude=Provenance:target); its `patient` parameter only covers Provenance that targets the Patient.
  if (resource.resourceType === 'Provenance') {
    for (const target of (resource as Provenance).target ?? []) {
      const targetResource = await readTarget(target, repo);
      if (targetResource && targetResource.resourceType !== 'Provenance' && (await isInCompartment(targetResource, patientId, repo))) {
        return true;
      }
    }
  }
  return false;
}

async function readTarget(reference: Reference, repo: FhirRepository): Promise<Resource | undefined> {
  const parts = reference.reference?.split('/');
  if (parts?.length !== 2) return undefined;
  try {
    return await repo.readResource(parts[0], parts[1]);
  } catch {
    return undefined;
  }
}

/** Throws 403 unless the token may see this resource. */
export async function assertVisible(access: AccessContext, reach: Reach, resource: Resource, repo: FhirRepository): Promise<void> {
  if (reach === 'all') return;
  if (!(await isInCompartment(resource, access.patient!, repo))) {
    throw new FhirError(403, 'forbidden', `${resource.resourceType}/${resource.id} is outside the token's patient compartment.`);
  }
}

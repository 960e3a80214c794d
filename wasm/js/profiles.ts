// What listProfiles() returns for each loaded StructureDefinition.
export interface ProfileSummary {
  url: string;
  version?: string;
  name?: string;
  title?: string;
  /** The resource or data type it constrains, e.g. "Patient". */
  type: string;
  kind?: string;
  /** "constraint" for profiles, "specialization" for base definitions. */
  derivation?: string;
}

// THE release seam. Every resource a FHIR server of the sandbox releases — read, vread, history, search
// matches and _include/_revinclude results — passes through the ReleaseFilter of its server, with the
// token's AccessContext (which carries the member's sensitive-data choice, `sensitiveData`, recorded on
// the authorization page: PDex §6.2).
//
// HONEST STATUS: the only filter today is `identityReleaseFilter`, which releases everything. A `#regular`
// grant is therefore NOT yet honoured: sensitive items (behavioral health, substance use, HIV...) would be
// released under it. The real filter must come from the C++ core's segmenter through the WebAssembly module
// (issue #14: "never a second JavaScript implementation"); do not write a JavaScript segmenter here.
// Wiring it in means: implement ReleaseFilter with the core, pass it as `releaseFilter` to the payer
// servers in sandbox.ts, and (PDex facts §11.4) refuse rather than leak when the data cannot be segmented.
import type { Resource } from '@medplum/fhirtypes';
import type { AccessContext } from './access.ts';

export type ReleaseFilter = (resources: Resource[], access: AccessContext) => Promise<Resource[]>;

export const identityReleaseFilter: ReleaseFilter = async (resources) => resources;

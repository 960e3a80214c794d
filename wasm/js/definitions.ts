// The definitions packs every core loads before it validates: the FHIR R4 base definitions, then our
// profiles (US Core 3.1.1, HRex, PDex, CARIN BB). One loader for every place a core starts (Node:
// node.ts; browser workers: worker.ts); they differ only in how they read a pack's bytes.
import { PdexError } from './errors.js';
import { hasErrors } from './outcome.js';
import type { PdexCore } from './core.js';

/** The packs, in load order; each is definitions/<name>.pack.json in this package's dist/. */
export const definitionPacks = ['r4-core', 'pdex-profiles'] as const;
export type DefinitionPack = (typeof definitionPacks)[number];

export interface PackChoice {
  /** Load the R4 definitions pack (default true); without it only JSON and resourceType are checked. */
  definitions?: boolean;
  /** Also load our profiles pack (US Core 3.1.1, HRex, PDex, CARIN BB; default true). */
  profiles?: boolean;
}

export function chosenPacks(choice: PackChoice = {}): DefinitionPack[] {
  if (!(choice.definitions ?? true)) return [];
  return (choice.profiles ?? true) ? [...definitionPacks] : ['r4-core'];
}

/**
 * Loads the chosen packs into the core as it comes up: every pack is read at once, alongside the
 * module's instantiation, then loaded in order. A pack that cannot be read or loaded frees the core
 * and rejects with PdexError('load-failed') naming the pack.
 */
export async function loadDefinitionPacks(
  starting: Promise<PdexCore>,
  choice: PackChoice,
  read: (pack: DefinitionPack) => Promise<Uint8Array>,
): Promise<PdexCore> {
  const packs = chosenPacks(choice);
  const reads = packs.map((pack) => read(pack));
  for (const pending of reads) pending.catch(() => {});  // reported below, once the core is up
  const core = await starting;
  try {
    for (const [i, pack] of packs.entries()) {
      const outcome = core.loadDefinitions(await reads[i]);
      if (hasErrors(outcome)) throw new PdexError('load-failed', `${pack}.pack.json: ${outcome.issue[0].diagnostics}`);
    }
  } catch (error) {
    core.dispose();
    throw error instanceof PdexError ? error : new PdexError('load-failed', String(error));
  }
  return core;
}

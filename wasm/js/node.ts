// Loading the core in Node: the module, its .wasm and the definitions pack are read from the
// WebAssembly build directory (build/wasm, a sibling of this file's compiled form in build/js).
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { CoreModuleFactory } from './core-module.js';
import { PdexError } from './errors.js';
import { LocalClient } from './local-client.js';
import { hasErrors } from './outcome.js';
import { PdexCore } from './pdex-core.js';

export interface NodeLoadOptions {
  /** Where pdex-core.mjs/.wasm and definitions/ are; default: the repository's build/wasm. */
  buildDir?: string;
  /** Load the R4 definitions pack (default true); without it only JSON and resourceType are checked. */
  definitions?: boolean;
  /** Also load our profiles pack (US Core 3.1.1, HRex, PDex, CARIN BB; default true). */
  profiles?: boolean;
}

const defaultBuildDir = fileURLToPath(new URL('../wasm/', import.meta.url));

async function read(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new PdexError('load-failed', `cannot read ${path}: ${String(error)}`);
  }
}

export async function loadPdexCore(options: NodeLoadOptions = {}): Promise<PdexCore> {
  const buildDir = options.buildDir ?? defaultBuildDir;
  let factory: CoreModuleFactory;
  try {
    factory = ((await import(pathToFileURL(`${buildDir}/pdex-core.mjs`).href)) as { default: CoreModuleFactory }).default;
  } catch (error) {
    throw new PdexError('load-failed', `the WebAssembly build in ${buildDir} cannot be loaded: ${String(error)}`);
  }
  const core = await PdexCore.create(factory, { wasmBinary: await read(`${buildDir}/pdex-core.wasm`) });
  const packs = [];
  if (options.definitions ?? true) {
    packs.push('r4-core.pack.json');
    if (options.profiles ?? true) packs.push('pdex-profiles.pack.json');
  }
  for (const pack of packs) {
    const outcome = core.loadDefinitions(await read(`${buildDir}/definitions/${pack}`));
    if (hasErrors(outcome)) {
      core.dispose();
      throw new PdexError('load-failed', `${pack}: ${outcome.issue[0].diagnostics}`);
    }
  }
  return core;
}

export async function createLocalClient(options?: NodeLoadOptions): Promise<LocalClient> {
  return new LocalClient(await loadPdexCore(options));
}

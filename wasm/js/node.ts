// @pdex/core/node: the core in Node. The module, its .wasm and the definitions packs are read from
// this package's dist/ folder (where scripts/build puts them beside the compiled JS).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { CoreModuleFactory } from './core-module.js';
import { loadDefinitionPacks, type PackChoice } from './definitions.js';
import { PdexError } from './errors.js';
import { LocalClient } from './local-client.js';
import { PdexCore } from './core.js';

export interface NodeLoadOptions extends PackChoice {
  /** Where pdex-core.mjs/.wasm and definitions/ are; default: this package's dist/ (e.g. build/wasm also works). */
  buildDir?: string;
}

/** dist/, where this file runs from. */
export const packageDir = fileURLToPath(new URL('./', import.meta.url));

async function read(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new PdexError('load-failed', `cannot read ${path}: ${String(error)}`);
  }
}

export async function loadPdexCore(options: NodeLoadOptions = {}): Promise<PdexCore> {
  const dir = options.buildDir ?? packageDir;
  let factory: CoreModuleFactory;
  try {
    factory = ((await import(pathToFileURL(join(dir, 'pdex-core.mjs')).href)) as { default: CoreModuleFactory }).default;
  } catch (error) {
    throw new PdexError('load-failed', `the WebAssembly build in ${dir} cannot be loaded: ${String(error)}`);
  }
  const starting = read(join(dir, 'pdex-core.wasm')).then((wasmBinary) => PdexCore.create(factory, { wasmBinary }));
  return loadDefinitionPacks(starting, options, (pack) => read(join(dir, 'definitions', `${pack}.pack.json`)));
}

export async function createLocalClient(options?: NodeLoadOptions): Promise<LocalClient> {
  return new LocalClient(await loadPdexCore(options));
}

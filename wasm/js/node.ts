// Loading the core in Node: the module and its .wasm are read from the WebAssembly build directory
// (build/wasm, a sibling of this file's compiled form in build/js).
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { CoreModuleFactory } from './core-module.js';
import { PdexError } from './errors.js';
import { LocalClient } from './local-client.js';
import { PdexCore } from './pdex-core.js';

const defaultBuildDir = fileURLToPath(new URL('../wasm/', import.meta.url));

export async function loadPdexCore(buildDir: string = defaultBuildDir): Promise<PdexCore> {
  let factory: CoreModuleFactory;
  let wasmBinary: Uint8Array;
  try {
    factory = ((await import(pathToFileURL(`${buildDir}/pdex-core.mjs`).href)) as { default: CoreModuleFactory }).default;
    wasmBinary = await readFile(`${buildDir}/pdex-core.wasm`);
  } catch (error) {
    throw new PdexError('load-failed', `the WebAssembly build in ${buildDir} cannot be read: ${String(error)}`);
  }
  return PdexCore.create(factory, { wasmBinary });
}

export async function createLocalClient(buildDir?: string): Promise<LocalClient> {
  return new LocalClient(await loadPdexCore(buildDir));
}

// Loading the core in Node: the module and its .wasm are read from the WebAssembly build directory
// (build/wasm, a sibling of this file's compiled form in build/js).
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { CoreModuleFactory } from './core-module.js';
import { LocalClient } from './local-client.js';
import { PdexCore } from './pdex-core.js';

const defaultBuildDir = fileURLToPath(new URL('../wasm/', import.meta.url));

export async function loadPdexCore(buildDir: string = defaultBuildDir): Promise<PdexCore> {
  const { default: factory } = (await import(pathToFileURL(`${buildDir}/pdex-core.mjs`).href)) as {
    default: CoreModuleFactory;
  };
  const wasmBinary = await readFile(`${buildDir}/pdex-core.wasm`);
  return PdexCore.create(factory, { wasmBinary });
}

export async function createLocalClient(buildDir?: string): Promise<LocalClient> {
  return new LocalClient(await loadPdexCore(buildDir));
}

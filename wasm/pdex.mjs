#!/usr/bin/env node
// `pdex` for Node users without a native build: the same C++ command line (core/cli), compiled to
// WebAssembly. Same subcommands, options, output and exit codes as build/native/pdex.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = process.env.PDEX_WASM_BUILD_DIR ?? join(root, 'build', 'wasm');
const require = createRequire(import.meta.url);

let createPdexCli;
let wasmBinary;
try {
  createPdexCli = require(join(buildDir, 'pdex-cli.cjs'));
  // Emscripten 3.1.6 would fetch() the .wasm by path under Node 18+; hand it the bytes instead.
  wasmBinary = readFileSync(join(buildDir, 'pdex-cli.wasm'));
} catch (error) {
  process.stderr.write(`pdex: the WebAssembly build is missing in ${buildDir} (${error.code ?? error.message}); ` +
    'run `bash scripts/build wasm` first\n');
  process.exit(2);
}

// The module runs main() with these arguments and exits the process with main's status.
await createPdexCli({ wasmBinary, arguments: process.argv.slice(2), thisProgram: 'pdex' });

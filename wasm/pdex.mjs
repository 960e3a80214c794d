#!/usr/bin/env node
// `pdex` for Node users without a native build: the same C++ command line (core/cli), compiled to
// WebAssembly. Same subcommands, options, output and exit codes as build/native/pdex.
//
// Where it finds things, in order:
//   the module (pdex-cli.cjs + .wasm): $PDEX_WASM_BUILD_DIR; the @pdex/core package's dist/
//     (wasm/js/dist, filled by `scripts/build web`); the build tree (build/wasm).
//   the definitions pack of `validate`: definitions/r4-core.pack.json beside the module, then the build
//     tree's, the order native `pdex validate` uses (beside the binary, then the build tree). Inside
//     Node the module cannot see where it lives (its /proc/self/exe is node), so we pass the pack as
//     --definitions. When there is none, `validate` stops with exit 2 rather than answer "valid" after
//     checking only well-formedness, unless the user asked for that with --syntax-only.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildTree = join(root, 'build', 'wasm');
const packageDist = join(root, 'wasm', 'js', 'dist');
const moduleDir = process.env.PDEX_WASM_BUILD_DIR ??
  [packageDist, buildTree].find((dir) => existsSync(join(dir, 'pdex-cli.cjs'))) ?? buildTree;
const require = createRequire(import.meta.url);

let createPdexCli;
let wasmBinary;
try {
  createPdexCli = require(join(moduleDir, 'pdex-cli.cjs'));
  // Emscripten 3.1.6 would fetch() the .wasm by path under Node 18+; hand it the bytes instead.
  wasmBinary = readFileSync(join(moduleDir, 'pdex-cli.wasm'));
} catch (error) {
  process.stderr.write(`pdex: the WebAssembly build is missing in ${moduleDir} (${error.code ?? error.message}); ` +
    'run `bash scripts/build wasm web` first\n');
  process.exit(2);
}

/** `validate`'s arguments with the definitions pack made explicit; exits 2 when there is none. */
function withDefinitions(args) {
  const optionsEnd = args.indexOf('--') === -1 ? args.length : args.indexOf('--');
  const options = args.slice(1, optionsEnd);
  const asks = (...names) => options.some((arg) => names.includes(arg));
  if (asks('-h', '--help', '--definitions', '--syntax-only')) return args;
  const candidates = [...new Set([moduleDir, buildTree])].map((dir) => join(dir, 'definitions', 'r4-core.pack.json'));
  const pack = candidates.find((path) => existsSync(path));
  if (pack) return ['validate', '--definitions', pack, ...args.slice(1)];
  process.stderr.write(
    'pdex validate: no FHIR R4 definitions pack found, so nothing beyond JSON well-formedness could be checked.\n' +
    `  looked for: ${candidates.join(', ')}\n` +
    '  build it (bash scripts/build wasm web), give one with --definitions PATH, or pass --syntax-only\n' +
    '  to check JSON well-formedness and resourceType only.\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const cliArgs = args[0] === 'validate' ? withDefinitions(args) : args;

// The module runs main() with these arguments and exits the process with main's status.
await createPdexCli({ wasmBinary, arguments: cliArgs, thisProgram: 'pdex' });

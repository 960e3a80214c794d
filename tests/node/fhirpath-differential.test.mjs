// Differential test of our FHIRPath engine (in WebAssembly) against fhirpath.js, the reference
// JavaScript implementation, on about 11,000 expressions generated over the Synthea resources in
// ../shared (skipped when it is absent). Results must be equal, or the difference must be one of the
// documented fhirpath.js deviations from the specification (fhirpath/fhirpathjs-deviations.json).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';

import { loadPdexCore } from '@pdex/core/node';
import { generateCases, sampleResources } from './fhirpath/generate-expressions.mjs';
import { repoRoot } from './helpers.mjs';

const syntheaDir = `${repoRoot}../shared/fixtures/synthea`;
const { deviations } = JSON.parse(readFileSync(new URL('./fhirpath/fhirpathjs-deviations.json', import.meta.url), 'utf8'));

// Object key order carries no meaning in FHIR JSON (our engine returns keys sorted).
const canonical = (value) =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]))
      : value;

function theirs(resource, expression) {
  try {
    return JSON.stringify(canonical(fhirpath.evaluate(resource, expression, { resource }, r4)));
  } catch {
    return 'error';
  }
}

test('our FHIRPath agrees with fhirpath.js on expressions generated over Synthea', { skip: !existsSync(syntheaDir) && 'no ../shared/fixtures/synthea' }, async () => {
  const core = await loadPdexCore();
  const cases = generateCases(sampleResources(syntheaDir));
  const parsed = new Map();
  const unexplained = [];
  const used = new Set();
  let equal = 0;
  for (const { resource, expression } of cases) {
    if (!parsed.has(resource)) parsed.set(resource, core.parseResource(JSON.stringify(resource)));
    const compiled = core.compileFhirPath(expression);
    const result = core.evaluateCompiled(compiled, parsed.get(resource));
    compiled.dispose();
    const ours = result.ok ? JSON.stringify(canonical(result.value)) : 'error';
    if (ours === theirs(resource, expression)) {
      equal++;
      continue;
    }
    const deviation = deviations.find((d) => new RegExp(d.expression).test(expression));
    if (deviation) used.add(deviation);
    else unexplained.push(`${expression}\n    fhirpath.js: ${theirs(resource, expression).slice(0, 200)}\n    ours:        ${ours.slice(0, 200)}`);
  }
  for (const handle of parsed.values()) handle.dispose();
  core.dispose();
  console.log(`fhirpath differential: ${cases.length} expressions, ${equal} equal, ` +
    `${cases.length - equal - unexplained.length} documented fhirpath.js deviations, ${unexplained.length} unexplained`);
  assert.ok(cases.length > 5000, `only ${cases.length} expressions generated`);
  assert.deepEqual(unexplained, []);
  assert.deepEqual(deviations.filter((d) => !used.has(d)).map((d) => d.expression), [], 'deviations that no longer occur');
});

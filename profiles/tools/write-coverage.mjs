// Rewrites profiles/coverage.json from the built package: the canonical resources this package
// promises, per IG (by canonical base), so that tests/node/profiles.test.mjs notices anything that
// disappears from a later build. Run after adding resources on purpose:
//   node scripts/build-profiles.mjs && node profiles/tools/write-coverage.mjs
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const index = JSON.parse(fs.readFileSync(path.join(root, 'build/profiles/package/.index.json'), 'utf8'));
const igs = {
  'hl7.fhir.us.core#3.1.1': ['http://hl7.org/fhir/us/core/', 'urn:oid:2.16.840.1.113883.6.238'],
  'hl7.fhir.us.davinci-hrex#1.0.0': ['http://hl7.org/fhir/us/davinci-hrex/'],
  'hl7.fhir.us.davinci-pdex#2.0.0': ['http://hl7.org/fhir/us/davinci-pdex/'],
  'hl7.fhir.us.davinci-pas#2.0.1': ['http://hl7.org/fhir/us/davinci-pas/'],
  'hl7.fhir.us.carin-bb#1.1.0': ['http://hl7.org/fhir/us/carin-bb/'],
};
const out = {
  '//': 'Canonical resources this package must contain, per IG (package#version -> resourceType -> canonical urls); "external-code-systems" are shells (content not-present) of code systems CARIN BB names. Written by profiles/tools/write-coverage.mjs; checked by tests/node/profiles.test.mjs, which also prints what of each official package in ../shared/ig is not covered.',
};
const claimed = new Set();
for (const [ig, prefixes] of Object.entries(igs)) {
  out[ig] = {};
  for (const file of index.files) {
    if (!file.url || !prefixes.some((p) => file.url.startsWith(p))) continue;
    (out[ig][file.resourceType] ??= []).push(file.url);
    claimed.add(file.url);
  }
  for (const type of Object.keys(out[ig])) out[ig][type].sort();
}
out['external-code-systems'] = {
  CodeSystem: index.files.filter((f) => f.url && !claimed.has(f.url)).map((f) => f.url).sort(),
};
fs.writeFileSync(path.join(root, 'profiles/coverage.json'), JSON.stringify(out, null, 2) + '\n');
for (const [ig, types] of Object.entries(out)) {
  if (!ig.startsWith('//')) console.log(ig, Object.entries(types).map(([t, u]) => `${t} ${u.length}`).join(', '));
}

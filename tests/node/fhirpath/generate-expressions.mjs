// Generates FHIRPath expressions over real resources (the Synthea bundles in ../shared) for the
// differential test against fhirpath.js. Deterministic: the same resources give the same expressions.
//
// For each sampled resource, every element path present in its JSON (choice elements named by their
// FHIR name, e.g. Observation.value, not valueQuantity) is combined with functions and operators
// chosen by the element's FHIR type, so that each expression evaluates to something non-trivial.
import { readdirSync, readFileSync } from 'node:fs';

import r4 from 'fhirpath/fhir-context/r4/index.js';

const primitiveKinds = {
  string: 'string', code: 'string', id: 'string', uri: 'string', url: 'string', canonical: 'string',
  markdown: 'string', oid: 'string', uuid: 'string',
  integer: 'number', positiveInt: 'number', unsignedInt: 'number', decimal: 'number',
  date: 'date', dateTime: 'date', instant: 'date', boolean: 'boolean',
};

/** FHIR type of element `key` under type path `parent`, and its FHIRPath name (choice base for value[x]). */
function childOf(parent, key) {
  // Choice elements first: fhirpath.js's model also knows some JSON names (Extension.valueString),
  // but in FHIRPath the element is `value` (valueString is not a valid name with a model).
  for (let cut = key.length - 1; cut > 0; cut--) {
    const base = key.slice(0, cut);
    const suffix = key.slice(cut);
    const choices = r4.choiceTypePaths[`${parent}.${base}`];
    const type = choices?.find((choice) => choice.toLowerCase() === suffix.toLowerCase());
    if (type) return { name: base, typePath: type, type, choice: true };
  }
  const direct = r4.path2Type[`${parent}.${key}`];
  if (direct) return { name: key, typePath: direct === 'BackboneElement' || direct === 'Element' ? `${parent}.${key}` : direct, type: direct };
  return undefined;
}

// FHIRPath keywords must be delimited when used as element names (Narrative.div).
const keywords = new Set(['and', 'or', 'xor', 'implies', 'div', 'mod', 'in', 'contains', 'is', 'as', 'true', 'false']);
const identifier = (name) => (keywords.has(name) ? `\`${name}\`` : name);

/** Element paths present in `resource`: [{path, type, choice}] without duplicates. */
function elementPaths(resource) {
  const found = new Map();
  const walk = (value, path, typePath) => {
    for (const node of Array.isArray(value) ? value : [value]) {
      if (node === null || typeof node !== 'object') continue;
      for (const [key, child] of Object.entries(node)) {
        if (key === 'resourceType' || key.startsWith('_') || key === 'contained' || key === 'resource') continue;
        const info = childOf(typePath, key);
        if (!info) continue;
        const childPath = `${path}.${identifier(info.name)}`;
        if (!found.has(childPath)) found.set(childPath, { path: childPath, type: info.type, choice: info.choice });
        walk(child, childPath, info.typePath);
      }
    }
  };
  walk(resource, resource.resourceType, resource.resourceType);
  return [...found.values()];
}

function expressionsFor({ path, type, choice }) {
  const out = [path, `${path}.count()`, `${path}.exists()`, `${path}.first()`, `${path}.last()`, `${path}.distinct().count()`,
    `${path}.tail().count()`, `${path}.skip(1).take(2)`, `${path}.empty().not()`, `${path}.isDistinct()`];
  if (choice) out.push(`${path}.ofType(${type})`, `${path} is ${type}`, `(${path} as ${type}).exists()`);
  switch (primitiveKinds[type]) {
    case 'string':
      out.push(`${path}.length()`, `${path}.upper()`, `${path}.lower()`, `${path}.substring(1, 4)`, `${path}.startsWith('h')`,
        `${path}.contains('e')`, `${path}.indexOf('a')`, `${path}.matches('^[a-z0-9-]+$')`, `${path}.replace('-', '_')`,
        `${path}.toChars().count()`, `${path} = 'final'`, `${path}.select($this + '!')`, `${path}.where(length() > 5)`);
      break;
    case 'number':
      out.push(`${path} + 1`, `${path} * 2`, `${path} > 50`, `${path}.round(1)`, `${path}.abs()`, `${path}.toString()`,
        `${path}.floor()`, `${path} div 3`, `${path} mod 7`, `${path}.toInteger()`, `${path}.toDecimal() / 4`);
      break;
    case 'date':
      out.push(`${path} > @2010-01-01`, `${path} <= @2019-06-30T12:00:00Z`, `${path}.toString()`, `${path}.toString().length()`);
      break;
    case 'boolean':
      out.push(`${path}.not()`, `${path} and true`, `${path} or false`, `${path} xor true`, `${path} implies false`);
      break;
    default:
      out.push(`${path}.children().count()`, `${path}.descendants().count()`, `${path}.select(children().count())`,
        `${path}.where(children().exists()).count()`, `${path}.all(children().exists())`, `${path}.hasValue()`);
  }
  return out;
}

/** Up to `perType` resources of each type from the Synthea bundles; undefined when ../shared is absent. */
export function sampleResources(syntheaDir, perType = 1) {
  let folders;
  try {
    folders = readdirSync(syntheaDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  } catch {
    return undefined;
  }
  const byType = new Map();
  for (const folder of folders.map((entry) => entry.name).sort()) {
    for (const file of readdirSync(`${syntheaDir}/${folder}`).filter((name) => name.endsWith('.json')).sort()) {
      const bundle = JSON.parse(readFileSync(`${syntheaDir}/${folder}/${file}`, 'utf8'));
      for (const { resource } of bundle.entry ?? []) {
        const list = byType.get(resource.resourceType) ?? [];
        if (list.length < perType) list.push(resource);
        byType.set(resource.resourceType, list);
      }
    }
  }
  return [...byType.values()].flat();
}

/** [{resource, expression}] pairs: every generated expression with the resource it is evaluated on. */
export function generateCases(resources) {
  const cases = [];
  for (const resource of resources) {
    const paths = elementPaths(resource);
    for (const element of paths) for (const expression of expressionsFor(element)) cases.push({ resource, expression });
    // Combinations across elements of the same resource.
    for (let i = 0; i + 1 < paths.length; i += 3) {
      const [a, b] = [paths[i].path, paths[i + 1].path];
      cases.push({ resource, expression: `(${a} | ${b}).count()` }, { resource, expression: `${a}.combine(${b}).count()` },
        { resource, expression: `iif(${a}.exists(), ${b}.count(), -1)` }, { resource, expression: `${a}.exists() and ${b}.empty()` });
    }
    cases.push({ resource, expression: `${resource.resourceType}.id.length()` }, { resource, expression: `%resource.id` },
      { resource, expression: 'descendants().count()' }, { resource, expression: `extension.url.distinct()` },
      { resource, expression: `${resource.resourceType}.repeat(children()).count()` });
  }
  return cases;
}

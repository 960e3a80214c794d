// loadDefinitionPacks, the one loader of the definitions packs that Node (loadPdexCore) and the browser
// worker (loadBrowserCore) share: which packs, in which order, and what a failure does to the core.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

import { PdexCore, PdexError, chosenPacks, loadDefinitionPacks } from '@pdex/core';
import { packageDir } from '@pdex/core/node';

const { default: createPdexCore } = await import(pathToFileURL(join(packageDir, 'pdex-core.mjs')).href);
const wasmBinary = await readFile(join(packageDir, 'pdex-core.wasm'));
const startCore = () => PdexCore.create(createPdexCore, { wasmBinary });
const readPack = (pack) => readFile(join(packageDir, 'definitions', `${pack}.pack.json`));
const usCorePatient = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';

describe('loadDefinitionPacks', () => {
  test('chooses the R4 base pack, then our profiles, unless told otherwise', () => {
    assert.deepEqual(chosenPacks(), ['r4-core', 'pdex-profiles']);
    assert.deepEqual(chosenPacks({ profiles: false }), ['r4-core']);
    assert.deepEqual(chosenPacks({ definitions: false, profiles: true }), []);
  });

  test('loads the chosen packs in order: base definitions first, then the profiles built on them', async () => {
    const asked = [];
    const core = await loadDefinitionPacks(startCore(), {}, (pack) => (asked.push(pack), readPack(pack)));
    try {
      assert.deepEqual(asked, ['r4-core', 'pdex-profiles']);
      const urls = core.listProfiles().map((profile) => profile.url);
      assert.ok(urls.includes('http://hl7.org/fhir/StructureDefinition/Patient'));
      assert.ok(urls.includes(usCorePatient));
    } finally {
      core.dispose();
    }
  });

  test('without profiles, US Core is unknown', async () => {
    const core = await loadDefinitionPacks(startCore(), { profiles: false }, readPack);
    try {
      assert.ok(!core.listProfiles().some((profile) => profile.url === usCorePatient));
    } finally {
      core.dispose();
    }
  });

  test('a pack the core refuses rejects with load-failed naming the pack, and frees the core', async () => {
    const starting = startCore();
    const notAPack = (pack) => (pack === 'pdex-profiles' ? Promise.resolve(new TextEncoder().encode('{"format": "other"}')) : readPack(pack));
    await assert.rejects(loadDefinitionPacks(starting, {}, notAPack),
      (error) => error instanceof PdexError && error.code === 'load-failed' && error.message.startsWith('pdex-profiles.pack.json:'));
    const core = await starting;
    assert.throws(() => core.validate('{}'), (error) => error instanceof PdexError && error.code === 'disposed');
  });

  test('a pack that cannot be read rejects with load-failed and frees the core', async () => {
    const starting = startCore();
    const unreadable = () => Promise.reject(new PdexError('load-failed', 'cannot read r4-core.pack.json'));
    await assert.rejects(loadDefinitionPacks(starting, {}, unreadable), (error) => error instanceof PdexError && error.code === 'load-failed');
    const core = await starting;
    assert.throws(() => core.validate('{}'), (error) => error instanceof PdexError && error.code === 'disposed');
  });
});

// The asynchronous client API (LocalClient; the browser suite covers WorkerClient).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { createLocalClient } from '@pdex/core/node';
import { PdexError } from '@pdex/core';
import { messageIds } from './helpers.mjs';

let client;
before(async () => {
  client = await createLocalClient({ definitions: false });
});
after(() => client.close());

const patient = (i) => JSON.stringify({ resourceType: 'Patient', id: `p${i}` });

test('validate resolves to an OperationOutcome', async () => {
  assert.deepEqual(messageIds(await client.validate(patient(1))), ['resource.ok']);
});

test('validateMany returns one outcome per resource, in order, with progress', async () => {
  const resources = Array.from({ length: 10_000 }, (_, i) => (i === 4321 ? '{broken' : patient(i)));
  const progress = [];
  const outcomes = await client.validateMany(resources, { onProgress: (done, total) => progress.push([done, total]) });
  assert.equal(outcomes.length, 10_000);
  assert.deepEqual(messageIds(outcomes[4321]), ['json.syntax']);
  assert.deepEqual(messageIds(outcomes[4320]), ['resource.ok']);
  assert.deepEqual(progress.at(-1), [10_000, 10_000]);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i][0] >= progress[i - 1][0]);
});

test('validateMany can be cancelled', async () => {
  const resources = Array.from({ length: 200_000 }, (_, i) => patient(i));
  const controller = new AbortController();
  const running = client.validateMany(resources, {
    onProgress: (done) => {
      if (done > 0 && done < resources.length) controller.abort();
    },
    signal: controller.signal,
  });
  await assert.rejects(running, (error) => error instanceof PdexError && error.code === 'cancelled');
});

test('every method of the one list answers through LocalClient as the core answers it', async () => {
  const { LocalClient, PdexCore, WorkerClient, remoteMethods } = await import('@pdex/core');
  assert.deepEqual(remoteMethods, [
    'validate', 'loadDefinitions', 'loadPackage', 'loadResources', 'listProfiles', 'evaluateFhirPath',
    'loadMemberIndex', 'memberMatch', 'evaluateConsent', 'segment', 'claimsToClinical', 'assembleRelease', 'ingestRelease',
  ]);
  for (const method of remoteMethods) {
    for (const api of [PdexCore, LocalClient, WorkerClient]) assert.equal(typeof api.prototype[method], 'function', `${api.name}.${method}`);
  }
  const answer = client.listProfiles();
  assert.ok(answer instanceof Promise);
  assert.deepEqual(await answer, []);  // no definitions loaded in this file
  assert.deepEqual(await client.evaluateFhirPath('1 + 1', '{}'), { ok: true, value: [2] });
  const loaded = await client.loadResources('{"format": 1}', 'not a resource');
  assert.ok(messageIds(loaded).includes('package.not-a-resource'), JSON.stringify(loaded));
});

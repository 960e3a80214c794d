// WorkerClient and serveCore talking over a real worker thread: the same protocol code the browser
// runs, here with Node's worker_threads so that cancellation and failures can be driven precisely.
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { after, test } from 'node:test';

import { PdexError, WorkerClient } from '@pdex/core';
import { messageIds } from './helpers.mjs';

const workerUrl = new URL('./workers/core-worker.mjs', import.meta.url);

/** A Node Worker dressed as the browser Worker that WorkerClient expects. */
function startWorker(workerData) {
  const worker = new Worker(workerUrl, { workerData });
  return new WorkerClient({
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (_type, listener) => worker.on('message', (data) => listener({ data })),
    terminate: () => void worker.terminate(),
  });
}

const client = startWorker();
after(() => client.close());
const patient = (i) => JSON.stringify({ resourceType: 'Patient', id: `p${i}` });

test('validate answers through the worker', async () => {
  assert.deepEqual(messageIds(await client.validate(patient(1))), ['resource.ok']);
  assert.deepEqual(messageIds(await client.validate('[')), ['json.syntax']);
});

test('concurrent calls each get their own answer', async () => {
  const answers = await Promise.all([client.validate(patient(1)), client.validate('{}'), client.validate('nope')]);
  assert.deepEqual(answers.map((outcome) => messageIds(outcome)[0]), ['resource.ok', 'resource.type-missing', 'json.syntax']);
});

test('validateMany streams progress and returns outcomes in order', async () => {
  const resources = Array.from({ length: 10_000 }, (_, i) => (i % 1000 === 7 ? '{' : patient(i)));
  const progress = [];
  const outcomes = await client.validateMany(resources, { onProgress: (done, total) => progress.push([done, total]) });
  assert.equal(outcomes.length, 10_000);
  assert.deepEqual(messageIds(outcomes[1007]), ['json.syntax']);
  assert.deepEqual(progress.at(-1), [10_000, 10_000]);
});

test('aborting cancels a running batch, and the worker keeps serving', async () => {
  const resources = Array.from({ length: 300_000 }, (_, i) => patient(i));
  const controller = new AbortController();
  let seen = 0;
  const running = client.validateMany(resources, {
    signal: controller.signal,
    onProgress: (done) => {
      seen = done;
      controller.abort();
    },
  });
  await assert.rejects(running, (error) => error instanceof PdexError && error.code === 'cancelled');
  assert.ok(seen > 0 && seen < resources.length, `stopped after ${seen}`);
  assert.deepEqual(messageIds(await client.validate(patient(2))), ['resource.ok']);
});

test('an already-aborted signal rejects at once', async () => {
  await assert.rejects(client.validateMany([patient(1)], { signal: AbortSignal.abort() }), /cancelled/);
});

test('a worker whose module cannot load answers every call with load-failed', async () => {
  const broken = startWorker({ buildDir: '/nonexistent' });
  try {
    await assert.rejects(broken.validate(patient(1)), (error) => error instanceof PdexError && error.code === 'load-failed');
  } finally {
    broken.close();
  }
});

test('closing the client rejects calls still pending', async () => {
  const short = startWorker();
  const pending = short.validateMany(Array.from({ length: 100_000 }, (_, i) => patient(i)));
  short.close();
  await assert.rejects(pending, (error) => error instanceof PdexError && error.code === 'disposed');
});

// The Embind module as built (pdex-core.mjs, in @pdex/core's dist/ from build/wasm), through its TypeScript wrapper PdexCore.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loadPdexCore } from '@pdex/core/node';
import { PdexError, hasErrors, summarizeIssue } from '@pdex/core';
import { hostileInputs, messageIds } from './helpers.mjs';

describe('PdexCore.validate without definitions (JSON and resourceType only)', () => {
  let core;
  before(async () => {
    core = await loadPdexCore({ definitions: false });
  });
  after(() => core.dispose());

  test('a well-formed resource gives one information issue', () => {
    const outcome = core.validate('{"resourceType": "Patient", "id": "example"}');
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.deepEqual(messageIds(outcome), ['resource.ok']);
    assert.equal(hasErrors(outcome), false);
  });

  test('malformed JSON reports the line and column of the fault', () => {
    const outcome = core.validate('{\n  "resourceType": "Patient",\n  "active": tru\n}');
    const issue = summarizeIssue(outcome.issue[0]);
    assert.equal(issue.severity, 'error');
    assert.equal(issue.id, 'json.syntax');
    assert.equal(issue.line, 3);
    assert.equal(issue.column, 13);
    assert.match(issue.message, /malformed JSON/);
  });

  test('JSON without resourceType is an error', () => {
    assert.deepEqual(messageIds(core.validate('{"id": "x"}')), ['resource.type-missing']);
  });

  test('bytes are accepted as well as strings', () => {
    const bytes = new TextEncoder().encode('{"resourceType": "Observation"}');
    assert.deepEqual(messageIds(core.validate(bytes)), ['resource.ok']);
  });

  test('profile URLs the core does not know are errors', () => {
    const outcome = core.validate('{"resourceType": "Patient"}', { profiles: ['http://example.org/unknown'] });
    assert.deepEqual(messageIds(outcome), ['profile.unknown']);
  });

  for (const [name, input] of Object.entries(hostileInputs)) {
    test(`hostile input (${name}) gives an error OperationOutcome`, () => {
      const outcome = core.validate(input);
      assert.equal(outcome.resourceType, 'OperationOutcome');
      assert.equal(hasErrors(outcome), true);
    });
  }

  test('a 50 MB string value inside a resource is validated', () => {
    const outcome = core.validate(`{"resourceType": "Binary", "data": "${'A'.repeat(50 * 1024 * 1024)}"}`);
    assert.deepEqual(messageIds(outcome), ['resource.ok']);
  });

  test('input past the 64 MiB limit is refused with a clear message', () => {
    const outcome = core.validate(' '.repeat(64 * 1024 * 1024 + 1));
    assert.deepEqual(messageIds(outcome), ['json.too-large']);
    assert.match(outcome.issue[0].diagnostics, /67108865 bytes; the limit is 67108864 bytes/);
  });

  test('memory does not grow across 100,000 validate calls', () => {
    const resource = '{"resourceType": "Patient", "name": [{"family": "Chalmers", "given": ["Peter", "James"]}]}';
    for (let i = 0; i < 1000; i++) core.validate(resource);  // warm up the allocator
    core.validate('[');
    const before = core.memoryBytes();
    for (let i = 0; i < 100_000; i++) core.validate(i % 10 === 0 ? '{"resourceType": ' : resource);
    assert.equal(core.memoryBytes(), before);
  });
});

test('a disposed PdexCore throws PdexError("disposed")', async () => {
  const core = await loadPdexCore({ definitions: false });
  core.dispose();
  assert.throws(() => core.validate('{}'), (error) => error instanceof PdexError && error.code === 'disposed');
});

test('a missing build directory fails with a clear error', async () => {
  await assert.rejects(loadPdexCore({ buildDir: '/nonexistent' }), (error) => error instanceof PdexError && error.code === 'load-failed');
});

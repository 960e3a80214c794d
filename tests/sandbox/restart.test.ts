// Durability: what was written survives a stop and a start on the same data folder (ids, versions, history),
// the seed is not written twice, and a stopped sandbox leaves nothing listening.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { fhirGet, fhirSend, makeBackendKeys, startTestSandbox, systemToken } from './helpers.ts';

function portIsClosed(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(true));
  });
}

describe('restart', () => {
  it('keeps written data, history and the seed exactly once', async () => {
    const backend = await makeBackendKeys();
    const first = await startTestSandbox({ backend });
    const ehr = first.sandbox.endpoints.ehr.fhirBase;
    let created: any;
    let updated: any;
    let patientTotal: number;
    try {
      const token = await systemToken(first, 'ehr', 'system/*.rs system/*.cud');
      const post = await fhirSend('POST', `${ehr}/Observation`, token, {
        resourceType: 'Observation', status: 'preliminary', code: { text: 'kept across restarts' }, subject: { reference: 'Patient/ehr-40017' },
      });
      assert.equal(post.status, 201, JSON.stringify(post.body));
      created = post.body;
      assert.match(post.headers.get('location') ?? '', new RegExp(`/Observation/${created.id}/_history/`));
      const put = await fhirSend('PUT', `${ehr}/Observation/${created.id}`, token, { ...created, status: 'final' });
      assert.equal(put.status, 200);
      updated = put.body;
      const del = await fhirSend('DELETE', `${ehr}/Condition/ehr-cond-david-diabetes`, token, undefined);
      assert.ok(del.status === 200 || del.status === 204, `delete: ${del.status}`);
      patientTotal = (await fhirGet(`${ehr}/Patient?_summary=count`, token)).body.total;
      assert.equal(patientTotal, 4);
    } finally {
      await first.stop({ keepData: true });
    }
    for (const name of ['ehr', 'payer-a', 'payer-b'] as const) {
      assert.ok(await portIsClosed(first.sandbox.endpoints[name].fhirBase), `${name} stopped listening`);
    }

    const second = await startTestSandbox({ backend, dataDir: first.dataDir });
    try {
      const ehr2 = second.sandbox.endpoints.ehr.fhirBase;
      const token = await systemToken(second, 'ehr');
      const read = await fhirGet(`${ehr2}/Observation/${created.id}`, token);
      assert.equal(read.status, 200);
      assert.equal(read.body.status, 'final');
      assert.equal(read.body.meta.versionId, updated.meta.versionId);
      assert.equal(read.body.meta.lastUpdated, updated.meta.lastUpdated);
      const v1 = await fhirGet(`${ehr2}/Observation/${created.id}/_history/${created.meta.versionId}`, token);
      assert.equal(v1.status, 200);
      assert.equal(v1.body.status, 'preliminary');
      const history = await fhirGet(`${ehr2}/Observation/${created.id}/_history`, token);
      assert.deepEqual(history.body.entry.map((e: any) => e.resource.status), ['final', 'preliminary'], 'newest first');
      const again = await fhirGet(`${ehr2}/Observation/${created.id}/_history`, token);
      assert.deepEqual(again.body.entry.map((e: any) => e.resource.status), ['final', 'preliminary'], 'reading history does not reorder it');
      const deleted = await fhirGet(`${ehr2}/Condition/ehr-cond-david-diabetes`, token);
      assert.equal(deleted.status, 410);
      assert.equal(deleted.body.issue[0].code, 'deleted');
      const patients = await fhirGet(`${ehr2}/Patient?_summary=count`, token);
      assert.equal(patients.body.total, patientTotal, 'the seed was not loaded a second time');
    } finally {
      await second.stop();
    }
  });
});

// `node --import tsx sandbox/src/main.ts` (run by scripts/start): starts the sandbox, prints one URL per
// entry point, writes build/sandbox/endpoints.json, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
//   SANDBOX_EHR_PORT, SANDBOX_PAYER_A_PORT, SANDBOX_PAYER_B_PORT  ports (defaults 8081–8083; 0 = any free)
//   SANDBOX_HOST         default 127.0.0.1
//   SANDBOX_DATA_DIR     default sandbox/data (gitignored)
//   SANDBOX_APP_ORIGIN   origin of the web app, for redirect URIs in sandbox/config/clients.json
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { startSandbox, writeEndpoints } from './sandbox.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, not '${raw}'`);
  return n;
};

const sandbox = await startSandbox({
  dataDir: process.env.SANDBOX_DATA_DIR ?? join(root, 'sandbox', 'data'),
  host: process.env.SANDBOX_HOST ?? '127.0.0.1',
  ports: { ehr: port('SANDBOX_EHR_PORT', 8081), 'payer-a': port('SANDBOX_PAYER_A_PORT', 8082), 'payer-b': port('SANDBOX_PAYER_B_PORT', 8083) },
  clientsFile: join(root, 'sandbox', 'config', 'clients.json'),
  appOrigin: process.env.SANDBOX_APP_ORIGIN,
});
const endpointsFile = join(root, 'build', 'sandbox', 'endpoints.json');
writeEndpoints(endpointsFile, sandbox.endpoints);

const e = sandbox.endpoints;
console.log('Sandbox is running:');
for (const name of ['ehr', 'payer-a', 'payer-b'] as const) {
  console.log(`  ${e[name].title}`);
  console.log(`    FHIR API:             ${e[name].fhirBase}`);
  console.log(`    SMART configuration:  ${e[name].smartConfiguration}`);
}
console.log(`  endpoints: ${endpointsFile}`);

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await sandbox.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

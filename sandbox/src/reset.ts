// `npm run sandbox:reset`: deletes the sandbox's data folder (FHIR journals, keys); the next start writes
// the deterministic seed again. Refuses to run while a sandbox answers on the configured EHR port.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = process.env.SANDBOX_DATA_DIR ?? join(root, 'sandbox', 'data');
const ehrPort = process.env.SANDBOX_EHR_PORT || '8081';
const running = await fetch(`http://127.0.0.1:${ehrPort}/fhir/metadata`).then(() => true, () => false);
if (running) {
  console.error(`sandbox:reset: a sandbox is running on port ${ehrPort}; stop it first (Ctrl-C in its terminal).`);
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`sandbox:reset: removed ${dataDir}; the next start restores the seed.`);

// Validates every example of profiles/examples with a `pdex` CLI and compares the number of
// error-level issues with profiles/examples/expectations.json. A tool for the validator work, not a
// test: it needs a built CLI whose engine can snapshot our differential package.
//
// usage: node profiles/tools/check-examples.mjs [--pdex PATH] [--package DIR] [-v] [FILTER]
//   --pdex     the CLI (default build/native/pdex)
//   --package  the conformance package (default build/profiles/package)
//   FILTER     only examples whose path contains this text
// Exit status: 0 when every example raises exactly its expected number of errors, 1 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const pdex = option('--pdex', path.join(root, 'build/native/pdex'));
const pkg = option('--package', path.join(root, 'build/profiles/package'));
const verbose = args.includes('-v');
const filter = args.filter((a, i) => !a.startsWith('-') && !['--pdex', '--package'].includes(args[i - 1]))[0] ?? '';
const dir = path.join(root, 'profiles/examples');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'expectations.json'), 'utf8'));
const messageId = (issue) => issue.extension?.find((e) => e.url.endsWith('operationoutcome-message-id'))?.valueString;

let matched = 0;
let mismatched = 0;
for (const [file, expected] of Object.entries(manifest.examples)) {
  if (!file.includes(filter)) continue;
  const run = spawnSync(pdex, ['validate', '--package', pkg, '--profile', expected.profile.split('|')[0],
    path.join(dir, file)], {encoding: 'utf8'});
  let outcome;
  try {
    outcome = JSON.parse(run.stdout);
  } catch {
    console.log(`FAIL ${file}: no OperationOutcome (${run.stderr.trim().slice(0, 200)})`);
    mismatched += 1;
    continue;
  }
  const errors = outcome.issue.filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => `${messageId(i)} @ ${(i.expression ?? []).join(',')}: ${i.diagnostics}`);
  const ok = errors.length === expected.errors.length;
  if (ok) matched += 1;
  else mismatched += 1;
  if (!ok || verbose) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: expected ${expected.errors.length}, got ${errors.length}`);
    for (const e of errors) console.log(`       got      ${e}`);
    for (const e of expected.errors) console.log(`       expected ${e.kind} at ${e.location}${e.key ? ` (${e.key})` : ''}`);
  }
}
console.log(`check-examples: ${matched} as expected, ${mismatched} not`);
process.exitCode = mismatched === 0 ? 0 : 1;

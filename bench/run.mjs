// `npm run bench`: every benchmark, each printing its figures and its ratio against peers measured in
// the same run (these machines are noisy: compare within a run, never across runs).
import { benchFhirPath } from './fhirpath.mjs';
import { measureSizeAndStartup } from './size-startup.mjs';
import { benchValidate } from './validate.mjs';

await measureSizeAndStartup();
await benchFhirPath();
await benchValidate();

// A worker_threads worker serving the core with the same serveCore the browser's Web Worker uses.
// PDEX_TEST_BUILD_DIR lets a test point it at a missing build to exercise load failures.
import { parentPort, workerData } from 'node:worker_threads';

import { loadPdexCore } from '@pdex/core/node';
import { serveCore } from '@pdex/core';

// Node's MessagePort is an EventTarget, but its postMessage takes the same arguments as the browser's.
serveCore(parentPort, () => loadPdexCore({ buildDir: workerData?.buildDir, definitions: false }));

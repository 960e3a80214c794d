// Size of what the browser downloads for the core, and how long the core takes to start: in Node
// (module instantiation) and in headless Chromium (navigation to the first validation answered by the
// worker). Goals (issue 5): <= 1.5 MB gzipped WASM + JS, <= 300 ms to a ready core in Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import { launchChromium, serveApp } from '../tests/browser/browser.mjs';
import { loadPdexCore } from '@pdex/core/node';

const root = new URL('../', import.meta.url);
const gz = (path) => gzipSync(readFileSync(new URL(path, root)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureSizeAndStartup(runs = 7) {
  const assets = readdirSync(new URL('build/web/assets/', root));
  const wasm = gz('build/wasm/pdex-core.wasm');
  const js = assets.filter((name) => name.endsWith('.js')).reduce((sum, name) => sum + gz(`build/web/assets/${name}`), 0);
  console.log(`size: core .wasm ${kb(wasm)} gz + app and worker JS ${kb(js)} gz = ${kb(wasm + js)} gz (goal <= 1536 KB)`);

  const nodeTimes = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const core = await loadPdexCore();
    core.validate('{"resourceType": "Patient"}');
    nodeTimes.push(performance.now() - start);
    core.dispose();
  }
  console.log(`startup, Node: module and both definitions packs loaded, first validation done in ${median(nodeTimes).toFixed(1)} ms (median of ${runs})`);

  const app = await serveApp();
  const browser = await launchChromium();
  try {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(app.url);
      await page.waitForSelector('#status[data-state="valid"]');
      // From navigation start to the worker's first answer, as the page saw it.
      times.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    console.log(`startup, Chromium: page, worker, module and definitions ready with the first result at ${median(times).toFixed(0)} ms ` +
      `after navigation (median of ${runs}; goal <= 300 ms)`);
  } finally {
    await browser.close();
    await app.close();
  }
}

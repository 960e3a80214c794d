// Shared by the browser tests: serve the built app (build/web) with Vite's preview server and drive
// Debian's Chromium through playwright-core (which cannot download a browser here).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { preview } from 'vite';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Starts the preview server on a free loopback port; returns its base URL and a close function. */
export async function serveApp() {
  const server = await preview({
    configFile: `${repoRoot}web/vite.config.ts`,
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

export async function launchChromium() {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath} (scripts/bootstrap installs it)`);
  return chromium.launch({
    executablePath: chromiumPath,
    // Flags for a sandboxed CI machine with no network and no GPU.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Collects page errors and console errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

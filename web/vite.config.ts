// Vite builds the browser app from web/ into build/web. The core's TypeScript API comes from
// wasm/js (alias @pdex/core) and the Emscripten output from build/wasm (built by `scripts/build wasm`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export default defineConfig({
  root: repo('web'),
  base: './',
  resolve: {
    alias: [
      { find: '@pdex/core', replacement: repo('wasm/js/index.ts') },
      { find: '@pdex/core-module', replacement: repo('build/wasm/pdex-core.mjs') },
      { find: /^@pdex\/core-wasm/, replacement: repo('build/wasm/pdex-core.wasm') },
      { find: /^@pdex\/definitions-pack/, replacement: repo('build/wasm/definitions/r4-core.pack.json') },
      { find: /^@pdex\/profiles-pack/, replacement: repo('build/wasm/definitions/pdex-profiles.pack.json') },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: repo('build/web'),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { fs: { allow: [repo('')] } },
});

// Vite builds the browser app from web/ into build/web. The core comes from the @pdex/core workspace
// package (wasm/js, built by `scripts/build wasm web`): its worker entry finds its .wasm and
// definitions packs by `new URL(..., import.meta.url)`, which Vite copies as assets.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export default defineConfig({
  root: repo('web'),
  base: './',
  worker: { format: 'es' },
  build: {
    outDir: repo('build/web'),
    emptyOutDir: true,
    target: 'es2022',
  },
});

import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress.mjs';

// electron-vite builds three bundles from one checkout:
//  main     — the Electron shell (src-main/electron), the `boucle` CLI (src-main/cli) and the worker
//             thread for long work (src-main/workers), sharing the core;
//  preload  — the contextBridge script, CommonJS because sandboxed preloads cannot be ES modules;
//  renderer — the React app, served by Electron from file:// or by the web shell over 127.0.0.1.
const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as { version: string };
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };
const alias = { '@shared': resolve(__dirname, 'src-shared') };

export default defineConfig({
  main: {
    define,
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'src-main/electron/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/index.ts'),
          // The worker thread's own bundle (src-main/workers/pool.ts starts it beside main.js and cli.js).
          worker: resolve(__dirname, 'src-main/workers/entry.ts'),
          // the sync server: a separate deployable, built here for one build step (it imports src-shared only)
          server: resolve(__dirname, 'src-server/main.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    define,
    root: resolve(__dirname, 'src-renderer'),
    resolve: { alias },
    plugins: [react(), precompress()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, it loads and parses in a fraction of the time.
      minify: 'esbuild',
      chunkSizeWarningLimit: 1000,
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});

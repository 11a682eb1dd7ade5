import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Forge serves the resource from a sub-path, so every asset URL is relative (base './').
// The UI imports the shared contract from ../../src (outside root); Vite resolves it like any module.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    // See build-support/feature-gates-offline.ts: same answers as the uninitialised client, far smaller.
    alias: [
      {
        find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/,
        replacement: fileURLToPath(new URL('./build-support/feature-gates-offline.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    sourcemap: false,
    // Forge's CSP allows only script files from 'self': no inline module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The "Release handoff" card (jira:issueContext): its own small resource, because Jira loads it on every
 * issue it is shown on. It shares the contract and a few components with static/cs-handoff, never its entry.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Forge serves the resource from a sub-path, so every asset URL is relative.
  base: './',
  plugins: [react()],
  resolve: {
    // Same offline feature-gate client as the handoff app (see that file): far smaller than the real one.
    alias: [
      {
        find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/,
        replacement: fileURLToPath(new URL('../cs-handoff/build-support/feature-gates-offline.ts', import.meta.url)),
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

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { sharedAliases } from '../cs-handoff/build-support/aliases';
import { staticTheme } from '../cs-handoff/build-support/theme-plugin';

/**
 * The "Release handoff" card (jira:issueContext): its own small resource, because Jira loads it on every
 * issue it is shown on. It shares the contract and a few components with static/cs-handoff, never its entry.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Forge serves the resource from a sub-path, so every asset URL is relative.
  base: './',
  plugins: [react(), staticTheme()],
  resolve: {
    // The handoff app's aliases: per-call @forge/bridge modules, the offline feature-gate client.
    alias: sharedAliases,
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

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Plugin } from 'vite';
import { THEME_ATTRIBUTE, themeFiles } from './build-support/static-theme';

/** Minimal view of rolldown's ChunkingContext (the chunk-group name function's second argument). */
interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null;
}

/**
 * Whether a module is loaded on the first screen: the entry, or imported statically (not through
 * `import()`) by such a module. Walks importers up with a visited set, so import cycles end; only
 * "yes" answers are remembered, since a "no" met inside a cycle may be a partial answer.
 */
function initialModules() {
  const initial = new Set<string>();
  return (id: string, graph: ModuleGraph): boolean => {
    const visited = new Set<string>();
    const walk = (at: string): boolean => {
      if (initial.has(at)) return true;
      if (visited.has(at)) return false;
      visited.add(at);
      const info = graph.getModuleInfo(at);
      if (!info || !(info.isEntry || info.importers.some(walk))) return false;
      initial.add(at);
      return true;
    };
    return walk(id);
  };
}
const isInitial = initialModules();

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * `virtual:cs-theme`: the token stylesheets' URLs (see build-support/static-theme.ts); the files are
 * emitted as they are, under content-hashed names, and linked by the entry once the colour mode is known.
 */
function staticTheme(): Plugin {
  const files = themeFiles();
  const id = 'virtual:cs-theme';
  return {
    name: 'cs-static-theme',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loading) {
      if (loading !== `\0${id}`) return null;
      const urls = Object.fromEntries(files.map((f) => [f.part, `./${f.fileName}`]));
      return `export const themeUrls = ${JSON.stringify(urls)};\nexport const themeAttribute = ${JSON.stringify(THEME_ATTRIBUTE)};\n`;
    },
    generateBundle() {
      for (const f of files) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.css });
    },
  };
}

// @forge/bridge is CommonJS and its package exports only the whole API: reaching its per-call modules
// directly ships only the calls the UI makes (invoke, getContext, createHistory, router.open).
const bridgeOut = `${dirname(createRequire(import.meta.url).resolve('@forge/bridge'))}/`;

// Forge serves the resource from a sub-path, so every asset URL is relative (base './').
// The UI imports the shared contract from ../../src (outside root); Vite resolves it like any module.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), staticTheme()],
  resolve: {
    // See build-support/feature-gates-offline.ts: same answers as the uninitialised client, far smaller.
    alias: [
      { find: /^@forge\/bridge\/out\/(.+)$/, replacement: `${bridgeOut}$1.js` },
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: (id: string, ctx: ModuleGraph) => (isInitial(id, ctx) ? 'index' : null) }],
        },
      },
    },
  },
  server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
});

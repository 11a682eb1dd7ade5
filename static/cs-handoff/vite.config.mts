import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { staticTheme } from './build-support/theme-plugin';
import { sharedAliases } from './build-support/aliases';

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

// Forge serves the resource from a sub-path, so every asset URL is relative (base './').
// The UI imports the shared contract from ../../src (outside root); Vite resolves it like any module.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), staticTheme()],
  resolve: {
    alias: sharedAliases,
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

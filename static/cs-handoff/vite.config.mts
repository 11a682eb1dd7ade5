import { defineConfig } from 'vite';
import { forgeResourceConfig } from './build-support/resource-config';

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

export default defineConfig(
  forgeResourceConfig(import.meta.url, {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: (id: string, ctx: ModuleGraph) => (isInitial(id, ctx) ? 'index' : null) }],
        },
      },
    },
  }),
);

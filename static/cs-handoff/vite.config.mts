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

/**
 * The handoff page's living sections (rollout, signals chart, walkthrough, questions from support) and
 * the modules only they import: one chunk, asked for once right after the page's first render
 * (LaterSection), instead of a chunk each. What they share with the page or other screens stays where
 * rolldown puts it, so neither the entry nor the page imports this chunk; and what only they import
 * comes along, so this chunk never imports a chunk that imports it back (chunks importing each other
 * crashed a build with `init_runtime is not a function`). Their forms stay lazy, in chunks of their own.
 */
const HANDOFF_SECTIONS = /[\\/]src[\\/]living[\\/](RolloutSection|StageSignals|WalkthroughSection|SupportQuestionsSection)\.tsx$/;

/** Whether a module is one of `roots`, or imported statically by those (and their like) alone. */
function onlyUnder(roots: RegExp) {
  const known = new Map<string, boolean>();
  return (id: string, graph: ModuleGraph): boolean => {
    const visiting = new Set<string>();
    const walk = (at: string): boolean => {
      const seen = known.get(at);
      if (seen !== undefined) return seen;
      if (roots.test(at)) return true;
      // A module met again inside an import cycle counts as "not only under": the safe answer.
      if (visiting.has(at)) return false;
      visiting.add(at);
      const info = graph.getModuleInfo(at);
      const answer = Boolean(info && !info.isEntry && info.importers.length > 0 && info.importers.every(walk));
      known.set(at, answer);
      return answer;
    };
    return walk(id);
  };
}
const isHandoffSection = onlyUnder(HANDOFF_SECTIONS);

export default defineConfig(
  forgeResourceConfig(import.meta.url, {
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The first screen's modules first: no lazy group may take one of them.
            { name: (id: string, ctx: ModuleGraph) => (isInitial(id, ctx) ? 'index' : null), priority: 1 },
            { name: (id: string, ctx: ModuleGraph) => (isHandoffSection(id, ctx) ? 'handoff-sections' : null), includeDependenciesRecursively: false },
          ],
        },
      },
    },
  }),
);

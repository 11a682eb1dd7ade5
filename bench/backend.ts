/** The backend as `forge deploy` ships it (Forge's own bundler, local-site/forge-bundle), and its cold require time. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleAsForgeDeploys } from '../local-site/forge-bundle';
import { median } from './fixtures';

export interface Backend {
  bundleBytes: number;
  bundleGzipBytes: number;
  requireRunsMs: number[];
  baselineRunsMs: number[];
  coldRequireMs: number;
}

function nodeRunMs(code: string): number {
  const started = performance.now();
  execFileSync(process.execPath, ['-e', code], { stdio: 'pipe' });
  return performance.now() - started;
}

export async function measureBackend(runs: number): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-handoff-bench-backend-'));
  try {
    const bundle = await bundleAsForgeDeploys(resolve(__dirname, '..'), join(dir, 'bundle'));
    const entry = join(bundle.dir, 'index.cjs');
    const requireRunsMs: number[] = [];
    const baselineRunsMs: number[] = [];
    const requireCode = `const m = require(${JSON.stringify(entry)}); if (typeof m.handler !== 'function') process.exit(3);`;
    nodeRunMs(''); // warm the OS file cache for node itself
    for (let i = 0; i < runs; i += 1) {
      baselineRunsMs.push(nodeRunMs(''));
      requireRunsMs.push(nodeRunMs(requireCode));
    }
    return {
      bundleBytes: bundle.codeBytes,
      bundleGzipBytes: bundle.codeGzipBytes,
      requireRunsMs,
      baselineRunsMs,
      coldRequireMs: median(requireRunsMs) - median(baselineRunsMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

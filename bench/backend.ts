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
  /** Each run: a fresh Node process timing its own `require` of the bundle (node's start-up not included). */
  requireRunsMs: number[];
  coldRequireMs: number;
}

/** The bundle's require time as measured inside a fresh process, so a busy machine's slow node start-up does not count. */
function coldRequireRunMs(entry: string): number {
  const code = `const t = performance.now(); const m = require(${JSON.stringify(entry)}); if (typeof m.handler !== 'function') process.exit(3); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' }));
}

export async function measureBackend(runs: number): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-handoff-bench-backend-'));
  try {
    const bundle = await bundleAsForgeDeploys(resolve(__dirname, '..'), join(dir, 'bundle'));
    const entry = join(bundle.dir, 'index.cjs');
    coldRequireRunMs(entry); // warm the OS file cache
    const requireRunsMs = Array.from({ length: runs }, () => coldRequireRunMs(entry));
    return { bundleBytes: bundle.codeBytes, bundleGzipBytes: bundle.codeGzipBytes, requireRunsMs, coldRequireMs: median(requireRunsMs) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

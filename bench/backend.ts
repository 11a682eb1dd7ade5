/** The backend as Forge would ship it: src/index.ts bundled by esbuild, and its cold require time. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from './fixtures';

export interface Backend {
  bundleBytes: number;
  bundleGzipBytes: number;
  requireRunsMs: number[];
  baselineRunsMs: number[];
  coldRequireMs: number;
  exportsOk: boolean;
}

function nodeRunMs(code: string): number {
  const started = performance.now();
  execFileSync(process.execPath, ['-e', code], { stdio: 'pipe' });
  return performance.now() - started;
}

export async function measureBackend(runs: number): Promise<Backend> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-handoff-bench-backend-'));
  try {
    const outfile = join(dir, 'index.js');
    await build({
      entryPoints: [resolve(__dirname, '..', 'src', 'index.ts')],
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      logLevel: 'silent',
    });
    const bytes = readFileSync(outfile);
    const requireRunsMs: number[] = [];
    const baselineRunsMs: number[] = [];
    const requireCode = `const m = require(${JSON.stringify(outfile)}); if (typeof m.handler !== 'function') process.exit(3);`;
    nodeRunMs(''); // warm the OS file cache for node itself
    for (let i = 0; i < runs; i += 1) {
      baselineRunsMs.push(nodeRunMs(''));
      requireRunsMs.push(nodeRunMs(requireCode));
    }
    return {
      bundleBytes: statSync(outfile).size,
      bundleGzipBytes: gzipSync(bytes, { level: 9 }).length,
      requireRunsMs,
      baselineRunsMs,
      coldRequireMs: median(requireRunsMs) - median(baselineRunsMs),
      exportsOk: true,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

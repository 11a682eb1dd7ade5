/**
 * The backend bundle `forge deploy` would ship: @forge/bundler (the version @forge/cli pins) run offline in a
 * child process, because the CLI resolves manifest.yml and src/ from its working directory. The test suite,
 * the local site and `npm run bench` all measure this one bundle, never an approximation of it.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundledFile {
  name: string;
  bytes: number;
}

export interface ForgeBundle {
  /** What the deploy archive gets: the bundler's output plus its additional outputs. */
  dir: string;
  files: BundledFile[];
  /** The app's code as shipped: the entry points' `.cjs` files (not source maps, not Forge's wrapper). */
  codeBytes: number;
  codeGzipBytes: number;
}

/** The bundler refused the app; `message` is the bundler's own words. */
export class ForgeBundleError extends Error {}

const CHILD = resolve(__dirname, 'bundle-app.cjs');
/** Forge's own runtime files in the output; everything else ending in .cjs is the app's code. */
const FORGE_RUNTIME_FILES = new Set(['__forge__.cjs', '__forge_wrapper__.cjs']);

export async function bundleAsForgeDeploys(appDir: string, outDir: string): Promise<ForgeBundle> {
  const stdout = await new Promise<string>((resolveRun, reject) => {
    execFile(process.execPath, [CHILD, resolve(outDir)], { cwd: appDir, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => {
      // The child reports a bundler failure as JSON with exit code 1; anything else is a crash.
      if (error && !out.trim()) reject(new Error(`the Forge bundler crashed: ${err || error.message}`));
      else resolveRun(out);
    });
  });
  const lastLine = stdout.trim().split('\n').pop() ?? '';
  const result = JSON.parse(lastLine) as { files: BundledFile[] } | { error: string };
  if ('error' in result) throw new ForgeBundleError(result.error);
  const code = result.files.filter((f) => f.name.endsWith('.cjs') && !FORGE_RUNTIME_FILES.has(f.name));
  return {
    dir: resolve(outDir),
    files: result.files,
    codeBytes: code.reduce((sum, f) => sum + f.bytes, 0),
    codeGzipBytes: code.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f.name)), { level: 9 }).length, 0),
  };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type ForgeFunction = (payload: unknown, context?: unknown) => unknown;

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.cjs'];

/**
 * Resolves a manifest handler such as `index.handler` or `triggers/release.onRelease` to the exported
 * function, the way Forge's bundler does: `<file under src/>.<export>`.
 */
export function loadHandler(appDir: string, handler: string): ForgeFunction {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new Error(`Handler '${handler}' must look like <file>.<export>`);
  const file = handler.slice(0, dot);
  const exportName = handler.slice(dot + 1);
  const base = join(appDir, 'src', file);
  const found = EXTENSIONS.map((ext) => base + ext).find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Handler '${handler}': no file src/${file}.{ts,tsx,js,jsx,cjs} in ${appDir}`);
  // require, not import(): under tsx and jest it goes through their TypeScript transform, and the app's
  // @forge/api then shares this process's globals.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(found) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`Handler '${handler}': ${found} exports no function '${exportName}'`);
  return fn as ForgeFunction;
}

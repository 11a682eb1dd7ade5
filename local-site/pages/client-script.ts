/**
 * The site's browser script, bundled from its TypeScript sources (client/site/) when the site starts, as
 * one classic script (an IIFE: the page loads it with a plain <script src>). esbuild only strips types and
 * joins the modules; `npm run typecheck` checks them.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';

export function bundleSiteScript(): Buffer {
  const result = buildSync({
    entryPoints: [join(__dirname, 'client', 'site', 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const [out] = result.outputFiles;
  if (!out) throw new Error('esbuild produced no output for the site script');
  return Buffer.from(out.contents);
}

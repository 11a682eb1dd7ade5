/**
 * Atlassian's design tokens as static CSS files instead of `setGlobalTheme`.
 *
 * `setGlobalTheme` ships its loader and the theme switcher's code in the first script, then fetches five
 * theme chunks (JS modules holding CSS text) after it, all before the first render. The same CSS text,
 * taken from @atlaskit/tokens at build time, is written as four hashed stylesheets: what every screen
 * needs (spacing, typography, shape), motion, and one per colour mode, so a page loads only its own.
 * The entry links them and sets the same `data-theme` / `data-color-mode` attributes on <html> that
 * `setGlobalTheme` sets, so every token resolves exactly as before.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ThemePart = 'base' | 'motion' | 'light' | 'dark';

/**
 * The theme files `setGlobalTheme` loads by default. Motion (durations, easings, keyframes) animates
 * only what someone does, so it is linked after the first render rather than before it.
 */
const FILES: Record<ThemePart, string[]> = {
  base: ['atlassian-spacing', 'atlassian-typography', 'atlassian-shape'],
  motion: ['atlassian-motion'],
  light: ['atlassian-light'],
  dark: ['atlassian-dark'],
};

/** The `data-theme` attribute `setGlobalTheme` writes for its defaults. */
export const THEME_ATTRIBUTE = 'dark:dark light:light motion:motion shape:shape spacing:spacing typography:typography';

function themeText(name: string): string {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@atlaskit/tokens/package.json'));
  const source = readFileSync(join(root, 'dist', 'esm', 'artifacts', 'themes', `${name}.js`), 'utf8');
  // Each artifact is one `export default "<css>"` (a JSON-compatible string literal) after a comment.
  const literal = /export default ("(?:[^"\\]|\\.)*");/.exec(source)?.[1];
  if (!literal) throw new Error(`@atlaskit/tokens theme ${name}: no CSS string found (has the artifact format changed?)`);
  // The artifacts are indented for reading; the browser needs none of that whitespace.
  return (JSON.parse(literal) as string)
    .replace(/\s*\n\s*/g, '')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':');
}

export interface ThemeFile {
  part: ThemePart;
  /** Path under the build folder, content-hashed. */
  fileName: string;
  css: string;
}

export function themeFiles(): ThemeFile[] {
  return (Object.keys(FILES) as ThemePart[]).map((part) => {
    const css = FILES[part].map(themeText).join('\n');
    const hash = createHash('sha256').update(css).digest('hex').slice(0, 8);
    return { part, fileName: `assets/theme-${part}-${hash}.css`, css };
  });
}

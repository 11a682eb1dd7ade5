import type { Plugin } from 'vite';
import { THEME_ATTRIBUTE, themeFiles } from './static-theme';

/**
 * `virtual:cs-theme`: the token stylesheets' URLs (see build-support/static-theme.ts); the files are
 * emitted as they are, under content-hashed names, and linked by the entry once the colour mode is known.
 */
export function staticTheme(): Plugin {
  const files = themeFiles();
  const id = 'virtual:cs-theme';
  return {
    name: 'cs-static-theme',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loading) {
      if (loading !== `\0${id}`) return null;
      const urls = Object.fromEntries(files.map((f) => [f.part, `./${f.fileName}`]));
      return `export const themeUrls = ${JSON.stringify(urls)};\nexport const themeAttribute = ${JSON.stringify(THEME_ATTRIBUTE)};\n`;
    },
    generateBundle() {
      for (const f of files) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.css });
    },
  };
}

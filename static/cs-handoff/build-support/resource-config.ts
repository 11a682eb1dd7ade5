import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Alias, UserConfig } from 'vite';
import { staticTheme } from './theme-plugin';

// @forge/bridge is CommonJS and its package exports only the whole API: reaching its per-call modules
// directly ships only the calls the UI makes (invoke, getContext, createHistory, router.open).
const bridgeOut = `${dirname(createRequire(import.meta.url).resolve('@forge/bridge'))}/`;

/** The resolve aliases every Custom UI resource of the app builds with (the handoff app and the issue card). */
export const sharedAliases: Alias[] = [
  { find: /^@forge\/bridge\/out\/(.+)$/, replacement: `${bridgeOut}$1.js` },
  // `@atlaskit/button/new` is a deprecated barrel: besides the Button every screen uses, it re-exports
  // IconButton, whose tooltip (a package with side effects) keeps the tooltip, popper and top-layer code
  // (~25 KB gzip) in whichever chunk imports a Button. The app imports only its default export, which is
  // `@atlaskit/button/default/button` (the entry the deprecation note points to); a named import from
  // the barrel fails the build here rather than pulling the barrel back in.
  { find: /^@atlaskit\/button\/new$/, replacement: '@atlaskit/button/default/button' },
  // See feature-gates-offline.ts: same answers as the uninitialised client, far smaller.
  {
    find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/,
    replacement: fileURLToPath(new URL('./feature-gates-offline.ts', import.meta.url)),
  },
];

/**
 * What every Custom UI resource of the app (static/<resource>) builds with; each config adds its own.
 * `resourceUrl` is the config's `import.meta.url`: the resource's folder is its root.
 */
export function forgeResourceConfig(resourceUrl: string, build: UserConfig['build'] = {}): UserConfig {
  return {
    root: fileURLToPath(new URL('.', resourceUrl)),
    // Forge serves the resource from a sub-path, so every asset URL is relative.
    base: './',
    plugins: [react(), staticTheme()],
    resolve: { alias: sharedAliases },
    build: {
      outDir: 'build',
      emptyOutDir: true,
      sourcemap: false,
      // Forge's CSP allows only script files from 'self': no inline module preload polyfill.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      ...build,
    },
    // The UI imports the shared contract from ../../src (outside root); Vite resolves it like any module.
    server: { fs: { allow: [fileURLToPath(new URL('../..', resourceUrl))] } },
  };
}

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';

// @forge/bridge is CommonJS and its package exports only the whole API: reaching its per-call modules
// directly ships only the calls the UI makes (invoke, getContext, createHistory, router.open).
const bridgeOut = `${dirname(createRequire(import.meta.url).resolve('@forge/bridge'))}/`;

/** The resolve aliases every Custom UI resource of the app builds with (the handoff app and the issue card). */
export const sharedAliases: Alias[] = [
  { find: /^@forge\/bridge\/out\/(.+)$/, replacement: `${bridgeOut}$1.js` },
  // See feature-gates-offline.ts: same answers as the uninitialised client, far smaller.
  {
    find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/,
    replacement: fileURLToPath(new URL('./feature-gates-offline.ts', import.meta.url)),
  },
];

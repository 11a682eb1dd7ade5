/** The site's own files under /_site/ (and the favicon), read once when the site starts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSiteScript } from './client-script';

const ASSETS: Record<string, { file: string; type: string }> = {
  '/_site/site.css': { file: 'site.css', type: 'text/css; charset=utf-8' },
  '/_site/chrome.js': { file: 'chrome.js', type: 'text/javascript; charset=utf-8' },
  '/_site/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
  // Browsers ask for it whatever the page links; answering avoids a 404 in every console.
  '/favicon.ico': { file: 'favicon.svg', type: 'image/svg+xml' },
};

export function loadAssets(): Map<string, { body: Buffer; type: string }> {
  const assets = new Map<string, { body: Buffer; type: string }>(Object.entries(ASSETS).map(([path, a]) => [path, { body: readFileSync(join(__dirname, 'client', a.file)), type: a.type }]));
  // The app pages' bridge script is TypeScript (client/site/), bundled here.
  assets.set('/_site/site.js', { body: bundleSiteScript(), type: 'text/javascript; charset=utf-8' });
  return assets;
}

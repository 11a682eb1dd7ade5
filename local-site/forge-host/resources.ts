import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const BRIDGE_SCRIPT_PATH = '/forge/host/iframe-bridge.js';
const BRIDGE_TAG = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string): string => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Resolves a URL sub-path inside a resource folder; undefined for anything that escapes it. */
export function resolveInside(root: string, subPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(subPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = normalize(join(root, decoded || 'index.html'));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return full.startsWith(rootWithSep) ? full : undefined;
}

export async function readResourceFile(file: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * @forge/bridge reads `globalThis.__bridge` when its modules load, so the bridge script must run before any
 * of the app's scripts: it goes first inside <head>.
 */
export function injectBridge(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + BRIDGE_TAG + html.slice(head.index + head[0].length);
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlTag) return html.slice(0, htmlTag.index + htmlTag[0].length) + `<head>${BRIDGE_TAG}</head>` + html.slice(htmlTag.index + htmlTag[0].length);
  return BRIDGE_TAG + html;
}

/** The host seams: context (project, theme) and sub-path history. Nothing else touches @forge/bridge's view. */
import { createHistory } from '@forge/bridge/out/view/createHistory';
import { getCallBridge } from '@forge/bridge/out/bridge';
import type { FullContext } from '@forge/bridge/out/types';
import { themeAttribute, themeUrls } from 'virtual:cs-theme';

/** The part of the history object Forge hands out that the app uses (history v4/v5 compatible). */
export interface AppHistory {
  location: { pathname: string };
  push(path: string): void;
  listen(listener: (update: unknown) => void): () => void;
}

export interface AppContext {
  projectId: string;
  projectKey: string;
  colorMode: 'light' | 'dark' | 'auto';
  /** Who is signed in and on which site: unsaved drafts are kept per person and per site. */
  accountId: string;
  site: string;
}

export async function loadContext(): Promise<AppContext> {
  // The bridge's own type refers to a window global this build does not declare, so it is narrowed here.
  const callBridge: unknown = getCallBridge();
  const ctx = (await (callBridge as (method: string) => Promise<unknown>)('getContext')) as FullContext;
  const project = (ctx.extension as { project?: { id?: string | number; key?: string } } | undefined)?.project;
  const mode = ctx.theme?.colorMode;
  return {
    projectId: String(project?.id ?? ''),
    projectKey: String(project?.key ?? ''),
    colorMode: mode === 'dark' || mode === 'auto' ? mode : 'light',
    accountId: typeof ctx.accountId === 'string' ? ctx.accountId : '',
    site: String(ctx.cloudId || ctx.siteUrl || ''),
  };
}

/** Links a stylesheet once; resolves when it has loaded (or failed: the page still works unstyled). */
function linkStylesheet(href: string): Promise<void> {
  const existing = document.head.querySelector(`link[rel="stylesheet"][href="${href}"]`);
  if (existing) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.onload = () => resolve();
    link.onerror = () => resolve();
  });
  document.head.appendChild(link);
  return loaded;
}

/** The tokens every screen needs whatever the colour mode: requested as the entry module starts. */
export function preloadThemeBase(): Promise<void> {
  return linkStylesheet(themeUrls.base);
}

/** Motion tokens animate only what someone does: linked once the first screen has rendered. */
export function loadThemeMotion(): Promise<void> {
  return linkStylesheet(themeUrls.motion);
}

/**
 * Jira's colour mode as Atlaskit's `setGlobalTheme` applies it (same <html> attributes, same token CSS),
 * from static stylesheets: 'auto' follows the system setting, as `setGlobalTheme` does.
 */
export async function applyTheme(colorMode: AppContext['colorMode']): Promise<void> {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  const resolved = (mode: AppContext['colorMode']) => (mode === 'auto' ? (dark?.matches ? 'dark' : 'light') : mode);
  const html = document.documentElement;
  const apply = async () => {
    const mode = resolved(colorMode);
    await Promise.all([preloadThemeBase(), linkStylesheet(themeUrls[mode])]);
    html.setAttribute('data-theme', themeAttribute);
    html.setAttribute('data-color-mode', mode);
  };
  if (colorMode === 'auto') dark?.addEventListener('change', () => void apply());
  await apply();
}

export async function loadHistory(): Promise<AppHistory> {
  // Typed against the `history` package, which this build does not resolve.
  const history: unknown = await createHistory();
  return history as AppHistory;
}

/** history v4 passes the location, v5 passes { location, action }. */
export function pathnameOf(update: unknown, fallback: string): string {
  if (update && typeof update === 'object') {
    const u = update as { pathname?: unknown; location?: { pathname?: unknown } };
    if (typeof u.pathname === 'string') return u.pathname;
    if (u.location && typeof u.location.pathname === 'string') return u.location.pathname;
  }
  return fallback;
}

/** The host seams: context (project, theme) and sub-path history. Nothing else touches @forge/bridge's view. */
import { view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';

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
  const ctx = await view.getContext();
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

export async function applyTheme(colorMode: AppContext['colorMode']): Promise<void> {
  await setGlobalTheme({ colorMode });
}

export async function loadHistory(): Promise<AppHistory> {
  return (await view.createHistory()) as unknown as AppHistory;
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

/** view.createHistory: the app's route is the part of this page's path after the app page's own URL. */
import { toFrame, type Slot } from './slots';

interface HistoryState {
  appState: unknown;
  key: string;
}

const historyState = (): Partial<HistoryState> => (window.history.state as Partial<HistoryState> | null) ?? {};

export function appLocation(slot: Slot) {
  const path = window.location.pathname;
  const base = slot.config.basePath;
  const sub = path.indexOf(base) === 0 ? path.slice(base.length) : '';
  const state = historyState();
  return {
    pathname: sub === '' ? '/' : sub,
    search: window.location.search,
    hash: window.location.hash,
    state: state.appState || null,
    key: state.key || 'default',
  };
}

function fullPath(slot: Slot, path: string): string {
  const url = new URL(path, 'http://app.invalid/');
  const pathname = url.pathname === '/' ? '' : url.pathname;
  return slot.config.basePath + pathname + url.search + url.hash;
}

/** What the app's history.push/replace sends. */
export interface HistoryChange {
  path: string;
  state?: unknown;
}

export function changeHistory(slot: Slot, kind: 'push' | 'replace', payload: HistoryChange): void {
  const state: HistoryState = { appState: payload.state === undefined ? null : payload.state, key: Math.random().toString(36).slice(2, 8) };
  if (kind === 'push') window.history.pushState(state, '', fullPath(slot, payload.path));
  else window.history.replaceState(state, '', fullPath(slot, payload.path));
  toFrame(slot, { kind: 'history', location: appLocation(slot), action: kind === 'push' ? 'PUSH' : 'REPLACE' });
}

/** Back and forward reach every frame, as Jira's history does. */
export function followPopState(slots: () => Slot[]): void {
  window.addEventListener('popstate', () => {
    slots().forEach((slot) => toFrame(slot, { kind: 'history', location: appLocation(slot), action: 'POP' }));
  });
}

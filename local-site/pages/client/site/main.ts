/*
 * The Jira side of the local Forge bridge, on the app page and the issue view. Each of the app's iframes
 * (see forge-host/client/iframe-bridge.js) posts bridge calls here, and each has the config of its own
 * module (data-forge-config names it); this page answers them: invoke goes to the
 * Forge host, getContext comes from the page, history follows this page's URL, and the Create issue
 * dialog and flags are drawn here, in Jira's chrome, as on a real site. Bundled by pages/client-script.ts.
 */
import { openIssueCreateModal } from './create-issue';
import { closeFlag, showFlag } from './flags';
import { appLocation, changeHistory, followPopState, type HistoryChange } from './history';
import { urlFor, type NavigationLocation } from './router';
import { readSlots, toFrame, type Slot } from './slots';

/**
 * One bridge call. Payloads come from the app's frame as @forge/bridge sent them: each call names the shape
 * it reads (`never` here lets every call declare its own).
 */
type Call = (payload: never, slot: Slot) => unknown;

const calls: Record<string, Call> = {
  getContext: (_payload: unknown, slot: Slot) => {
    const config = slot.config;
    const context = JSON.parse(JSON.stringify(config.context)) as Record<string, unknown> & { extension: Record<string, unknown> };
    context.extension['location'] = window.location.href;
    // Jira answers the person's theme choice (the site's Theme switcher; a reload applies a change).
    context['theme'] = { colorMode: config.colorMode === 'dark' ? 'dark' : 'light' };
    return context;
  },
  invoke: async (payload: { functionKey: string; payload: unknown }, slot: Slot) => {
    const config = slot.config;
    const extension = config.context.extension;
    const res = await fetch(config.invokePath, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-forge-local': '1' },
      body: JSON.stringify({
        functionKey: payload.functionKey,
        payload: payload.payload,
        projectKey: extension.project.key,
        moduleKey: config.context.moduleKey,
        issueKey: 'issue' in extension ? extension.issue.key : undefined,
      }),
    });
    const answer = (await res.json()) as { ok: boolean; error?: string; result?: unknown };
    if (!answer.ok) throw new Error(answer.error || 'There was an error invoking the function');
    return answer.result === null ? undefined : answer.result;
  },
  fetchProduct: async (payload: { product: string; restPath: string; fetchRequestInit?: RequestInit }) => {
    if (payload.product !== 'jira') throw new Error('requestConfluence/requestBitbucket are not supported by the local site');
    const init = payload.fetchRequestInit || {};
    const res = await fetch(payload.restPath, { method: init.method || 'GET', headers: init.headers, body: init.body || undefined, credentials: 'same-origin' });
    const body = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return { body, headers, status: res.status, statusText: res.statusText, isAttachment: false };
  },
  'history:get': (_payload: unknown, slot: Slot) => appLocation(slot),
  'history:push': (payload: HistoryChange, slot: Slot) => changeHistory(slot, 'push', payload),
  'history:replace': (payload: HistoryChange, slot: Slot) => changeHistory(slot, 'replace', payload),
  'history:go': (payload: { delta: number }) => window.history.go(payload.delta),
  getUrl: (location: NavigationLocation, slot: Slot) => urlFor(slot, location),
  navigate: (payload: Exclude<NavigationLocation, string>, slot: Slot) => {
    const url = urlFor(slot, payload);
    if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  },
  reload: () => window.location.reload(),
  openIssueCreateModal,
  showFlag,
  closeFlag,
  changeWindowTitle: (title: unknown) => {
    document.title = `${String(title)} - Local Jira (development site)`;
  },
};

// One slot per app frame on the page, read once the page is parsed; messages that come earlier wait.
let slots: Slot[] = [];
let ready = false;
const queue: MessageEvent[] = [];

function handleMessage(event: MessageEvent): void {
  if (!ready) {
    queue.push(event);
    return;
  }
  const m = event.data as { kind: string; id?: unknown; name?: string; payload?: unknown; height?: unknown };
  const slot = slots.find((x) => event.source === x.frame.contentWindow && event.origin === x.origin);
  if (!slot) return;
  if (m.kind === 'resize') {
    slot.frame.style.height = `${Math.max(Number(m.height) || 0, 0)}px`;
    return;
  }
  if (m.kind !== 'call') return;
  const answer = (ok: boolean, value: unknown) => toFrame(slot, ok ? { kind: 'result', id: m.id, ok: true, value } : { kind: 'result', id: m.id, ok: false, error: value });
  const call = Object.prototype.hasOwnProperty.call(calls, m.name ?? '') ? calls[m.name as string] : undefined;
  if (!call) {
    answer(false, `The bridge call '${m.name}' is not supported by the local site`);
    return;
  }
  Promise.resolve()
    .then(() => call(m.payload as never, slot))
    .then(
      (value) => answer(true, value),
      (err: unknown) => answer(false, (err as { message?: string } | null)?.message || String(err)),
    );
}

function loadConfig(): void {
  slots = readSlots();
  ready = true;
  queue.splice(0).forEach(handleMessage);
}

followPopState(() => slots);
window.addEventListener('message', (event: MessageEvent) => {
  if (!event.data || (event.data as { __forgeLocal?: unknown }).__forgeLocal !== true) return;
  handleMessage(event);
});
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadConfig);
else loadConfig();

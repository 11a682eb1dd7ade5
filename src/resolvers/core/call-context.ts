import { appError } from '#domain/errors';
import type { Jira } from '#jira';

/**
 * The project the page says it is on. It comes from the browser (Forge vouches only for license,
 * accountId, accountType and installContext), so it is only an address: `requireAccess` checks it
 * against Jira's own answer, as the person, before anything is read from or written to it.
 */
export interface ClaimedProject {
  id: string;
  key: string;
}

/** Who is calling and which project the page names; plus the site's address, from Jira, once per invocation. */
export interface CallContext {
  accountId: string;
  project: ClaimedProject;
  /**
   * The site's address as Jira gives it (serverInfo, as the app), read at most once per invocation and
   * only when a link is built. Never the context's `siteUrl`, which the browser can set to anything.
   */
  siteUrl: () => Promise<string>;
  /**
   * The issue the page is on (jira:issueContext), as the browser names it: only an address, read
   * again from Jira as the person before anything of it is used. Null on other pages.
   */
  issue: { id: string; key: string } | null;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function callContextOf(context: Record<string, unknown> | undefined, jira: Pick<Jira, 'getSiteUrl'>): CallContext {
  const extension = (context?.extension ?? {}) as Record<string, unknown>;
  const project = (extension.project ?? {}) as Record<string, unknown>;
  const id = text(project.id);
  const key = text(project.key);
  if (id === '' || key === '') {
    throw appError('NOT_FOUND', 'CS Handoff must be opened from a Jira project: this page has no project.');
  }
  const accountId = text(context?.accountId);
  if (accountId === '') throw appError('FORBIDDEN', 'Log in to Jira to use CS Handoff.');
  const issue = (extension.issue ?? {}) as Record<string, unknown>;
  const issueKey = text(issue.key);
  const siteUrl = once(() => jira.getSiteUrl());
  const call: CallContext = { accountId, project: { id, key }, siteUrl: siteUrl.read, issue: issueKey === '' ? null : { id: text(issue.id), key: issueKey } };
  unfinished.set(call, siteUrl.settled);
  return call;
}

const unfinished = new WeakMap<CallContext, () => Promise<void>>();

/**
 * Waits for the reads this invocation started early and may not have awaited (an action refused before
 * it needed the site's address), so an invocation never answers with its own calls still in flight.
 */
export function readsSettled(call: CallContext): Promise<void> {
  return unfinished.get(call)?.() ?? Promise.resolve();
}

/**
 * Starts the read on the first call and hands every caller the same promise, so an action can start it
 * in its first round and await it later at no extra round. A failure nobody awaited is not reported
 * as unhandled; whoever awaits it gets it.
 */
function once(read: () => Promise<string>): { read: () => Promise<string>; settled: () => Promise<void> } {
  let started: Promise<string> | undefined;
  return {
    read: () => {
      if (!started) {
        started = read();
        started.catch(() => undefined);
      }
      return started;
    },
    settled: async () => {
      await started?.catch(() => undefined);
    },
  };
}

import { content } from '../../../bench/fixtures';
import type { HandoffContent } from '#domain/handoff';
import type { HandoffView, Result } from '#contract';
import type { TestSite } from '../../support';
import { roundsOf } from '../../../local-site/jira/request-log';
import { personOf, startTestSite } from '../../support';

export const SHOP_VERSION = '10003'; // release date 21 days after the site's first start
export const SOON_VERSION = '10002'; // release date 3 days after the site's first start
export const OPS_VERSION = '10011';

/** A handoff that passes every readiness rule: the bench's saved-carts document, so both save the same text. */
export function completeContent(overrides: Partial<HandoffContent> = {}): HandoffContent {
  return { ...content(), ...overrides };
}

/** Calls a resolver exactly as the UI's invoke does, as one of the seeded people. */
export function invoker(site: TestSite) {
  return <T = HandoffView>(role: string, functionKey: string, payload: unknown, projectKey = 'SHOP'): Promise<Result<T>> =>
    site.host.invoke<Result<T>>(personOf(site, role).accountId, functionKey, payload, { projectKey });
}

export type Invoke = ReturnType<typeof invoker>;

/**
 * The local site a test file runs against: started before its tests (this beforeAll comes first, so a
 * file's own beforeAll can seed it) and closed after them. `site()` throws when read before that.
 */
export function useStartedSite(options: Parameters<typeof startTestSite>[0] = {}) {
  let started: TestSite | undefined;
  beforeAll(async () => {
    started = await startTestSite(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const site = (): TestSite => {
    if (!started) throw new Error('The test site is not started yet: read it inside a hook or a test');
    return started;
  };
  const invoke: Invoke = <T = HandoffView>(role: string, functionKey: string, payload: unknown, projectKey = 'SHOP') => invoker(site())<T>(role, functionKey, payload, projectKey);
  /** The app's Jira REST calls logged since `mark` (an earlier requestLog length), without the site's own routes. */
  const jiraCallsSince = (mark: number) =>
    site()
      .jira.requestLog.slice(mark)
      .filter((e) => e.path.startsWith('/rest/api/3/'));
  /** The app's Forge storage calls logged by the host since `mark` (an earlier storageLog length). */
  const storageCallsSince = (mark: number) => site().host.storageLog.slice(mark);
  /** Both logs' lengths now, for `callsSince`. */
  const markCalls = () => ({ jira: site().jira.requestLog.length, storage: site().host.storageLog.length });
  /** Jira and storage calls since `markCalls()`, counted apart, and the sequential rounds of all of them together. */
  const callsSince = (mark: { jira: number; storage: number }) => {
    const jira = jiraCallsSince(mark.jira);
    const storage = storageCallsSince(mark.storage);
    return { jira, storage, rounds: roundsOf([...jira, ...storage]) };
  };
  return { site, invoke, jiraCallsSince, storageCallsSince, markCalls, callsSince };
}

/** What Jira holds for a version's handoff, read straight from the emulator as the app. */
export async function storedProperty(site: TestSite, key: string, projectKey = 'SHOP'): Promise<unknown> {
  const response = await fetch(`${site.url}/rest/api/3/project/${projectKey}/properties/${key}`, {
    headers: { authorization: `ForgeApp ${site.jira.appSecret}` },
  });
  if (response.status === 404) return null;
  return ((await response.json()) as { value: unknown }).value;
}

export async function relatedWork(site: TestSite, versionId: string): Promise<{ category: string; title?: string; url?: string }[]> {
  const response = await fetch(`${site.url}/rest/api/3/version/${versionId}/relatedwork`, {
    headers: { authorization: `ForgeApp ${site.jira.appSecret}` },
  });
  return (await response.json()) as { category: string; title?: string; url?: string }[];
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectError<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected an error, got ok');
  return result.error;
}

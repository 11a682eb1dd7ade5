import type { RequestLogEntry } from '../local-site/jira';

/** A Forge storage call as the local host logs it (site.host.storageLog). */
export interface StorageCall {
  path: string;
  startedAt: number;
  endedAt: number;
}

/** Runs `fn` and returns what it answered plus the Jira calls (and, given its log, the storage calls) made while it ran. */
export async function measured<T>(
  log: RequestLogEntry[],
  fn: () => Promise<T>,
  storageLog: StorageCall[] = [],
): Promise<{ value: T; calls: RequestLogEntry[]; storage: StorageCall[]; wallMs: number }> {
  const from = log.length;
  const fromStorage = storageLog.length;
  const started = performance.now();
  const value = await fn();
  const wallMs = performance.now() - started;
  return { value, calls: log.slice(from), storage: storageLog.slice(fromStorage), wallMs };
}

/** A call that changes Jira (the approximate-count search is a POST that only reads). */
export const isWrite = (e: Pick<RequestLogEntry, 'method' | 'path'>): boolean => e.method !== 'GET' && !/^\/rest\/api\/3\/search\//.test(e.path);
export const isPropertyRead = (e: RequestLogEntry): boolean => e.method === 'GET' && /\/properties\//.test(e.path);
export const isVersionPage = (e: RequestLogEntry): boolean => e.method === 'GET' && /^\/rest\/api\/3\/project\/[^/]+\/version$/.test(e.path);

import type { RequestLogEntry } from '../local-site/jira';

/** Runs `fn` and returns what it answered plus the Jira calls made while it ran. */
export async function measured<T>(log: RequestLogEntry[], fn: () => Promise<T>): Promise<{ value: T; calls: RequestLogEntry[]; wallMs: number }> {
  const from = log.length;
  const started = performance.now();
  const value = await fn();
  const wallMs = performance.now() - started;
  return { value, calls: log.slice(from), wallMs };
}

/** A call that changes Jira (the approximate-count search is a POST that only reads). */
export const isWrite = (e: Pick<RequestLogEntry, 'method' | 'path'>): boolean => e.method !== 'GET' && !/^\/rest\/api\/3\/search\//.test(e.path);
export const isPropertyRead = (e: RequestLogEntry): boolean => e.method === 'GET' && /\/properties\//.test(e.path);
export const isVersionPage = (e: RequestLogEntry): boolean => e.method === 'GET' && /^\/rest\/api\/3\/project\/[^/]+\/version$/.test(e.path);

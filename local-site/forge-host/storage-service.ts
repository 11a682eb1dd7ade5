/**
 * @forge/kvs's storage service as the app's functions reach it: every call logged (for call and round
 * budgets), with optional added latency and injected faults (Forge storage answers 5xx and 429 at times).
 */
import type { ServiceFetch } from './runtime';
import { handleStorageRequest } from './storage/api';
import type { KvsStore } from './storage/store';

/** One storage API call: the endpoint (e.g. '/api/v1/transaction'), its HTTP status, and when it ran (epoch ms). */
export interface StorageCall {
  path: string;
  status: number;
  startedAt: number;
  endedAt: number;
}

export interface StorageFault {
  pathPattern: string;
  status: number;
  times: number;
}

export interface StorageService {
  storage: ServiceFetch;
  storageLog: StorageCall[];
  storageSettings: { latencyMs: number; faults: StorageFault[] };
}

export function createStorageService(store: KvsStore, caller: Parameters<typeof handleStorageRequest>[1]): StorageService {
  const storageLog: StorageCall[] = [];
  const storageSettings: { latencyMs: number; faults: StorageFault[] } = { latencyMs: 0, faults: [] };
  const storage: ServiceFetch = async (path, init) => {
    // The answer reaches the caller asynchronously, after calls issued together (Promise.all) have all
    // started: they overlap in the log and count as one round; calls made one after another do not.
    const startedAt = performance.timeOrigin + performance.now();
    // Like the Jira emulator's latencyMs: the bench and the round-budget tests make storage calls take time too.
    if (storageSettings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, storageSettings.latencyMs));
    const res = injectedStorageFault(storageSettings.faults, path) ?? (await handleStorageRequest(store, caller, path, init));
    storageLog.push({ path, status: res.status, startedAt, endedAt: performance.timeOrigin + performance.now() });
    return res;
  };
  return { storage, storageLog, storageSettings };
}

/** The answer of the first matching fault rule (used up when its times run out), or null. */
function injectedStorageFault(faults: StorageFault[], path: string): Response | null {
  const i = faults.findIndex((f) => new RegExp(f.pathPattern).test(path));
  if (i < 0) return null;
  const fault = faults[i] as StorageFault;
  fault.times -= 1;
  if (fault.times <= 0) faults.splice(i, 1);
  return new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: `Injected storage fault ${fault.status} on ${path}` }), {
    status: fault.status,
    headers: { 'content-type': 'application/json' },
  });
}

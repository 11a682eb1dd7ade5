/**
 * The one way a screen invokes a resolver on someone's click: `run` shows busy while the call is in flight,
 * keeps its error to show, and hands back the result so the caller decides what success means.
 */
import { useCallback, useState } from 'react';
import type { ResolverError, Result } from '#contract';

export interface Action {
  busy: boolean;
  error: ResolverError | null;
  run<T>(call: () => Promise<Result<T>>): Promise<Result<T>>;
  /** Shows an error that did not come from `run` (or clears it with null). */
  setError(error: ResolverError | null): void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const run = useCallback(async <T>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    setError(null);
    const res = await call();
    setBusy(false);
    if (!res.ok) setError(res.error);
    return res;
  }, []);
  return { busy, error, run, setError };
}

/** For callbacks that answer "the error to show, or null when it worked" (a parent did the rest). */
export async function asResult(outcome: Promise<ResolverError | null>): Promise<Result<null>> {
  const error = await outcome;
  return error ? { ok: false, error } : { ok: true, value: null };
}

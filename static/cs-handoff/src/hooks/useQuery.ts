/**
 * The one way a screen loads what it shows: the call runs when the screen opens and again whenever `key`
 * changes; an answer for an earlier key (the person moved on) is dropped. `data` is null while loading
 * or after an error.
 */
import { useEffect, useRef, useState } from 'react';
import type { ResolverError, Result } from '#contract';

export interface Query<T> {
  data: T | null;
  error: ResolverError | null;
  /** Replaces what is shown (a write answered with the fresh value). */
  setData(data: T): void;
}

export function useQuery<T>(key: string, load: () => Promise<Result<T>>, onLoaded?: (data: T) => void): Query<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  // The latest callbacks, read when the answer comes: a new key, not a new function, is what reloads.
  const latest = useRef({ load, onLoaded });
  latest.current = { load, onLoaded };
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    void latest.current.load().then((res) => {
      if (!live) return;
      if (!res.ok) return setError(res.error);
      setData(res.value);
      latest.current.onLoaded?.(res.value);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return { data, error, setData };
}

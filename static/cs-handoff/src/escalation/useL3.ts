/**
 * Filing L3 bugs from a handoff: the prefill is built from the page's data (l3-context.ts, loaded on
 * first filing), Jira's own Create issue dialog does the rest (CreateIssueModal). The count of bugs carrying the release's chain label comes
 * with the handoff (getHandoffPage, its own Result, so a failed search never hides the handoff); after
 * filing, it is asked for again (getL3Summary). Opening the dialog is create-issue-dialog.ts, shared with the issue card.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError, Result } from '#contract';
import { api, type L3ItemRef, type L3Summary } from '../api';
import { fileThroughCreateDialog } from './create-issue-dialog';
import type { L3PageData } from './l3-context';

export type L3Item = L3ItemRef;

export interface L3Filing {
  summary: L3Summary | null;
  summaryError: ResolverError | null;
  /** Which filing is in progress: 'release' for the main button, or the item's key. */
  busyKey: string | null;
  fileError: ResolverError | null;
  /** "Bug SHOP-12 created." after the dialog closes with an issue. */
  filedNotice: string;
  /** Opens Jira's Create issue dialog; focus goes back to `returnTo()` when it closes. */
  file(item?: L3Item, returnTo?: () => HTMLElement | null): Promise<void>;
  refresh(): Promise<void>;
  /** The count as the page's opening call answered it (the page asks once for the handoff and the count). */
  accept(result: Result<L3Summary>): void;
}

export const itemKey = (item?: L3Item): string => (item ? `${item.kind}-${item.position}` : 'release');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `page`: what the handoff page holds to build the pre-fill from (null until it has loaded). */
export function useL3(versionId: string, page: L3PageData | null): L3Filing {
  const [summary, setSummary] = useState<L3Summary | null>(null);
  const [summaryError, setSummaryError] = useState<ResolverError | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [fileError, setFileError] = useState<ResolverError | null>(null);
  const [filedNotice, setFiledNotice] = useState('');
  const live = useRef(true);
  const summaryRef = useRef<L3Summary | null>(null);

  const load = useCallback(async (): Promise<L3Summary | null> => {
    const res = await api.getL3Summary(versionId);
    if (!live.current) return null;
    if (res.ok) {
      summaryRef.current = res.value;
      setSummary(res.value);
      setSummaryError(null);
      return res.value;
    }
    setSummaryError(res.error);
    return null;
  }, [versionId]);

  const accept = useCallback((res: Result<L3Summary>) => {
    if (!live.current) return;
    if (res.ok) {
      summaryRef.current = res.value;
      setSummary(res.value);
      setSummaryError(null);
    } else setSummaryError(res.error);
  }, []);

  // The first count arrives with the handoff (see `accept`); this only resets it for another version.
  useEffect(() => {
    live.current = true;
    setSummary(null);
    summaryRef.current = null;
    return () => {
      live.current = false;
    };
  }, [versionId]);

  /** Jira's search is eventually consistent: after filing, ask again a few times until the new bug counts. */
  const refreshAfterFiling = useCallback(
    async (created: number) => {
      const expected = (summaryRef.current?.count ?? 0) + created;
      for (let attempt = 0; attempt < 4; attempt++) {
        const next = await load();
        if (!live.current || (next && next.count >= expected)) return;
        await sleep(750 * (attempt + 1));
      }
    },
    [load],
  );

  const file = useCallback(
    async (item?: L3Item, returnTo?: () => HTMLElement | null) => {
      const filing = fileThroughCreateDialog(
        () =>
          page
            ? import('./l3-context').then((m) => m.l3PrefillFromPage(page, item, api.getL3BugType))
            : Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'The handoff is still loading. Try again.' } }),
        returnTo,
      );
      setBusyKey(itemKey(item));
      setFileError(null);
      setFiledNotice('');
      const res = await filing;
      if (!live.current) return;
      setBusyKey(null);
      if (!res.ok) {
        setFileError(res.error);
        return;
      }
      const created = res.value.createdIssueIds.length;
      if (created > 0) {
        setFiledNotice(created === 1 ? 'L3 bug filed.' : `${created} L3 bugs filed.`);
        void refreshAfterFiling(created);
      }
    },
    [page, refreshAfterFiling],
  );

  const refresh = useCallback(async () => {
    await load();
  }, [load]);

  return { summary, summaryError, busyKey, fileError, filedNotice, file, refresh, accept };
}

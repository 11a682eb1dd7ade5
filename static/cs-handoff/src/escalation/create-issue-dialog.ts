/**
 * Filing an L3 bug through Jira's own Create issue dialog (@forge/jira-bridge's CreateIssueModal), the
 * one path the handoff page and the issue card share: the app answers the pre-fill, Jira's dialog
 * creates the issue as the person. The bridge module is loaded on first use: most readers never file a
 * bug, so it stays out of either resource's start-up.
 */
import type { L3Prefill, ResolverError, Result } from '#contract';

/** The title over a refused filing, by the refusal's code; the resolver's message says what is missing. */
export const FILE_ERROR_TITLES: Partial<Record<ResolverError['code'], string>> = {
  NOT_FOUND: "Can't file an L3 bug here",
  FORBIDDEN: "You can't file bugs in this project",
  INVALID_INPUT: 'This item changed',
  JIRA_UNAVAILABLE: "Jira isn't responding",
};
export const FILE_ERROR_FALLBACK_TITLE = "Couldn't start the bug";

/** Frames to wait for the caller to re-enable the opener (its busy state ends as the dialog closes). */
const FOCUS_FRAMES = 10;

function giveFocusBack(opener: HTMLElement | null, returnTo: (() => HTMLElement | null) | undefined, frames = FOCUS_FRAMES): void {
  requestAnimationFrame(() => {
    const target = opener?.isConnected && opener !== document.body ? opener : returnTo?.();
    if (target?.matches(':disabled') && frames > 0) return giveFocusBack(opener, returnTo, frames - 1);
    target?.focus();
  });
}

/**
 * Asks for the pre-fill, opens the dialog with it and resolves when the dialog closes, with the ids of
 * the issues it created (none: cancelled). A refused pre-fill comes back as that Result, before any
 * dialog. Jira's dialog takes focus; when it closes, focus goes back to what was focused when filing
 * began, else to `returnTo()`. Call it before the caller's first await: the opener is captured
 * synchronously, before a busy state disables it.
 */
export async function fileThroughCreateDialog(prefill: () => Promise<Result<L3Prefill>>, returnTo?: () => HTMLElement | null): Promise<Result<{ createdIssueIds: string[] }>> {
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const res = await prefill();
  if (!res.ok) return res;
  try {
    const { CreateIssueModal } = await import('@forge/jira-bridge');
    const createdIssueIds = await new Promise<string[]>((resolve, reject) => {
      const modal = new CreateIssueModal({
        context: res.value,
        onClose: ({ payload }) => {
          resolve(Array.isArray(payload) ? payload.map((p) => String(p.issueId)) : []);
          giveFocusBack(opener, returnTo);
        },
      });
      modal.open().catch(reject);
    });
    return { ok: true, value: { createdIssueIds } };
  } catch (e) {
    return {
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE', message: `Jira couldn't open the Create issue dialog${e instanceof Error && e.message ? `: ${e.message}` : '.'} Try again.` },
    };
  }
}

/**
 * The L3 dialog's pre-fill on the handoff page, built in the browser from what the page already holds
 * (the handoff, its version and project, its rollout stage, the page's own address) with the domain's
 * one builder, the same the issue card's resolver runs. The only thing asked for is the project's Bug
 * issue type (getL3BugType, kept a day per project on the app's side), once for the page's life: a
 * second filing asks nothing. Loaded when someone first files, so it is never start-up code. Nothing is
 * trusted that was not before: the context only pre-fills Jira's own Create issue dialog, which creates
 * the bug as the person, with Jira's permission checks.
 */
import type { HandoffView, L3BugType, L3Prefill, Result } from '#contract';
import type { ItemRef } from '#domain/chain-label';
import { AppError } from '#domain/errors';
import { l3ModalContext } from '#domain/l3-prefill';

/** What the handoff page holds for filing: its view and its address (getHandoffPage's `handoffUrl`). */
export interface L3PageData {
  view: HandoffView;
  handoffUrl: Result<string>;
}

const bugTypes = new Map<string, Promise<Result<L3BugType>>>();

/** How the Bug type is asked for (api.getL3BugType; tests pass their own). */
export type AskBugType = () => Promise<Result<L3BugType>>;

/** The project's Bug type, asked once per project while the page lives; a failed answer is asked again next time. */
export function bugTypeOf(projectId: string, ask: AskBugType): Promise<Result<L3BugType>> {
  const known = bugTypes.get(projectId);
  if (known) return known;
  const asked = ask().then((res) => {
    if (!res.ok) bugTypes.delete(projectId);
    return res;
  });
  bugTypes.set(projectId, asked);
  return asked;
}

/** The context from the page's data and a Bug type id: the domain's refusals (no handoff, an item gone) as a Result. */
export function l3PrefillOf(page: L3PageData, bugTypeId: string, item: ItemRef | undefined): Result<L3Prefill> {
  if (!page.handoffUrl.ok) return page.handoffUrl;
  const { view } = page;
  try {
    return { ok: true, value: l3ModalContext({ project: view.project, version: view.version, handoff: view.handoff, bugTypeId, handoffUrl: page.handoffUrl.value, item }) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.error };
    throw error;
  }
}

/** The pre-fill for filing from the page (a project without a Bug type, or none the person may create, is the lookup's error). */
export async function l3PrefillFromPage(page: L3PageData, item: ItemRef | undefined, ask: AskBugType): Promise<Result<L3Prefill>> {
  const type = await bugTypeOf(page.view.project.id, ask);
  return type.ok ? l3PrefillOf(page, type.value.issueTypeId, item) : type;
}

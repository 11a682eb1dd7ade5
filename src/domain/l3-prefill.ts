/**
 * The L3 bug's pre-fill for Jira's Create issue dialog (@forge/jira-bridge's CreateIssueModal context),
 * built once for every place a bug is filed from: the handoff page builds it in the browser from the
 * page's data, the issue card's resolver from what it read for a customer's request. Pure: the caller
 * brings the project, the version, the stored handoff, the project's Bug type id and the handoff's link.
 */
import type { AdfDoc } from './adf';
import { ChainLabelError, type ItemRef } from './chain-label';
import { appError } from './errors';
import type { HandoffContent, StoredHandoff } from './handoff';
import { buildL3Bug, describeItem, type L3BugInput } from './l3-bug';
// The zod-free stage helpers: the handoff page loads this module in the browser.
import { currentStageLabel } from './living/rollout-stages';
import { ITEM_TITLES } from './section-titles';

/** Shaped as the modal's context: the UI passes it as-is to `new CreateIssueModal({ context })`. Ids are strings. */
export interface L3ModalContext {
  projectId: string;
  /** The project's Bug issue type, found through Jira's create metadata. */
  issueTypeId: string;
  /** "[L3] <release name>: ", for the agent to finish. */
  summary: string;
  /** Atlassian Document Format, as the modal requires. */
  description: AdfDoc;
  /** The release's chain-aware label, plus the item's when filed from one. */
  labels: string[];
  /** Affected version: the release the handoff belongs to. */
  versions: string[];
}

export interface L3PrefillInput {
  project: { id: string; key: string };
  version: { id: string; name: string };
  handoff: StoredHandoff | null;
  bugTypeId: string;
  /** The handoff page's address, linked from the bug. */
  handoffUrl: string;
  item: ItemRef | undefined;
  /** Filed from a customer's request: its summary and what the customer wrote. */
  request?: L3BugInput['request'];
}

export const NOT_STARTED = 'Not started';

/** The rollout stage written on the bug: "Not started" until the rollout has moved. */
export function rolloutStageOf(handoff: StoredHandoff): string {
  return handoff.rollout ? currentStageLabel(handoff.rollout) : NOT_STARTED;
}

/** An item the agent files from must exist in the handoff as read; otherwise its label would point at nothing. */
export function assertItemExists(content: HandoffContent, item: ItemRef | undefined): void {
  if (item && describeItem(content, item) === null) {
    const section = ITEM_TITLES[item.kind];
    throw appError('INVALID_INPUT', `${section} ${item.position} is not in this handoff any more: reload the handoff and try again.`, {
      fields: { 'item.position': `No ${section.toLowerCase()} ${item.position}` },
    });
  }
}

/** Chain labels refuse what Jira would refuse (e.g. a label over 255 characters); say so instead of failing as a bug. */
export function withChainLabel<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ChainLabelError) throw appError('INVALID_INPUT', error.message);
    throw error;
  }
}

/** The modal's context, or an AppError saying why no bug can be filed from this handoff (none yet, an item gone, a label Jira would refuse). */
export function l3ModalContext(input: L3PrefillInput): L3ModalContext {
  const { project, version, handoff, item } = input;
  if (!handoff) {
    throw appError('NOT_FOUND', `No CS handoff for this release yet: the product owner has to write one for ${version.name} before L3 bugs can be filed from it.`);
  }
  assertItemExists(handoff.content, item);
  const draft = withChainLabel(() =>
    buildL3Bug({
      link: { projectKey: project.key, versionId: version.id },
      versionName: version.name,
      content: handoff.content,
      rolloutStage: rolloutStageOf(handoff),
      handoffUrl: input.handoffUrl,
      item,
      ...(input.request ? { request: input.request } : {}),
    }),
  );
  return { projectId: project.id, issueTypeId: input.bugTypeId, summary: draft.summary, description: draft.description, labels: draft.labels, versions: [version.id] };
}

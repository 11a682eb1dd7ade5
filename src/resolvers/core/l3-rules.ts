/**
 * The small rules behind the L3 resolvers, kept pure so they are tested without Jira: which rollout
 * stage a bug records, which handoff item it is about, and where Jira's issue search for a JQL lives.
 * (Which issue type a bug is filed as: domain/issue-types.ts.)
 */
import { ChainLabelError } from '../../domain/chain-label';
import { describeItem } from '../../domain/l3-bug';
import { appError } from '../../domain/errors';
import type { HandoffContent, StoredHandoff } from '../../domain/handoff';
import type { ItemRef } from '../../domain/chain-label';
import { currentStageLabel } from '../../domain/living/rollout';
import { ITEM_TITLES } from '../../domain/section-titles';

export const NOT_STARTED = 'Not started';

/** The rollout stage written on the bug: "Not started" until the rollout has moved. */
export function rolloutStageOf(handoff: StoredHandoff): string {
  return handoff.rollout ? currentStageLabel(handoff.rollout) : NOT_STARTED;
}

/** An item the agent files from must exist in the handoff as stored now; otherwise its label would point at nothing. */
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

/** Jira's issue search page for a JQL query on the site. */
export function issueSearchUrl(siteUrl: string, jql: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/issues/?jql=${encodeURIComponent(jql)}`;
}

/**
 * The small rules behind the L3 resolvers, kept pure so they are tested without Jira: which issue
 * type is "Bug", what a missing one means, which rollout stage a bug records, and where Jira's issue
 * search for a JQL lives.
 */
import type { ProjectInfo } from '../../contract';
import { ChainLabelError } from '../../domain/chain-label';
import { describeItem } from '../../domain/l3-bug';
import { appError, type AppError } from '../../domain/errors';
import type { HandoffContent, StoredHandoff } from '../../domain/handoff';
import type { ItemRef } from '../../domain/chain-label';
import type { JiraIssueType } from '../../jira';
import { currentStageLabel } from '../../domain/living/rollout';

export const BUG_TYPE_NAME = 'Bug';

/**
 * The project's Bug type, by name (case-insensitive) from Jira's create metadata: issue type ids
 * differ from site to site, so no id is ever assumed. Jira lists no types at all to someone who
 * cannot create issues in the project, which is a missing permission, not a missing Bug type.
 */
export function bugTypeOf(types: readonly JiraIssueType[], project: Pick<ProjectInfo, 'key'>): JiraIssueType {
  if (types.length === 0) {
    throw appError(
      'FORBIDDEN',
      `You can read this handoff but cannot file issues in project ${project.key}: filing an L3 bug needs the Create issues permission there.`,
    );
  }
  const wanted = BUG_TYPE_NAME.toLowerCase();
  const bug = types.find((t) => !t.subtask && t.name.trim().toLowerCase() === wanted);
  if (!bug) throw noBugType(project.key);
  return bug;
}

export function noBugType(projectKey: string): AppError {
  return appError(
    'NOT_FOUND',
    `Project ${projectKey} has no Bug issue type, so L3 bugs cannot be filed here. Ask a Jira admin to add Bug to the project's issue types.`,
  );
}

export const NOT_STARTED = 'Not started';

/** The rollout stage written on the bug: "Not started" until the rollout has moved. */
export function rolloutStageOf(handoff: StoredHandoff): string {
  return handoff.rollout ? currentStageLabel(handoff.rollout) : NOT_STARTED;
}

/** An item the agent files from must exist in the handoff as stored now; otherwise its label would point at nothing. */
export function assertItemExists(content: HandoffContent, item: ItemRef | undefined): void {
  if (item && describeItem(content, item) === null) {
    const section = { step: 'Happy path step', limitation: 'Known limitation', question: 'Likely question' }[item.kind];
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

/**
 * A walkthrough question settled as a gap in the release brief can be filed as a Jira task on the
 * version, carrying the chain label for brief gaps. Pure: which question may be filed, the task's
 * summary and description, and the settlement once the task exists.
 */
import { doc, heading, link, paragraph, text, type AdfDoc } from '../adf';
import { briefGapFilingLabel, briefGapLabel, type ChainLink } from '../chain-label';
import { appError } from '../errors';
import type { PersonRef, StoredHandoff } from '../handoff';
import { nextRevision } from './rules';
import type { WalkthroughQuestion } from './schema';

/** Jira's bound on an issue summary. */
export const SUMMARY_MAX = 255;
const SUMMARY_PREFIX = '[Brief gap] ';
/** A version name is cut to this much in the summary, so the question always has room. */
const VERSION_NAME_MAX = 100;

function refuse(message: string): never {
  throw appError('INVALID_INPUT', message, { fields: { questionId: message } });
}

const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

function shorten(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** The question to file: it must be in the walkthrough, settled as a brief gap, and not filed yet. */
export function briefGapToFile(handoff: StoredHandoff, questionId: string): WalkthroughQuestion & { settlement: { kind: 'brief-gap'; note: string } } {
  const question = handoff.walkthrough?.questions.find((q) => q.id === questionId);
  if (!question) {
    throw appError('NOT_FOUND', `Walkthrough question ${questionId} is not in this walkthrough any more: reload and try again.`, {
      fields: { questionId: `No question ${questionId}` },
    });
  }
  const settlement = question.settlement;
  if (settlement?.kind !== 'brief-gap') refuse(`Question ${questionId} is not settled as a gap in the release brief, so there is nothing to file`);
  if (settlement.issueKey !== undefined) refuse(`Question ${questionId} is already filed as ${settlement.issueKey}`);
  return { ...question, settlement };
}

/** "[Brief gap] <version name>: <question>", shortened to Jira's 255 characters and kept on one line. */
export function briefGapSummary(versionName: string, questionText: string): string {
  const head = `${SUMMARY_PREFIX}${shorten(oneLine(versionName), VERSION_NAME_MAX)}: `;
  return head + shorten(oneLine(questionText), SUMMARY_MAX - head.length);
}

export interface BriefGapTaskInput {
  link: ChainLink;
  versionName: string;
  question: WalkthroughQuestion;
  note: string;
  handoffUrl: string;
  /** The filing's token (resolvers/living/brief-gap-filing.ts): its label lets a lost create be found instead of filed again. */
  filingToken?: string;
}

export interface BriefGapTask {
  summary: string;
  description: AdfDoc;
  labels: string[];
}

export function briefGapTask(input: BriefGapTaskInput): BriefGapTask {
  const { question } = input;
  const description = doc(
    paragraph(text(`Raised in the CS walkthrough for ${input.versionName}: the release brief does not answer this question yet.`)),
    heading(3, 'Question'),
    paragraph(text(question.text), question.raisedBy ? text(` (raised by ${question.raisedBy})`) : []),
    heading(3, 'What the brief is missing'),
    paragraph(text(input.note)),
    paragraph(text('CS handoff: '), link(`${input.versionName} handoff`, input.handoffUrl)),
  );
  const labels = [briefGapLabel(input.link), ...(input.filingToken ? [briefGapFilingLabel(input.filingToken)] : [])];
  return { summary: briefGapSummary(input.versionName, question.text), description, labels };
}

/** The handoff with the question's brief gap pointing at the filed task. */
export function recordBriefGapIssue(handoff: StoredHandoff, questionId: string, issueKey: string, by: PersonRef, now: Date): StoredHandoff {
  const walkthrough = handoff.walkthrough;
  if (!walkthrough) throw appError('NOT_FOUND', 'No walkthrough is recorded for this handoff yet: record the walkthrough first.');
  const questions = walkthrough.questions.map((q) => (q.id === questionId && q.settlement?.kind === 'brief-gap' ? { ...q, settlement: { ...q.settlement, issueKey } } : q));
  return nextRevision(handoff, { walkthrough: { ...walkthrough, questions } }, by, now);
}

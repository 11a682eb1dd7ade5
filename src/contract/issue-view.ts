/** What the issue view's resolvers answer: the issue card, customers' requests, questions from support. */
import type { AnswerKind, Span } from '#domain/card/answer-search';
import type { SupportQuestion } from '#domain/card/support-questions';
import type { RolloutStage } from '#domain/living/rollout-stages';

// ---- customers' requests (jira:issueContext): link a request to its release, file its L3 bug ----
export type { RequestReleaseLink } from '#domain/request-link';

/** The L3 bug filed from a request, linked to it. */
export interface RequestBugLink {
  requestKey: string;
  bugKey: string;
  /** The link type used ("Relates" unless the site has none by that name). */
  linkType: string;
}

// ---- the issue card: the release handoff on a Jira issue or service request -----------------------
export type { AnswerKind, Span } from '#domain/card/answer-search';

/** A release as the card names it, with where its handoff page is. */
export interface CardReleaseRef {
  /** With `projectKey`, the release's project as linkRequestToRelease and getRequestL3Prefill name it. */
  projectId: string;
  projectKey: string;
  projectName: string;
  versionId: string;
  versionName: string;
  releaseDate: string | null;
  released: boolean;
  stage: RolloutStage;
  /** The handoff page in Jira, to open with router.open. */
  handoffUrl: string;
}

/** What the card shows of a release's handoff (the parts support reads; `status` 'none': not written yet). */
export interface CardRelease extends CardReleaseRef {
  status: 'none' | 'draft' | 'ready';
  whatsNew: string;
  limitations: string[];
  noKnownLimitations: boolean;
  questions: { question: string; answer: string }[];
  escalation: { l1LookUp: string; l2Reproduce: string };
}

export interface IssueHandoffCard {
  issueKey: string;
  /**
   * Why this release: linked to the request, the issue's fix/affects version with a handoff, chosen by
   * the agent; 'none' when nothing points at one (then `choices` lists the live releases).
   */
  source: 'linked' | 'fix-version' | 'chosen' | 'none';
  release: CardRelease | null;
  /** Newest first; filled only when `source` is 'none'. */
  choices: CardReleaseRef[];
  /** When `source` is 'linked': the rollout stage and moment the request was linked to `release`. */
  linked: { stage: RolloutStage; linkedAt: string } | null;
}

export interface AnswerMatch {
  kind: AnswerKind;
  text: string;
  answer: string;
  position: number;
  release: CardReleaseRef;
  /** Matched words, for highlighting: [start, end) offsets in `text` and `answer`. */
  textSpans: Span[];
  answerSpans: Span[];
}

export interface AnswerResults {
  /** What was searched (trimmed), so the UI can drop a stale answer. */
  query: string;
  matches: AnswerMatch[];
  /** How many live handoffs were searched. */
  searched: number;
}

// ---- questions from support ("Not in the handoff") -----------------------------------------------
export type { SupportQuestion } from '#domain/card/support-questions';

export interface SupportQuestionAsked {
  questionId: string;
  versionName: string;
  /** The same request had already sent the same open question: nothing new was stored. */
  alreadySent: boolean;
}

export interface SupportQuestionsView {
  versionId: string;
  /** The record's revision (0: none yet), the baseRevision of the next settle. */
  revision: number;
  questions: SupportQuestion[];
}

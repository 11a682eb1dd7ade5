/** What the resolvers of the overview, the handoff page, the release gate and the living handoff answer. */
import type { StoredHandoff } from '#domain/handoff';
import type { RecordRevisions } from '#domain/records';
import type { L3ModalContext } from '#domain/l3-prefill';
import type { Result } from '#domain/errors';
import type { HandoffState } from '#domain/state';
import type { GateView, ProjectSettings } from '#domain/gate/rules';
import type { Rollout } from '#domain/living/rollout';
import type { SectionChange } from '#domain/living/diff';
import type { PersonRef } from '#domain/person';
import type { Walkthrough } from '#domain/walkthrough/schema';
import type { StageSignals } from '#domain/living/stage-signals';
import type { SupportQuestionsView } from './issue-view';

/** The project as Jira answered (never as the browser said): `type` is Jira's projectTypeKey. */
export interface ProjectInfo {
  id: string;
  key: string;
  name: string;
  type: string;
}

export interface VersionInfo {
  id: string;
  name: string;
  description: string;
  /** 'YYYY-MM-DD' as Jira gives it, or null when the version has no release date. */
  releaseDate: string | null;
  released: boolean;
  archived: boolean;
}

export interface Capabilities {
  canEdit: boolean;
  canAdminister: boolean;
}

export interface ReleaseSummary {
  version: VersionInfo;
  state: HandoffState;
  status: 'none' | 'draft' | 'ready';
  /**
   * From the overview index, which is rewritten on the first save and on status changes only, so
   * these are "as of the last status change"; the handoff itself (getHandoff) has the latest.
   */
  revision: number;
  updatedAt: string | null;
  readyAt: string | null;
  /** The release gate (computed by domain/gate/rules.ts gateView). */
  gate: GateView;
  /**
   * Walkthrough questions not settled yet, as of the index's last write (every walkthrough change
   * rewrites it); null when no walkthrough is recorded.
   */
  unsettledQuestions: number | null;
  /** Questions from support not settled yet (0 when none were sent). */
  openSupportQuestions: number;
  /**
   * The latest time the release gate put this version back to unreleased, from the gate index (so a
   * shortened reason); null when it was never blocked or the version is no longer in the index. The
   * handoff page (getHandoff gate.latestBlock) has the whole entry.
   */
  blockSummary: BlockSummary | null;
}

export interface BlockSummary {
  /** ISO instant of the block. */
  at: string;
  /** Why, at most 200 characters (empty when the index had to drop it for size). */
  reason: string;
  /** Jira refused to put the version back: it is still released and must be un-released by hand. */
  unreleaseFailed: boolean;
}

export interface ReleasesOverview {
  project: ProjectInfo;
  capabilities: Capabilities;
  /** One page of the project's versions matching the query, in Jira's order. */
  releases: ReleaseSummary[];
  /** Where this page is: `total` versions match the query, `size` per page. */
  page: { number: number; size: number; total: number };
  /** Lead time in days used for the "late" state. */
  leadTimeDays: number;
  /** What the app's own Jira user cannot do here that the release gate needs (empty: nothing). */
  appHealth: string[];
}

export interface HandoffView {
  project: ProjectInfo;
  version: VersionInfo;
  capabilities: Capabilities;
  handoff: StoredHandoff | null;
  state: HandoffState;
  /** Human names of what "Mark ready" still needs, empty when it can be marked ready. */
  missingForReady: string[];
  leadTimeDays: number;
  /** The IANA time zone whose calendar the deadline and days left are counted in (domain/state.ts dayTimeZone). */
  timeZone: string;
  /** The release gate (computed by domain/gate/rules.ts gateView). */
  gate: GateView;
  /** The CS walkthrough (same as handoff.walkthrough), null until it is recorded. */
  walkthrough: Walkthrough | null;
  /** Walkthrough questions with no settlement yet (0 when there is no walkthrough). */
  unsettledQuestions: number;
  /** The rollout (same as handoff.rollout, or "not started" when none is stored). */
  rollout: Rollout;
  /** Something the save did that the editor did not ask for (e.g. moved a ready handoff back to draft). */
  notice?: string;
  /**
   * Each record's revision (0: not stored yet). A change names the one of its own record as its
   * baseRevision: a content save or status change `content`, a walkthrough change `walkthrough`, a
   * rollout move `rollout`.
   */
  revisions: RecordRevisions;
}

/**
 * What the handoff page opens with, in one invocation. The L3 count is its own Result: a failed issue
 * search must not keep the handoff from being read.
 */
export interface HandoffPage {
  handoff: HandoffView;
  l3: Result<L3Summary>;
  /** The questions support sent to this handoff ("Not in the handoff"), settled as the walkthrough's are. */
  support: Result<SupportQuestionsView>;
  /** Requests linked, L3 bugs filed and questions from support per rollout stage (the page's chart). */
  signals: Result<StageSignals>;
  /** The handoff page's address on the site as Jira names it, linked from an L3 bug filed here. */
  handoffUrl: Result<string>;
}

/** The pre-filled L3 bug, shaped as `@forge/jira-bridge`'s CreateIssueModal context (built by domain/l3-prefill.ts). */
export type L3Prefill = L3ModalContext;

/** The project's Bug issue type: with the handoff page's data, all the L3 dialog's pre-fill needs. */
export interface L3BugType {
  issueTypeId: string;
}

/** The L3 bugs filed against a release, counted with one Jira search. */
export interface L3Summary {
  /** The release's chain-aware label, e.g. "chain-shop-v10002-l3". */
  label: string;
  /** Jira's approximate count: an issue created seconds ago may not be counted yet. */
  count: number;
  jql: string;
  /** Jira's issue search for `jql`, to open with router.open. */
  searchUrl: string;
}

// ---- release gate (overrides, settings) ----------------------------------------------------

export interface ProjectSettingsView {
  settings: ProjectSettings;
  /** Whether the caller may change them (Administer projects). */
  canAdminister: boolean;
  /** What the app's own Jira user cannot do here that the release gate needs (empty: nothing). */
  appHealth: string[];
}

// ---- the living handoff: walkthrough, rollout, revision history, export -------------------

/** At most 10 people, in Jira's order; `query` echoes what was searched (trimmed), so the UI can drop stale answers. */
export interface PeopleMatches {
  query: string;
  people: PersonRef[];
}

export interface RevisionSummary {
  /** Which record changed: the content (its revisions are the ones compared), the walkthrough or the rollout. */
  record: 'content' | 'walkthrough' | 'rollout';
  /** That record's own revision. */
  revision: number;
  /** ISO instant of the save. */
  at: string;
  by: PersonRef;
  /** What changed: content section names (living/diff SECTION_NAMES), then 'Status', 'Rollout', 'Walkthrough'. */
  sections: string[];
  /** False when the snapshot was too big to keep: this revision cannot be diffed. */
  diffable: boolean;
}

export interface HandoffHistory {
  versionId: string;
  /** Newest first; only the kept revisions (see domain/history for the bound). */
  revisions: RevisionSummary[];
}

export interface RevisionDiff {
  from: number;
  to: number;
  /** `diffHandoff(content at from, content at to)`: empty when the content did not change. */
  changes: SectionChange[];
}

export interface HandoffExport {
  filename: string;
  mimeType: string;
  text: string;
}

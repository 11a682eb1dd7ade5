/**
 * The one typed contract between the resolvers (src/resolvers) and the Custom UI (static/).
 * Both sides import these names and types; payloads are validated with these schemas on the backend.
 * The UI imports only types and schemas from here, never backend code.
 */
import { z } from 'zod';
import { HandoffContentSchema, type StoredHandoff } from '../domain/handoff';
import type { AdfDoc } from '../domain/adf';
import type { Result } from '../domain/errors';
import type { HandoffState } from '../domain/state';
import { LeadTimeDaysSchema, type GateView, type ProjectSettings } from '../domain/gate/rules';

// Defined next to the rules that produce them; re-exported so the UI has one place to import from.
export type { ErrorCode, ResolverError, Result, SaveConflict } from '../domain/errors';
export type { HandoffState } from '../domain/state';
export type { AdfDoc } from '../domain/adf';

/** Jira version ids are numeric strings; anything else is refused before a Jira call is made. */
export const VersionIdSchema = z
  .string({ error: 'versionId must be a string' })
  .regex(/^\d{1,18}$/, { error: 'versionId must be a Jira version id (digits only)' });

export const ListReleasesPayloadSchema = z.object({}).strict();
export const GetHandoffPayloadSchema = z.object({ versionId: VersionIdSchema }).strict();
export const SaveHandoffPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    /** The revision the editor started from (0 when there was no handoff yet). */
    baseRevision: z.number({ error: 'baseRevision must be a number' }).int().nonnegative(),
    content: HandoffContentSchema,
  })
  .strict();
export const SetStatusPayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    baseRevision: z.number({ error: 'baseRevision must be a number' }).int().nonnegative(),
    status: z.enum(['draft', 'ready'], { error: "status must be 'draft' or 'ready'" }),
  })
  .strict();

/** The handoff item an L3 bug is filed from: its section and 1-based position there. */
export const L3ItemSchema = z
  .object({
    kind: z.enum(['step', 'limitation', 'question'], { error: "item.kind must be 'step', 'limitation' or 'question'" }),
    position: z
      .number({ error: 'item.position must be a number' })
      .int({ error: 'item.position must be a whole number' })
      .min(1, { error: 'item.position must be at least 1' })
      .max(9999, { error: 'item.position must be at most 9999' }),
  })
  .strict();
export const GetL3PrefillPayloadSchema = z.object({ versionId: VersionIdSchema, item: L3ItemSchema.optional() }).strict();
export const GetL3SummaryPayloadSchema = z.object({ versionId: VersionIdSchema }).strict();

export type ListReleasesPayload = z.input<typeof ListReleasesPayloadSchema>;
export type GetHandoffPayload = z.input<typeof GetHandoffPayloadSchema>;
export type SaveHandoffPayload = z.input<typeof SaveHandoffPayloadSchema>;
export type SetStatusPayload = z.input<typeof SetStatusPayloadSchema>;
export type GetL3PrefillPayload = z.input<typeof GetL3PrefillPayloadSchema>;
export type GetL3SummaryPayload = z.input<typeof GetL3SummaryPayloadSchema>;

export interface ProjectInfo {
  id: string;
  key: string;
  name: string;
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
}

export interface ReleasesOverview {
  project: ProjectInfo;
  capabilities: Capabilities;
  releases: ReleaseSummary[];
  /** Lead time in days used for the "late" state. */
  leadTimeDays: number;
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
  /** The release gate (computed by domain/gate/rules.ts gateView). */
  gate: GateView;
}

/**
 * The pre-filled L3 bug, shaped as `@forge/jira-bridge`'s CreateIssueModal context: the UI passes it
 * as-is to `new CreateIssueModal({ context })`. Ids are strings, as the modal expects.
 */
export interface L3Prefill {
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
export type { GateView, GateState, BlockEntry, GateOverride, ProjectSettings } from '../domain/gate/rules';

export const OverrideGatePayloadSchema = z
  .object({
    versionId: VersionIdSchema,
    reason: z
      .string({ error: 'reason must be text' })
      .transform((s) => s.trim())
      .pipe(z.string().min(10, { error: 'reason must be at least 10 characters' }).max(500, { error: 'reason must be at most 500 characters' })),
  })
  .strict();
export const WithdrawOverridePayloadSchema = z.object({ versionId: VersionIdSchema }).strict();
export const GetSettingsPayloadSchema = z.object({}).strict();
export const SaveSettingsPayloadSchema = z.object({ leadTimeDays: LeadTimeDaysSchema }).strict();

export type OverrideGatePayload = z.input<typeof OverrideGatePayloadSchema>;
export type WithdrawOverridePayload = z.input<typeof WithdrawOverridePayloadSchema>;
export type GetSettingsPayload = z.input<typeof GetSettingsPayloadSchema>;
export type SaveSettingsPayload = z.input<typeof SaveSettingsPayloadSchema>;

export interface ProjectSettingsView {
  settings: ProjectSettings;
  /** Whether the caller may change them (Administer projects). */
  canAdminister: boolean;
}

/**
 * Every resolver the UI can invoke. The shape is @forge/resolver's `Definitions`, so the backend
 * builds its handler with `makeResolver<ResolverDefinitions>` and the UI calls through
 * `makeInvoke<ResolverDefinitions>()`: a renamed call or a changed payload fails to compile on both sides.
 */
export type ResolverDefinitions = {
  listReleases: (payload: ListReleasesPayload) => Result<ReleasesOverview>;
  getHandoff: (payload: GetHandoffPayload) => Result<HandoffView>;
  saveHandoff: (payload: SaveHandoffPayload) => Result<HandoffView>;
  setStatus: (payload: SetStatusPayload) => Result<HandoffView>;
  getL3Prefill: (payload: GetL3PrefillPayload) => Result<L3Prefill>;
  getL3Summary: (payload: GetL3SummaryPayload) => Result<L3Summary>;
  overrideGate: (payload: OverrideGatePayload) => Result<GateView>;
  withdrawOverride: (payload: WithdrawOverridePayload) => Result<GateView>;
  getSettings: (payload: GetSettingsPayload) => Result<ProjectSettingsView>;
  saveSettings: (payload: SaveSettingsPayload) => Result<ProjectSettingsView>;
};

export type ResolverName = keyof ResolverDefinitions;

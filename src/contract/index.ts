/**
 * The one typed contract between the resolvers (src/resolvers) and the Custom UI (static/).
 * Both sides import these names and types; payloads are validated with these schemas on the backend.
 * The UI imports only types and schemas from here, never backend code.
 */
import { z } from 'zod';
import { HandoffContentSchema, type StoredHandoff } from '../domain/handoff';
import type { Result } from '../domain/errors';
import type { HandoffState } from '../domain/state';

// Defined next to the rules that produce them; re-exported so the UI has one place to import from.
export type { ErrorCode, ResolverError, Result, SaveConflict } from '../domain/errors';
export type { HandoffState } from '../domain/state';

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

export type ListReleasesPayload = z.input<typeof ListReleasesPayloadSchema>;
export type GetHandoffPayload = z.input<typeof GetHandoffPayloadSchema>;
export type SaveHandoffPayload = z.input<typeof SaveHandoffPayloadSchema>;
export type SetStatusPayload = z.input<typeof SetStatusPayloadSchema>;

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
};

export type ResolverName = keyof ResolverDefinitions;

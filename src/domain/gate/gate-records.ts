/**
 * The gate record (block entries, override, decisions) of a version and the project's settings as the
 * app's compare-and-set records (like the handoff's, domain/records.ts): each commit names the revision it
 * planned on, so a trigger's block record and an admin's override, written at the same moment, both land
 * (the later one is planned again on top of the earlier). Each is published whole to its project property
 * (`cs-handoff.gate.<versionId>`, `cs-handoff.settings`), where JQL and any REST client read it. Pure.
 */
import { z } from 'zod';
import { GateRecordSchema, parseGateRecord, parseSettings, ProjectSettingsSchema, type GateRecord, type ProjectSettings } from './rules';

const Stamp = {
  schemaVersion: z.literal(1),
  projectId: z.string(),
  /** 1 for the first commit, +1 per commit: the compare-and-set token. */
  revision: z.number().int().positive(),
  /** A fresh id per commit: after an answer lost on the way back, tells whether this commit is the stored one. */
  writeId: z.string().max(64),
  updatedAt: z.string(),
};

export const StoredGateSchema = z.object({ ...Stamp, versionId: z.string(), gate: GateRecordSchema });
export type StoredGate = z.output<typeof StoredGateSchema>;

export const StoredSettingsSchema = z.object({ ...Stamp, settings: ProjectSettingsSchema });
export type StoredSettings = z.output<typeof StoredSettingsSchema>;

/** A record as read: its value and the revision a commit must name (0: nothing stored yet). */
export interface Versioned<T> {
  value: T;
  revision: number;
}

/**
 * The gate record: the stored one, else (stored before gate records existed, or never) the published
 * property's, which the first commit then imports. An unreadable stored record reads as its property's.
 */
export function gateRecordOf(stored: unknown, published: unknown, versionId: string): Versioned<GateRecord> {
  const parsed = StoredGateSchema.safeParse(stored);
  if (parsed.success && parsed.data.versionId === versionId) return { value: parsed.data.gate, revision: parsed.data.revision };
  return { value: parseGateRecord(published, versionId), revision: revisionOf(stored) };
}

export function settingsRecordOf(stored: unknown, published: unknown): Versioned<ProjectSettings> {
  const parsed = StoredSettingsSchema.safeParse(stored);
  if (parsed.success) return { value: parsed.data.settings, revision: parsed.data.revision };
  return { value: parseSettings(published), revision: revisionOf(stored) };
}

/** The revision of whatever is stored, so a commit over an unreadable record still names it (and replaces it). */
function revisionOf(stored: unknown): number {
  const revision = (stored as { revision?: unknown } | null | undefined)?.revision;
  return typeof revision === 'number' && Number.isInteger(revision) && revision > 0 ? revision : 0;
}

/** What is published: the shapes the properties always had, so JQL and REST readers see no change. */
export const publishedGate = (stored: StoredGate): GateRecord => stored.gate;
export const publishedSettings = (stored: StoredSettings): ProjectSettings => stored.settings;

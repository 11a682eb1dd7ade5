/**
 * Reading and committing the gate record of a version and the project's settings (domain/gate/gate-records.ts)
 * in the app's record store, then publishing each commit to its Jira project property. Used by the
 * resolvers (override, settings) and the triggers (release gate, re-check) alike.
 *
 * A change is a plan run on the record as stored: the commit names the revision it planned on and is
 * refused when someone committed since; then the record is read again and the plan runs again on it (a
 * trigger's block lands beside an override committed a moment earlier, and the other way round). A commit
 * whose answer was lost (429, 5xx) is read back: its write id tells whether it is stored. A plan answers
 * null when there is nothing to write (a duplicate delivery's decision is already on the record).
 */
import { randomUUID } from 'node:crypto';
import { appError } from '#domain/errors';
import { gateRecordOf, publishedGate, publishedSettings, settingsRecordOf, StoredGateSchema, type StoredGate, type StoredSettings, type Versioned } from '#domain/gate/gate-records';
import { fitGateRecord, parseGateRecord, type GateRecord, type ProjectSettings } from '#domain/gate/rules';
import { gatePropertyKey, SETTINGS_PROPERTY_KEY } from '#domain/property-keys';
import type { Jira } from '#jira';
import { CommitRefused, ENTITIES, versionKey, type RecordStore } from '#store/port';
import { transientStoreError } from '#store/retry';
import type { Logger } from './deps';

export interface GateStoreDeps {
  store: RecordStore;
  jira: Pick<Jira, 'getProjectPropertyAs' | 'putProjectProperty'>;
  log: Logger;
  now: () => Date;
  /** Waits after a commit that failed without an answer; none when absent. */
  storeBackoff?: (attempt: number) => Promise<void>;
}

/** Commits tried per change before giving up; each retry follows a refusal or a failure. */
export const GATE_COMMIT_ATTEMPTS = 6;

const gateRef = (projectId: string, versionId: string) => ({ entity: ENTITIES.gate, key: versionKey(projectId, versionId) });
const settingsRef = (projectId: string) => ({ entity: ENTITIES.settings, key: projectId });

/** Refs for a caller that reads the gate record and the settings inside its own batch (one storage call). */
export const gateStoreRefs = { gate: gateRef, settings: settingsRef };

/** The gate record: one storage read and, in parallel, its property (a record stored before gate records existed). */
export async function readGateRecord(deps: GateStoreDeps, projectId: string, versionId: string): Promise<Versioned<GateRecord> & { writeId?: string }> {
  const [[stored], published] = await Promise.all([deps.store.getMany([gateRef(projectId, versionId)]), deps.jira.getProjectPropertyAs(projectId, gatePropertyKey(versionId), 'app')]);
  return { ...gateRecordOf(stored, published, versionId), ...writeIdOf(stored) };
}

/** The project's settings; `projectIdOrKey` is only for the property (Jira takes either). */
export async function readSettingsRecord(deps: GateStoreDeps, projectId: string, projectIdOrKey = projectId): Promise<Versioned<ProjectSettings> & { writeId?: string }> {
  const [[stored], published] = await Promise.all([deps.store.getMany([settingsRef(projectId)]), deps.jira.getProjectPropertyAs(projectIdOrKey, SETTINGS_PROPERTY_KEY, 'app')]);
  return { ...settingsRecordOf(stored, published), ...writeIdOf(stored) };
}

function writeIdOf(stored: unknown): { writeId?: string } {
  const writeId = (stored as { writeId?: unknown } | undefined)?.writeId;
  return typeof writeId === 'string' ? { writeId } : {};
}

interface Kind<T, S extends { revision: number; writeId: string }> {
  ref: { entity: (typeof ENTITIES)['gate' | 'settings']; key: string };
  wrap: (value: T, revision: number, writeId: string, at: string) => S;
  reread: () => Promise<Versioned<T> & { writeId?: string }>;
  publish: (stored: S) => Promise<void>;
  what: string;
}

async function commitVersioned<T, S extends { revision: number; writeId: string }>(
  deps: GateStoreDeps,
  kind: Kind<T, S>,
  first: Versioned<T>,
  plan: (current: T) => T | null,
): Promise<Versioned<T> & { changed: boolean }> {
  let current = first;
  let lastError: unknown = null;
  for (let attempt = 0; attempt < GATE_COMMIT_ATTEMPTS; attempt += 1) {
    const next = plan(current.value);
    if (next === null) return { ...current, changed: false };
    const stored = kind.wrap(next, current.revision + 1, randomUUID(), deps.now().toISOString());
    try {
      await deps.store.commit([{ ...kind.ref, value: stored, ifRevision: current.revision }]);
      await kind.publish(stored);
      return { value: next, revision: stored.revision, changed: true };
    } catch (error) {
      if (!(error instanceof CommitRefused) && !transientStoreError(error)) throw error;
      lastError = error;
      const again = await kind.reread();
      if (!(error instanceof CommitRefused) && again.writeId === stored.writeId) {
        await kind.publish(stored);
        return { value: next, revision: stored.revision, changed: true };
      }
      current = { value: again.value, revision: again.revision };
      if (!(error instanceof CommitRefused)) await deps.storeBackoff?.(attempt);
    }
  }
  deps.log.warn(`No commit of the ${kind.what} after ${GATE_COMMIT_ATTEMPTS} attempts`, lastError);
  throw appError('JIRA_UNAVAILABLE', `CS Handoff storage is busy and the ${kind.what} was not saved. Try again in a moment.`);
}

/** Publishing is a copy: a failure is logged, the committed record stands (the next commit publishes it whole again). */
async function publish(deps: GateStoreDeps, projectId: string, key: string, value: unknown, what: string): Promise<void> {
  try {
    await deps.jira.putProjectProperty(projectId, key, value);
  } catch (error) {
    deps.log.error(`Could not publish the ${what} to Jira's project property ${key}`, error);
  }
}

const storedGateOf = (projectId: string, versionId: string, gate: GateRecord, revision: number, writeId: string, at: string): StoredGate => ({
  schemaVersion: 1,
  projectId,
  versionId,
  revision,
  writeId,
  updatedAt: at,
  gate: fitGateRecord(gate),
});
const storedSettingsOf = (projectId: string, settings: ProjectSettings, revision: number, writeId: string, at: string): StoredSettings => ({
  schemaVersion: 1,
  projectId,
  revision,
  writeId,
  updatedAt: at,
  settings,
});

/**
 * Imports a gate record and/or the project's settings read from their properties (stored before records
 * existed, or never written) as revision 1, only where nothing is stored yet: afterwards a handoff change
 * reads them in its records' storage call. Nothing is published (the property already holds it). A
 * refusal means someone committed first, which is just as good; any failure is logged (the next change
 * imports again).
 */
export async function importGateRecords(deps: GateStoreDeps, target: { projectId: string; versionId: string }, found: { gate?: GateRecord; settings?: ProjectSettings }): Promise<void> {
  const { projectId, versionId } = target;
  const at = deps.now().toISOString();
  const puts = [
    ...(found.gate ? [{ ...gateRef(projectId, versionId), value: storedGateOf(projectId, versionId, found.gate, 1, randomUUID(), at) }] : []),
    ...(found.settings ? [{ ...settingsRef(projectId), value: storedSettingsOf(projectId, found.settings, 1, randomUUID(), at) }] : []),
  ];
  if (puts.length === 0) return;
  try {
    await deps.store.commit(puts.map((p) => ({ ...p, value: p.value as unknown as { revision: number }, ifRevision: 0 })));
  } catch (error) {
    if (!(error instanceof CommitRefused)) deps.log.warn(`Could not import the gate record of version ${versionId} or the settings of project ${projectId}`, error);
  }
}

/**
 * Commits `plan(record)` on the version's gate record (compare-and-set, planned again after a refusal) and
 * publishes it. Answers the record as committed (or as stored, when the plan answered null).
 */
export function commitGateRecord(
  deps: GateStoreDeps,
  target: { projectId: string; versionId: string },
  first: Versioned<GateRecord>,
  plan: (current: GateRecord) => GateRecord | null,
): Promise<Versioned<GateRecord> & { changed: boolean }> {
  const { projectId, versionId } = target;
  return commitVersioned<GateRecord, StoredGate>(
    deps,
    {
      ref: gateRef(projectId, versionId),
      what: `gate record of version ${versionId}`,
      wrap: (gate, revision, writeId, at) => storedGateOf(projectId, versionId, gate, revision, writeId, at),
      reread: () => readGateRecord(deps, projectId, versionId),
      publish: (stored) => publish(deps, projectId, gatePropertyKey(versionId), publishedGate(stored), `gate record of version ${versionId}`),
    },
    first,
    plan,
  );
}

export function commitSettings(
  deps: GateStoreDeps,
  projectId: string,
  first: Versioned<ProjectSettings>,
  plan: (current: ProjectSettings) => ProjectSettings | null,
): Promise<Versioned<ProjectSettings> & { changed: boolean }> {
  return commitVersioned<ProjectSettings, StoredSettings>(
    deps,
    {
      ref: settingsRef(projectId),
      what: 'project settings',
      wrap: (settings, revision, writeId, at) => storedSettingsOf(projectId, settings, revision, writeId, at),
      reread: () => readSettingsRecord(deps, projectId),
      publish: (stored) => publish(deps, projectId, SETTINGS_PROPERTY_KEY, publishedSettings(stored), 'project settings'),
    },
    first,
    plan,
  );
}

/**
 * The stored gate record when its property is not it (a publish that failed or landed out of order),
 * else null: what to publish again, from a storage read and a property read already made.
 */
export function gateToRepublish(stored: unknown, published: unknown, versionId: string): StoredGate | null {
  const parsed = StoredGateSchema.safeParse(stored);
  if (!parsed.success || JSON.stringify(parseGateRecord(published, versionId)) === JSON.stringify(parsed.data.gate)) return null;
  return parsed.data;
}

/** Publishes a stored gate record to its property. */
export async function publishGateRecord(deps: GateStoreDeps, projectId: string, versionId: string, stored: StoredGate): Promise<void> {
  await deps.jira.putProjectProperty(projectId, gatePropertyKey(versionId), publishedGate(stored));
}

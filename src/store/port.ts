/**
 * The app's own records (the source of truth; Jira's project properties are their published copies),
 * behind a small port so the commit logic is tested without Forge. `forge-kvs.ts` implements it with
 * @forge/kvs's Custom Entity Store; test/support/memory-store.ts with a Map.
 *
 * Every record carries a `revision` attribute (an integer, 1 for the first commit). A put names the
 * revision the stored record must still have (`ifRevision`, 0 = must not exist yet): that is the
 * compare-and-set. All puts of one `commit` apply together or not at all (a Forge transaction).
 */

/** Entity names as declared under app.storage.entities in manifest.yml. */
export const ENTITIES = {
  /** The handoff's document: content, status, who changed it. Key `<projectId>:<versionId>`. */
  content: 'handoff-content',
  /** The CS walkthrough. Key `<projectId>:<versionId>`. */
  walkthrough: 'handoff-walkthrough',
  /** The gradual rollout. Key `<projectId>:<versionId>`. */
  rollout: 'handoff-rollout',
  /** The display name kept per person (domain/person.ts), read beside a change's records. Key: the account id. */
  person: 'person-name',
  /**
   * One record per content revision (key `<projectId>:<versionId>:<revision, 9 digits>`) and one per
   * walkthrough or rollout revision (key `<projectId>:<versionId>:<kind>:<revision, 9 digits>`, `kind` set).
   */
  history: 'handoff-history',
  /** A brief gap filed (or being filed) as a Jira task. Key `<projectId>:<versionId>:<questionId>`. */
  briefGap: 'brief-gap-task',
  /** Questions support sent from customers' requests ("Not in the handoff"). Key `<projectId>:<versionId>`. */
  support: 'handoff-support',
  /** The release gate's record of a version (blocks, override, decisions). Key `<projectId>:<versionId>`. */
  gate: 'gate-record',
  /** The project's CS Handoff settings (lead time, walkthrough gate). Key `<projectId>`. */
  settings: 'project-settings',
  /** The site's time zone as last read from Jira (domain/site-zone.ts). One record, key `time-zone`. */
  site: 'site-info',
  /** When the app's own permissions in a project were last found sufficient (domain/gate/app-health.ts). Key `<projectId>`. */
  appHealth: 'app-health',
  /** The project's Bug issue type id as Jira last listed it (domain/issue-types.ts keptTypeId). Key `<projectId>`. */
  bugType: 'bug-type',
} as const;

/** The one key of the site record that keeps the time zone. */
export const SITE_ZONE_KEY = 'time-zone';
export type EntityName = (typeof ENTITIES)[keyof typeof ENTITIES];

/** Index names as declared in manifest.yml. */
export const INDEXES = {
  /** Content records of one project, by version id: the overview. */
  byProject: 'by-project',
  /** History records of one version, by revision. */
  byVersion: 'by-version',
} as const;

export interface RecordRef {
  entity: EntityName;
  key: string;
}

export interface RecordPut extends RecordRef {
  value: { revision: number } & Record<string, unknown>;
  /** Compare-and-set: the revision the stored record must have for the commit to apply (0: none stored). Absent: unconditional. */
  ifRevision?: number;
}

export interface RecordDelete extends RecordRef {
  /** Delete only while the stored record still has this revision. */
  ifRevision?: number;
}

export interface QueryPage<T> {
  items: { key: string; value: T }[];
  /** Present when more items follow: pass it back to read the next page. */
  cursor?: string;
}

export interface RecordQuery {
  entity: EntityName;
  index: string;
  /** Values of the index's partition attributes, in order. */
  partition: (string | number)[];
  limit: number;
  cursor?: string;
  /** Ascending by the index's range attribute unless 'DESC'. */
  sort?: 'ASC' | 'DESC';
}

export interface RecordStore {
  /** The records, in the order asked (undefined: none stored), in one call. */
  getMany(refs: readonly RecordRef[]): Promise<unknown[]>;
  /** Applies every put and delete, or none of them: throws `CommitRefused` when a condition does not hold. */
  commit(puts: readonly RecordPut[], deletes?: readonly RecordDelete[]): Promise<void>;
  query<T = unknown>(query: RecordQuery): Promise<QueryPage<T>>;
}

/** A compare-and-set condition did not hold: someone else committed first. Nothing was written. */
export class CommitRefused extends Error {
  constructor(message = 'A record changed since it was read') {
    super(message);
    this.name = 'CommitRefused';
  }
}

/** `<projectId>:<versionId>`: keys are per project so a version id can never reach another project's records. */
export const versionKey = (projectId: string, versionId: string): string => `${projectId}:${versionId}`;
/** A content revision's history key; a walkthrough's or rollout's change is keyed under its record's name and revision. */
export const historyKey = (projectId: string, versionId: string, revision: number, kind?: 'walkthrough' | 'rollout'): string =>
  `${versionKey(projectId, versionId)}:${kind ? `${kind}:` : ''}${String(revision).padStart(9, '0')}`;

/**
 * One value by key in Forge's key-value storage (@forge/kvs `get`/`set`), for state that is not a
 * handoff record: the risk scan's resume cursor.
 */
export interface ValueStore {
  /** undefined when nothing is stored under the key. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

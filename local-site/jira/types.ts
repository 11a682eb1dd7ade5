import type { IncomingMessage, ServerResponse } from 'node:http';

export interface JiraSiteOptions {
  /** The SQLite file lives at `${dataDir}/jira.sqlite`; the folder is created when missing. */
  dataDir: string;
  /** Clock, injectable so tests can pin "today". */
  now?: () => Date;
  /** IANA time zone of the site; decides what "today" is for release dates. Default 'UTC'. */
  timeZone?: string;
}

export type Role = 'po' | 'cs-lead' | 'cs-agent' | 'support-agent' | 'release-manager' | 'outsider';

export interface Person {
  accountId: string;
  displayName: string;
  emailAddress: string;
  role: Role;
}

export type Principal = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export type ProjectPermissionKey = 'BROWSE_PROJECTS' | 'CREATE_ISSUES' | 'EDIT_ISSUES' | 'LINK_ISSUES' | 'RESOLVE_ISSUES' | 'ADMINISTER_PROJECTS';

/** One `values` entry of a `jira:entityProperty` module (entityType issue): what Jira indexes for JQL. */
export interface IndexedIssueProperty {
  propertyKey: string;
  /** Dot path inside the property's JSON value. */
  path: string;
  type: 'string' | 'number' | 'text' | 'user' | 'date';
  /** JQL may name it by this alias instead of `issue.property[key].path`. */
  searchAlias?: string;
}

/** Jira's JSON for a version (GET /rest/api/3/version/{id}). */
export interface JiraVersion {
  self: string;
  id: string;
  name: string;
  description?: string;
  archived: boolean;
  released: boolean;
  releaseDate?: string;
  userReleaseDate?: string;
  startDate?: string;
  userStartDate?: string;
  overdue: boolean;
  projectId: number;
}

export type VersionEventType = 'avi:jira:created:version' | 'avi:jira:updated:version' | 'avi:jira:released:version' | 'avi:jira:unreleased:version' | 'avi:jira:deleted:version';

/** Emitted after the HTTP response that caused it has been sent. */
export interface VersionEvent {
  eventType: VersionEventType;
  version: JiraVersion;
  /** The user who caused it; absent when the app caused it. */
  atlassianId?: string;
  /** True when the principal was the app (what Forge's filter.ignoreSelf looks at). */
  causedByApp: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** 'user:<accountId>', 'app' or 'anonymous'. */
  principal: string;
  status: number;
  startedAt: number;
  endedAt: number;
}

export interface FaultRule {
  // Regex source matched against `${method} ${path}` (path without query string),
  // e.g. '^PUT /rest/api/3/project/.*/properties/'.
  pathPattern: string;
  status: 403 | 429 | 500 | 503;
  /** How many matching requests fail; then the rule is spent and removed. */
  times: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  /** The request is carried out first and only its answer is replaced by the fault: a lost answer. */
  after?: boolean;
}

export interface JiraSiteSettings {
  latencyMs: number;
  faults: FaultRule[];
}

export interface JiraSite<TStore = unknown> {
  /** Handles /rest/api/3/** and /_local/jira/**; resolves false for any other path (the caller serves it). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  people: Person[];
  appAccountId: string;
  /** Random per process. asApp: `Authorization: ForgeApp <secret>`; asUser: `Authorization: ForgeUser <secret> <accountId>`. */
  appSecret: string;
  principalOf(req: IncomingMessage): Principal;
  onVersionEvent(listener: (e: VersionEvent) => void): () => void;
  settings: JiraSiteSettings;
  requestLog: RequestLogEntry[];
  store: TStore;
  close(): void;
}

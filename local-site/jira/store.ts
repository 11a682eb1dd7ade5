import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import { isIsoDate, todayIn } from './dates';
import { fieldErrors, forbidden, JiraError, projectNotFound, versionNotFound } from './errors';
import { isRecord } from './http';
import {
  issueTypeJson, relatedWorkJson, userJson, versionJson,
  type IssueLinkRow, type IssueRow, type IssueTypeRow, type PersonRow, type ProjectRow, type RelatedWorkRow, type VersionRow,
} from './json';
import { APP_ACCOUNT_ID } from './seed';
import type { IndexedIssueProperty, JiraVersion, Person, Principal, ProjectPermissionKey, Role, VersionEvent, VersionEventType } from './types';

export const MAX_PROPERTY_BYTES = 32768;
export const MAX_PROPERTY_KEY_LENGTH = 255;

/** Where events go: an array the HTTP layer flushes after the response, or emitted right away. */
export type EventSink = VersionEvent[] | undefined;

export interface VersionPatch {
  name?: unknown; description?: unknown; releaseDate?: unknown; startDate?: unknown; released?: unknown; archived?: unknown;
}

const NO_VERSION_PERMISSION = 'You must have global or project administrator rights in order to modify versions.';

/**
 * All data access and every write rule of the site. HTTP routes and the site's own pages both go
 * through these methods, so a release from the releases page checks the same permission and fires
 * the same event as PUT /rest/api/3/version/{id}.
 */
export class JiraStore {
  /** Origin used in `self` links; the dispatcher updates it from each request's Host header. */
  baseUrl = 'http://localhost';

  /** Issue property paths installed apps declared for JQL (`jira:entityProperty`); Jira indexes only these. */
  indexedIssueProperties: IndexedIssueProperty[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
    readonly timeZone: string,
    private readonly emit: (e: VersionEvent) => void,
  ) {}

  today(): string {
    return todayIn(this.timeZone, this.clock());
  }

  now(): Date {
    return this.clock();
  }

  // ---- people and permissions ------------------------------------------------------------

  people(): Person[] {
    const rows = this.db.prepare("SELECT * FROM people WHERE role NOT IN ('app', 'customer') ORDER BY rowid").all() as PersonRow[];
    return rows.map((r) => ({ accountId: r.account_id, displayName: r.display_name, emailAddress: r.email ?? '', role: r.role as Role }));
  }

  personRow(accountId: string): PersonRow | undefined {
    return this.db.prepare('SELECT * FROM people WHERE account_id = ?').get(accountId) as PersonRow | undefined;
  }

  personByEmail(email: string): PersonRow | undefined {
    return this.db.prepare('SELECT * FROM people WHERE lower(email) = lower(?)').get(email) as PersonRow | undefined;
  }

  accountIdOf(principal: Principal): string | null {
    if (principal.kind === 'app') return APP_ACCOUNT_ID;
    if (principal.kind === 'user') return principal.accountId;
    return null;
  }

  userJson(accountId: string): Record<string, unknown> | undefined {
    const row = this.personRow(accountId);
    return row ? userJson(this.baseUrl, row, this.timeZone) : undefined;
  }

  /**
   * Grants or takes away one project permission, as a Jira admin would in the permission scheme (tests
   * use it to take a permission from the app's user).
   */
  setPermission(accountId: string, projectId: number, permission: ProjectPermissionKey, granted: boolean): void {
    if (granted) this.db.prepare('INSERT OR IGNORE INTO grants (account_id, project_id, permission) VALUES (?, ?, ?)').run(accountId, projectId, permission);
    else this.db.prepare('DELETE FROM grants WHERE account_id = ? AND project_id = ? AND permission = ?').run(accountId, projectId, permission);
  }

  can(principal: Principal, projectId: number, permission: ProjectPermissionKey): boolean {
    const accountId = this.accountIdOf(principal);
    if (accountId === null) return false;
    const row = this.db
      .prepare('SELECT 1 FROM grants WHERE account_id = ? AND project_id = ? AND permission = ?')
      .get(accountId, projectId, permission);
    return row !== undefined;
  }

  /** True when the principal holds the permission in at least one project (Jira's answer without a project context). */
  canAnywhere(principal: Principal, permission: ProjectPermissionKey): boolean {
    const accountId = this.accountIdOf(principal);
    if (accountId === null) return false;
    return this.db.prepare('SELECT 1 FROM grants WHERE account_id = ? AND permission = ?').get(accountId, permission) !== undefined;
  }

  // ---- projects --------------------------------------------------------------------------

  listProjects(): ProjectRow[] {
    return this.db.prepare('SELECT * FROM projects ORDER BY id').all() as ProjectRow[];
  }

  findProject(idOrKey: string): ProjectRow | undefined {
    const byId = /^\d+$/.test(idOrKey);
    return this.db.prepare(byId ? 'SELECT * FROM projects WHERE id = ?' : 'SELECT * FROM projects WHERE key = ?').get(byId ? Number(idOrKey) : idOrKey) as
      | ProjectRow
      | undefined;
  }

  /** Jira answers 404, not 403, for a project the caller cannot browse: its existence is not disclosed. */
  visibleProject(principal: Principal, idOrKey: string): ProjectRow {
    const project = this.findProject(idOrKey);
    if (!project || !this.can(principal, project.id, 'BROWSE_PROJECTS')) throw projectNotFound(idOrKey);
    return project;
  }

  browsableProjectIds(principal: Principal): Set<number> {
    return new Set(this.listProjects().filter((p) => this.can(principal, p.id, 'BROWSE_PROJECTS')).map((p) => p.id));
  }

  issueTypesOf(projectId: number): IssueTypeRow[] {
    return this.db
      .prepare('SELECT t.* FROM issue_types t JOIN project_issue_types pt ON pt.issue_type_id = t.id WHERE pt.project_id = ? ORDER BY t.id')
      .all(projectId) as IssueTypeRow[];
  }

  issueTypeJsonOf(projectId: number): Record<string, unknown>[] {
    return this.issueTypesOf(projectId).map((t) => issueTypeJson(this.baseUrl, t));
  }

  // ---- versions --------------------------------------------------------------------------

  versionRow(id: string | number): VersionRow | undefined {
    if (!/^\d+$/.test(String(id))) return undefined;
    return this.db.prepare('SELECT * FROM versions WHERE id = ?').get(Number(id)) as VersionRow | undefined;
  }

  versionRows(projectId: number): VersionRow[] {
    return this.db.prepare('SELECT * FROM versions WHERE project_id = ? ORDER BY sequence, id').all(projectId) as VersionRow[];
  }

  toVersionJson(row: VersionRow): JiraVersion {
    return versionJson(this.baseUrl, row, this.today());
  }

  /** Many versions against one "today": the site's calendar date is worked out once per answer, not per version. */
  toVersionJsonList(rows: readonly VersionRow[]): JiraVersion[] {
    const today = this.today();
    return rows.map((row) => versionJson(this.baseUrl, row, today));
  }

  /** A version the principal can browse, else 404 as if it did not exist. */
  visibleVersion(principal: Principal, id: string): VersionRow {
    const row = this.versionRow(id);
    if (!row || !this.can(principal, row.project_id, 'BROWSE_PROJECTS')) throw versionNotFound(id);
    return row;
  }

  getVersion(principal: Principal, id: string): JiraVersion {
    return this.toVersionJson(this.visibleVersion(principal, id));
  }

  listVersions(principal: Principal, projectIdOrKey: string): JiraVersion[] {
    const project = this.visibleProject(principal, projectIdOrKey);
    return this.toVersionJsonList(this.versionRows(project.id));
  }

  createVersion(principal: Principal, input: unknown, sink?: EventSink): JiraVersion {
    if (!isRecord(input)) throw new JiraError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    const ref = input.projectId ?? input.project;
    if (ref === undefined || ref === null || ref === '') throw fieldErrors({ project: 'Project must be specified to create a version.' });
    const project = this.findProject(String(ref));
    if (!project || !this.can(principal, project.id, 'BROWSE_PROJECTS')) {
      throw fieldErrors({ project: `Project with id '${String(ref)}' not found or you do not have permission to create versions in this project.` });
    }
    if (!this.can(principal, project.id, 'ADMINISTER_PROJECTS')) throw forbidden(NO_VERSION_PERMISSION);
    const fields = this.validateVersionFields(input, project.id, null);
    if (fields.name === undefined) throw fieldErrors({ name: 'You must specify a valid version name' });
    const released = fields.released ?? false;
    const releaseDate = fields.releaseDate ?? (released ? this.today() : null);
    const id = (this.db.prepare('SELECT COALESCE(MAX(id), 10099) + 1 AS id FROM versions').get() as { id: number }).id;
    const seq = (this.db.prepare('SELECT COALESCE(MAX(sequence), 0) + 1 AS s FROM versions WHERE project_id = ?').get(project.id) as { s: number }).s;
    this.db
      .prepare('INSERT INTO versions (id, project_id, name, description, archived, released, release_date, start_date, sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, project.id, fields.name, fields.description ?? null, fields.archived ? 1 : 0, released ? 1 : 0, releaseDate, fields.startDate ?? null, seq);
    const json = this.toVersionJson(this.versionRow(id) as VersionRow);
    this.fire('avi:jira:created:version', json, principal, sink);
    return json;
  }

  updateVersion(principal: Principal, id: string, patch: unknown, sink?: EventSink): JiraVersion {
    const row = this.visibleVersion(principal, id);
    // Jira answers a non-admin's update with 400, not 403 (spec: "400 ... the user does not have the required permissions").
    if (!this.can(principal, row.project_id, 'ADMINISTER_PROJECTS')) throw new JiraError(400, [NO_VERSION_PERMISSION]);
    if (!isRecord(patch)) throw new JiraError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    const f = this.validateVersionFields(patch, row.project_id, row.id);
    const next: VersionRow = { ...row };
    if (f.name !== undefined) next.name = f.name;
    if (f.description !== undefined) next.description = f.description;
    if (f.releaseDate !== undefined) next.release_date = f.releaseDate;
    if (f.startDate !== undefined) next.start_date = f.startDate;
    if (f.archived !== undefined) next.archived = f.archived ? 1 : 0;
    if (f.released !== undefined) next.released = f.released ? 1 : 0;
    // Jira stamps today's date on a version released without a release date.
    if (row.released === 0 && next.released === 1 && next.release_date === null) next.release_date = this.today();
    if (next.start_date !== null && next.release_date !== null && next.start_date > next.release_date) {
      throw fieldErrors({ startDate: 'The start date must be before the release date.' });
    }
    this.db
      .prepare('UPDATE versions SET name = ?, description = ?, archived = ?, released = ?, release_date = ?, start_date = ? WHERE id = ?')
      .run(next.name, next.description, next.archived, next.released, next.release_date, next.start_date, row.id);
    const json = this.toVersionJson(next);
    const type: VersionEventType =
      row.released === 0 && next.released === 1 ? 'avi:jira:released:version'
      : row.released === 1 && next.released === 0 ? 'avi:jira:unreleased:version'
      : 'avi:jira:updated:version';
    this.fire(type, json, principal, sink);
    return json;
  }

  /** The releases page's Release button: the same rules and event as PUT /version/{id} {"released":true}. */
  releaseVersion(id: string, principal: Principal, sink?: EventSink): JiraVersion {
    return this.updateVersion(principal, id, { released: true }, sink);
  }

  unreleaseVersion(id: string, principal: Principal, sink?: EventSink): JiraVersion {
    return this.updateVersion(principal, id, { released: false }, sink);
  }

  deleteVersion(principal: Principal, id: string, sink?: EventSink): void {
    const row = this.visibleVersion(principal, id);
    if (!this.can(principal, row.project_id, 'ADMINISTER_PROJECTS')) throw forbidden(NO_VERSION_PERMISSION);
    const json = this.toVersionJson(row);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM related_work WHERE version_id = ?').run(row.id);
      this.db.prepare('DELETE FROM versions WHERE id = ?').run(row.id);
    })();
    this.fire('avi:jira:deleted:version', json, principal, sink);
  }

  private validateVersionFields(input: Record<string, unknown>, projectId: number, selfId: number | null) {
    const errors: Record<string, string> = {};
    const out: { name?: string; description?: string | null; releaseDate?: string | null; startDate?: string | null; released?: boolean; archived?: boolean } = {};
    if (input.name !== undefined) {
      const name = typeof input.name === 'string' ? input.name.trim() : '';
      if (name === '') errors.name = 'You must specify a valid version name';
      else if (name.length > 255) errors.name = 'The version name must not exceed 255 characters.';
      else {
        const clash = this.db
          .prepare('SELECT id FROM versions WHERE project_id = ? AND lower(name) = lower(?) AND id IS NOT ?')
          .get(projectId, name, selfId);
        if (clash) errors.name = 'A version with this name already exists in this project.';
        else out.name = name;
      }
    }
    if (input.description !== undefined) {
      if (input.description === null) out.description = null;
      else if (typeof input.description !== 'string') errors.description = 'The description must be a string.';
      else if (Buffer.byteLength(input.description) > 16384) errors.description = 'The description must not exceed 16384 bytes.';
      else out.description = input.description;
    }
    for (const [field, key] of [['releaseDate', 'releaseDate'], ['startDate', 'startDate']] as const) {
      const value = input[field];
      if (value === undefined) continue;
      if (value === null || value === '') out[key] = null;
      else if (typeof value !== 'string' || !isIsoDate(value)) errors[field] = 'Invalid date format. Please enter the date in the format "yyyy-MM-dd".';
      else out[key] = value;
    }
    for (const field of ['released', 'archived'] as const) {
      const value = input[field];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'boolean') errors[field] = `The value of '${field}' must be true or false.`;
      else out[field] = value;
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    return out;
  }

  private fire(eventType: VersionEventType, version: JiraVersion, principal: Principal, sink: EventSink): void {
    const accountId = principal.kind === 'user' ? principal.accountId : undefined;
    const event: VersionEvent = { eventType, version, causedByApp: principal.kind === 'app', ...(accountId ? { atlassianId: accountId } : {}) };
    if (sink) sink.push(event);
    // Callers outside HTTP (the site's pages) get their return value before listeners run, as with HTTP.
    else setImmediate(() => this.emit(event));
  }

  // ---- related work ----------------------------------------------------------------------

  listRelatedWork(principal: Principal, versionId: string): Record<string, unknown>[] {
    const row = this.visibleVersion(principal, versionId);
    const rows = this.db.prepare('SELECT * FROM related_work WHERE version_id = ? ORDER BY seq').all(row.id) as RelatedWorkRow[];
    return rows.map(relatedWorkJson);
  }

  createRelatedWork(principal: Principal, versionId: string, input: unknown): Record<string, unknown> {
    const version = this.visibleVersion(principal, versionId);
    // Jira's spec: "Resolve issues: and Edit issues" on the version's project; Administer Projects alone is not enough.
    if (!this.can(principal, version.project_id, 'RESOLVE_ISSUES') || !this.can(principal, version.project_id, 'EDIT_ISSUES')) {
      throw forbidden('You do not have permission to edit related work for this version.');
    }
    if (!isRecord(input)) throw new JiraError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    const errors: Record<string, string> = {};
    const category = typeof input.category === 'string' ? input.category.trim() : '';
    if (category === '') errors.category = 'Category is required.';
    else if (category.length > 255) errors.category = 'Category must not exceed 255 characters.';
    const title = input.title === undefined || input.title === null ? null : String(input.title);
    if (title !== null && title.length > 255) errors.title = 'Title must not exceed 255 characters.';
    let url: string | null = null;
    if (typeof input.url !== 'string' || input.url.trim() === '') errors.url = 'URL is required.';
    else {
      try {
        const parsed = new URL(input.url);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') errors.url = 'URL must be a valid http or https URL.';
        else url = input.url;
      } catch {
        errors.url = 'URL must be a valid http or https URL.';
      }
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    const seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM related_work').get() as { s: number }).s;
    const row: RelatedWorkRow = { related_work_id: randomUUID(), version_id: version.id, category, title, url, issue_id: null, seq };
    this.db
      .prepare('INSERT INTO related_work (related_work_id, version_id, category, title, url, issue_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.related_work_id, row.version_id, row.category, row.title, row.url, row.issue_id, row.seq);
    return relatedWorkJson(row);
  }

  // ---- project properties ----------------------------------------------------------------

  propertyKeys(principal: Principal, projectIdOrKey: string): string[] {
    const project = this.visibleProject(principal, projectIdOrKey);
    const rows = this.db.prepare('SELECT key FROM project_properties WHERE project_id = ? ORDER BY key').all(project.id) as { key: string }[];
    return rows.map((r) => r.key);
  }

  hasProperty(projectId: number, key: string): boolean {
    return this.db.prepare('SELECT 1 FROM project_properties WHERE project_id = ? AND key = ?').get(projectId, key) !== undefined;
  }

  getProperty(principal: Principal, projectIdOrKey: string, key: string): unknown {
    const project = this.visibleProject(principal, projectIdOrKey);
    const row = this.db.prepare('SELECT value FROM project_properties WHERE project_id = ? AND key = ?').get(project.id, key) as { value: string } | undefined;
    if (!row) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
    return JSON.parse(row.value) as unknown;
  }

  /** Returns true when the property was created, false when it replaced a value. */
  setProperty(principal: Principal, projectIdOrKey: string, key: string, value: unknown): boolean {
    const project = this.visibleProject(principal, projectIdOrKey);
    if (!this.can(principal, project.id, 'ADMINISTER_PROJECTS')) {
      throw forbidden('You do not have permission to edit the properties of this project.');
    }
    if (key.length > MAX_PROPERTY_KEY_LENGTH) throw new JiraError(400, [`The property key cannot be longer than ${MAX_PROPERTY_KEY_LENGTH} characters.`]);
    if (key.trim() === '') throw new JiraError(400, ['The property key cannot be empty.']);
    if (value === undefined) throw new JiraError(400, ['The property value cannot be empty.']);
    const serialized = JSON.stringify(value);
    if (Buffer.byteLength(serialized) > MAX_PROPERTY_BYTES) {
      throw new JiraError(400, [`The property value is too large. Maximum length is ${MAX_PROPERTY_BYTES} characters.`]);
    }
    const existed = this.db.prepare('SELECT 1 FROM project_properties WHERE project_id = ? AND key = ?').get(project.id, key) !== undefined;
    this.db
      .prepare('INSERT INTO project_properties (project_id, key, value) VALUES (?, ?, ?) ON CONFLICT (project_id, key) DO UPDATE SET value = excluded.value')
      .run(project.id, key, serialized);
    return !existed;
  }

  deleteProperty(principal: Principal, projectIdOrKey: string, key: string): void {
    const project = this.visibleProject(principal, projectIdOrKey);
    if (!this.can(principal, project.id, 'ADMINISTER_PROJECTS')) {
      throw forbidden('You do not have permission to edit the properties of this project.');
    }
    const result = this.db.prepare('DELETE FROM project_properties WHERE project_id = ? AND key = ?').run(project.id, key);
    if (result.changes === 0) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
  }

  // ---- issues ----------------------------------------------------------------------------

  issueRow(idOrKey: string): IssueRow | undefined {
    const byId = /^\d+$/.test(idOrKey);
    return this.db.prepare(byId ? 'SELECT * FROM issues WHERE id = ?' : 'SELECT * FROM issues WHERE key = ?').get(byId ? Number(idOrKey) : idOrKey.toUpperCase()) as
      | IssueRow
      | undefined;
  }

  issueRowsIn(projectIds: Set<number>): IssueRow[] {
    if (projectIds.size === 0) return [];
    const ids = [...projectIds];
    return this.db.prepare(`SELECT * FROM issues WHERE project_id IN (${ids.map(() => '?').join(',')})`).all(...ids) as IssueRow[];
  }

  issueTypeRow(id: number): IssueTypeRow | undefined {
    return this.db.prepare('SELECT * FROM issue_types WHERE id = ?').get(id) as IssueTypeRow | undefined;
  }

  projectById(id: number): ProjectRow | undefined {
    return this.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
  }

  insertIssue(row: Omit<IssueRow, 'id' | 'number' | 'key'>): IssueRow {
    return this.db.transaction(() => {
      const id = (this.db.prepare('SELECT COALESCE(MAX(id), 10099) + 1 AS id FROM issues').get() as { id: number }).id;
      const number = (this.db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM issues WHERE project_id = ?').get(row.project_id) as { n: number }).n;
      const project = this.projectById(row.project_id) as ProjectRow;
      const full: IssueRow = { ...row, id, number, key: `${project.key}-${number}` };
      this.db
        .prepare(
          `INSERT INTO issues (id, project_id, number, key, issue_type_id, summary, description, labels, versions, fix_versions, priority_id, reporter, created)
           VALUES (@id, @project_id, @number, @key, @issue_type_id, @summary, @description, @labels, @versions, @fix_versions, @priority_id, @reporter, @created)`,
        )
        .run(full);
      return full;
    })();
  }

  // ---- issue links and issue properties (rules in issue-links.ts and issue-properties.ts) --

  /** Inserts the link unless the same one exists (Jira answers a duplicate as created). */
  insertIssueLink(linkTypeId: string, outwardIssueId: number, inwardIssueId: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO issue_links (link_type_id, outward_issue_id, inward_issue_id) VALUES (?, ?, ?)')
      .run(linkTypeId, outwardIssueId, inwardIssueId);
  }

  issueLinkRows(issueId: number): IssueLinkRow[] {
    return this.db
      .prepare('SELECT * FROM issue_links WHERE outward_issue_id = ? OR inward_issue_id = ? ORDER BY id')
      .all(issueId, issueId) as IssueLinkRow[];
  }

  issuePropertyRows(issueId: number): { key: string; value: string }[] {
    return this.db.prepare('SELECT key, value FROM issue_properties WHERE issue_id = ? ORDER BY key').all(issueId) as { key: string; value: string }[];
  }

  /** Returns true when the property was created, false when it replaced a value. */
  putIssueProperty(issueId: number, key: string, serialized: string): boolean {
    const existed = this.db.prepare('SELECT 1 FROM issue_properties WHERE issue_id = ? AND key = ?').get(issueId, key) !== undefined;
    this.db
      .prepare('INSERT INTO issue_properties (issue_id, key, value) VALUES (?, ?, ?) ON CONFLICT (issue_id, key) DO UPDATE SET value = excluded.value')
      .run(issueId, key, serialized);
    return !existed;
  }

  deleteIssueProperty(issueId: number, key: string): boolean {
    return this.db.prepare('DELETE FROM issue_properties WHERE issue_id = ? AND key = ?').run(issueId, key).changes > 0;
  }
}

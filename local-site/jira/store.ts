import { randomUUID } from 'node:crypto';
import type { Db } from './db';
import { todayIn } from './dates';
import { SiteRows } from './rows';
import { propertyKeys, propertyValue, putProperty, removeProperty } from './project-properties';
import { relatedWorkInput } from './related-work-input';
import { validateVersionFields } from './version-fields';
import { fieldErrors, forbidden, JiraError, projectNotFound, versionNotFound } from './errors';
import { isRecord } from './http';
import { issueTypeJson, relatedWorkJson, userJson, versionJson, type PersonRow, type ProjectRow, type RelatedWorkRow, type VersionRow } from './json';
import { APP_ACCOUNT_ID } from './seed';
import type { IndexedIssueProperty, JiraVersion, Person, Principal, ProjectPermissionKey, Role, VersionEvent, VersionEventType } from './types';

export { MAX_PROPERTY_BYTES, MAX_PROPERTY_KEY_LENGTH } from './project-properties';

/** Where events go: an array the HTTP layer flushes after the response, or emitted right away. */
export type EventSink = VersionEvent[] | undefined;

export interface VersionPatch {
  name?: unknown;
  description?: unknown;
  releaseDate?: unknown;
  startDate?: unknown;
  released?: unknown;
  archived?: unknown;
}

const NO_VERSION_PERMISSION = 'You must have global or project administrator rights in order to modify versions.';

/**
 * All data access and every write rule of the site. HTTP routes and the site's own pages both go
 * through these methods, so a release from the releases page checks the same permission and fires
 * the same event as PUT /rest/api/3/version/{id}.
 */
export class JiraStore extends SiteRows {
  /** Origin used in `self` links; the dispatcher updates it from each request's Host header. */
  baseUrl = 'http://localhost';

  /** Issue property paths installed apps declared for JQL (`jira:entityProperty`); Jira indexes only these. */
  indexedIssueProperties: IndexedIssueProperty[] = [];

  constructor(
    db: Db,
    private readonly clock: () => Date,
    readonly timeZone: string,
    private readonly emit: (e: VersionEvent) => void,
  ) {
    super(db);
  }

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
    const row = this.db.prepare('SELECT 1 FROM grants WHERE account_id = ? AND project_id = ? AND permission = ?').get(accountId, projectId, permission);
    return row !== undefined;
  }

  /** True when the principal holds the permission in at least one project (Jira's answer without a project context). */
  canAnywhere(principal: Principal, permission: ProjectPermissionKey): boolean {
    const accountId = this.accountIdOf(principal);
    if (accountId === null) return false;
    return this.db.prepare('SELECT 1 FROM grants WHERE account_id = ? AND permission = ?').get(accountId, permission) !== undefined;
  }

  // ---- projects --------------------------------------------------------------------------

  /** Jira answers 404, not 403, for a project the caller cannot browse: its existence is not disclosed. */
  visibleProject(principal: Principal, idOrKey: string): ProjectRow {
    const project = this.findProject(idOrKey);
    if (!project || !this.can(principal, project.id, 'BROWSE_PROJECTS')) throw projectNotFound(idOrKey);
    return project;
  }

  browsableProjectIds(principal: Principal): Set<number> {
    return new Set(
      this.listProjects()
        .filter((p) => this.can(principal, p.id, 'BROWSE_PROJECTS'))
        .map((p) => p.id),
    );
  }

  issueTypeJsonOf(projectId: number): Record<string, unknown>[] {
    return this.issueTypesOf(projectId).map((t) => issueTypeJson(this.baseUrl, t));
  }

  // ---- versions --------------------------------------------------------------------------

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
    const fields = validateVersionFields(this.db, input, project.id, null);
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
    const f = validateVersionFields(this.db, patch, row.project_id, row.id);
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
      row.released === 0 && next.released === 1 ? 'avi:jira:released:version' : row.released === 1 && next.released === 0 ? 'avi:jira:unreleased:version' : 'avi:jira:updated:version';
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
    const { category, title, url } = relatedWorkInput(input);
    const seq = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM related_work').get() as { s: number }).s;
    const row: RelatedWorkRow = { related_work_id: randomUUID(), version_id: version.id, category, title, url, issue_id: null, seq };
    this.db
      .prepare('INSERT INTO related_work (related_work_id, version_id, category, title, url, issue_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.related_work_id, row.version_id, row.category, row.title, row.url, row.issue_id, row.seq);
    return relatedWorkJson(row);
  }

  // ---- project properties (rules and limits in project-properties.ts) -----------------------

  propertyKeys(principal: Principal, projectIdOrKey: string): string[] {
    return propertyKeys(this.db, this.visibleProject(principal, projectIdOrKey).id);
  }

  hasProperty(projectId: number, key: string): boolean {
    return this.db.prepare('SELECT 1 FROM project_properties WHERE project_id = ? AND key = ?').get(projectId, key) !== undefined;
  }

  getProperty(principal: Principal, projectIdOrKey: string, key: string): unknown {
    return propertyValue(this.db, this.visibleProject(principal, projectIdOrKey).id, key);
  }

  /** Returns true when the property was created, false when it replaced a value. */
  setProperty(principal: Principal, projectIdOrKey: string, key: string, value: unknown): boolean {
    return putProperty(this.db, this.propertyEditor(principal, projectIdOrKey).id, key, value);
  }

  deleteProperty(principal: Principal, projectIdOrKey: string, key: string): void {
    removeProperty(this.db, this.propertyEditor(principal, projectIdOrKey).id, key);
  }

  private propertyEditor(principal: Principal, projectIdOrKey: string): ProjectRow {
    const project = this.visibleProject(principal, projectIdOrKey);
    if (!this.can(principal, project.id, 'ADMINISTER_PROJECTS')) {
      throw forbidden('You do not have permission to edit the properties of this project.');
    }
    return project;
  }
}

/**
 * The site's tables as plain data access: rows in, rows out, no permission checks and no Jira rules. The
 * rules live in JiraStore (store.ts, which extends this), issues.ts, issue-links.ts and issue-properties.ts.
 */
import type { Db } from './db';
import type { IssueLinkRow, IssueRow, IssueTypeRow, PersonRow, ProjectRow, VersionRow } from './json';

export class SiteRows {
  constructor(protected readonly db: Db) {}

  personRow(accountId: string): PersonRow | undefined {
    return this.db.prepare('SELECT * FROM people WHERE account_id = ?').get(accountId) as PersonRow | undefined;
  }

  personByEmail(email: string): PersonRow | undefined {
    return this.db.prepare('SELECT * FROM people WHERE lower(email) = lower(?)').get(email) as PersonRow | undefined;
  }

  listProjects(): ProjectRow[] {
    return this.db.prepare('SELECT * FROM projects ORDER BY id').all() as ProjectRow[];
  }

  findProject(idOrKey: string): ProjectRow | undefined {
    const byId = /^\d+$/.test(idOrKey);
    return this.db.prepare(byId ? 'SELECT * FROM projects WHERE id = ?' : 'SELECT * FROM projects WHERE key = ?').get(byId ? Number(idOrKey) : idOrKey) as ProjectRow | undefined;
  }

  issueTypesOf(projectId: number): IssueTypeRow[] {
    return this.db.prepare('SELECT t.* FROM issue_types t JOIN project_issue_types pt ON pt.issue_type_id = t.id WHERE pt.project_id = ? ORDER BY t.id').all(projectId) as IssueTypeRow[];
  }

  versionRow(id: string | number): VersionRow | undefined {
    if (!/^\d+$/.test(String(id))) return undefined;
    return this.db.prepare('SELECT * FROM versions WHERE id = ?').get(Number(id)) as VersionRow | undefined;
  }

  versionRows(projectId: number): VersionRow[] {
    return this.db.prepare('SELECT * FROM versions WHERE project_id = ? ORDER BY sequence, id').all(projectId) as VersionRow[];
  }

  // ---- issues ----------------------------------------------------------------------------

  issueRow(idOrKey: string): IssueRow | undefined {
    const byId = /^\d+$/.test(idOrKey);
    return this.db.prepare(byId ? 'SELECT * FROM issues WHERE id = ?' : 'SELECT * FROM issues WHERE key = ?').get(byId ? Number(idOrKey) : idOrKey.toUpperCase()) as IssueRow | undefined;
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

  /** Inserts the link unless the same one exists (Jira answers a duplicate as created). */
  insertIssueLink(linkTypeId: string, outwardIssueId: number, inwardIssueId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO issue_links (link_type_id, outward_issue_id, inward_issue_id) VALUES (?, ?, ?)').run(linkTypeId, outwardIssueId, inwardIssueId);
  }

  issueLinkRows(issueId: number): IssueLinkRow[] {
    return this.db.prepare('SELECT * FROM issue_links WHERE outward_issue_id = ? OR inward_issue_id = ? ORDER BY id').all(issueId, issueId) as IssueLinkRow[];
  }

  issuePropertyRows(issueId: number): { key: string; value: string }[] {
    return this.db.prepare('SELECT key, value FROM issue_properties WHERE issue_id = ? ORDER BY key').all(issueId) as { key: string; value: string }[];
  }

  /** Returns true when the property was created, false when it replaced a value. */
  putIssueProperty(issueId: number, key: string, serialized: string): boolean {
    const existed = this.db.prepare('SELECT 1 FROM issue_properties WHERE issue_id = ? AND key = ?').get(issueId, key) !== undefined;
    this.db.prepare('INSERT INTO issue_properties (issue_id, key, value) VALUES (?, ?, ?) ON CONFLICT (issue_id, key) DO UPDATE SET value = excluded.value').run(issueId, key, serialized);
    return !existed;
  }

  deleteIssueProperty(issueId: number, key: string): boolean {
    return this.db.prepare('DELETE FROM issue_properties WHERE issue_id = ? AND key = ?').run(issueId, key).changes > 0;
  }
}

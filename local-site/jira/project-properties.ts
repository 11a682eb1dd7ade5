/** Project entity properties: Jira's limits and answers, on the rows of one project (permissions: store.ts). */
import type { Db } from './db';
import { JiraError } from './errors';

export const MAX_PROPERTY_BYTES = 32768;
export const MAX_PROPERTY_KEY_LENGTH = 255;

const notFound = (key: string) => new JiraError(404, [`The property with key '${key}' does not exist.`]);

export function propertyKeys(db: Db, projectId: number): string[] {
  const rows = db.prepare('SELECT key FROM project_properties WHERE project_id = ? ORDER BY key').all(projectId) as { key: string }[];
  return rows.map((r) => r.key);
}

export function propertyValue(db: Db, projectId: number, key: string): unknown {
  const row = db.prepare('SELECT value FROM project_properties WHERE project_id = ? AND key = ?').get(projectId, key) as { value: string } | undefined;
  if (!row) throw notFound(key);
  return JSON.parse(row.value) as unknown;
}

/** Returns true when the property was created, false when it replaced a value. */
export function putProperty(db: Db, projectId: number, key: string, value: unknown): boolean {
  if (key.length > MAX_PROPERTY_KEY_LENGTH) throw new JiraError(400, [`The property key cannot be longer than ${MAX_PROPERTY_KEY_LENGTH} characters.`]);
  if (key.trim() === '') throw new JiraError(400, ['The property key cannot be empty.']);
  if (value === undefined) throw new JiraError(400, ['The property value cannot be empty.']);
  const serialized = JSON.stringify(value);
  if (Buffer.byteLength(serialized) > MAX_PROPERTY_BYTES) {
    throw new JiraError(400, [`The property value is too large. Maximum length is ${MAX_PROPERTY_BYTES} characters.`]);
  }
  const existed = db.prepare('SELECT 1 FROM project_properties WHERE project_id = ? AND key = ?').get(projectId, key) !== undefined;
  db.prepare('INSERT INTO project_properties (project_id, key, value) VALUES (?, ?, ?) ON CONFLICT (project_id, key) DO UPDATE SET value = excluded.value').run(projectId, key, serialized);
  return !existed;
}

export function removeProperty(db: Db, projectId: number, key: string): void {
  const result = db.prepare('DELETE FROM project_properties WHERE project_id = ? AND key = ?').run(projectId, key);
  if (result.changes === 0) throw notFound(key);
}

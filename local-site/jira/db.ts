import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS people (
  account_id   TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  email        TEXT UNIQUE,          -- NULL for the app user, which cannot use basic auth
  role         TEXT NOT NULL,        -- Role, or 'app'
  time_zone    TEXT
);
CREATE TABLE IF NOT EXISTS projects (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  project_type_key TEXT NOT NULL,
  lead_account_id  TEXT NOT NULL REFERENCES people(account_id)
);
CREATE TABLE IF NOT EXISTS issue_types (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS project_issue_types (
  project_id    INTEGER NOT NULL REFERENCES projects(id),
  issue_type_id INTEGER NOT NULL REFERENCES issue_types(id),
  PRIMARY KEY (project_id, issue_type_id)
);
CREATE TABLE IF NOT EXISTS grants (
  account_id TEXT NOT NULL REFERENCES people(account_id),
  project_id INTEGER NOT NULL REFERENCES projects(id),
  permission TEXT NOT NULL,
  PRIMARY KEY (account_id, project_id, permission)
);
CREATE TABLE IF NOT EXISTS versions (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects(id),
  name         TEXT NOT NULL,
  description  TEXT,
  archived     INTEGER NOT NULL DEFAULT 0,
  released     INTEGER NOT NULL DEFAULT 0,
  release_date TEXT,
  start_date   TEXT,
  sequence     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS related_work (
  related_work_id TEXT PRIMARY KEY,
  version_id      INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  category        TEXT NOT NULL,
  title           TEXT,
  url             TEXT,
  issue_id        INTEGER,
  seq             INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS project_properties (
  project_id INTEGER NOT NULL REFERENCES projects(id),
  key        TEXT NOT NULL,
  value      TEXT NOT NULL,          -- compact JSON
  PRIMARY KEY (project_id, key)
);
CREATE TABLE IF NOT EXISTS issues (
  id            INTEGER PRIMARY KEY,
  project_id    INTEGER NOT NULL REFERENCES projects(id),
  number        INTEGER NOT NULL,
  key           TEXT NOT NULL UNIQUE,
  issue_type_id INTEGER NOT NULL REFERENCES issue_types(id),
  summary       TEXT NOT NULL,
  description   TEXT,                -- ADF as JSON, stored as given
  labels        TEXT NOT NULL,       -- JSON string[]
  versions      TEXT NOT NULL,       -- JSON number[] (affects versions)
  fix_versions  TEXT NOT NULL,       -- JSON number[]
  priority_id   TEXT NOT NULL,
  reporter      TEXT REFERENCES people(account_id),
  created       TEXT NOT NULL        -- ISO-8601 UTC
);
CREATE TABLE IF NOT EXISTS issue_links (
  id               INTEGER PRIMARY KEY,
  link_type_id     TEXT NOT NULL,
  outward_issue_id INTEGER NOT NULL REFERENCES issues(id),   -- the "from" issue: "A blocks B" has A here
  inward_issue_id  INTEGER NOT NULL REFERENCES issues(id),
  UNIQUE (link_type_id, outward_issue_id, inward_issue_id)
);
CREATE TABLE IF NOT EXISTS issue_properties (
  issue_id INTEGER NOT NULL REFERENCES issues(id),
  key      TEXT NOT NULL,
  value    TEXT NOT NULL,          -- compact JSON
  PRIMARY KEY (issue_id, key)
);
`;

export function openDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'jira.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

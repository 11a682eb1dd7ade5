/**
 * The Jira Cloud REST emulator of the local Jira site (development and demonstration only).
 * Mount `site.handle` in an HTTP server; it answers /rest/api/3/** and /_local/jira/** and
 * resolves false for every other path.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { authenticate } from './auth';
import { openDb } from './db';
import { createDispatcher } from './dispatch';
import { issueRoutes } from './routes/issues';
import { myselfRoutes } from './routes/myself';
import { permissionRoutes } from './routes/permissions';
import { projectRoutes } from './routes/projects';
import { propertyRoutes } from './routes/properties';
import { searchRoutes } from './routes/search';
import { userRoutes } from './routes/users';
import type { Route } from './routes/types';
import { versionRoutes } from './routes/versions';
import { APP_ACCOUNT_ID, seedIfEmpty } from './seed';
import { seedServiceDeskIfMissing } from './seed-help';
import { JiraStore } from './store';
import type { JiraSite as JiraSiteOf, JiraSiteOptions, JiraSiteSettings, Principal, RequestLogEntry, VersionEvent } from './types';

export type {
  FaultRule,
  IndexedIssueProperty,
  JiraSiteOptions,
  JiraSiteSettings,
  JiraVersion,
  Person,
  Principal,
  ProjectPermissionKey,
  RequestLogEntry,
  Role,
  VersionEvent,
  VersionEventType,
} from './types';
export { JiraStore, MAX_PROPERTY_BYTES, MAX_PROPERTY_KEY_LENGTH, type EventSink } from './store';
export { JiraError, type JiraErrorBody } from './errors';
export { PERSON_COOKIE } from './auth';
export { roundsOf } from './request-log';
export { APP_ACCOUNT_ID, APP_DISPLAY_NAME, PEOPLE, SHOP_ID, OPS_ID } from './seed';
export { CUSTOMER, HELP_ID, HELP_REQUESTS } from './seed-help';

/** The site, with `store` typed as the data access object. */
export type JiraSite = JiraSiteOf<JiraStore>;

const ROUTES: Route[] = [...myselfRoutes, ...projectRoutes, ...propertyRoutes, ...versionRoutes, ...permissionRoutes, ...issueRoutes, ...searchRoutes, ...userRoutes];

export function createJiraSite(options: JiraSiteOptions): JiraSite {
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? 'UTC';
  // Fail at start-up, not on the first request, when the zone name is wrong.
  new Intl.DateTimeFormat('en-CA', { timeZone });

  const db = openDb(options.dataDir);
  seedIfEmpty(db, now(), timeZone);
  seedServiceDeskIfMissing(db, now());

  const listeners = new Set<(e: VersionEvent) => void>();
  const emit = (event: VersionEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (err) {
        // One failing subscriber (e.g. a trigger) must not stop the others or the site.
        console.error('[local-site/jira] version event listener failed', err);
      }
    }
  };

  const store = new JiraStore(db, now, timeZone, emit);
  const appSecret = randomBytes(24).toString('hex');
  const requestLog: RequestLogEntry[] = [];

  const site: JiraSite = {
    handle: () => Promise.resolve(false),
    people: store.people(),
    appAccountId: APP_ACCOUNT_ID,
    appSecret,
    principalOf: (req: IncomingMessage): Principal => authenticate(req, store, appSecret).principal,
    onVersionEvent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    settings: { latencyMs: 0, faults: [] } satisfies JiraSiteSettings,
    requestLog,
    store,
    close() {
      listeners.clear();
      if (db.open) db.close();
    },
  };

  site.handle = createDispatcher({
    store,
    routes: ROUTES,
    appSecret,
    settings: () => site.settings,
    requestLog: () => site.requestLog,
    emit,
  });
  return site;
}

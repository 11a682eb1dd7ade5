/**
 * A Jira and a record store in memory, shared by several people, each calling the real resolvers
 * (createHandler) with their own deps. Every Jira call and every storage call first passes `gate(label)`,
 * which a test can use to reorder them (fast-check's scheduler) or to fail them (429, 5xx), so
 * interleavings of concurrent writers are explored deterministically and fast, without a server.
 */
import type { HandoffView, Result } from '#contract';
import { appError } from '#domain/errors';
import type { Jira, JiraVersion, PermissionSet } from '#jira';
import { createHandler } from '#resolvers';
import type { ResolverDeps } from '#resolvers/core/deps';
import { retryingReads } from '#store/retry';
import { MemoryStore } from './memory-store';

export const PROJECT = { id: '10000', key: 'SHOP' };
export const VERSION_ID = '10003';

export interface Person {
  accountId: string;
  displayName: string;
  /** Their Jira profile's time zone, as /myself names it. */
  timeZone?: string;
}

/** Decides, per call, when it runs and whether it fails: throw from it to fail the call. */
export type Gate = (label: string, who: string) => Promise<void>;

export interface FakeWorld {
  store: MemoryStore;
  properties: Map<string, unknown>;
  versions: Map<string, JiraVersion>;
  /** Replaced by tests; runs before every call. */
  gate: Gate;
  /** The app's clock and the site's default time zone (serverInfo; null: Jira names none). */
  now: Date;
  siteTimeZone: string | null;
  /** Runs after a storage commit applied, before its answer: throw to lose the answer. */
  afterCommit: (who: string) => Promise<void>;
  call<T = HandoffView>(who: Person, functionKey: string, payload: unknown): Promise<Result<T>>;
  errors: unknown[];
  /** Issues created through the fake Jira, in order (SHOP-1, SHOP-2, …). */
  issues: unknown[];
}

const permissions: PermissionSet = { BROWSE_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER_PROJECTS: true, CREATE_ISSUES: true };

export function fakeWorld(): FakeWorld {
  const world: FakeWorld = {
    store: new MemoryStore(),
    properties: new Map(),
    versions: new Map([[VERSION_ID, { id: VERSION_ID, name: 'Saved carts', description: '', releaseDate: '2099-01-01', released: false, archived: false, projectId: PROJECT.id }]]),
    gate: async () => undefined,
    now: new Date('2026-07-01T12:00:00Z'),
    siteTimeZone: null,
    afterCommit: async () => undefined,
    errors: [],
    issues: [],
    call: async () => {
      throw new Error('replaced below');
    },
  };
  // Which person's call is running: each person has their own deps, and their store is a view that names them.
  const handlers = new Map<string, ReturnType<typeof createHandler>>();

  function depsFor(who: Person): ResolverDeps {
    const at = async <T>(label: string, fn: () => T): Promise<T> => {
      await world.gate(label, who.accountId);
      return fn();
    };
    const propertyKey = (key: string) => `${PROJECT.key}/${key}`;
    const jira: Partial<Jira> = {
      getMyPermissions: () => at('jira:permissions', () => permissions),
      getVersion: (id) =>
        at('jira:version', () => {
          const v = world.versions.get(id);
          if (!v) throw appError('NOT_FOUND', `Version ${id} was not found.`);
          return v;
        }),
      getMyself: () => at('jira:myself', () => who),
      getProject: () => at('jira:project', () => ({ id: PROJECT.id, key: PROJECT.key, name: 'Shop', type: 'software' }) as never),
      getSiteUrl: () => at('jira:server-info', () => 'https://shop.atlassian.net'),
      getSiteTimeZone: () => at('jira:server-info', () => world.siteTimeZone),
      getProjectProperty: (_p, key) => at(`jira:get ${key}`, () => structuredClone(world.properties.get(propertyKey(key)) ?? null)),
      getProjectPropertyAs: (_p, key) => at(`jira:get ${key}`, () => structuredClone(world.properties.get(propertyKey(key)) ?? null)),
      putProjectProperty: (_p, key, value) =>
        at(`jira:put ${key}`, () => {
          world.properties.set(propertyKey(key), structuredClone(value));
        }),
      createRelatedWork: () => at('jira:related-work', () => ({ id: 'rw-1', category: 'Communications' }) as never),
      getUsersBulk: (ids) => at('jira:users', () => ids.map((accountId) => ({ accountId, displayName: accountId }))),
      getCreatableIssueTypes: () => at('jira:issue-types', () => [{ id: '3', name: 'Task', subtask: false }]),
      createIssue: (issue) =>
        at('jira:create-issue', () => {
          world.issues.push(issue);
          return { id: String(10_000 + world.issues.length), key: `${PROJECT.key}-${world.issues.length}` };
        }),
    };
    const store = world.store;
    const viewed: ResolverDeps['store'] = {
      getMany: async (refs) => {
        await world.gate('store:getMany', who.accountId);
        return store.getMany(refs);
      },
      commit: async (puts, deletes) => {
        await world.gate('store:commit', who.accountId);
        await store.commit(puts, deletes);
        await world.afterCommit(who.accountId);
      },
      query: async (q) => {
        await world.gate('store:query', who.accountId);
        return store.query(q);
      },
    };
    return {
      jira: jira as Jira,
      now: () => world.now,
      lateness: { leadTimeDays: 7, timeZone: 'UTC' },
      appIdentity: () => ({ appId: 'app-1', environmentId: 'env-1' }),
      log: { error: (...args: unknown[]) => world.errors.push(args), warn: () => undefined },
      store: retryingReads(viewed, async () => undefined),
      storeBackoff: async () => undefined,
    };
  }

  world.call = async <T>(who: Person, functionKey: string, payload: unknown): Promise<Result<T>> => {
    let handler = handlers.get(who.accountId);
    if (!handler) handlers.set(who.accountId, (handler = createHandler(depsFor(who))));
    const context = { accountId: who.accountId, siteUrl: 'https://shop.atlassian.net', extension: { type: 'jira:projectPage', project: { id: PROJECT.id, key: PROJECT.key, type: 'software' } } };
    return (await handler({ call: { functionKey, payload }, context }, { principal: { accountId: who.accountId } } as never)) as Result<T>;
  };
  return world;
}

/** The value Jira holds for a project property of the world's project. */
export const propertyOf = (world: FakeWorld, key: string): unknown => world.properties.get(`${PROJECT.key}/${key}`) ?? null;

export const PO: Person = { accountId: 'acc-po', displayName: 'Priya Patel' };
export const LEAD: Person = { accountId: 'acc-lead', displayName: 'Carlos Mendes' };
export const RM: Person = { accountId: 'acc-rm', displayName: 'Rita Okafor' };
export const AGENT: Person = { accountId: 'acc-agent', displayName: 'Ana Silva' };
export const PEOPLE = [PO, LEAD, RM, AGENT, { accountId: 'acc-five', displayName: 'Fifth Person' }];

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Permissions } from '@forge/manifest';
import type { IndexedIssueProperty } from '../jira/types';
import type { ConsumerModule } from './queues';
import { parseEntities, type EntitySchema } from './storage/entities';

/** The parts of manifest.yml the local host acts on; everything else is ignored, as a Forge deploy would validate it elsewhere. */
export interface AppManifest {
  /** The uuid after `ari:cloud:ecosystem::app/`. */
  appId: string;
  functions: Map<string, { key: string; handler: string; timeoutSeconds?: number }>;
  resources: Map<string, { key: string; path: string }>;
  projectPages: UiModule[];
  /** `jira:issueContext` modules: Jira renders each on every issue view, in the order declared. */
  issueContexts: UiModule[];
  /** Issue property paths the app's `jira:entityProperty` modules ask Jira to index for JQL. */
  issueProperties: IndexedIssueProperty[];
  triggers: { key: string; function: string; events: string[]; ignoreSelf: boolean }[];
  scheduledTriggers: { key: string; function: string; interval: string }[];
  workflowValidators: { key: string; function?: string; expression?: string; name: string }[];
  permissions: Permissions;
  /** Custom entities (`app.storage.entities`) the storage API accepts, with their indexes. */
  entities: EntitySchema[];
  /** Async-event consumers (`consumer` modules): which function gets each queue's events. */
  consumers: ConsumerModule[];
}

/** A module that shows the app's Custom UI, and the resolver its `invoke` calls reach. */
export interface UiModule {
  type: 'jira:projectPage' | 'jira:issueContext';
  key: string;
  resource: string;
  resolverFunction?: string;
  title: string;
}

type Loose = Record<string, unknown>;

const PROPERTY_TYPES = new Set<IndexedIssueProperty['type']>(['string', 'number', 'text', 'user', 'date']);

const asList = (value: unknown): Loose[] => (Array.isArray(value) ? (value.filter((v) => typeof v === 'object' && v !== null) as Loose[]) : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const title = (value: unknown): string => str(value) ?? str((value as Loose | undefined)?.['i18n']) ?? '';

export function parseManifest(text: string): AppManifest {
  const doc = (parse(text) ?? {}) as Loose;
  const app = (doc['app'] ?? {}) as Loose;
  const ari = str(app['id']) ?? '';
  const appId = ari.replace(/^ari:cloud:ecosystem::app\//, '');
  if (!appId) throw new Error('manifest.yml has no app.id');
  const modules = (doc['modules'] ?? {}) as Loose;

  const functions = new Map<string, { key: string; handler: string; timeoutSeconds?: number }>();
  for (const f of asList(modules['function'])) {
    const key = str(f['key']);
    const handler = str(f['handler']);
    if (!key || !handler) continue;
    const timeoutSeconds = typeof f['timeoutSeconds'] === 'number' ? f['timeoutSeconds'] : undefined;
    functions.set(key, { key, handler, ...(timeoutSeconds ? { timeoutSeconds } : {}) });
  }

  const resources = new Map<string, { key: string; path: string }>();
  for (const r of asList(doc['resources'])) {
    const key = str(r['key']);
    const path = str(r['path']);
    if (key && path) resources.set(key, { key, path });
  }

  const uiModules = (type: UiModule['type']): UiModule[] =>
    asList(modules[type]).map((m) => {
      const resolverFunction = str((m['resolver'] as Loose | undefined)?.['function']);
      return { type, key: str(m['key']) ?? '', resource: str(m['resource']) ?? '', title: title(m['title']), ...(resolverFunction ? { resolverFunction } : {}) };
    });
  const projectPages = uiModules('jira:projectPage');
  const issueContexts = uiModules('jira:issueContext');

  // entityType defaults to issue (Forge's jira:entityProperty); project and user properties are not searched here.
  const issueProperties = asList(modules['jira:entityProperty'])
    .filter((m) => (str(m['entityType']) ?? 'issue') === 'issue')
    .flatMap((m) =>
      asList(m['values']).flatMap((v): IndexedIssueProperty[] => {
        const propertyKey = str(m['propertyKey']);
        const path = str(v['path']);
        const type = str(v['type']) as IndexedIssueProperty['type'] | undefined;
        if (!propertyKey || !path || !type || !PROPERTY_TYPES.has(type)) return [];
        const searchAlias = str(v['searchAlias']);
        return [{ propertyKey, path, type, ...(searchAlias ? { searchAlias } : {}) }];
      }),
    );

  const triggers = asList(modules['trigger']).map((m) => ({
    key: str(m['key']) ?? '',
    function: str(m['function']) ?? '',
    events: Array.isArray(m['events']) ? (m['events'] as unknown[]).filter((e): e is string => typeof e === 'string') : [],
    ignoreSelf: (m['filter'] as Loose | undefined)?.['ignoreSelf'] === true,
  }));

  const scheduledTriggers = asList(modules['scheduledTrigger']).map((m) => ({
    key: str(m['key']) ?? '',
    function: str(m['function']) ?? '',
    interval: str(m['interval']) ?? 'day',
  }));

  const workflowValidators = asList(modules['jira:workflowValidator']).map((m) => {
    const fn = str(m['function']);
    const expression = str(m['expression']);
    return { key: str(m['key']) ?? '', name: title(m['name']), ...(fn ? { function: fn } : {}), ...(expression ? { expression } : {}) };
  });

  const consumers = asList(modules['consumer']).map((m): ConsumerModule => {
    const fn = str(m['function']);
    const resolver = m['resolver'] as Loose | undefined;
    const resolverFunction = str(resolver?.['function']);
    const method = str(resolver?.['method']);
    return {
      key: str(m['key']) ?? '',
      queue: str(m['queue']) ?? '',
      ...(fn ? { function: fn } : {}),
      ...(resolverFunction && method ? { resolver: { function: resolverFunction, method } } : {}),
    };
  });

  return {
    appId,
    functions,
    resources,
    projectPages,
    issueContexts,
    issueProperties,
    triggers,
    scheduledTriggers,
    workflowValidators,
    permissions: doc['permissions'] ?? {},
    entities: parseEntities(app),
    consumers,
  };
}

export function loadManifest(appDir: string): AppManifest {
  return parseManifest(readFileSync(join(appDir, 'manifest.yml'), 'utf8'));
}

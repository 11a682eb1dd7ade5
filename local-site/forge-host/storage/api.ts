import { KvsCode, KvsError } from './errors';
import type { BatchItem, EntityQuery, KvsStore, MetadataField, Space } from './store';

/** Who is calling: storage is per app installation, and needs the storage:app scope. */
export interface StorageCaller {
  scope: string;
  hasStorageScope: boolean;
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const empty = (): Response => new Response(null, { status: 204 });

type Body = Record<string, unknown>;
type Handler = (store: KvsStore, scope: string, body: Body, bytes: number) => Response;

const getIn =
  (space: (store: KvsStore, body: Body) => Space): Handler =>
  (store, scope, body) =>
    json(200, store.get(scope, space(store, body), body['key'], (body['options'] as { metadataFields?: MetadataField[] } | undefined)?.metadataFields));
const setIn =
  (entity: boolean, secret = false): Handler =>
  (store, scope, body) => {
    const target = secret ? { space: 'secret' as const } : store.space(entity ? body['entityName'] : undefined);
    const returned = store.set(scope, target, body['key'], body['value'], body['options'] ?? {});
    return returned ? json(200, returned) : new Response('', { status: 200 });
  };
const deleteIn =
  (space: (store: KvsStore, body: Body) => Space): Handler =>
  (store, scope, body) => {
    store.delete(scope, space(store, body), body['key']);
    return empty();
  };
const plain = (): Space => 'kvs';
const secret = (): Space => 'secret';
const entity = (store: KvsStore, body: Body): Space => {
  const { space } = store.space(body['entityName']);
  if (space === 'kvs') throw new KvsError(400, KvsCode.INVALID_REQUEST, 'An entity operation needs an entityName.');
  return space;
};
const items = (body: unknown): BatchItem[] => {
  if (!Array.isArray(body)) throw new KvsError(400, KvsCode.INVALID_REQUEST, 'A batch request is a list of items.');
  return body as BatchItem[];
};

/** The paths @forge/kvs 1.6.5 POSTs to (node_modules/@forge/kvs/out/storage-api.js), each with a JSON body. */
const ROUTES: Record<string, Handler> = {
  '/api/v1/get': getIn(plain),
  '/api/v1/set': setIn(false),
  '/api/v1/delete': deleteIn(plain),
  '/api/v1/query': (store, scope, body) => json(200, store.query(scope, body)),
  '/api/v1/secret/get': getIn(secret),
  '/api/v1/secret/set': setIn(false, true),
  '/api/v1/secret/delete': deleteIn(secret),
  '/api/v1/entity/get': getIn(entity),
  '/api/v1/entity/set': setIn(true),
  '/api/v1/entity/delete': deleteIn(entity),
  '/api/v1/entity/query': (store, scope, body) => {
    const { options, ...query } = body as unknown as EntityQuery & { options?: { metadataFields?: MetadataField[] } };
    return json(200, store.queryEntity(scope, { ...query, ...(options?.metadataFields ? { metadataFields: options.metadataFields } : {}) }));
  },
  '/api/v1/batch/get': (store, scope, body) => json(200, store.batchGet(scope, items(body))),
  '/api/v1/batch/set': (store, scope, body, bytes) => json(200, store.batchSet(scope, items(body), bytes)),
  '/api/v1/batch/delete': (store, scope, body) => json(200, store.batchDelete(scope, items(body))),
  '/api/v1/transaction': (store, scope, body, bytes) => {
    store.transact(scope, body, bytes);
    return empty();
  },
};

/**
 * Answers one `__forge_fetch__({ type: 'kvs' }, path, init)` call of @forge/kvs as Forge's storage service
 * would: JSON in, JSON out, refusals as `{ code, message }` with Forge's status codes.
 */
export async function handleStorageRequest(store: KvsStore, caller: StorageCaller, path: string, init?: RequestInit): Promise<Response> {
  if (!caller.hasStorageScope) {
    return json(403, { code: KvsCode.MISSING_SCOPE, message: "The app's manifest.yml does not request the storage:app scope (permissions.scopes), which Forge storage needs." });
  }
  const route = ROUTES[path];
  if (!route) return json(404, { code: 'NOT_FOUND', message: `The local Forge host has no storage endpoint '${path}'.` });
  const text = typeof init?.body === 'string' ? init.body : init?.body ? await new Response(init.body).text() : '';
  let body: Body;
  try {
    body = (text ? JSON.parse(text) : {}) as Body;
  } catch {
    return json(400, { code: KvsCode.INVALID_REQUEST, message: 'The request body is not JSON.' });
  }
  try {
    return route(store, caller.scope, body, Buffer.byteLength(text, 'utf8'));
  } catch (e) {
    if (e instanceof KvsError) return json(e.status, { code: e.code, message: e.message });
    throw e;
  }
}

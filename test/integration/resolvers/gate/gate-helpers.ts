/** What the gate's integration tests do on the local Jira site: people's REST calls, versions, ready handoffs. */
import { gatePropertyKey, handoffPropertyKey } from '#domain/property-keys';
import type { GateRecord } from '#domain/gate/rules';
import { kvs } from '@forge/kvs';
import { ENTITIES, versionKey } from '#store/port';
import { personOf, type TestSite } from '../../../support';
import { completeContent, expectOk, invoker, storedProperty } from '../helpers';

const basic = (email: string) => `Basic ${Buffer.from(`${email}:x`).toString('base64')}`;

export const todayPlus = (days: number, from = new Date()): string => {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function gateSite(site: () => TestSite) {
  const auth = (role: string) => basic(personOf(site(), role).emailAddress);
  const invoke = <T = unknown>(role: string, fn: string, payload: unknown) => invoker(site())<T>(role, fn, payload);

  async function rest<T = unknown>(role: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${site().url}${path}`, {
      method,
      headers: { authorization: auth(role), 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
  }

  let projectId: string | undefined;
  async function shopProjectId(): Promise<string> {
    projectId ??= (await rest<{ id: string }>('release-manager', 'GET', '/rest/api/3/project/SHOP')).json.id;
    return projectId;
  }

  async function createVersion(name: string, releaseDate: string | null, extra: Record<string, unknown> = {}): Promise<string> {
    const body = { name, projectId: Number(await shopProjectId()), ...(releaseDate ? { releaseDate } : {}), ...extra };
    const created = await rest<{ id: string }>('release-manager', 'POST', '/rest/api/3/version', body);
    expect(created.status).toBe(201);
    return created.json.id;
  }

  async function versionNow(versionId: string): Promise<{ released: boolean; releaseDate?: string; archived?: boolean }> {
    return (await rest<{ released: boolean; releaseDate?: string }>('release-manager', 'GET', `/rest/api/3/version/${versionId}`)).json;
  }

  /** Rita changes the version through PUT /rest/api/3/version/{id}; answers whether it is released once the app reacted. */
  async function putVersionAsRita(versionId: string, patch: Record<string, unknown>): Promise<boolean> {
    const put = await rest('release-manager', 'PUT', `/rest/api/3/version/${versionId}`, patch);
    expect(put.status).toBe(200);
    await site().host.idle();
    return (await versionNow(versionId)).released;
  }

  const releaseAsRita = (versionId: string) => putVersionAsRita(versionId, { released: true });

  async function writeReady(versionId: string): Promise<number> {
    const saved = expectOk(await invoker(site())('po', 'saveHandoff', { versionId, baseRevision: 0, content: completeContent() }));
    const ready = expectOk(await invoker(site())('po', 'setStatus', { versionId, baseRevision: saved.handoff?.revision, status: 'ready' }));
    expect(ready.handoff?.status).toBe('ready');
    return ready.handoff?.revision ?? 0;
  }

  /**
   * Rewrites when the handoff became ready, as the app would have stored it: in the content record (the
   * source of truth the gate reads) and in the property Jira holds.
   */
  async function setReadyAt(versionId: string, readyAt: string): Promise<void> {
    const recordKey = versionKey(await shopProjectId(), versionId);
    await site().host.runAsApp(async () => {
      const content = kvs.entity<Record<string, unknown>>(ENTITIES.content);
      const current = await content.get(recordKey);
      if (!current) throw new Error(`version ${versionId} has no content record`);
      await content.set(recordKey, { ...current, readyAt });
    });
    const key = handoffPropertyKey(versionId);
    const stored = (await storedProperty(site(), key)) as Record<string, unknown>;
    const res = await fetch(`${site().url}/rest/api/3/project/SHOP/properties/${key}`, {
      method: 'PUT',
      headers: { authorization: `ForgeApp ${site().jira.appSecret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...stored, readyAt }),
    });
    expect(res.status).toBeLessThan(300);
  }

  /**
   * The gate judges a release against the day it goes out, and tests release today: a handoff that was on
   * time has to have become ready earlier.
   */
  const backdateReady = (versionId: string, days: number): Promise<void> => setReadyAt(versionId, new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, '.000Z'));

  const record = async (versionId: string) => (await storedProperty(site(), gatePropertyKey(versionId))) as GateRecord | null;

  return { rest, invoke, shopProjectId, createVersion, versionNow, putVersionAsRita, releaseAsRita, writeReady, setReadyAt, backdateReady, record };
}

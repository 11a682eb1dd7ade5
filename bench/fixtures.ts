import type { HandoffContent } from '#domain/handoff';
import type { Result } from '#contract';
import type { LocalSite } from '../local-site/site';

export const SHOP_VERSION = '10003';
export const SOON_VERSION = '10002';

export function content(whatsNew = 'Carts now survive logout and follow the shopper to every device.'): HandoffContent {
  return {
    whatsNew,
    happyPath: ['Gal adds shoes to the cart on her phone', 'Gal logs out', 'Gal opens the shop on her laptop: the shoes are in the cart'],
    limitations: ['Not yet available in Hebrew'],
    noKnownLimitations: false,
    questions: [{ question: 'How do I turn this off?', answer: 'It is not optional in this release.' }],
    escalation: { l1LookUp: 'Open the customer in Admin > Carts.', l2Reproduce: 'Log in on two browsers with the same account.' },
    dashboardUrl: 'https://dashboards.example.com/saved-carts',
  };
}

export function person(site: Pick<LocalSite, 'jira'>, role: string) {
  const p = site.jira.people.find((x) => x.role === role || x.emailAddress === role);
  if (!p) throw new Error(`no seeded person ${role}`);
  return p;
}

/** Calls a resolver the way the UI's invoke does. */
export function invoker(site: LocalSite) {
  return <T = unknown>(role: string, fn: string, payload: unknown, projectKey = 'SHOP'): Promise<Result<T>> => site.host.invoke<Result<T>>(person(site, role).accountId, fn, payload, { projectKey });
}

/** A REST call to the emulator as a seeded person (Basic auth with their e-mail) or as the app. */
export async function rest(site: LocalSite, as: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const authorization = as === 'app' ? `ForgeApp ${site.jira.appSecret}` : `Basic ${Buffer.from(`${person(site, as).emailAddress}:token`).toString('base64')}`;
  const res = await fetch(site.url + path, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Creates a version in SHOP as the release manager, through Jira's REST API. */
export async function createVersion(site: LocalSite, name: string, releaseDate?: string): Promise<string> {
  const { status, json } = await rest(site, 'release-manager', 'POST', '/rest/api/3/version', { project: 'SHOP', name, ...(releaseDate ? { releaseDate } : {}) });
  if (status !== 201 && status !== 200) throw new Error(`create version ${name}: ${status} ${JSON.stringify(json)}`);
  return (json as { id: string }).id;
}

export function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

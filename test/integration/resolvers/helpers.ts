import type { HandoffContent } from '../../../src/domain/handoff';
import type { HandoffView, Result } from '../../../src/contract';
import type { TestSite } from '../../support';
import { personOf } from '../../support';

export const SHOP_VERSION = '10003'; // release date 21 days after the site's first start
export const SOON_VERSION = '10002'; // release date 3 days after the site's first start
export const OPS_VERSION = '10011';

export function completeContent(overrides: Partial<HandoffContent> = {}): HandoffContent {
  return {
    whatsNew: 'Carts now survive logout and follow the shopper to every device.',
    happyPath: ['Gal adds shoes to the cart on her phone', 'Gal logs out', 'Gal opens the shop on her laptop: the shoes are in the cart'],
    limitations: ['Not yet available in Hebrew'],
    noKnownLimitations: false,
    questions: [{ question: 'How do I turn this off?', answer: 'It is not optional in this release.' }],
    escalation: { l1LookUp: 'Open the customer in Admin > Carts.', l2Reproduce: 'Log in on two browsers with the same account.' },
    dashboardUrl: 'https://dashboards.example.com/saved-carts',
    ...overrides,
  };
}

/** Calls a resolver exactly as the UI's invoke does, as one of the seeded people. */
export function invoker(site: TestSite) {
  return <T = HandoffView>(role: string, functionKey: string, payload: unknown, projectKey = 'SHOP'): Promise<Result<T>> =>
    site.host.invoke<Result<T>>(personOf(site, role).accountId, functionKey, payload, { projectKey });
}

/** What Jira holds for a version's handoff, read straight from the emulator as the app. */
export async function storedProperty(site: TestSite, key: string, projectKey = 'SHOP'): Promise<unknown> {
  const response = await fetch(`${site.url}/rest/api/3/project/${projectKey}/properties/${key}`, {
    headers: { authorization: `ForgeApp ${site.jira.appSecret}` },
  });
  if (response.status === 404) return null;
  return ((await response.json()) as { value: unknown }).value;
}

export async function relatedWork(site: TestSite, versionId: string): Promise<{ category: string; title?: string; url?: string }[]> {
  const response = await fetch(`${site.url}/rest/api/3/version/${versionId}/relatedwork`, {
    headers: { authorization: `ForgeApp ${site.jira.appSecret}` },
  });
  return (await response.json()) as { category: string; title?: string; url?: string }[];
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectError<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected an error, got ok');
  return result.error;
}

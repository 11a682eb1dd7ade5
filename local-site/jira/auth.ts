import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { JiraStore } from './store';
import type { Principal } from './types';

export const PERSON_COOKIE = 'local-site-person';

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** One cookie's value from the request, or undefined when it is absent or not valid URI encoding. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export type AuthMethod = 'basic' | 'forge' | 'cookie' | 'none';

/**
 * Who is calling. Basic auth is `email:any-token` (there are no real secrets on a local site);
 * ForgeApp/ForgeUser carry the per-process app secret so only the Forge host can act as the app;
 * the person cookie is what the site's own pages use. Anything unrecognised is anonymous.
 */
export function authenticate(req: IncomingMessage, store: JiraStore, appSecret: string): { principal: Principal; method: AuthMethod } {
  const header = req.headers.authorization;
  if (header) {
    const [scheme = '', ...rest] = header.trim().split(/\s+/);
    const kind = scheme.toLowerCase();
    if (kind === 'basic' && rest[0]) {
      const decoded = Buffer.from(rest[0], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const email = colon >= 0 ? decoded.slice(0, colon) : decoded;
      const person = store.personByEmail(email);
      if (person && person.role !== 'app') return { principal: { kind: 'user', accountId: person.account_id }, method: 'basic' };
    } else if (kind === 'forgeapp' && rest[0] && sameSecret(rest[0], appSecret)) {
      return { principal: { kind: 'app' }, method: 'forge' };
    } else if (kind === 'forgeuser' && rest[0] && rest[1] && sameSecret(rest[0], appSecret)) {
      const person = store.personRow(rest[1]);
      if (person && person.role !== 'app') return { principal: { kind: 'user', accountId: person.account_id }, method: 'forge' };
    }
    // A present but wrong Authorization header must not fall back to the cookie.
    return { principal: { kind: 'anonymous' }, method: 'none' };
  }
  const fromCookie = readCookie(req, PERSON_COOKIE);
  if (fromCookie) {
    const person = store.personRow(fromCookie);
    if (person && person.role !== 'app') return { principal: { kind: 'user', accountId: person.account_id }, method: 'cookie' };
  }
  return { principal: { kind: 'anonymous' }, method: 'none' };
}

export function principalLabel(p: Principal): string {
  return p.kind === 'user' ? `user:${p.accountId}` : p.kind;
}

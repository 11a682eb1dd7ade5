import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Person } from '../jira/types';

export const PERSON_COOKIE = 'local-site-person';
/** Who you are until you switch: the product owner, whose job the app is mostly about. */
export const DEFAULT_ROLE = 'po';

function cookieValue(req: IncomingMessage, name: string): string | undefined {
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

export function defaultPerson(people: Person[]): Person {
  const person = people.find((p) => p.role === DEFAULT_ROLE) ?? people[0];
  if (!person) throw new Error('The local Jira site has no people');
  return person;
}

/** The signed-in person: the cookie's, or the default one when the cookie is missing or names nobody. */
export function signedInPerson(req: IncomingMessage, people: Person[]): { person: Person; fromCookie: boolean } {
  const id = cookieValue(req, PERSON_COOKIE);
  const person = id ? people.find((p) => p.accountId === id) : undefined;
  return person ? { person, fromCookie: true } : { person: defaultPerson(people), fromCookie: false };
}

/** Sets the cookie the emulator reads for the site's own requests (pages, the modal, the browser's REST calls). */
export function setPersonCookie(res: ServerResponse, accountId: string): void {
  res.setHeader('set-cookie', `${PERSON_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Lax; HttpOnly`);
}

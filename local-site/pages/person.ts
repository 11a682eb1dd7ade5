import type { IncomingMessage, ServerResponse } from 'node:http';
// The emulator reads the same cookie for the site's own REST calls, so both take its name from one place.
import { PERSON_COOKIE, readCookie } from '../jira/auth';
import type { Person } from '../jira/types';

/** Who you are until you switch: the product owner, whose job the app is mostly about. */
export const DEFAULT_ROLE = 'po';

export function defaultPerson(people: Person[]): Person {
  const person = people.find((p) => p.role === DEFAULT_ROLE) ?? people[0];
  if (!person) throw new Error('The local Jira site has no people');
  return person;
}

/** The signed-in person: the cookie's, or the default one when the cookie is missing or names nobody. */
export function signedInPerson(req: IncomingMessage, people: Person[]): { person: Person; fromCookie: boolean } {
  const id = readCookie(req, PERSON_COOKIE);
  const person = id ? people.find((p) => p.accountId === id) : undefined;
  return person ? { person, fromCookie: true } : { person: defaultPerson(people), fromCookie: false };
}

/** Sets the cookie the emulator reads for the site's own requests (pages, the modal, the browser's REST calls). */
export function setPersonCookie(res: ServerResponse, accountId: string): void {
  res.setHeader('set-cookie', `${PERSON_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Lax; HttpOnly`);
}

/** Jira's colour mode for the signed-in person (Jira: profile > Theme), kept in its own cookie like the person. */
export type ColorMode = 'light' | 'dark';
export const THEME_COOKIE = 'local-site-theme';
export const COLOR_MODES: readonly ColorMode[] = ['light', 'dark'];

export const parseColorMode = (value: string | null | undefined): ColorMode | undefined => (value === 'light' || value === 'dark' ? value : undefined);

/** The chosen colour mode: the cookie's, or light (Jira's default) when it is missing or unknown. */
export function signedInTheme(req: IncomingMessage): ColorMode {
  return parseColorMode(readCookie(req, THEME_COOKIE)) ?? 'light';
}

/** Adds the theme cookie to the response (keeps any other set-cookie, e.g. the pinned person). */
export function setThemeCookie(res: ServerResponse, mode: ColorMode): void {
  const cookie = `${THEME_COOKIE}=${mode}; Path=/; SameSite=Lax; HttpOnly; Max-Age=31536000`;
  const existing = res.getHeader('set-cookie');
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('set-cookie', [...list, cookie]);
}

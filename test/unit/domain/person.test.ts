import { cachedPerson, freshPerson, PERSON_NAME_TTL_MS } from '#domain/person';

describe("a person's kept name", () => {
  const now = new Date('2026-07-01T12:00:00Z');
  const kept = cachedPerson({ accountId: 'acc-1', displayName: 'Ana Silva' }, now);

  it('is used while fresh, for that account only', () => {
    expect(freshPerson(kept, 'acc-1', new Date(now.getTime() + PERSON_NAME_TTL_MS - 1))).toEqual({ accountId: 'acc-1', displayName: 'Ana Silva' });
    expect(freshPerson(kept, 'acc-2', now)).toBeNull();
  });

  it('asks Jira again once it is a day old, or when what is stored is missing, unreadable or from the future', () => {
    expect(freshPerson(kept, 'acc-1', new Date(now.getTime() + PERSON_NAME_TTL_MS))).toBeNull();
    expect(freshPerson(undefined, 'acc-1', now)).toBeNull();
    expect(freshPerson({ accountId: 'acc-1', displayName: 'Ana Silva' }, 'acc-1', now)).toBeNull();
    expect(freshPerson(kept, 'acc-1', new Date(now.getTime() - 1))).toBeNull();
  });
});

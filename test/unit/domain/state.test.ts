import { calendarDateIn, daysBetween } from '#domain/calendar';
import { handoffState, isLate } from '#domain/state';

const version = (releaseDate: string | null, released = false) => ({ releaseDate, released });
const ready = (readyAt: string) => ({ status: 'ready' as const, readyAt });

describe('handoffState', () => {
  it('is missing without a handoff, draft for a draft', () => {
    expect(handoffState({ version: version('2026-07-08'), handoff: null })).toBe('missing');
    expect(handoffState({ version: version('2026-07-08'), handoff: { status: 'draft', readyAt: null } })).toBe('draft');
  });

  it('is released for a released version, whatever the handoff', () => {
    expect(handoffState({ version: version('2026-07-08', true), handoff: null })).toBe('no-handoff');
    expect(handoffState({ version: version('2026-07-08', true), handoff: { status: 'draft', readyAt: null } })).toBe('released');
    expect(handoffState({ version: version('2026-07-08', true), handoff: ready('2026-07-07T12:00:00Z') })).toBe('released');
  });

  it('is ready exactly seven calendar days before the release date', () => {
    expect(handoffState({ version: version('2026-07-08'), handoff: ready('2026-07-01T00:00:00Z') })).toBe('ready');
    expect(handoffState({ version: version('2026-07-08'), handoff: ready('2026-07-01T23:59:59Z') })).toBe('ready');
  });

  it('is late one minute into the sixth day before, and one day short', () => {
    expect(handoffState({ version: version('2026-07-08'), handoff: ready('2026-07-02T00:00:00Z') })).toBe('late');
    expect(handoffState({ version: version('2026-07-08'), handoff: ready('2026-07-01T23:59:00Z') })).toBe('ready');
    expect(handoffState({ version: version('2026-07-08'), handoff: ready('2026-07-02T00:01:00Z') })).toBe('late');
  });

  it('is late when ready on or after release day', () => {
    expect(handoffState({ version: version('2026-07-08'), handoff: ready('2026-07-08T09:00:00Z') })).toBe('late');
    expect(handoffState({ version: version('2026-07-08'), handoff: ready('2026-07-10T09:00:00Z') })).toBe('late');
  });

  it('is never late without a release date', () => {
    expect(handoffState({ version: version(null), handoff: ready('2026-07-07T12:00:00Z') })).toBe('ready');
  });

  it('becomes on time again when the release date moves later', () => {
    const handoff = ready('2026-07-05T12:00:00Z');
    expect(handoffState({ version: version('2026-07-08'), handoff })).toBe('late');
    expect(handoffState({ version: version('2026-07-12'), handoff })).toBe('ready');
  });

  it('uses the lead time it is given', () => {
    const handoff = ready('2026-07-05T12:00:00Z');
    expect(handoffState({ version: version('2026-07-08'), handoff }, { leadTimeDays: 3, timeZone: 'UTC' })).toBe('ready');
    expect(handoffState({ version: version('2026-07-08'), handoff }, { leadTimeDays: 4, timeZone: 'UTC' })).toBe('late');
  });
});

describe('lateness across time zones', () => {
  // 2026-07-01T22:30Z is still 1 July in UTC and New York, but already 2 July in Tokyo and Jerusalem.
  const readyAt = '2026-07-01T22:30:00Z';

  it('counts the calendar day in the given zone', () => {
    expect(isLate(readyAt, '2026-07-08', { leadTimeDays: 7, timeZone: 'UTC' })).toBe(false);
    expect(isLate(readyAt, '2026-07-08', { leadTimeDays: 7, timeZone: 'America/New_York' })).toBe(false);
    expect(isLate(readyAt, '2026-07-08', { leadTimeDays: 7, timeZone: 'Asia/Tokyo' })).toBe(true);
    expect(isLate(readyAt, '2026-07-08', { leadTimeDays: 7, timeZone: 'Asia/Jerusalem' })).toBe(true);
  });

  it('handles a zone behind UTC at its own midnight', () => {
    // 04:30Z on 2 July is 00:30 on 2 July in New York (UTC-4 in summer): six days before.
    expect(isLate('2026-07-02T04:30:00Z', '2026-07-08', { leadTimeDays: 7, timeZone: 'America/New_York' })).toBe(true);
    // 03:30Z on 2 July is 23:30 on 1 July in New York: seven days before.
    expect(isLate('2026-07-02T03:30:00Z', '2026-07-08', { leadTimeDays: 7, timeZone: 'America/New_York' })).toBe(false);
  });

  it('ignores readyAt values that are not instants and release dates that are not dates', () => {
    expect(isLate('not a date', '2026-07-08')).toBe(false);
    expect(isLate('2026-07-07T00:00:00Z', '2026-02-30')).toBe(false);
    expect(isLate(null, '2026-07-08')).toBe(false);
  });
});

describe('calendar', () => {
  it('counts days across month, year and DST boundaries', () => {
    expect(daysBetween('2026-06-28', '2026-07-05')).toBe(7);
    expect(daysBetween('2026-12-29', '2027-01-05')).toBe(7);
    expect(daysBetween('2026-03-25', '2026-04-01')).toBe(7);
    expect(daysBetween('2026-07-08', '2026-07-01')).toBe(-7);
  });

  it('gives the date in a zone', () => {
    expect(calendarDateIn(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe('2026-12-31');
    expect(calendarDateIn(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01');
  });
});

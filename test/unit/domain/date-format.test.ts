import { formatCalendarDate, formatInstantLocal } from '#domain/date-format';

test('calendar dates read as Jira shows them, with no time zone shift', () => {
  expect(formatCalendarDate('2026-11-30')).toBe('30 Nov 2026');
  expect(formatCalendarDate('2027-01-05')).toBe('5 Jan 2027');
  expect(formatCalendarDate('2027-13-05')).toBe('2027-13-05');
  expect(formatCalendarDate('soon')).toBe('soon');
});

test('instants read in the runtime time zone, same day-month-year form', () => {
  const iso = '2026-11-27T14:05:00';
  expect(formatInstantLocal(iso)).toBe('27 Nov 2026, 14:05');
  expect(formatInstantLocal('not a date')).toBe('not a date');
});

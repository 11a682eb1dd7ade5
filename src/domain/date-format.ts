/**
 * Dates the way Jira shows them, one format everywhere people read a date (the UI, gate messages):
 * "30 Nov 2026", and "30 Nov 2026, 14:05" for a moment. Pure: no locale or Intl data needed.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A 'YYYY-MM-DD' calendar date; no time zone shift (it is a date, not a moment). Anything else as given. */
export function formatCalendarDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** An ISO instant in the reader's own time zone (the runtime's): "27 Nov 2026, 14:05". */
export function formatInstantLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${hh}:${mm}`;
}

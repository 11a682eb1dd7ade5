/** Dates in the UI, through the domain's one formatter (the gate's messages use the same): "27 Nov 2026". */
import { formatCalendarDate, formatInstantLocal } from '#domain/date-format';

/** A Jira 'YYYY-MM-DD' release date, or "No date". */
export function formatReleaseDate(date: string | null): string {
  return date ? formatCalendarDate(date) : 'No date';
}

/** An ISO instant in the viewer's time zone: "27 Nov 2026, 14:05". */
export function formatInstant(iso: string | null | undefined): string {
  return iso ? formatInstantLocal(iso) : '—';
}

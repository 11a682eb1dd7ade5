/**
 * Where the daily risk scan goes on from, and what it verifies against Jira. Pure: the scan
 * (triggers/risk-scan.ts) stores the state between runs in Forge key-value storage.
 *
 * A run checks projects in a fixed order (by project id) starting after the last one the previous run
 * checked, wrapping around, until its time budget is spent or it has been round once. So a run that
 * stops at its budget is continued by the next one, and every project comes up again.
 */
import { z } from 'zod';

export const ScanStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** Id of the last project checked; the next run starts with the project after it. null: from the first. */
  after: z.string().nullable(),
  /** Per project id: where its next verification slice starts in its list of versions to verify. */
  verifyAt: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * Set when a run starts and cleared when it ends. A run that finds it still set with `after` unchanged
   * knows the previous run was stopped by Forge inside the first project it took up; that project is
   * passed over once so it cannot hold the scan forever.
   */
  running: z.object({ startedAt: z.string(), after: z.string().nullable() }).nullable(),
});
export type ScanState = z.output<typeof ScanStateSchema>;

export function emptyScanState(): ScanState {
  return { schemaVersion: 1, after: null, verifyAt: {}, running: null };
}

/** Unreadable state starts the scan from the first project (nothing is lost: every project comes up). */
export function parseScanState(value: unknown): ScanState {
  const parsed = ScanStateSchema.safeParse(value);
  return parsed.success ? parsed.data : emptyScanState();
}

/** Project ids are numbers as text: shorter first, so 9 comes before 10. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export interface RunPlan<P extends { id: string }> {
  /** Every project once, starting after the cursor. */
  order: P[];
  /** The first project in `order` stopped the previous run (Forge ended it inside that project). */
  passOverFirst: boolean;
}

export function planRun<P extends { id: string }>(state: ScanState, projects: readonly P[]): RunPlan<P> {
  const sorted = [...projects].sort((a, b) => compareIds(a.id, b.id));
  const after = state.after;
  // The first project after the cursor; a cursor past the last (or on a project since deleted) works too.
  const start = after === null ? 0 : sorted.findIndex((p) => compareIds(p.id, after) > 0);
  const from = start < 0 ? 0 : start;
  const order = [...sorted.slice(from), ...sorted.slice(0, from)];
  const passOverFirst = state.running !== null && state.running.after === state.after && order.length > 1;
  return { order, passOverFirst };
}

/** Each project's versions are all verified within this many daily runs. */
export const VERIFY_DAYS = 7;
/** At least this many versions of a project are verified whenever it is checked. */
export const VERIFY_MIN = 5;

/**
 * The slice of `ids` (sorted) to verify this run, from `at`, wrapping: max(VERIFY_MIN, 1/VERIFY_DAYS of
 * them), so each one is verified at least once in VERIFY_DAYS runs whatever the project's size.
 */
export function verifySlice(ids: readonly string[], at: number): { ids: string[]; next: number } {
  if (ids.length === 0) return { ids: [], next: 0 };
  const size = Math.min(ids.length, Math.max(VERIFY_MIN, Math.ceil(ids.length / VERIFY_DAYS)));
  const from = at % ids.length;
  const slice = [...ids.slice(from, from + size), ...ids.slice(0, Math.max(0, from + size - ids.length))];
  return { ids: slice, next: (from + size) % ids.length };
}

/** Version ids in verification order (numeric). */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareIds);
}

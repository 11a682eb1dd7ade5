import { LIMITS, type HandoffContent } from '#domain/handoff';
import { emptyContent } from '#domain/handoff-defaults';
import {
  acceptedRecords,
  appendRecord,
  collectRecords,
  contentAt,
  historyArchiveKey,
  historyArchiveKeys,
  historyHeadKey,
  HISTORY_ARCHIVE_SLOTS,
  liveArchivePages,
  revisionRecord,
  revisionSections,
  type HistoryPage,
  type HistoryRecord,
} from '#domain/history/history';
import { moveStage, initialRollout } from '#domain/living/rollout';
import { applyContent, applyStatus } from '#domain/revision';
import { jsonBytes, PROPERTY_MAX_BYTES } from '#domain/storage-size';
import { completeContent, storedHandoff } from '../domain/fixtures';

const priya = { accountId: 'acc-po', displayName: 'Priya Patel' };
const now = new Date('2026-07-01T12:00:00Z');
const target = { versionId: '10002', projectId: '10000' };

function record(revision: number, content: HandoffContent | null = completeContent()): HistoryRecord {
  return { revision, at: '2026-07-01T12:00:00.000Z', by: priya, sections: ["What's new"], content };
}

/** A content near the biggest a handoff can hold, in 3-byte characters. */
function hugeContent(): HandoffContent {
  const s = (n: number) => 'ש'.repeat(n);
  return {
    ...completeContent(),
    whatsNew: s(LIMITS.whatsNew),
    happyPath: Array.from({ length: LIMITS.steps }, () => s(LIMITS.step)),
  };
}

describe('revision records', () => {
  it('names the changed content sections, and Status / Rollout / Walkthrough changes', () => {
    const first = applyContent(null, target, completeContent(), priya, now);
    expect(revisionSections(null, first)).toEqual(["What's new", 'Happy path', 'Known limitations', 'Likely questions', 'Escalation L1', 'Escalation L2', 'Dashboard link']);
    const second = applyContent(first, target, completeContent({ whatsNew: 'Changed.' }), priya, now);
    expect(revisionRecord(first, second)).toMatchObject({ revision: 2, by: priya, sections: ["What's new"], content: second.content });
    const ready = applyStatus(second, 'ready', priya, now);
    expect(revisionSections(second, ready)).toEqual(['Status']);
    const moved = { ...ready, revision: 4, rollout: moveStage(initialRollout(), '1', 'Fine so far', priya, now) };
    expect(revisionSections(ready, moved)).toEqual(['Rollout']);
    expect(revisionSections(moved, { ...moved, walkthrough: { heldAt: '2026-07-01T10:00:00Z', attendees: [], questions: [] } })).toEqual(['Walkthrough']);
  });

  it('a content save keeps the rollout and walkthrough (applyContent carries them over)', () => {
    const rollout = moveStage(initialRollout(), '1', '', priya, now);
    const before = storedHandoff({ content: completeContent(), rollout, historyHead: 3 });
    const after = applyContent(before, target, completeContent({ whatsNew: 'New words.' }), priya, now);
    expect(after.rollout).toEqual(rollout);
    expect(after.historyHead).toBe(3);
  });
});

describe('history pages', () => {
  it('appends to the head while it fits, then archives it whole and starts the next page', () => {
    let head: HistoryPage | null = null;
    const archived: HistoryPage[] = [];
    for (let revision = 1; revision <= 60; revision++) {
      const write = appendRecord(head, '10002', record(revision, hugeContent()));
      expect(jsonBytes(write.head)).toBeLessThanOrEqual(PROPERTY_MAX_BYTES);
      if (write.archive) {
        expect(jsonBytes(write.archive)).toBeLessThanOrEqual(PROPERTY_MAX_BYTES);
        expect(write.archive.page).toBe(write.head.page - 1);
        archived.push(write.archive);
      }
      head = write.head;
    }
    expect(head?.page).toBeGreaterThan(HISTORY_ARCHIVE_SLOTS + 1);
    // Only the last 10 archived pages are live; each sits in its own slot.
    const live = liveArchivePages(head?.page ?? 0);
    expect(live).toHaveLength(HISTORY_ARCHIVE_SLOTS);
    expect(new Set(live.map((p) => historyArchiveKey('10002', p))).size).toBe(HISTORY_ARCHIVE_SLOTS);
    // Read the ring as Jira would hold it: the last page written to each slot.
    const slots = new Map<string, HistoryPage>();
    for (const page of archived) slots.set(historyArchiveKey('10002', page.page), page);
    const records = collectRecords(
      head,
      historyArchiveKeys('10002').map((key) => slots.get(key) ?? null),
    );
    expect(records[0]?.revision).toBe(60);
    expect(records.map((r) => r.revision)).toEqual([...records.map((r) => r.revision)].sort((a, b) => b - a));
    // Every kept revision is contiguous up to the newest, and at least 11 are kept even at the maximum size.
    expect(records.length).toBeGreaterThanOrEqual(HISTORY_ARCHIVE_SLOTS + 1);
    expect(records[records.length - 1]?.revision).toBe(60 - records.length + 1);
  });

  it('holds many small revisions per page', () => {
    let head: HistoryPage | null = null;
    for (let revision = 1; revision <= 10; revision++) head = appendRecord(head, '10002', record(revision)).head;
    expect(head).toMatchObject({ page: 1 });
    expect(head?.records).toHaveLength(10);
  });

  it('replaces records a failed save left behind instead of duplicating the revision', () => {
    let head = appendRecord(null, '10002', record(1)).head;
    head = appendRecord(head, '10002', record(2)).head;
    head = appendRecord(head, '10002', record(2, completeContent({ whatsNew: 'Retried.' }))).head;
    expect(head.records.map((r) => r.revision)).toEqual([1, 2]);
    expect(head.records[1]?.content?.whatsNew).toBe('Retried.');
  });

  it('keeps the metadata without a snapshot when the snapshot alone cannot fit in a page', () => {
    const tooBig = { ...hugeContent(), limitations: Array.from({ length: LIMITS.limitations }, () => '😀'.repeat(300)) };
    const write = appendRecord(null, '10002', record(1, tooBig));
    expect(jsonBytes(write.head)).toBeLessThanOrEqual(PROPERTY_MAX_BYTES);
    expect(write.head.records[0]).toMatchObject({ revision: 1, content: null });
  });

  it('ignores stale ring slots and reads revision 0 as the empty handoff', () => {
    const head: HistoryPage = { schemaVersion: 1, versionId: '10002', page: 2, records: [record(3)] };
    const stale: HistoryPage = { schemaVersion: 1, versionId: '10002', page: 12, records: [record(99)] };
    const live: HistoryPage = { schemaVersion: 1, versionId: '10002', page: 1, records: [record(1), record(2)] };
    const records = collectRecords(head, [stale, live]);
    expect(records.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(contentAt(records, 0)).toEqual(emptyContent());
    expect(contentAt(records, 7)).toBeNull();
    expect(historyHeadKey('10002')).toBe('cs-handoff.history.10002.head');
  });
});

describe('acceptedRecords', () => {
  const w = (revision: number, writeId: string) => ({ revision, writeId, by: 'acc-po', at: '2026-07-01T12:00:00.000Z' });
  const records = [{ ...record(4), writeId: 'lost' }, { ...record(3), writeId: 'w3' }, { ...record(2), writeId: 'loser' }, record(1)];

  it('drops records above the stored revision and records of writes that are not in the ring', () => {
    const kept = acceptedRecords(records, { revision: 3, acceptedWrites: [w(2, 'w2'), w(3, 'w3')] });
    expect(kept.map((r) => r.revision)).toEqual([3, 1]);
  });

  it('keeps records older than the ring, and everything when there is no handoff', () => {
    expect(acceptedRecords(records, { revision: 4, acceptedWrites: [] }).map((r) => r.revision)).toEqual([4, 3, 2, 1]);
    expect(acceptedRecords(records, null)).toHaveLength(4);
  });
});

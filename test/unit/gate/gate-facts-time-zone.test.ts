/**
 * The release gate's calendar per version (triggers/gate-load.ts gateFactsOf): the site's time zone when
 * Jira names one, else the zone of who marked the handoff ready, else the deployment's (UTC). Released at
 * 23:30 in Los Angeles on the release day, after being marked ready on time there.
 */
import { content } from '../../../bench/fixtures';
import { emptyGateRecord } from '#domain/gate/record';
import { DEFAULT_SETTINGS } from '#domain/gate/settings';
import type { StoredHandoff } from '#domain/handoff';
import type { JiraVersion } from '#jira';
import type { TriggerDeps } from '#triggers/deps';
import { gateFactsOf, type GateReads } from '#triggers/gate-load';

const VERSION = { id: '10003', projectId: '10000', name: '2026.07', released: true, archived: false, releaseDate: '2026-07-08' } as JiraVersion;
// Ready at 23:30 on 1 Jul in Los Angeles (the deadline: 8 Jul less 7 days), which is 2 Jul in UTC.
const READY_AT = '2026-07-02T06:30:00.000Z';
// Released at 23:30 on 8 Jul in Los Angeles: 9 Jul in UTC.
const RELEASED_AT = '2026-07-09T06:30:00.000Z';

function handoff(readyTimeZone?: string): StoredHandoff {
  return {
    schemaVersion: 1,
    versionId: VERSION.id,
    projectId: VERSION.projectId,
    content: content(),
    status: 'ready',
    readyAt: READY_AT,
    ...(readyTimeZone ? { readyTimeZone } : {}),
    revision: 2,
    updatedAt: READY_AT,
    updatedBy: { accountId: 'acc-po', displayName: 'Priya Patel' },
  };
}

const deps = { now: () => new Date(RELEASED_AT), timeZone: 'UTC', log: { error: () => undefined } } as unknown as TriggerDeps;
const reads = (stored: StoredHandoff): GateReads => ({
  projectId: VERSION.projectId,
  handoffValue: stored,
  gate: { value: emptyGateRecord(VERSION.id), revision: 0 },
  settings: DEFAULT_SETTINGS,
  index: null,
  gateToRepublish: null,
});

test('no site zone: the Los Angeles PO who marked it ready sets the calendar, so it was on time and released on 8 Jul', () => {
  const facts = gateFactsOf(deps, VERSION, reads(handoff('America/Los_Angeles')), { siteTimeZone: null, releasedAt: RELEASED_AT });
  expect(facts.rule.timeZone).toBe('America/Los_Angeles');
  expect(facts.releasedOn).toBe('2026-07-08');
  expect(facts.evaluation.state).not.toBe('late');
});

test('no site zone and none kept for the person: UTC, so the same handoff is late', () => {
  const facts = gateFactsOf(deps, VERSION, reads(handoff()), { siteTimeZone: null, releasedAt: RELEASED_AT });
  expect(facts.rule.timeZone).toBe('UTC');
  expect(facts.releasedOn).toBe('2026-07-09');
  expect(facts.evaluation.state).toBe('late');
});

test("the site's zone, when Jira names one, wins over the person's", () => {
  const facts = gateFactsOf(deps, VERSION, reads(handoff('America/Los_Angeles')), { siteTimeZone: 'Asia/Tokyo', releasedAt: RELEASED_AT });
  expect(facts.rule.timeZone).toBe('Asia/Tokyo');
  expect(facts.evaluation.state).toBe('late');
});

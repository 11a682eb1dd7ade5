/**
 * The gate counts days in the site's default time zone (serverInfo), end to end: on a Los Angeles site a
 * handoff marked ready at 23:30 local time on the deadline day is on time, though it is the next day in UTC.
 */
import { calendarDateIn } from '#domain/calendar';
import { addDaysTo } from '#domain/gate/rules';
import { startTestSite, type TestSite } from '../../../support';
import { gateSite } from './gate-helpers';

jest.setTimeout(60_000);
process.env.CS_HANDOFF_RETRY_DELAYS_MS = '10,10,10';
const LA = 'America/Los_Angeles';
let site: TestSite;
const gate = gateSite(() => site);

beforeAll(async () => {
  site = await startTestSite({ timeZone: LA });
});
afterAll(() => site.close());

/** The instant that is `hhmm` on `date` in Los Angeles (PST, UTC-8, or PDT, UTC-7). */
function laInstant(date: string, hhmm: string): string {
  for (const offset of ['-08:00', '-07:00']) {
    const instant = new Date(`${date}T${hhmm}:00${offset}`);
    if (calendarDateIn(instant, LA) === date && new Intl.DateTimeFormat('en-GB', { timeZone: LA, hour: '2-digit', minute: '2-digit' }).format(instant) === hhmm) {
      return instant.toISOString().replace(/\.\d{3}Z$/, '.000Z');
    }
  }
  throw new Error(`no instant for ${date} ${hhmm} in ${LA}`);
}

test('ready at 23:30 in Los Angeles on the deadline day: the release today goes through', async () => {
  const today = calendarDateIn(new Date(), LA);
  const deadline = addDaysTo(today, -7);
  const versionId = await gate.createVersion('2031.01 LA on time', today);
  await gate.writeReady(versionId);
  const instant = laInstant(deadline, '23:30');
  expect(calendarDateIn(new Date(instant), 'UTC')).toBe(addDaysTo(deadline, 1)); // the next day in UTC
  await gate.setReadyAt(versionId, instant);
  expect(await gate.releaseAsRita(versionId)).toBe(true);
  expect((await gate.record(versionId))?.decision).toMatchObject({ outcome: 'allowed', releasedOn: today });
});

test('ready at 00:30 in Los Angeles the day after the deadline: late, and put back', async () => {
  const today = calendarDateIn(new Date(), LA);
  const versionId = await gate.createVersion('2031.02 LA late', today);
  await gate.writeReady(versionId);
  await gate.setReadyAt(versionId, laInstant(addDaysTo(today, -6), '00:30'));
  expect(await gate.releaseAsRita(versionId)).toBe(false);
  expect((await gate.record(versionId))?.blocks[0]?.gateState).toBe('late');
});

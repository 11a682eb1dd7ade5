import { join } from 'node:path';
import { JobDoesNotExistError, Queue, TooManyEventsError } from '@forge/events';
import { startTestSite, type TestSite } from '../../support';
import { consumed, overlap } from './fixtures/app/src/queue';

const FIXTURE = join(__dirname, 'fixtures', 'app');

// One "second" of delayInSeconds / retryAfter is 2 ms here, so retries are quick but still ordered by delay.
describe('Forge host: async events (@forge/events 3.0.8 queues and consumers)', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE, queues: { msPerSecond: 2, maxRetries: 4 } });
  });
  afterAll(() => site.close());
  beforeEach(() => {
    consumed.length = 0;
  });

  const push = (queue: string, events: Parameters<Queue['push']>[0]) => site.host.runAsApp(() => new Queue({ key: queue }).push(events));
  const ids = (consumer?: string) => consumed.filter((c) => !consumer || c.consumer === consumer).map((c) => (c.event.body as { id: string }).id);

  test('a pushed event reaches its consumer after the push has answered, as an AsyncEvent', async () => {
    const { jobId } = await push('fixture-queue', { body: { id: 'hello' } });
    // Delivery is asynchronous: nothing ran inside the pushing invocation.
    expect(consumed).toEqual([]);
    await site.host.idle();
    expect(consumed).toHaveLength(1);
    expect(consumed[0]?.event).toEqual({ body: { id: 'hello' }, queueName: 'fixture-queue', jobId, eventId: expect.any(String) });
    expect(consumed[0]?.context).toEqual({ installContext: `ari:cloud:jira::site/${site.host.cloudId}` });
    const stats = await site.host.runAsApp(() => new Queue({ key: 'fixture-queue' }).getJob(jobId).getStats());
    expect(stats).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  test('delayInSeconds holds an event back: the undelayed one of the same push comes first', async () => {
    await push('fixture-queue', [{ body: { id: 'late' }, delayInSeconds: 20 }, { body: { id: 'now' } }]);
    await site.host.idle();
    expect(ids()).toEqual(['now', 'late']);
  });

  test('a consumer that returns InvocationError is retried with retryContext until it succeeds', async () => {
    const { jobId } = await push('fixture-queue', { body: { id: 'flaky', retries: 2 } });
    await site.host.idle();
    expect(consumed.map((c) => c.event.retryContext)).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { seen: 1 } },
      { retryCount: 2, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: { seen: 2 } },
    ]);
    expect(new Set(consumed.map((c) => c.event.eventId)).size).toBe(1);
    const attempts = site.host.deliveries.filter((d) => d.eventId === consumed[0]?.event.eventId);
    expect(attempts.map((d) => [d.attempt, d.status])).toEqual([
      [1, 'retry-requested'],
      [2, 'retry-requested'],
      [3, 'succeeded'],
    ]);
    expect(await site.host.runAsApp(() => new Queue({ key: 'fixture-queue' }).getStats(jobId))).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  test('retries stop after the limit and the event counts as failed', async () => {
    const { jobId } = await push('fixture-queue', { body: { id: 'hopeless', alwaysRetry: true } });
    await site.host.idle();
    expect(consumed.map((c) => c.event.retryContext?.retryCount ?? 0)).toEqual([0, 1, 2, 3, 4]);
    expect(await site.host.runAsApp(() => new Queue({ key: 'fixture-queue' }).getStats(jobId))).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  test('a consumer that throws is not retried: only a returned InvocationError asks for one', async () => {
    const { jobId } = await push('fixture-queue', { body: { id: 'broken', fail: true } });
    await site.host.idle();
    expect(ids()).toEqual(['broken']);
    expect(await site.host.runAsApp(() => new Queue({ key: 'fixture-queue' }).getStats(jobId))).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  test('a consumer that runs past its time limit is retried with FUNCTION_TIME_OUT', async () => {
    await push('fixture-slow-queue', { body: { id: 'slow', firstAttemptSleepMs: 1300 } });
    await site.host.idle();
    expect(consumed.map((c) => c.event.retryContext?.retryReason)).toEqual([undefined, 'FUNCTION_TIME_OUT']);
    const statuses = site.host.deliveries.filter((d) => d.queueName === 'fixture-slow-queue').map((d) => d.status);
    expect(statuses).toEqual(['failed', 'succeeded']);
  });

  test('a resolver consumer gets the event as the payload of its method', async () => {
    const { jobId } = await push('fixture-resolver-queue', { body: { id: 'via-resolver', retries: 1 } });
    await site.host.idle();
    expect(ids('resolver')).toEqual(['via-resolver', 'via-resolver']);
    expect(consumed[1]?.event).toMatchObject({ body: { id: 'via-resolver' }, queueName: 'fixture-resolver-queue', jobId, retryContext: { retryCount: 1 } });
    expect(consumed[1]?.context).toMatchObject({ jobId, moduleKey: 'fixture-resolver-consumer', installContext: `ari:cloud:jira::site/${site.host.cloudId}` });
  });

  test('idle() waits for events a consumer pushes in turn', async () => {
    await push('fixture-queue', { body: { id: 'first', chain: 'second' } });
    await site.host.idle();
    expect(ids()).toEqual(['first', 'second']);
  });

  test('cancelling a job drops its events that have not been delivered', async () => {
    const queue = () => new Queue({ key: 'fixture-queue' });
    const { jobId } = await push('fixture-queue', [
      { body: { id: 'never-1' }, delayInSeconds: 500 },
      { body: { id: 'never-2' }, delayInSeconds: 500 },
    ]);
    await site.host.runAsApp(() => queue().cancel(jobId));
    await site.host.idle();
    expect(ids()).toEqual([]);
    expect(await site.host.runAsApp(() => queue().getStats(jobId))).toEqual({ success: 0, inProgress: 0, failed: 0 });
    await expect(site.host.runAsApp(() => queue().getStats('no-such-job'))).rejects.toBeInstanceOf(JobDoesNotExistError);
  });

  test('events with a concurrency key run at most its limit at a time; others run together', async () => {
    const slow = (id: string, concurrency?: { key: string; limit: number }) => ({ body: { id, sleepMs: 30 }, ...(concurrency ? { concurrency } : {}) });
    overlap.max = 0;
    await push(
      'fixture-queue',
      ['a', 'b', 'c', 'd'].map((id) => slow(id, { key: 'version-10002', limit: 1 })),
    );
    await site.host.idle();
    expect(overlap.max).toBe(1);
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);

    overlap.max = 0;
    await push(
      'fixture-queue',
      ['e', 'f', 'g', 'h'].map((id) => slow(id, { key: 'version-10003', limit: 2 })),
    );
    await site.host.idle();
    expect(overlap.max).toBe(2);

    overlap.max = 0;
    await push(
      'fixture-queue',
      ['i', 'j', 'k'].map((id) => slow(id)),
    );
    await site.host.idle();
    expect(overlap.max).toBe(3);
  });

  test('an event for a queue no consumer declares is recorded as failed, naming the queue', async () => {
    await push('nobody-listens', { body: { id: 'lost' } });
    await site.host.idle();
    const failed = site.host.deliveries.filter((d) => d.queueName === 'nobody-listens');
    expect(failed.map((d) => [d.status, d.error])).toEqual([['failed', "No consumer module in manifest.yml consumes queue 'nobody-listens'"]]);
  });

  test("the client's own limits still apply (51 events in one push)", async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ body: { id: `m${i}` } }));
    await expect(push('fixture-queue', many)).rejects.toBeInstanceOf(TooManyEventsError);
  });
});

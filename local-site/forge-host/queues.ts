import { randomUUID } from 'node:crypto';
import type { Delivery, DeliveryLog } from './deliveries';

/**
 * Forge's async events (@forge/events 3.0.8) on the local host: `new Queue({ key }).push(...)` inside an
 * invocation reaches `__forge_fetch__({ type: 'fpp', provider: 'app', remote: 'stargate' },
 * '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}', …)` (out/queue.js,
 * out/queries.js); the events are then delivered, later, to the `consumer` module declared for the queue.
 *
 * Limits (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api, and the
 * client's own checks in out/validators.js): at most 50 events and 200 KB per push, `delayInSeconds`
 * 0–900, queue names /^[a-zA-Z0-9-_]+$/. A consumer asks for a retry by returning `new InvocationError({
 * retryAfter, retryReason, retryData })` (or a QueueResponse with `retry()`): both serialise to
 * `{ _retry: true, retryOptions }` (out/invocationError.js, out/queueResponse.js). The redelivered event
 * carries `retryContext: { retryCount, retryReason, retryData }` (AsyncEvent in out/types.d.ts).
 * What Forge does is not fully documented where the local host must choose; its choices, all settable:
 * - a retry request is honoured up to `maxRetries` times (default 4), after `retryAfter` seconds (at
 *   least 1, at most 900);
 * - a consumer that runs out of time is retried the same way with retryReason FUNCTION_TIME_OUT;
 * - a consumer that throws is not retried (the app must ask), and its events count as failed;
 * - events pushed with `concurrency: { key, limit }` run at most `limit` at a time per key; the others
 *   wait their turn (in push order).
 */

export interface ConsumerModule {
  key: string;
  queue: string;
  /** `function:` consumers get the AsyncEvent as their first argument. */
  function?: string;
  /** `resolver: { function, method }` consumers get it as the resolver call's payload. */
  resolver?: { function: string; method: string };
}

export interface QueueOptions {
  /** Milliseconds per second of `delayInSeconds` and `retryAfter`; 1000 is real time, tests use ~1. */
  msPerSecond?: number;
  /** How many retries one event gets at most. */
  maxRetries?: number;
}

interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
}

/** The event a consumer receives (AsyncEvent of @forge/events out/types.d.ts). */
export interface AsyncEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: RetryContext;
}

interface Job {
  queueName: string;
  success: number;
  failed: number;
  inProgress: number;
  timers: Set<NodeJS.Timeout>;
  cancelled: boolean;
}

/** Runs one consumer call in an invocation; `timedOut` tells a time-out from any other failure. */
export type RunConsumer = (consumer: ConsumerModule, event: AsyncEvent) => Promise<unknown>;

export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 200 * 1024;
export const MAX_DELAY_SECONDS = 900;
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export class FunctionTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionTimeoutError';
  }
}

export interface QueueHost {
  /** Answers @forge/events's publish, stats and cancel calls. */
  handle(path: string, init?: RequestInit): Promise<Response>;
  /** Events pushed and not yet finally delivered (waiting, running, or waiting for a retry). */
  pending(): number;
  close(): void;
}

export function createQueueHost(args: { consumers: ConsumerModule[]; log: DeliveryLog; run: RunConsumer; options?: QueueOptions; warn: (text: string) => void }): QueueHost {
  const { consumers, log, run, warn } = args;
  const msPerSecond = args.options?.msPerSecond ?? 1000;
  const maxRetries = args.options?.maxRetries ?? 4;
  const jobs = new Map<string, Job>();
  let pendingEvents = 0;
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  /** Starts `work` now, or when a slot of the event's concurrency key is free. */
  function whenSlotFree(event: AsyncEvent, work: () => void): void {
    const c = event.concurrency;
    if (!c) return work();
    const running = active.get(c.key) ?? 0;
    if (running < Math.max(1, c.limit)) {
      active.set(c.key, running + 1);
      return work();
    }
    waiting.set(c.key, [...(waiting.get(c.key) ?? []), work]);
  }

  function freeSlot(event: AsyncEvent): void {
    const c = event.concurrency;
    if (!c) return;
    const next = waiting.get(c.key)?.shift();
    if (next) return next();
    active.set(c.key, (active.get(c.key) ?? 1) - 1);
  }

  function later(job: Job, seconds: number, work: () => void): void {
    const timer = setTimeout(() => {
      job.timers.delete(timer);
      work();
    }, seconds * msPerSecond);
    job.timers.add(timer);
  }

  function settle(job: Job, outcome: 'success' | 'failed' | 'cancelled'): void {
    job.inProgress--;
    if (outcome !== 'cancelled') job[outcome]++;
    pendingEvents--;
  }

  function deliver(job: Job, event: AsyncEvent): void {
    if (job.cancelled) return settle(job, 'cancelled');
    const consumer = consumers.find((c) => c.queue === event.queueName);
    const functionKey = consumer?.function ?? consumer?.resolver?.function ?? '';
    const base: Omit<Delivery, 'id' | 'startedAt'> = {
      kind: 'consumer',
      moduleKey: consumer?.key ?? '',
      functionKey,
      queueName: event.queueName,
      eventId: event.eventId,
      attempt: (event.retryContext?.retryCount ?? 0) + 1,
      status: 'running',
    };
    if (!consumer) {
      const entry = log.record({ ...base, status: 'failed', error: `No consumer module in manifest.yml consumes queue '${event.queueName}'` });
      entry.endedAt = Date.now();
      warn(entry.error as string);
      return settle(job, 'failed');
    }
    whenSlotFree(event, () => {
      if (job.cancelled) {
        freeSlot(event);
        return settle(job, 'cancelled');
      }
      const delivery = log.record(base);
      void log
        .track(delivery, () => run(consumer, event))
        .then(
          (result) => {
            freeSlot(event);
            const retry = retryRequest(result);
            if (!retry) return settle(job, 'success');
            delivery.status = 'retry-requested';
            again(job, event, retry.retryReason ?? 'FUNCTION_RETRY_REQUEST', retry.retryAfter, retry.retryData);
          },
          (e: unknown) => {
            freeSlot(event);
            if (e instanceof FunctionTimeoutError) return again(job, event, 'FUNCTION_TIME_OUT', 1, undefined);
            warn(`consumer '${consumer.key}' failed on queue '${event.queueName}': ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
            settle(job, 'failed');
          },
        );
    });
  }

  function again(job: Job, event: AsyncEvent, retryReason: string, retryAfter: unknown, retryData: unknown): void {
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retryCount > maxRetries) {
      warn(`event ${event.eventId} on queue '${event.queueName}' asked for retry ${retryCount}; at most ${maxRetries} retries are made`);
      return settle(job, 'failed');
    }
    const seconds = Math.min(MAX_DELAY_SECONDS, Math.max(1, typeof retryAfter === 'number' && Number.isFinite(retryAfter) ? retryAfter : 1));
    const next: AsyncEvent = { ...event, retryContext: { retryCount, retryReason, ...(retryData !== undefined ? { retryData } : {}) } };
    later(job, seconds, () => deliver(job, next));
  }

  function publish(body: { queueName?: unknown; jobId?: unknown; payload?: unknown }): Response {
    const queueName = typeof body.queueName === 'string' ? body.queueName : '';
    if (!QUEUE_NAME.test(queueName)) return json(400, { message: `Invalid queue name '${queueName}'` });
    const events = Array.isArray(body.payload) ? (body.payload as { body?: unknown; delayInSeconds?: unknown; concurrency?: unknown }[]) : [];
    if (events.length === 0 || events.length > MAX_EVENTS_PER_PUSH) return json(400, { message: `A push carries 1 to ${MAX_EVENTS_PER_PUSH} events (got ${events.length})` });
    const bytes = Buffer.byteLength(JSON.stringify(events), 'utf8');
    if (bytes > MAX_PUSH_BYTES) return json(413, { errorMessage: `The events are ${bytes} bytes; at most ${MAX_PUSH_BYTES} bytes (200 KB) may be pushed at once` });
    for (const e of events) {
      const delay = e.delayInSeconds;
      if (typeof e.body !== 'object' || e.body === null || Array.isArray(e.body)) return json(400, { message: 'Every event needs an object body' });
      if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > MAX_DELAY_SECONDS)) return json(400, { message: `delayInSeconds must be 0 to ${MAX_DELAY_SECONDS}` });
    }
    const jobId = typeof body.jobId === 'string' && body.jobId ? body.jobId : randomUUID();
    const job: Job = { queueName, success: 0, failed: 0, inProgress: events.length, timers: new Set(), cancelled: false };
    jobs.set(jobId, job);
    pendingEvents += events.length;
    for (const e of events) {
      const event: AsyncEvent = {
        body: e.body as Record<string, unknown>,
        queueName,
        jobId,
        eventId: randomUUID(),
        ...(typeof e.delayInSeconds === 'number' ? { delayInSeconds: e.delayInSeconds } : {}),
        ...(e.concurrency ? { concurrency: e.concurrency as AsyncEvent['concurrency'] & object } : {}),
      };
      // Never inside the pushing invocation: Forge delivers after the push has answered.
      later(job, typeof e.delayInSeconds === 'number' ? e.delayInSeconds : 0, () => deliver(job, event));
    }
    return json(201, { jobId });
  }

  function jobOf(body: { queueName?: unknown; jobId?: unknown }): Job | undefined {
    const job = typeof body.jobId === 'string' ? jobs.get(body.jobId) : undefined;
    return job && job.queueName === body.queueName ? job : undefined;
  }

  function answer(path: string, init?: RequestInit): Response {
    const text = typeof init?.body === 'string' ? init.body : '';
    let body: Record<string, unknown>;
    try {
      body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    } catch {
      return json(400, { message: 'The request body is not JSON' });
    }
    if (path.startsWith('/webhook/queue/publish/')) return publish(body);
    if (path.startsWith('/webhook/queue/stats/')) {
      const job = jobOf(body);
      return job ? json(200, { success: job.success, inProgress: job.inProgress, failed: job.failed }) : json(404, { message: 'No such job' });
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      const job = jobOf(body);
      if (!job) return json(404, { message: 'No such job' });
      // Events waiting for their (first or next) delivery are dropped; running ones finish.
      job.cancelled = true;
      for (const timer of job.timers) {
        clearTimeout(timer);
        settle(job, 'cancelled');
      }
      job.timers.clear();
      return new Response(null, { status: 204 });
    }
    return json(404, { message: `The local Forge host has no async-events endpoint '${path}'` });
  }

  return {
    handle(path, init) {
      // Nothing in an answer waits; the promise keeps a fault a rejection, as an async handler did.
      return new Promise<Response>((resolve) => resolve(answer(path, init)));
    },
    pending: () => pendingEvents,
    close() {
      for (const job of jobs.values()) for (const timer of job.timers) clearTimeout(timer);
      jobs.clear();
      pendingEvents = 0;
    },
  };
}

/** `{ _retry: true, retryOptions }` from InvocationError or a QueueResponse whose retry() was called. */
function retryRequest(result: unknown): { retryAfter?: number; retryReason?: string; retryData?: unknown } | undefined {
  if (typeof result !== 'object' || result === null || (result as { _retry?: unknown })._retry !== true) return undefined;
  return (result as { retryOptions?: unknown }).retryOptions ?? {};
}

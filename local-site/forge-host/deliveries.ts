/** One call of a backend function that no browser waited for: a product event, a schedule, a validator. */
export interface Delivery {
  id: number;
  kind: 'trigger' | 'scheduledTrigger' | 'workflowValidator' | 'consumer';
  moduleKey: string;
  functionKey: string;
  eventType?: string;
  versionId?: string;
  /** Async events (consumer deliveries): the queue, the event and which attempt this is (1 = first). */
  queueName?: string;
  eventId?: string;
  attempt?: number;
  status: 'running' | 'succeeded' | 'failed' | 'ignored-self' | 'retry-requested';
  result?: unknown;
  error?: string;
  startedAt: number;
  endedAt?: number;
}

/** Keeps the delivery log and knows when nothing is running or waiting, so tests can wait for a trigger's effect. */
export class DeliveryLog {
  readonly entries: Delivery[] = [];
  private running = 0;
  /** Deliveries scheduled for later (Forge delivers product events late), not yet started. */
  private readonly scheduled = new Set<NodeJS.Timeout>();
  private lastChange = Date.now();
  private nextId = 1;

  record(entry: Omit<Delivery, 'id' | 'startedAt'>): Delivery {
    const delivery: Delivery = { ...entry, id: this.nextId++, startedAt: Date.now() };
    this.entries.push(delivery);
    this.lastChange = Date.now();
    return delivery;
  }

  /** Runs `deliver` after `ms`; idle() waits for it. */
  schedule(ms: number, deliver: () => void): void {
    const timer = setTimeout(() => {
      this.scheduled.delete(timer);
      this.lastChange = Date.now();
      deliver();
    }, ms);
    this.scheduled.add(timer);
    this.lastChange = Date.now();
  }

  /** Drops what has not been delivered yet (the site is closing). */
  cancelScheduled(): void {
    for (const timer of this.scheduled) clearTimeout(timer);
    this.scheduled.clear();
  }

  async track<T>(delivery: Delivery, work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      const result = await work();
      delivery.status = 'succeeded';
      delivery.result = result;
      return result;
    } catch (e) {
      delivery.status = 'failed';
      delivery.error = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      delivery.endedAt = Date.now();
      this.running--;
      this.lastChange = Date.now();
    }
  }

  /**
   * Resolves once no delivery is running or scheduled and none started for `quietMs`. The quiet period
   * matters because Jira events are emitted after the HTTP response, i.e. a moment after the caller's
   * request resolved.
   */
  async idle(quietMs = 25, timeoutMs = 15000): Promise<void> {
    const giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (this.running === 0 && this.scheduled.size === 0 && Date.now() - this.lastChange >= quietMs) return;
      if (Date.now() > giveUpAt) {
        throw new Error(`Forge host still busy after ${timeoutMs} ms (${this.running} deliveries running, ${this.scheduled.size} scheduled)`);
      }
    }
  }
}

export interface BucketSpec {
  /** Tokens the bucket holds when full: the burst a caller may spend at once. */
  capacity: number;
  /** Tokens added back every second, up to the capacity. */
  refillPerSecond: number;
}

/**
 * A token bucket that makes callers wait their turn: each `take()` resolves once a token is available, in the
 * order the calls were made. Waiting is one timer for the head of the queue, never a polling loop.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private readonly waiters: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
  ) {
    if (!(spec.capacity >= 1) || !(spec.refillPerSecond > 0)) {
      throw new RangeError(`a token bucket needs capacity >= 1 and a positive refill rate, got ${JSON.stringify(spec)}`);
    }
    this.tokens = spec.capacity;
    this.refilledAt = now();
  }

  /** Resolves when the caller may make one request. */
  take(): Promise<void> {
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  /** Takes a token if one is there right now, without waiting: for a server that refuses instead of queueing. */
  tryTake(): boolean {
    this.refill();
    if (this.waiters.length > 0 || this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Empties the bucket: the server said it is out of tokens, so its bucket and ours have drifted apart (other clients
   * of the account, or requests arriving closer together than they were sent). Waiting callers keep their order.
   */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Tokens available now (fractional while refilling); for tests and reports. */
  available(): number {
    this.refill();
    return this.tokens;
  }

  /** How long a `take()` made now would wait, in ms: behind every caller already waiting, at the refill rate. */
  expectedWaitMs(): number {
    this.refill();
    const missing = this.waiters.length + 1 - this.tokens;
    return missing <= 0 ? 0 : (missing / this.spec.refillPerSecond) * 1000;
  }

  /** Callers waiting for a token. */
  get waiting(): number {
    return this.waiters.length;
  }

  private refill(): void {
    const now = this.now();
    const elapsedSeconds = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.spec.capacity, this.tokens + elapsedSeconds * this.spec.refillPerSecond);
    this.refilledAt = now;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.waiters.length === 0) return;
    const missing = Math.max(0, 1 - this.tokens);
    const delayMs = Math.ceil((missing / this.spec.refillPerSecond) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
    }, delayMs);
    // A process with nothing else to do must not stay alive only because a caller is waiting for a token.
    this.timer.unref?.();
  }

  private release(): void {
    this.refill();
    while (this.waiters.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.waiters.shift()!();
    }
    this.schedule();
  }
}

import { RegistryClock } from './clock';

/**
 * How hard one host may be used.
 *
 * @internal
 */
export interface HostGateLimits {
  /** Requests in flight at once. */
  maxConcurrency: number;
  /** Request starts per second. */
  requestsPerSecond: number;
}

/**
 * Admits requests to one host: at most `maxConcurrency` at once, starts
 * spaced by `1 / requestsPerSecond`, and none while the host has asked us
 * to wait (429 or an exhausted rate-limit window).
 *
 * @internal
 */
export class HostGate {
  private active = 0;
  private readonly waiters: Array<{ admit: () => void }> = [];
  private nextStart = 0;
  private pausedUntil = 0;

  constructor(
    private readonly limits: HostGateLimits,
    private readonly clock: RegistryClock,
  ) {}

  /**
   * Whether the gate holds nothing worth keeping at `now`: no request in
   * flight or waiting, no pause and no spacing still to keep.
   */
  isIdle(now: number): boolean {
    return (
      this.active === 0 &&
      this.waiters.length === 0 &&
      this.pausedUntil <= now &&
      this.nextStart <= now
    );
  }

  /** Holds back every request to this host until `until` (epoch ms). */
  pauseUntil(until: number) {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      await this.waitForTurn(signal);
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(signal?: AbortSignal) {
    if (this.active < this.limits.maxConcurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter = { admit: resolve };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) {
          this.waiters.splice(index, 1);
        }
        reject(signal!.reason);
      };
      waiter.admit = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private release() {
    const next = this.waiters.shift();
    if (next) {
      // The slot passes straight to the next waiter.
      next.admit();
    } else {
      this.active--;
    }
  }

  private async waitForTurn(signal?: AbortSignal) {
    const spacing = 1000 / this.limits.requestsPerSecond;
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      const start = Math.max(now, this.nextStart, this.pausedUntil);
      if (start <= now) {
        this.nextStart = now + spacing;
        return;
      }
      // Re-check after waking: another request may have moved the times.
      await this.clock.sleep(start - now, signal);
    }
  }
}

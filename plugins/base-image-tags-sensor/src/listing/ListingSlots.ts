/**
 * Thrown when every slot is busy and the queue is full, or a queued
 * listing waited too long: the sensor then answers 503 at once.
 *
 * @public
 */
export class SensorOverloadedError extends Error {
  name = 'SensorOverloadedError' as const;
}

/**
 * Limits of {@link ListingSlots}.
 *
 * @public
 */
export interface ListingSlotsOptions {
  /** Listings that run at once. */
  maxConcurrent: number;
  /** Listings that may wait for a slot; more are refused at once. */
  maxQueued: number;
  /** Longest wait for a slot before the listing is refused. */
  queueTimeoutMs: number;
}

interface Waiter {
  grant: () => void;
  refuse: (error: unknown) => void;
  timer?: NodeJS.Timeout;
  onAbort?: () => void;
}

/**
 * Bounded concurrency with a short, bounded queue: a busy sensor refuses
 * quickly instead of holding requests until the caller gives up.
 *
 * @public
 */
export class ListingSlots {
  private running = 0;
  private readonly queue: Waiter[] = [];
  private readonly options: ListingSlotsOptions;

  constructor(options: ListingSlotsOptions) {
    this.options = options;
  }

  /** Listings running now and waiting now. */
  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  /**
   * Runs the task in a slot. Rejects with {@link SensorOverloadedError}
   * when no slot frees up in time, or with the signal's reason when the
   * caller gives up while waiting.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.running < this.options.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(
        new SensorOverloadedError(
          `All ${this.options.maxConcurrent} listing slots are busy and ${this.options.maxQueued} listings are waiting`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          this.leave(waiter, signal);
          resolve();
        },
        refuse: error => {
          this.leave(waiter, signal);
          reject(error);
        },
      };
      waiter.onAbort = () => waiter.refuse(signal?.reason);
      waiter.timer = setTimeout(
        () =>
          waiter.refuse(
            new SensorOverloadedError(
              `No listing slot became free within ${this.options.queueTimeoutMs} ms`,
            ),
          ),
        this.options.queueTimeoutMs,
      );
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.queue.push(waiter);
    });
  }

  private leave(waiter: Waiter, signal: AbortSignal | undefined) {
    clearTimeout(waiter.timer);
    if (waiter.onAbort) {
      signal?.removeEventListener('abort', waiter.onAbort);
    }
    const index = this.queue.indexOf(waiter);
    if (index >= 0) {
      this.queue.splice(index, 1);
    }
  }

  private release() {
    const next = this.queue[0];
    if (next) {
      // The slot passes straight to the next waiter.
      next.grant();
    } else {
      this.running--;
    }
  }
}

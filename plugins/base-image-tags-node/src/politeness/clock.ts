import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time as the client sees it; tests swap in a fake so that backoff waits
 * do not sleep.
 *
 * @public
 */
export interface RegistryClock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The real clock.
 *
 * @public
 */
export const systemClock: RegistryClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    ms <= 0 && !signal?.aborted
      ? Promise.resolve()
      : delay(Math.max(0, ms), undefined, { signal }),
};

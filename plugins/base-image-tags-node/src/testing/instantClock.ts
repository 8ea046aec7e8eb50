import { RegistryClock } from '../politeness/clock';

/**
 * A clock whose sleeps return at once and move its time forward, so that
 * backoff and `Retry-After` waits cost nothing in tests.
 *
 * @public
 */
export interface InstantClock extends RegistryClock {
  /** Every wait asked for, in milliseconds. */
  sleeps: number[];
  /** Moves the time forward. */
  advance(ms: number): void;
}

/**
 * Creates an {@link InstantClock} starting at `start` (epoch ms).
 *
 * @public
 */
export function createInstantClock(start = Date.now()): InstantClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: ms => {
      now += ms;
    },
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
  };
}

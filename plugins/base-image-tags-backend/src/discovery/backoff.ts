/**
 * Settings of {@link nextAttemptDelayMs}.
 *
 * @public
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Jitter source in [0, 1); defaults to `Math.random`. */
  random?: () => number;
}

/**
 * How long to wait after the given number of consecutive failures:
 * exponential from `initialMs`, with ±25% jitter so that repositories that
 * failed together do not retry together, at most `maxMs`. A registry's
 * `Retry-After` wins when it is longer, still at most `maxMs`.
 *
 * @public
 */
export function nextAttemptDelayMs(
  consecutiveFailures: number,
  options: BackoffOptions,
  retryAfterMs?: number,
): number {
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(consecutiveFailures, 1) - 1, 40);
  const base = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  const jittered = base * (0.75 + 0.5 * random());
  const delay = Math.max(jittered, retryAfterMs ?? 0);
  return Math.round(Math.min(options.maxMs, delay));
}

/**
 * Bounded exponential backoff with equal jitter: a random wait between half
 * and all of `base * 2^attempt`, capped at `max`.
 *
 * @internal
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseMs = 1000,
  maxMs = 30_000,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

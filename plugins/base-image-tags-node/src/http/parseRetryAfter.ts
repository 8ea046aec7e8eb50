/**
 * The longest wait a `Retry-After` is read as: absurd values (ten years, a
 * date in 2100, a number of 400 digits) mean "much later", not forever.
 *
 * @internal
 */
export const maxRetryAfterMs = 24 * 3600_000;

/**
 * Reads `Retry-After` as delay-seconds or as an HTTP date, in milliseconds
 * from `now`, at most {@link maxRetryAfterMs}. Unreadable values give
 * `undefined`; dates in the past give 0.
 *
 * @internal
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number,
): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) {
    return undefined;
  }
  if (/^\d+(\.\d+)?$/.test(raw)) {
    return Math.min(Math.round(Number(raw) * 1000), maxRetryAfterMs);
  }
  // An HTTP date names its weekday; this keeps "-5" from parsing as a year.
  const date = /^[a-z]{3},/i.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.min(Math.max(0, date - now), maxRetryAfterMs);
}

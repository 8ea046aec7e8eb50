/**
 * Reads `Retry-After` as delay-seconds or as an HTTP date, in milliseconds
 * from `now`. Unreadable values give `undefined`; dates in the past give 0.
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
    return Math.round(Number(raw) * 1000);
  }
  // An HTTP date names its weekday; this keeps "-5" from parsing as a year.
  const date = /^[a-z]{3},/i.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60_000],
  ['month', 30 * 24 * 60 * 60_000],
  ['week', 7 * 24 * 60 * 60_000],
  ['day', 24 * 60 * 60_000],
  ['hour', 60 * 60_000],
  ['minute', 60_000],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exact = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'long',
});

/**
 * How long ago or how far ahead a time is, in words: `5 minutes ago`,
 * `in 4 hours`; under a minute is `just now` or `in under a minute`.
 */
export function formatRelativeTime(time: Date, now: Date): string {
  const difference = time.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) {
      return relative.format(Math.round(difference / size), unit);
    }
  }
  return difference > 0 ? 'in under a minute' : 'just now';
}

/** The exact time, with date and time zone, for a tooltip. */
export function formatExactTime(time: Date): string {
  return exact.format(time);
}

import { nextAttemptDelayMs } from './backoff';

const minute = 60_000;
const options = { initialMs: 15 * minute, maxMs: 24 * 60 * minute };

describe('nextAttemptDelayMs', () => {
  it('doubles per failure from the initial delay, up to the maximum', () => {
    const middle = { ...options, random: () => 0.5 };
    expect(
      [1, 2, 3, 4, 10].map(failures => nextAttemptDelayMs(failures, middle)),
    ).toEqual([15, 30, 60, 120, 24 * 60].map(m => m * minute));
  });

  it('spreads retries by up to a quarter either way', () => {
    expect(nextAttemptDelayMs(2, { ...options, random: () => 0 })).toBe(
      22.5 * minute,
    );
    expect(nextAttemptDelayMs(2, { ...options, random: () => 0.999 })).toBe(
      Math.round(30 * minute * 1.2495),
    );
    expect(nextAttemptDelayMs(20, { ...options, random: () => 0.999 })).toBe(
      options.maxMs,
    );
  });

  it('honours a longer Retry-After, within the maximum', () => {
    const middle = { ...options, random: () => 0.5 };
    expect(nextAttemptDelayMs(1, middle, 90 * minute)).toBe(90 * minute);
    expect(nextAttemptDelayMs(1, middle, minute)).toBe(15 * minute);
    expect(nextAttemptDelayMs(1, middle, 100 * 24 * 60 * minute)).toBe(
      options.maxMs,
    );
  });
});

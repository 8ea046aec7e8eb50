import { formatExactTime, formatRelativeTime } from './formatRelativeTime';

const now = new Date('2024-05-01T12:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

describe('formatRelativeTime', () => {
  it.each([
    [-20_000, 'just now'],
    [30_000, 'in under a minute'],
    [-5 * 60_000, '5 minutes ago'],
    [-60 * 60_000, '1 hour ago'],
    [4 * 60 * 60_000, 'in 4 hours'],
    [-24 * 60 * 60_000, 'yesterday'],
    [-3 * 24 * 60 * 60_000, '3 days ago'],
    [-14 * 24 * 60 * 60_000, '2 weeks ago'],
    [-400 * 24 * 60 * 60_000, 'last year'],
  ])('words an offset of %p ms as %p', (offset, expected) => {
    expect(formatRelativeTime(at(offset), now)).toBe(expected);
  });
});

describe('formatExactTime', () => {
  it('includes the date and the time of day', () => {
    const text = formatExactTime(now);
    expect(text).toMatch(/2024/);
    expect(text).toMatch(/May/);
    expect(text).toMatch(/\d{1,2}:00:00/);
  });
});

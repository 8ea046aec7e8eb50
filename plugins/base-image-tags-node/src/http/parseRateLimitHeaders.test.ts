import { parseRateLimitHeaders } from './parseRateLimitHeaders';

describe('parseRateLimitHeaders', () => {
  it("reads Docker Hub's headers", () => {
    expect(
      parseRateLimitHeaders({
        'ratelimit-limit': '100;w=21600',
        'ratelimit-remaining': '0;w=21600',
      }),
    ).toEqual({ limit: 100, remaining: 0 });
  });

  it('reads the combined form', () => {
    expect(
      parseRateLimitHeaders({ ratelimit: 'limit=10, remaining=3, reset=7' }),
    ).toEqual({ limit: 10, remaining: 3, resetMs: 7000 });
  });

  it('treats missing or unreadable counts as unknown', () => {
    expect(
      parseRateLimitHeaders({
        'ratelimit-limit': '100',
        'ratelimit-remaining': 'lots',
      }),
    ).toEqual({ limit: 100 });
    expect(parseRateLimitHeaders({})).toBeUndefined();
  });
});

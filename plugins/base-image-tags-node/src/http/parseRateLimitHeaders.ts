import { RateLimitStatus } from '../types';

type Headers = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value;
}

/** The leading number of `100;w=21600` or `100`; otherwise unknown. */
function leadingNumber(value: string | undefined): number | undefined {
  const match = value && /^\s*(\d+(?:\.\d+)?)/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/**
 * Reads `RateLimit-Limit`/`-Remaining`/`-Reset` (Docker Hub writes
 * `100;w=21600`) and the combined `RateLimit: limit=…, remaining=…, reset=…`
 * form. Anything missing or unreadable is unknown; no headers at all give
 * `undefined`.
 *
 * @internal
 */
export function parseRateLimitHeaders(
  headers: Headers,
): RateLimitStatus | undefined {
  const status: RateLimitStatus = {};
  const combined = first(headers.ratelimit);
  if (combined) {
    for (const part of combined.split(/[,;]/)) {
      const [key, value] = part.split('=').map(s => s.trim().toLowerCase());
      const number = leadingNumber(value);
      if (number === undefined) {
        continue;
      }
      if (key === 'limit') {
        status.limit = number;
      } else if (key === 'remaining' || key === 'r') {
        status.remaining = number;
      } else if (key === 'reset' || key === 't') {
        status.resetMs = number * 1000;
      }
    }
  }
  const limit = leadingNumber(
    first(headers['ratelimit-limit'] ?? headers['x-ratelimit-limit']),
  );
  const remaining = leadingNumber(
    first(headers['ratelimit-remaining'] ?? headers['x-ratelimit-remaining']),
  );
  const reset = leadingNumber(first(headers['ratelimit-reset']));
  if (limit !== undefined) {
    status.limit = limit;
  }
  if (remaining !== undefined) {
    status.remaining = remaining;
  }
  if (reset !== undefined) {
    status.resetMs = reset * 1000;
  }
  return Object.keys(status).length > 0 ? status : undefined;
}

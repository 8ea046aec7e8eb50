import { RepositoryStatus } from '@base-image-tags/plugin-base-image-tags-common';
import { RepositoryRecord } from './BaseImageTagsStore';

/**
 * A row of `repositories`.
 *
 * @internal
 */
export interface RepositoryRow {
  id: string;
  registry: string;
  repository: string;
  status: string;
  via: string | null;
  tag_count: number | null;
  last_polled_at: Date | string | null;
  last_success_at: Date | string | null;
  failing_since: Date | string | null;
  next_attempt_at: Date | string;
  consecutive_failures: number;
  last_error: string | null;
  last_error_kind: string | null;
  refresh_requested_at: Date | string | null;
  lease_owner: string | null;
  lease_until: Date | string | null;
}

/**
 * A row of `patterns`.
 *
 * @internal
 */
export interface PatternRow {
  id: string;
  key: string;
  raw: string;
  repository_id: string | null;
  error: string | null;
  counts: string | null;
}

/**
 * A row of `pattern_sources`.
 *
 * @internal
 */
export interface PatternSourceRow {
  pattern_id: string;
  source: string;
}

/**
 * A row of `pattern_tags`.
 *
 * @internal
 */
export interface PatternTagRow {
  pattern_id: string;
  tag: string;
  rank: number;
  first_seen_at: Date | string;
}

/**
 * Times are written as ISO 8601 UTC strings: PostgreSQL parses them into
 * `timestamptz`, and SQLite keeps them as text that sorts in time order.
 *
 * @internal
 */
export function timestamp(date: Date): string {
  return date.toISOString();
}

/**
 * Reads a time column, which PostgreSQL returns as a Date.
 *
 * @internal
 */
export function readTime(value: Date | string | number): Date;
export function readTime(
  value: Date | string | number | null | undefined,
): Date | undefined;
export function readTime(
  value: Date | string | number | null | undefined,
): Date | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  return value instanceof Date ? value : new Date(value);
}

/**
 * Splits a list so that `whereIn` stays below parameter limits.
 *
 * @internal
 */
export function chunks<T>(items: T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) {
    result.push(items.slice(index, index + size));
  }
  return result;
}

/**
 * Maps a `repositories` row to its record.
 *
 * @internal
 */
export function toRepositoryRecord(row: RepositoryRow): RepositoryRecord {
  return {
    id: row.id,
    registry: row.registry,
    repository: row.repository,
    status: row.status as RepositoryStatus,
    via: row.via ?? undefined,
    tagCount: row.tag_count ?? undefined,
    lastPolledAt: readTime(row.last_polled_at),
    lastSuccessAt: readTime(row.last_success_at),
    failingSince: readTime(row.failing_since),
    nextAttemptAt: readTime(row.next_attempt_at),
    consecutiveFailures: Number(row.consecutive_failures),
    lastError: row.last_error ?? undefined,
    lastErrorKind: row.last_error_kind ?? undefined,
    refreshRequestedAt: readTime(row.refresh_requested_at),
  };
}

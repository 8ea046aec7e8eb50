import { Knex } from 'knex';
import { ListingFailure, RepositoryRecord } from './BaseImageTagsStore';
import { chunks, RepositoryRow, timestamp, toRepositoryRecord } from './tables';

/**
 * Allowed repositories due at `now` (their time came, or a refresh was
 * asked for) whose lease is free or expired.
 *
 * @internal
 */
export function dueRepositories(knex: Knex, now: Date) {
  const at = timestamp(now);
  return knex<RepositoryRow>('repositories')
    .whereNot('status', 'not-allowed')
    .where(due =>
      due
        .where('next_attempt_at', '<=', at)
        .orWhereNotNull('refresh_requested_at'),
    )
    .where(free =>
      free.whereNull('lease_until').orWhere('lease_until', '<', at),
    );
}

/**
 * Leases a due repository. The conditional update is the lock: of two
 * runners claiming at once, one updates the row and the other none.
 *
 * @internal
 */
export async function claimRepository(
  knex: Knex,
  id: string,
  lease: { owner: string; now: Date; until: Date },
): Promise<RepositoryRecord | undefined> {
  const claimed = await dueRepositories(knex, lease.now)
    .where({ id })
    .update({ lease_owner: lease.owner, lease_until: timestamp(lease.until) });
  if (!claimed) {
    return undefined;
  }
  const row = await knex<RepositoryRow>('repositories').where({ id }).first();
  return row && toRepositoryRecord(row);
}

/**
 * Records a failed listing and releases the lease; tags are not touched.
 *
 * @internal
 */
export async function writeListingFailure(
  knex: Knex,
  id: string,
  owner: string,
  failure: ListingFailure,
): Promise<void> {
  const polledAt = timestamp(failure.polledAt);
  await knex.transaction(async tx => {
    await tx('repositories')
      .where({ id, lease_owner: owner })
      .update({
        status: 'failing',
        via: failure.via ?? null,
        last_polled_at: polledAt,
        failing_since: tx.raw('COALESCE(failing_since, ?)', [polledAt]),
        consecutive_failures: tx.raw('consecutive_failures + 1'),
        last_error: failure.error,
        last_error_kind: failure.errorKind,
        next_attempt_at: timestamp(failure.nextAttemptAt),
        lease_owner: null,
        lease_until: null,
      });
    // A refresh asked for while this listing ran stays pending.
    await tx('repositories')
      .where({ id })
      .where('refresh_requested_at', '<=', polledAt)
      .update({ refresh_requested_at: null });
  });
}

/**
 * Marks allowed repositories due now; returns the ids marked.
 *
 * @internal
 */
export async function markRefresh(
  knex: Knex,
  ids: string[],
  now: Date,
): Promise<string[]> {
  const marked: string[] = [];
  for (const chunk of chunks([...new Set(ids)].sort())) {
    const query = () =>
      knex<RepositoryRow>('repositories')
        .whereIn('id', chunk)
        .whereNot('status', 'not-allowed');
    const rows = await query().select('id');
    await query().update({ refresh_requested_at: timestamp(now) });
    marked.push(...rows.map(row => row.id));
  }
  return marked;
}

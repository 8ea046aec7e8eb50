import { Knex } from 'knex';
import { DeclaredRepository } from './BaseImageTagsStore';
import { chunks, RepositoryRow } from './tables';

/**
 * Adds new repositories (pending, or not-allowed with the reason) and
 * moves existing ones in or out of `not-allowed` when the allow-list
 * changed. Returns the rows written. Health of allowed repositories is left
 * alone.
 *
 * @internal
 */
export async function syncRepositories(
  tx: Knex.Transaction,
  repositories: DeclaredRepository[],
  now: string,
): Promise<number> {
  let written = 0;
  const stored = new Map(
    (
      await tx<RepositoryRow>('repositories').select(
        'id',
        'status',
        'last_error',
      )
    ).map(row => [row.id, row]),
  );
  const added = repositories
    .filter(repository => !stored.has(repository.id))
    .map(repository => ({
      id: repository.id,
      registry: repository.registry,
      repository: repository.repository,
      status: repository.notAllowedReason ? 'not-allowed' : 'pending',
      last_error: repository.notAllowedReason ?? null,
      next_attempt_at: now,
      consecutive_failures: 0,
    }));
  for (const chunk of chunks(added, 100)) {
    await tx('repositories').insert(chunk).onConflict('id').ignore();
    written += chunk.length;
  }

  for (const repository of repositories) {
    const row = stored.get(repository.id);
    if (!row) {
      continue;
    }
    const reason = repository.notAllowedReason;
    if (reason && (row.status !== 'not-allowed' || row.last_error !== reason)) {
      await tx('repositories').where({ id: repository.id }).update({
        status: 'not-allowed',
        last_error: reason,
        last_error_kind: 'not-allowed',
        lease_owner: null,
        lease_until: null,
      });
      written += 1;
    } else if (!reason && row.status === 'not-allowed') {
      await tx('repositories').where({ id: repository.id }).update({
        status: 'pending',
        last_error: null,
        last_error_kind: null,
        failing_since: null,
        consecutive_failures: 0,
        next_attempt_at: now,
      });
      written += 1;
    }
  }
  return written;
}

import { Knex } from 'knex';
import { ListingSuccess, WriteCounts } from './BaseImageTagsStore';
import { chunks, PatternRow, PatternTagRow, timestamp } from './tables';

type PatternResult = ListingSuccess['patterns'][number];

async function writePatternTags(
  tx: Knex.Transaction,
  result: PatternResult,
  stored: Map<string, number>,
  firstSeenAt: string,
): Promise<number> {
  const wanted = new Set(result.tags);
  const upserts = result.tags.flatMap((tag, rank) =>
    stored.get(tag) === rank
      ? []
      : [
          {
            pattern_id: result.patternId,
            tag,
            rank,
            first_seen_at: firstSeenAt,
          },
        ],
  );
  const removed = [...stored.keys()].filter(tag => !wanted.has(tag));
  let written = 0;
  for (const chunk of chunks(removed)) {
    written += await tx('pattern_tags')
      .where({ pattern_id: result.patternId })
      .whereIn('tag', chunk)
      .delete();
  }
  for (const chunk of chunks(upserts, 200)) {
    // A tag seen before keeps its first_seen_at; only its rank moves.
    await tx('pattern_tags')
      .insert(chunk)
      .onConflict(['pattern_id', 'tag'])
      .merge(['rank']);
    written += chunk.length;
  }
  return written;
}

/**
 * Writes a successful listing as a diff, in one transaction: repository
 * health, then per pattern the changed counts and the tags that are new,
 * moved or gone. Nothing is written when the lease was lost to another
 * runner, and patterns removed meanwhile are skipped.
 *
 * @internal
 */
export async function writeListingSuccess(
  knex: Knex,
  id: string,
  owner: string,
  success: ListingSuccess,
): Promise<WriteCounts> {
  const polledAt = timestamp(success.polledAt);
  return knex.transaction(async tx => {
    const updated = await tx('repositories')
      .where({ id, lease_owner: owner })
      .update({
        status: 'ok',
        via: success.via ?? null,
        tag_count: success.tagCount,
        last_polled_at: polledAt,
        last_success_at: polledAt,
        failing_since: null,
        consecutive_failures: 0,
        last_error: null,
        last_error_kind: null,
        next_attempt_at: timestamp(success.nextAttemptAt),
        lease_owner: null,
        lease_until: null,
      });
    if (updated === 0) {
      return { tagRows: 0, patternRows: 0 };
    }
    // A refresh asked for while this listing ran stays pending.
    await tx('repositories')
      .where({ id })
      .where('refresh_requested_at', '<=', polledAt)
      .update({ refresh_requested_at: null });

    const ids = success.patterns.map(pattern => pattern.patternId);
    const patterns = new Map<string, string | null>();
    const tags = new Map<string, Map<string, number>>();
    for (const chunk of chunks(ids)) {
      const rows = await tx<PatternRow>('patterns')
        .whereIn('id', chunk)
        .select('id', 'counts');
      rows.forEach(row => patterns.set(row.id, row.counts));
      const tagRows = await tx<PatternTagRow>('pattern_tags')
        .whereIn('pattern_id', chunk)
        .select('pattern_id', 'tag', 'rank');
      for (const row of tagRows) {
        const byTag = tags.get(row.pattern_id) ?? new Map<string, number>();
        byTag.set(row.tag, Number(row.rank));
        tags.set(row.pattern_id, byTag);
      }
    }

    const written = { tagRows: 0, patternRows: 0 };
    for (const result of success.patterns) {
      if (!patterns.has(result.patternId)) {
        continue;
      }
      const counts = JSON.stringify(result.counts);
      if (patterns.get(result.patternId) !== counts) {
        await tx('patterns').where({ id: result.patternId }).update({ counts });
        written.patternRows += 1;
      }
      written.tagRows += await writePatternTags(
        tx,
        result,
        tags.get(result.patternId) ?? new Map(),
        polledAt,
      );
    }
    return written;
  });
}

import { TagCounts } from '@base-image-tags/plugin-base-image-tags-common';
import { Knex } from 'knex';
import { PatternRecord, StoredTag } from './BaseImageTagsStore';
import {
  chunks,
  PatternRow,
  PatternSourceRow,
  PatternTagRow,
  readTime,
} from './tables';

function readCounts(text: string | null): TagCounts | undefined {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text) as TagCounts;
  } catch {
    return undefined;
  }
}

/**
 * Reads patterns with their sources: all of them, or those matching every
 * given filter.
 *
 * @internal
 */
export async function readPatterns(
  knex: Knex,
  filter: { ids?: string[]; source?: string; repositoryIds?: string[] } = {},
): Promise<PatternRecord[]> {
  const query = knex<PatternRow>('patterns').select();
  if (filter.ids) {
    query.whereIn('id', filter.ids);
  }
  if (filter.repositoryIds) {
    query.whereIn('repository_id', filter.repositoryIds);
  }
  if (filter.source !== undefined) {
    query.whereIn(
      'id',
      knex('pattern_sources')
        .select('pattern_id')
        .where({ source: filter.source }),
    );
  }
  const rows = await query;
  const sources = new Map<string, string[]>();
  for (const chunk of chunks(rows.map(row => row.id))) {
    const sourceRows = await knex<PatternSourceRow>('pattern_sources')
      .whereIn('pattern_id', chunk)
      .orderBy('source');
    for (const row of sourceRows) {
      sources.set(row.pattern_id, [
        ...(sources.get(row.pattern_id) ?? []),
        row.source,
      ]);
    }
  }
  return rows
    .map(row => ({
      id: row.id,
      key: row.key,
      raw: row.raw,
      repositoryId: row.repository_id ?? undefined,
      error: row.error ?? undefined,
      counts: readCounts(row.counts),
      sources: sources.get(row.id) ?? [],
    }))
    .sort((a, b) => a.raw.localeCompare(b.raw) || a.key.localeCompare(b.key));
}

/**
 * Reads stored tags by pattern id, newest first.
 *
 * @internal
 */
export async function readTags(
  knex: Knex,
  patternIds: string[],
): Promise<Map<string, StoredTag[]>> {
  const result = new Map<string, StoredTag[]>();
  for (const chunk of chunks(patternIds)) {
    const rows = await knex<PatternTagRow>('pattern_tags')
      .whereIn('pattern_id', chunk)
      .orderBy([{ column: 'pattern_id' }, { column: 'rank' }]);
    for (const row of rows) {
      const tags = result.get(row.pattern_id) ?? [];
      tags.push({
        tag: row.tag,
        rank: Number(row.rank),
        firstSeenAt: readTime(row.first_seen_at),
      });
      result.set(row.pattern_id, tags);
    }
  }
  return result;
}

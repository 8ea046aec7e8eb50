import { Knex } from 'knex';
import {
  DeclaredPattern,
  DeclaredRepository,
  WriteCounts,
} from './BaseImageTagsStore';
import {
  chunks,
  PatternRow,
  PatternSourceRow,
  RepositoryRow,
  timestamp,
} from './tables';
import { syncRepositories } from './syncRepositories';

const byId = (a: { id: string }, b: { id: string }) =>
  a.id < b.id ? -1 : Number(a.id > b.id);

function toPatternRow(pattern: DeclaredPattern): Omit<PatternRow, 'counts'> {
  return {
    id: pattern.id,
    key: pattern.key,
    raw: pattern.raw,
    repository_id: pattern.repositoryId ?? null,
    error: pattern.error ?? null,
  };
}

async function syncPatterns(
  tx: Knex.Transaction,
  patterns: DeclaredPattern[],
): Promise<number> {
  let written = 0;
  const stored = new Map(
    (
      await tx<PatternRow>('patterns').select(
        'id',
        'raw',
        'repository_id',
        'error',
      )
    ).map(row => [row.id, row]),
  );
  const added = patterns.filter(pattern => !stored.has(pattern.id));
  for (const chunk of chunks(added.map(toPatternRow), 200)) {
    await tx('patterns').insert(chunk).onConflict('id').ignore();
    written += chunk.length;
  }
  for (const pattern of patterns) {
    const row = stored.get(pattern.id);
    const wanted = toPatternRow(pattern);
    if (
      row &&
      (row.raw !== wanted.raw ||
        row.repository_id !== wanted.repository_id ||
        row.error !== wanted.error)
    ) {
      const { raw, repository_id, error } = wanted;
      await tx('patterns')
        .where({ id: pattern.id })
        .update({ raw, repository_id, error });
      written += 1;
    }
  }
  return written;
}

async function syncSources(
  tx: Knex.Transaction,
  patterns: DeclaredPattern[],
): Promise<number> {
  const stored = new Set(
    (await tx<PatternSourceRow>('pattern_sources').select()).map(
      row => `${row.pattern_id} ${row.source}`,
    ),
  );
  const wanted = new Set<string>();
  const added: PatternSourceRow[] = [];
  for (const pattern of patterns) {
    for (const source of pattern.sources) {
      const id = `${pattern.id} ${source}`;
      wanted.add(id);
      if (!stored.has(id)) {
        added.push({ pattern_id: pattern.id, source });
      }
    }
  }
  for (const chunk of chunks(added, 200)) {
    await tx('pattern_sources')
      .insert(chunk)
      .onConflict(['pattern_id', 'source'])
      .ignore();
  }
  const removed = [...stored].filter(id => !wanted.has(id));
  for (const id of removed) {
    const [patternId, source] = [
      id.slice(0, id.indexOf(' ')),
      id.slice(id.indexOf(' ') + 1),
    ];
    await tx('pattern_sources')
      .where({ pattern_id: patternId, source })
      .delete();
  }
  return added.length + removed.length;
}

/**
 * Makes the stored declarations match the given ones, in one transaction,
 * touching only rows that differ. Lists are processed in id order so that
 * two runners syncing at once take row locks in the same order.
 *
 * @internal
 */
export async function syncDeclarations(
  knex: Knex,
  patterns: DeclaredPattern[],
  repositories: DeclaredRepository[],
  now: Date,
): Promise<WriteCounts> {
  const sortedPatterns = [...patterns].sort(byId);
  return knex.transaction(async tx => {
    let patternRows = await syncRepositories(
      tx,
      [...repositories].sort(byId),
      timestamp(now),
    );
    patternRows += await syncPatterns(tx, sortedPatterns);
    patternRows += await syncSources(tx, sortedPatterns);

    const wanted = new Set(sortedPatterns.map(pattern => pattern.id));
    const removed = (await tx<PatternRow>('patterns').select('id'))
      .map(row => row.id)
      .filter(id => !wanted.has(id))
      .sort();
    let tagRows = 0;
    for (const chunk of chunks(removed)) {
      tagRows += await tx('pattern_tags').whereIn('pattern_id', chunk).delete();
      await tx('pattern_sources').whereIn('pattern_id', chunk).delete();
      patternRows += await tx('patterns').whereIn('id', chunk).delete();
    }

    const used = new Set(repositories.map(repository => repository.id));
    const unused = (await tx<RepositoryRow>('repositories').select('id'))
      .map(row => row.id)
      .filter(id => !used.has(id))
      .sort();
    for (const chunk of chunks(unused)) {
      patternRows += await tx('repositories').whereIn('id', chunk).delete();
    }
    return { tagRows, patternRows };
  });
}

import {
  imageReference,
  PatternResult,
  RepositoryHealth,
} from '@base-image-tags/plugin-base-image-tags-common';
import {
  BaseImageTagsStore,
  PatternRecord,
  RepositoryRecord,
  StoredTag,
} from '../database/BaseImageTagsStore';
import { CONFIG_SOURCE } from '../discovery/PatternSource';

const iso = (date?: Date) => date?.toISOString();

/** Drops keys whose value is undefined, so JSON stays compact. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as T;
}

/**
 * The API form of a stored pattern with its repository and tags.
 *
 * @internal
 */
export function toPatternResult(
  pattern: PatternRecord,
  repository: RepositoryRecord | undefined,
  tags: StoredTag[],
): PatternResult {
  if (pattern.error || !pattern.repositoryId) {
    return {
      pattern: pattern.raw,
      status: 'invalid',
      error: pattern.error ?? 'Invalid pattern',
      sources: pattern.sources,
      tags: [],
    };
  }
  const status = repository?.status ?? 'pending';
  const newest = tags[0]?.tag;
  return compact<PatternResult>({
    pattern: pattern.raw,
    status,
    repository: pattern.repositoryId,
    error:
      status === 'failing' || status === 'not-allowed'
        ? repository?.lastError
        : undefined,
    errorKind: status === 'failing' ? repository?.lastErrorKind : undefined,
    sensor: repository?.via,
    newestTag: newest,
    newestImage:
      newest === undefined
        ? undefined
        : imageReference({ repositoryRef: pattern.repositoryId }, newest),
    counts: pattern.counts,
    lastPolledAt: iso(repository?.lastPolledAt),
    nextPollAt:
      status === 'not-allowed' ? undefined : iso(repository?.nextAttemptAt),
    failingSince: iso(repository?.failingSince),
    sources: pattern.sources,
    tags: tags.map(tag => ({
      tag: tag.tag,
      rank: tag.rank,
      firstSeenAt: tag.firstSeenAt.toISOString(),
    })),
  });
}

/**
 * Loads patterns (all, or matching the filter) in their API form.
 *
 * @internal
 */
export async function loadPatternResults(
  store: BaseImageTagsStore,
  filter?: { ids?: string[]; source?: string },
): Promise<PatternResult[]> {
  const patterns = await store.listPatterns(filter);
  const repositoryIds = [
    ...new Set(patterns.flatMap(pattern => pattern.repositoryId ?? [])),
  ];
  const repositories = new Map(
    (await store.listRepositories(repositoryIds)).map(r => [r.id, r]),
  );
  const tags = await store.listTags(patterns.map(pattern => pattern.id));
  return patterns.map(pattern =>
    toPatternResult(
      pattern,
      pattern.repositoryId ? repositories.get(pattern.repositoryId) : undefined,
      tags.get(pattern.id) ?? [],
    ),
  );
}

/**
 * Loads every repository with its health, patterns and entities.
 *
 * @internal
 */
export async function loadRepositoryHealth(
  store: BaseImageTagsStore,
): Promise<RepositoryHealth[]> {
  const [repositories, patterns] = await Promise.all([
    store.listRepositories(),
    store.listPatterns(),
  ]);
  const byRepository = new Map<string, PatternRecord[]>();
  for (const pattern of patterns) {
    if (pattern.repositoryId) {
      const list = byRepository.get(pattern.repositoryId) ?? [];
      list.push(pattern);
      byRepository.set(pattern.repositoryId, list);
    }
  }
  return repositories.map(repository => {
    const mine = byRepository.get(repository.id) ?? [];
    const entityRefs = new Set(
      mine.flatMap(p => p.sources).filter(source => source !== CONFIG_SOURCE),
    );
    return compact<RepositoryHealth>({
      repository: repository.id,
      registry: repository.registry,
      status: repository.status,
      sensor: repository.via,
      tagCount: repository.tagCount,
      lastPolledAt: iso(repository.lastPolledAt),
      lastSuccessAt: iso(repository.lastSuccessAt),
      nextPollAt:
        repository.status === 'not-allowed'
          ? undefined
          : iso(repository.nextAttemptAt),
      failingSince: iso(repository.failingSince),
      consecutiveFailures: repository.consecutiveFailures,
      lastError: repository.lastError,
      lastErrorKind: repository.lastErrorKind,
      patterns: mine.map(p => p.raw),
      entityRefs: [...entityRefs].sort(),
    });
  });
}

import {
  DeclaredPattern,
  DeclaredRepository,
  ListingFailure,
  ListingSuccess,
  PatternRecord,
  RepositoryRecord,
  StoredTag,
  WriteCounts,
} from './storeRecords';

export type {
  DeclaredPattern,
  DeclaredRepository,
  ListingFailure,
  ListingSuccess,
  PatternRecord,
  RepositoryRecord,
  StoredTag,
  WriteCounts,
} from './storeRecords';

/**
 * Where patterns, repository health and ranked tags are kept. Every write is
 * a diff against what is stored.
 *
 * @public
 */
export interface BaseImageTagsStore {
  /**
   * Makes the stored patterns, sources and repositories match the
   * declarations: adds what is new, updates what changed, removes patterns
   * no one declares (with their tags) and repositories no pattern uses.
   */
  syncDeclarations(
    patterns: DeclaredPattern[],
    repositories: DeclaredRepository[],
    now: Date,
  ): Promise<WriteCounts>;

  /** Ids of allowed repositories due at `now` and not leased elsewhere. */
  listDueRepositories(now: Date): Promise<string[]>;

  /**
   * Leases a due repository for one listing. Returns it, or `undefined`
   * when it is no longer due or another runner holds it.
   */
  claimRepository(
    id: string,
    lease: { owner: string; now: Date; until: Date },
  ): Promise<RepositoryRecord | undefined>;

  /** Writes a successful listing and releases the lease. */
  recordSuccess(
    id: string,
    owner: string,
    success: ListingSuccess,
  ): Promise<WriteCounts>;

  /** Writes a failed listing and releases the lease; tags are kept. */
  recordFailure(
    id: string,
    owner: string,
    failure: ListingFailure,
  ): Promise<void>;

  /** Releases a lease without recording a listing. */
  releaseRepository(id: string, owner: string): Promise<void>;

  /** Marks repositories due now; returns the ids that exist and are allowed. */
  requestRefresh(ids: string[], now: Date): Promise<string[]>;

  listRepositories(ids?: string[]): Promise<RepositoryRecord[]>;

  /** Patterns, all or those with one of the given ids or sources. */
  listPatterns(filter?: {
    ids?: string[];
    source?: string;
    repositoryIds?: string[];
  }): Promise<PatternRecord[]>;

  /** Stored tags by pattern id, newest first. */
  listTags(patternIds: string[]): Promise<Map<string, StoredTag[]>>;
}

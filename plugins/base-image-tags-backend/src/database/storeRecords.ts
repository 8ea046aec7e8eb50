import {
  RepositoryStatus,
  TagCounts,
} from '@base-image-tags/plugin-base-image-tags-common';

/**
 * A pattern as the sources currently declare it.
 *
 * @public
 */
export interface DeclaredPattern {
  /** Stable id derived from `key`. */
  id: string;
  /** Canonical text; for an invalid pattern, the text as written. */
  key: string;
  /** The pattern as declared, for display. */
  raw: string;
  /** `registry/repository`; absent when the pattern is invalid. */
  repositoryId?: string;
  /** Why the pattern is invalid. */
  error?: string;
  /** Lower-cased entity refs, or `config`. */
  sources: string[];
}

/**
 * A repository some valid pattern uses.
 *
 * @public
 */
export interface DeclaredRepository {
  id: string;
  registry: string;
  repository: string;
  /** Why it may not be contacted; absent when it is allowed. */
  notAllowedReason?: string;
}

/**
 * A stored repository with its health.
 *
 * @public
 */
export interface RepositoryRecord {
  id: string;
  registry: string;
  repository: string;
  status: RepositoryStatus;
  via?: string;
  tagCount?: number;
  lastPolledAt?: Date;
  lastSuccessAt?: Date;
  failingSince?: Date;
  nextAttemptAt: Date;
  consecutiveFailures: number;
  lastError?: string;
  lastErrorKind?: string;
  refreshRequestedAt?: Date;
}

/**
 * A stored pattern with who declares it.
 *
 * @public
 */
export interface PatternRecord {
  id: string;
  key: string;
  raw: string;
  repositoryId?: string;
  error?: string;
  counts?: TagCounts;
  sources: string[];
}

/**
 * A stored tag of a pattern.
 *
 * @public
 */
export interface StoredTag {
  tag: string;
  rank: number;
  firstSeenAt: Date;
}

/**
 * The outcome of a successful listing, to be written as a diff.
 *
 * @public
 */
export interface ListingSuccess {
  /** When the listing started. */
  polledAt: Date;
  tagCount: number;
  nextAttemptAt: Date;
  via?: string;
  /** The newest tags and counts of each pattern on the repository. */
  patterns: Array<{ patternId: string; tags: string[]; counts: TagCounts }>;
}

/**
 * The outcome of a failed listing. Stored tags are kept.
 *
 * @public
 */
export interface ListingFailure {
  polledAt: Date;
  /** Sanitised message; never holds a credential. */
  error: string;
  errorKind: string;
  nextAttemptAt: Date;
  via?: string;
}

/**
 * Rows written by a diff, by table.
 *
 * @public
 */
export interface WriteCounts {
  tagRows: number;
  patternRows: number;
}

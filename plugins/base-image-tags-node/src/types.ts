/**
 * A repository on a container registry.
 *
 * @public
 */
export interface RepositoryRef {
  /**
   * Registry host with optional port, lower case, e.g. `quay.io` or
   * `registry.example.com:5000`. Docker Hub is `docker.io`.
   */
  registry: string;
  /** Repository path on that registry, e.g. `library/alpine`. */
  repository: string;
}

/**
 * What the registry said about a repository's request budget, read from
 * `RateLimit-*` headers. A missing figure is unknown, not zero.
 *
 * @public
 */
export interface RateLimitStatus {
  /** Requests allowed in the window, when the registry said. */
  limit?: number;
  /** Requests left in the window, when the registry said. */
  remaining?: number;
  /** Milliseconds until the window resets, when the registry said. */
  resetMs?: number;
}

/**
 * All tags of one repository, as listed by the registry.
 *
 * @public
 */
export interface TagListing {
  /** Every tag, in the order the registry sent them, without duplicates. */
  tags: string[];
  /** Tag pages fetched. */
  pages: number;
  /** HTTP requests made: tag pages, challenges, retries and token requests. */
  requests: number;
  /** Entries the registry listed that are not valid tags; left out. */
  invalidTags?: number;
  /** The registry's last reported rate-limit figures, if it sent any. */
  rateLimit?: RateLimitStatus;
}

/**
 * Options for one listing.
 *
 * @public
 */
export interface ListTagsOptions {
  /** Aborts the listing; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Lists every tag of a repository.
 *
 * @public
 */
export interface TagLister {
  listTags(ref: RepositoryRef, options?: ListTagsOptions): Promise<TagListing>;
}

/**
 * The logging this package needs; Backstage's `LoggerService` fits.
 *
 * @public
 */
export interface LoggerLike {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

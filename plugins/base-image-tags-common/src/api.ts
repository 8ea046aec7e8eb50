/**
 * The JSON shapes served by the base-image-tags backend under
 * `/api/base-image-tags` and read by the frontend, the scaffolder action
 * and CI scripts.
 */

/**
 * Health of one repository's tag listing.
 *
 * - `pending`: declared, never polled yet.
 * - `ok`: the last listing succeeded.
 * - `failing`: the last listing failed; the last good tags are kept.
 * - `not-allowed`: the registry is not on the allow-list; never contacted.
 *
 * @public
 */
export type RepositoryStatus = 'pending' | 'ok' | 'failing' | 'not-allowed';

/**
 * Status of one declared pattern: its repository's status, or `invalid`
 * when the pattern itself could not be parsed.
 *
 * @public
 */
export type PatternStatus = RepositoryStatus | 'invalid';

/**
 * Counts that explain why a tag is or is not in a pattern's result. Filters
 * apply in field order, and each tag is counted by the first that drops it,
 * so `matched = excluded + outOfRange + variants + ranked`, where `kept` is
 * at most the configured maximum of the ranked tags.
 *
 * @public
 */
export interface TagCounts {
  /** Distinct names the registry listed for the repository. */
  inRepository: number;
  /**
   * Names outside the OCI tag grammar (such as raw digests), and
   * signature, attestation and SBOM artifacts (`sha256-<hex>.sig`).
   */
  notTags: number;
  /** Tags matched by the pattern's glob. */
  matched: number;
  /** Matched tags removed by the pattern's exclusions. */
  excluded: number;
  /** Remaining tags whose version is outside the pattern's semver range. */
  outOfRange: number;
  /**
   * Remaining tags without digits (`latest`), or with words the glob does
   * not spell out (`-source`, `-rc1`, a commit hash): other variants.
   */
  variants: number;
  /** Tags ranked and stored (at most the configured maximum). */
  kept: number;
}

/**
 * One stored tag of a pattern, newest first by rank.
 *
 * @public
 */
export interface RankedTag {
  tag: string;
  /** 0 is the newest. */
  rank: number;
  /** ISO 8601 time the tag was first seen for this pattern. */
  firstSeenAt: string;
}

/**
 * Health of one repository, as the overview page shows it.
 *
 * @public
 */
export interface RepositoryHealth {
  /** `registry/repository`, e.g. `docker.io/library/alpine`. */
  repository: string;
  registry: string;
  status: RepositoryStatus;
  /** The sensor that lists this repository, when delegated. */
  sensor?: string;
  tagCount?: number;
  lastPolledAt?: string;
  lastSuccessAt?: string;
  nextPollAt?: string;
  failingSince?: string;
  consecutiveFailures: number;
  /** Sanitised reason of the last failure; never holds a credential. */
  lastError?: string;
  /**
   * What kind of failure that was: a registry's (`not-found`,
   * `unauthorized`, `rate-limited`, ...) or a sensor's own
   * (`sensor-unreachable`, ...).
   */
  lastErrorKind?: string;
  /** Patterns on this repository, as declared. */
  patterns: string[];
  /** Entity refs declaring those patterns. */
  entityRefs: string[];
}

/**
 * One declared pattern with its result.
 *
 * @public
 */
export interface PatternResult {
  /** The pattern as declared, e.g. `alpine:3.19.*`. */
  pattern: string;
  status: PatternStatus;
  /** Normalised `registry/repository`; absent for invalid patterns. */
  repository?: string;
  /** Why the pattern is invalid, failing or not allowed. */
  error?: string;
  /** Kind of the repository's last failure; see `RepositoryHealth`. */
  errorKind?: string;
  /** The sensor that lists the repository, when delegated. */
  sensor?: string;
  /** Newest tag, when there is one. */
  newestTag?: string;
  /** Newest full image reference, `registry/repository:tag`. */
  newestImage?: string;
  counts?: TagCounts;
  lastPolledAt?: string;
  nextPollAt?: string;
  failingSince?: string;
  /** Entity refs declaring it; `config` marks org-wide patterns. */
  sources: string[];
  tags: RankedTag[];
}

/**
 * Response of `GET /newest?pattern=…`: the newest stored tag of a pattern,
 * or with `&live=true` the newest tag listed now.
 *
 * @public
 */
export interface NewestTagResponse {
  pattern: string;
  /** Newest tag. */
  tag: string;
  /** Full image reference, `registry/repository:tag`. */
  image: string;
  /** Every stored (or, live, ranked) tag, newest first. */
  tags: string[];
  /** Why tags were kept or left out, when known. */
  counts?: TagCounts;
}

/**
 * Body of `POST /refresh`: exactly one of the fields names what to refresh.
 *
 * @public
 */
export interface RefreshRequest {
  /** An entity ref such as `component:default/payments`. */
  entityRef?: string;
  /** A declared pattern string. */
  pattern?: string;
  /** A normalised `registry/repository`. */
  repository?: string;
}

/**
 * Response of `POST /refresh` (HTTP 202): the repositories marked due. The
 * poll runs in the background; clients watch `lastPolledAt` move past
 * `requestedAt`.
 *
 * @public
 */
export interface RefreshResponse {
  repositories: string[];
  requestedAt: string;
}

/**
 * The routes of the backend API, relative to `/api/base-image-tags`:
 *
 * - `GET /entities/:kind/:namespace/:name/patterns` → `{ items: PatternResult[] }`
 * - `GET /patterns` → `{ items: PatternResult[] }`
 * - `GET /repositories` → `{ items: RepositoryHealth[] }`
 * - `GET /newest?pattern=…` → `NewestTagResponse` from stored tags. `403`
 *   when the registry is not allowed, `503` when it fails and nothing is
 *   stored, `404` with `error.code` `PATTERN_NOT_DECLARED`,
 *   `PATTERN_NOT_POLLED` or `NO_TAG_MATCHES`.
 * - `GET /newest?pattern=…&live=true` → `NewestTagResponse` listed now and
 *   not stored, for any pattern, through the poll's allow-list and
 *   delegation; users need `base-image-tags.refresh`. `403` when the
 *   registry is not allowed (it is not contacted), `503` when the listing
 *   fails, `404` `NO_TAG_MATCHES`.
 * - `POST /refresh` with a `RefreshRequest` → `RefreshResponse`
 *
 * @public
 */
export interface ListResponse<T> {
  items: T[];
}

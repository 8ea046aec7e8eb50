import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { DEFAULT_MAX_PATTERNS_PER_ENTITY } from '@base-image-tags/plugin-base-image-tags-common';

/**
 * An org-wide pattern from `baseImageTags.patterns`.
 *
 * @public
 */
export interface ConfiguredPattern {
  /** The pattern text, e.g. `registry.access.redhat.com/ubi9/ubi:9.*`. */
  pattern: string;
  /** Tag globs left out of the result, e.g. `*-source`. */
  exclude?: string[];
  /** A semver range the versions must satisfy, e.g. `>=3.18 <4`. */
  range?: string;
}

/**
 * The validated `baseImageTags` settings of the backend, durations in
 * milliseconds.
 *
 * @public
 */
export interface BaseImageTagsConfig {
  /** How old a repository's tags may get before it is listed again. */
  intervalMs: number;
  /** How often the discovery task wakes to poll what is due. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Tags stored per pattern, newest first. */
  maxTagsPerPattern: number;
  /**
   * Patterns kept per catalog entity's annotation; the rest are reported
   * as one invalid pattern of the entity.
   */
  maxPatternsPerEntity: number;
  /** Repositories listed at once. */
  concurrency: number;
  /** Backoff after a failed listing. */
  backoff: { initialMs: number; maxMs: number };
  /** Whether the built-in list of well-known public registries applies. */
  allowPublicRegistries: boolean;
  /**
   * `host` values of `baseImageTags.registries`, as written; a path after
   * the host (`quay.io/myorg`) allows only repositories under that path.
   */
  registries: string[];
  /** Org-wide patterns. */
  patterns: ConfiguredPattern[];
}

/**
 * Defaults of {@link BaseImageTagsConfig}.
 *
 * @public
 */
export const baseImageTagsConfigDefaults = {
  intervalMs: 4 * 60 * 60_000,
  schedule: {
    frequency: { minutes: 5 },
    timeout: { minutes: 30 },
    initialDelay: { seconds: 15 },
    scope: 'global',
  } satisfies SchedulerServiceTaskScheduleDefinition,
  maxTagsPerPattern: 100,
  maxPatternsPerEntity: DEFAULT_MAX_PATTERNS_PER_ENTITY,
  concurrency: 8,
  backoff: { initialMs: 15 * 60_000, maxMs: 24 * 60 * 60_000 },
  allowPublicRegistries: true,
};

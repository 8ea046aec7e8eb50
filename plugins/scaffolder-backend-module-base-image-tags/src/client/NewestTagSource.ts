import { NewestTagResponse } from '@base-image-tags/plugin-base-image-tags-common';

/**
 * What to look up: one pattern, from stored tags or listed now.
 *
 * @public
 */
export interface NewestTagRequest {
  /** One base image pattern, in the annotation's grammar. */
  pattern: string;
  /** List the registry now instead of reading stored tags. */
  live?: boolean;
}

/**
 * Where the action gets ranked tags: the base-image-tags backend, or a fake
 * in tests.
 *
 * Failures are errors of `@backstage/errors` (`InputError`,
 * `NotAllowedError`, `NotFoundError`, `ServiceUnavailableError`, ...) with
 * a one-line message; a `NotFoundError` may carry the backend's `code`,
 * e.g. `PATTERN_NOT_DECLARED`.
 *
 * @public
 */
export interface NewestTagSource {
  getNewest(
    request: NewestTagRequest,
    options?: { signal?: AbortSignal },
  ): Promise<NewestTagResponse>;
}

import { isRegistryError } from '@base-image-tags/plugin-base-image-tags-node';

/**
 * A typed failure of a tag listing: the registry client's `RegistryError`,
 * or an error of a delegated lister. Its `kind` is stored as the health
 * reason and its message is shown as is, so whoever throws it keeps
 * credentials out of the message.
 *
 * @public
 */
export interface ListingError extends Error {
  /** Why the listing failed, e.g. `rate-limited` or `sensor-unreachable`. */
  kind: string;
  /** How long the other side asked us to wait before trying again. */
  retryAfterMs?: number;
}

/**
 * Whether a listing failure is typed: a `RegistryError`, or an error with a
 * string `kind` and a message.
 *
 * @public
 */
export function isListingError(error: unknown): error is ListingError {
  if (isRegistryError(error)) {
    return true;
  }
  const candidate = error as Partial<ListingError> | null | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.kind === 'string' &&
    candidate.kind !== '' &&
    typeof candidate.message === 'string' &&
    (candidate.retryAfterMs === undefined ||
      (typeof candidate.retryAfterMs === 'number' &&
        candidate.retryAfterMs >= 0))
  );
}

import { RepositoryRecord } from '../database/BaseImageTagsStore';
import { nextAttemptDelayMs } from './backoff';
import { isListingError } from './ListingError';
import { listingFailureWarning } from './listingFailureWarning';
import {
  RepositoryPollContext,
  RepositoryPollOutcome,
} from './RepositoryPollContext';

/**
 * Records a failed listing: the typed reason and message (or only the
 * error's name when it is not a typed listing error), the next attempt
 * after backoff or the other side's `Retry-After`, and one warning.
 *
 * @internal
 */
export async function recordListingFailure(
  context: RepositoryPollContext,
  record: RepositoryRecord,
  polledAt: Date,
  error: unknown,
  via?: string,
): Promise<RepositoryPollOutcome> {
  const typed = isListingError(error) ? error : undefined;
  const kind = typed?.kind ?? 'unexpected';
  // Typed listing errors are sanitised where they are made; anything else
  // is reduced to its name, since its message was never checked for secrets.
  const message =
    typed?.message ??
    `Listing failed unexpectedly (${(error as Error)?.name ?? 'Error'})`;
  const failures = record.consecutiveFailures + 1;
  const delay = nextAttemptDelayMs(
    failures,
    context.backoff,
    typed?.retryAfterMs,
  );
  await context.store.recordFailure(record.id, context.owner, {
    polledAt,
    error: message,
    errorKind: kind,
    nextAttemptAt: new Date(polledAt.getTime() + delay),
    via,
  });
  context.logger.warn(
    listingFailureWarning(record.id, message, failures, delay),
  );
  context.metrics?.recordListing(kind, 1);
  return { outcome: 'failed', requests: 1, tagRows: 0 };
}

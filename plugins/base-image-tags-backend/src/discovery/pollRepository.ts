import { selectTags } from '@base-image-tags/plugin-base-image-tags-common';
import { TagListing } from '@base-image-tags/plugin-base-image-tags-node';
import { StoredImagePattern } from './loadPatternsByRepository';
import { recordListingFailure } from './recordListingFailure';
import {
  RepositoryPollContext,
  RepositoryPollOutcome,
} from './RepositoryPollContext';

const skipped: RepositoryPollOutcome = {
  outcome: 'skipped',
  requests: 0,
  tagRows: 0,
};

function selectAll(
  context: RepositoryPollContext,
  patterns: StoredImagePattern[],
  listing: TagListing,
) {
  return patterns.flatMap(({ id, pattern }) => {
    try {
      const selected = selectTags(pattern, listing.tags, {
        limit: context.maxTagsPerPattern,
      });
      return [{ patternId: id, tags: selected.tags, counts: selected.counts }];
    } catch (error) {
      context.logger.warn(
        `Could not select tags of ${pattern.key}: ${(error as Error).message}`,
      );
      return [];
    }
  });
}

/**
 * Polls one repository: leases it, lists its tags once, ranks them for
 * every pattern on it and writes the diff, or records the failure with
 * backoff while keeping the stored tags.
 *
 * @public
 */
export async function pollRepository(
  context: RepositoryPollContext,
  id: string,
  patterns: StoredImagePattern[],
  signal?: AbortSignal,
): Promise<RepositoryPollOutcome> {
  const { store, owner } = context;
  const polledAt = context.clock();
  const record = await store.claimRepository(id, {
    owner,
    now: polledAt,
    until: new Date(polledAt.getTime() + context.leaseMs),
  });
  if (!record) {
    return skipped;
  }
  const ref = { registry: record.registry, repository: record.repository };
  try {
    const resolution = await context.resolver.resolveTagLister(ref);
    if ('notAllowedReason' in resolution) {
      await store.releaseRepository(id, owner);
      return skipped;
    }
    let listing: TagListing;
    try {
      listing = await resolution.lister.listTags(ref, { signal });
    } catch (error) {
      if (signal?.aborted) {
        await store.releaseRepository(id, owner);
        return skipped;
      }
      return await recordListingFailure(
        context,
        record,
        polledAt,
        error,
        resolution.via,
      );
    }
    const written = await store.recordSuccess(id, owner, {
      polledAt,
      tagCount: listing.tags.length,
      nextAttemptAt: new Date(polledAt.getTime() + context.intervalMs),
      via: resolution.via,
      patterns: selectAll(context, patterns, listing),
    });
    context.metrics?.recordListing('ok', listing.requests);
    return {
      outcome: 'ok',
      requests: listing.requests,
      tagRows: written.tagRows,
    };
  } catch (error) {
    // A storage problem is not the registry's fault: health is left as it
    // was and the repository is retried next cycle.
    context.logger.error(
      `Could not record the listing of ${id}: ${(error as Error).message}`,
    );
    await store.releaseRepository(id, owner).catch(() => undefined);
    return skipped;
  }
}

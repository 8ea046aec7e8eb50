import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  imageReference,
  NewestTagResponse,
  parseImagePattern,
  selectTags,
} from '@base-image-tags/plugin-base-image-tags-common';
import { TagListing } from '@base-image-tags/plugin-base-image-tags-node';
import { isListingError } from '../discovery/ListingError';
import { TagListerResolver } from '../discovery/TagListerResolver';
import { noTagMatchesError } from './newestErrors';

/**
 * What a live lookup needs.
 *
 * @internal
 */
export interface LiveNewestOptions {
  /** The resolver of the poll cycle: allow-list and delegation. */
  resolver: TagListerResolver;
  /** How many ranked tags to answer, as many as a poll stores. */
  limit: number;
  signal?: AbortSignal;
}

// Typed listing errors are sanitised where they are made; anything else is
// reduced to its name, as the poll cycle does.
function describeFailure(error: unknown): string {
  return isListingError(error)
    ? error.message
    : `Listing failed unexpectedly (${(error as Error)?.name ?? 'Error'})`;
}

/**
 * Lists the repository of a pattern now, through the same allow-list and
 * delegation as the poll cycle, and ranks its tags; nothing is stored.
 *
 * @throws InputError for a malformed pattern; NotAllowedError when the
 *   registry may not be contacted (it is then not contacted);
 *   ServiceUnavailableError when the listing fails; NotFoundError when no
 *   tag matches.
 * @internal
 */
export async function listLiveNewest(
  text: unknown,
  options: LiveNewestOptions,
): Promise<NewestTagResponse> {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError('Give the pattern, e.g. ?pattern=alpine:3.19.*');
  }
  const pattern = parseImagePattern(text);
  const ref = { registry: pattern.registry, repository: pattern.repository };
  const resolution = await options.resolver.resolveTagLister(ref);
  if ('notAllowedReason' in resolution) {
    throw new NotAllowedError(resolution.notAllowedReason);
  }
  // Not handled yet: concurrent live lookups of one repository are not merged; effect: each lists it (the client's per-registry limits still apply).
  let listing: TagListing;
  try {
    listing = await resolution.lister.listTags(ref, { signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) {
      throw new ServiceUnavailableError(
        'Live listing stopped: the request was closed',
      );
    }
    const via = resolution.via ? ` (listed through ${resolution.via})` : '';
    throw new ServiceUnavailableError(
      `Registry failing: ${describeFailure(error)}${via}`,
    );
  }
  const selected = selectTags(pattern, listing.tags, { limit: options.limit });
  const [newest] = selected.tags;
  if (newest === undefined) {
    throw noTagMatchesError(pattern, selected.counts);
  }
  return {
    pattern: pattern.raw,
    tag: newest,
    image: imageReference(pattern, newest),
    tags: selected.tags,
    counts: selected.counts,
  };
}

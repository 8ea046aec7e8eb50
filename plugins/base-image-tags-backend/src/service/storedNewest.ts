import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  imageReference,
  NewestTagResponse,
  parseImagePattern,
  PatternResult,
} from '@base-image-tags/plugin-base-image-tags-common';
import {
  BaseImageTagsStore,
  PatternRecord,
} from '../database/BaseImageTagsStore';
import { findPattern } from './lookups';
import {
  newestNotFound,
  newestNotFoundCodes,
  noTagMatchesError,
} from './newestErrors';
import { loadPatternResults } from './patternResults';

// Why a declared pattern has no stored tag, as the error a client can act on.
function nothingStoredError(
  pattern: PatternRecord,
  repositoryRef: string,
  result: PatternResult | undefined,
): Error {
  switch (result?.status) {
    case 'invalid':
      return new InputError(result.error ?? `Invalid pattern "${pattern.raw}"`);
    case 'not-allowed':
      return new NotAllowedError(
        result.error ??
          `Registry not allowed: ${repositoryRef} is never contacted; ` +
            'add its host under baseImageTags.registries',
      );
    case 'failing':
      return new ServiceUnavailableError(
        `Registry failing: ${result.error ?? 'the last listing failed'}` +
          `${result.failingSince ? ` (since ${result.failingSince})` : ''}; ` +
          `no tags of "${pattern.key}" are stored yet`,
      );
    case 'ok':
      return noTagMatchesError(
        { ...parseImagePattern(pattern.key), repositoryRef },
        result.counts,
      );
    default:
      return newestNotFound(
        newestNotFoundCodes.notPolled,
        `No tags stored for "${pattern.key}" yet: ${repositoryRef} is ` +
          'listed at the next discovery cycle',
      );
  }
}

/**
 * The newest stored tag of a declared pattern, written in any equivalent
 * form. Tags kept from before a registry started failing are served.
 *
 * @throws InputError for a malformed pattern; NotFoundError when it is not
 *   declared, not listed yet or no tag matches; NotAllowedError when its
 *   registry is not allowed; ServiceUnavailableError when its registry
 *   fails and nothing is stored.
 * @internal
 */
export async function loadStoredNewest(
  store: BaseImageTagsStore,
  text: unknown,
): Promise<NewestTagResponse> {
  const pattern = await findPattern(store, text);
  const [result] = await loadPatternResults(store, { ids: [pattern.id] });
  const repositoryRef = pattern.repositoryId;
  if (!repositoryRef) {
    throw new InputError(pattern.error ?? `Invalid pattern "${pattern.raw}"`);
  }
  if (!result?.newestTag) {
    throw nothingStoredError(pattern, repositoryRef, result);
  }
  return {
    pattern: pattern.raw,
    tag: result.newestTag,
    image: imageReference({ repositoryRef }, result.newestTag),
    tags: result.tags.map(tag => tag.tag),
    ...(result.counts ? { counts: result.counts } : {}),
  };
}

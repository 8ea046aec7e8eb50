import { NotFoundError } from '@backstage/errors';
import {
  ImagePattern,
  TagCounts,
} from '@base-image-tags/plugin-base-image-tags-common';

/**
 * Codes on the `404` answers of `GET /newest`, sent as `error.code`, so
 * that clients such as the scaffolder action can tell why nothing was
 * found without reading the message.
 *
 * @internal
 */
export const newestNotFoundCodes = {
  /** No entity or app-config declares the pattern. */
  notDeclared: 'PATTERN_NOT_DECLARED',
  /** Declared, but its repository has not been listed yet. */
  notPolled: 'PATTERN_NOT_POLLED',
  /** The repository was listed, and none of its tags is kept. */
  noTagMatches: 'NO_TAG_MATCHES',
} as const;

/**
 * A `NotFoundError` carrying one of {@link newestNotFoundCodes}; the error
 * handler serialises the code beside the message.
 *
 * @internal
 */
export function newestNotFound(
  code: (typeof newestNotFoundCodes)[keyof typeof newestNotFoundCodes],
  message: string,
): NotFoundError {
  return Object.assign(new NotFoundError(message), { code });
}

/**
 * Why a listed repository gave a pattern no tag, with the counts of
 * {@link @base-image-tags/plugin-base-image-tags-common#selectTags} when
 * they are known.
 *
 * @internal
 */
export function noTagMatchesError(
  pattern: Pick<ImagePattern, 'key' | 'repositoryRef' | 'tagGlob'>,
  counts: TagCounts | undefined,
): NotFoundError {
  let detail = `${pattern.repositoryRef} was listed`;
  if (counts) {
    const { inRepository: total } = counts;
    // Only the filters that dropped something, in the order they apply.
    const dropped: Array<[number, string]> = [
      [counts.excluded, 'excluded'],
      [counts.outOfRange, 'outside the range'],
      [counts.variants, 'other variants'],
    ];
    const filters = dropped
      .filter(([count]) => count !== 0)
      .map(([count, what]) => `, ${count} ${what}`)
      .join('');
    const plural = total === 1 ? '' : 's';
    detail = `${pattern.repositoryRef} has ${total} tag${plural}; ${counts.matched} match the glob "${pattern.tagGlob}"${filters}`;
  }
  return newestNotFound(
    newestNotFoundCodes.noTagMatches,
    `No tag matches "${pattern.key}": ${detail}; widen the tag glob or ` +
      'the range, or drop an exclusion',
  );
}

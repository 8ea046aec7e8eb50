import { TagCounts } from '@base-image-tags/plugin-base-image-tags-common';

/**
 * A pattern's counts in a few words: how many tags its glob matched and
 * how many of them are kept, since variants, exclusions, the version range
 * and the maximum leave some out.
 */
export function describeCounts(counts: TagCounts): string {
  const { matched, kept } = counts;
  return `${matched} ${
    matched === 1 ? 'tag matches' : 'tags match'
  } · ${kept} kept`;
}

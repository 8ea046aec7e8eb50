import { COARSE_RANK_BITS, coarseRankOf } from './coarseRank';
import { rankKeyOf, tagOfRankKey } from './tagVersion';

/**
 * Orders two tags newest first: negative when `a` is newer than `b`, positive
 * when older, 0 only for the same tag. The rules are those of
 * `parseTagVersion`.
 *
 * @public
 */
export function compareTags(a: string, b: string): number {
  const keyA = rankKeyOf(a);
  const keyB = rankKeyOf(b);
  if (keyA === keyB) return 0;
  return keyA > keyB ? -1 : 1;
}

// Tags of equal coarse rank, ordered newest first by their rank keys.
// Plain string order of the keys is the rank order, so no comparator runs.
function newestByKey(tags: string[]): string[] {
  const keys = tags.map(rankKeyOf).sort();
  const newest = new Array<string>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    newest[i] = tagOfRankKey(keys[keys.length - 1 - i]);
  }
  return newest;
}

/**
 * The newest `limit` tags, newest first, in the order of `compareTags`.
 *
 * Each tag's coarse rank and list index share one double, so a native
 * numeric sort does most of the work; only runs of equal coarse rank are
 * ordered by rank key, and only as far as the limit reaches.
 *
 * @internal
 */
export function newestTags(
  tags: readonly string[],
  limit: number = tags.length,
): string[] {
  const count = tags.length;
  const indexBits = Math.max(1, Math.ceil(Math.log2(count)));
  const indexScale = 2 ** indexBits;
  // Longer lists trade coarse-rank bits for index bits.
  const rankScale = 2 ** Math.max(0, indexBits + COARSE_RANK_BITS - 53);
  const packed = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    packed[i] = Math.floor(coarseRankOf(tags[i]) / rankScale) * indexScale + i;
  }
  packed.sort();

  const newest: string[] = [];
  let end = count - 1;
  while (end >= 0 && newest.length < limit) {
    const rank = Math.floor(packed[end] / indexScale);
    let start = end;
    while (start > 0 && Math.floor(packed[start - 1] / indexScale) === rank) {
      start--;
    }
    if (start === end) {
      newest.push(tags[packed[end] - rank * indexScale]);
    } else {
      const run: string[] = [];
      for (let i = start; i <= end; i++) {
        run.push(tags[packed[i] - rank * indexScale]);
      }
      for (const tag of newestByKey(run)) {
        if (newest.length === limit) break;
        newest.push(tag);
      }
    }
    end = start - 1;
  }
  return newest;
}

/**
 * Returns the tags newest first, without filtering: tags with no digits
 * come last. Use `selectTags` to apply a pattern's filters as well.
 *
 * @public
 */
export function rankTags(tags: Iterable<string>): string[] {
  return newestTags([...tags]);
}

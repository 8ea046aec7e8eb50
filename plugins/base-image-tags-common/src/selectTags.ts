import { InputError } from '@backstage/errors';
import { Range } from 'semver';
import { TagCounts } from './api';
import { ImagePattern } from './imagePattern';
import { newestTags } from './rankTags';
import { compileTagGlob, GlobProblem, TagGlob } from './tagGlob';
import { isArtifactTag, isTagName } from './tagName';
import { semverOf, versionNumbersOf, wordsOf } from './tagVersion';
import { visibleText } from './visibleText';

/**
 * How many tags a pattern keeps by default.
 *
 * @public
 */
export const DEFAULT_TAG_LIMIT = 100;

/**
 * Options of {@link selectTags}.
 *
 * @public
 */
export interface SelectTagsOptions {
  /** How many of the newest tags to keep; default {@link DEFAULT_TAG_LIMIT}. */
  limit?: number;
}

/**
 * The tags a pattern keeps, newest first, and why the others were left out.
 *
 * @public
 */
export interface SelectedTags {
  tags: string[];
  counts: TagCounts;
}

const DIGIT = /[0-9]/;

function compileGlob(pattern: ImagePattern, glob: string): TagGlob {
  try {
    return compileTagGlob(glob);
  } catch (error) {
    if (error instanceof GlobProblem) {
      throw new InputError(
        visibleText(
          `Invalid glob "${glob}" in base image pattern "${pattern.key}": ` +
            `${error.message}`,
        ),
      );
    }
    throw error;
  }
}

// Whether a tag's version satisfies the pattern's range; tags without a
// version semver can hold are outside it.
function compileRange(pattern: ImagePattern): (tag: string) => boolean {
  if (pattern.range === undefined) return () => true;
  let range: Range;
  try {
    range = new Range(pattern.range);
  } catch {
    throw new InputError(
      visibleText(
        `Invalid range "${pattern.range}" in base image pattern ` +
          `"${pattern.key}"; write e.g. range=">=8.10 <9"`,
      ),
    );
  }
  // Many tags share a version (`8.10-1088`, `8.10-1089`); test each once.
  const results = new Map<string, boolean>();
  return tag => {
    const version = semverOf(versionNumbersOf(tag));
    if (version === undefined) return false;
    let result = results.get(version);
    if (result === undefined) {
      result = range.test(version);
      results.set(version, result);
    }
    return result;
  };
}

// A tag without digits is no version; a word the glob does not spell out
// marks another variant (`-source`, `-alpine`, `-rc1`, a commit hash).
// Not handled yet: a word reached only through a wildcard (`*-al*` for `-alpine`); effect: those tags count as variants.
function isVersionOfGlob(tag: string, glob: TagGlob): boolean {
  return DIGIT.test(tag) && wordsOf(tag).every(word => glob.words.has(word));
}

/**
 * Filters a repository's tags by a pattern and keeps the newest, in this
 * order: drop names that are not tags and signature/SBOM artifacts; keep
 * tags matching the glob; drop exclusions; drop tags whose version is
 * outside the range; drop tags without digits and other variants (tags
 * with words the glob does not spell out); rank newest first and keep the
 * first `limit`. Duplicate names are counted once.
 *
 * @throws InputError when the pattern or the limit is invalid.
 * @public
 */
export function selectTags(
  pattern: ImagePattern,
  tags: Iterable<string>,
  options: SelectTagsOptions = {},
): SelectedTags {
  const limit = options.limit ?? DEFAULT_TAG_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new InputError(
      `Invalid tag limit ${limit}; give a whole number of 0 or more`,
    );
  }
  const glob = compileGlob(pattern, pattern.tagGlob);
  const exclusions = pattern.exclude.map(exclusion =>
    compileGlob(pattern, exclusion),
  );
  const inRange = compileRange(pattern);

  const counts = emptyTagCounts();
  const candidates: string[] = [];
  for (const tag of new Set(tags)) {
    counts.inRepository++;
    if (!isTagName(tag) || isArtifactTag(tag)) {
      counts.notTags++;
    } else if (glob.matches(tag)) {
      counts.matched++;
      if (exclusions.some(exclusion => exclusion.matches(tag))) {
        counts.excluded++;
      } else if (!inRange(tag)) {
        counts.outOfRange++;
      } else if (!isVersionOfGlob(tag, glob)) {
        counts.variants++;
      } else {
        candidates.push(tag);
      }
    }
  }

  const selected = newestTags(candidates, limit);
  counts.kept = selected.length;
  return { tags: selected, counts };
}

/**
 * Counts of a listing that has not been filtered yet: every count zero.
 *
 * @public
 */
export function emptyTagCounts(): TagCounts {
  return {
    inRepository: 0,
    notTags: 0,
    matched: 0,
    excluded: 0,
    outOfRange: 0,
    variants: 0,
    kept: 0,
  };
}

import {
  endOfDigits,
  endOfLetters,
  findVersionStart,
  isDigit,
  isLeadingV,
  isLetter,
  nextVersionPart,
} from './tagScan';

/**
 * What filtering and ranking need to know about one tag.
 *
 * @public
 */
export interface TagVersion {
  /**
   * The version: the first run of dot-separated numbers that starts the
   * tag, follows a leading `v`, or follows `-` or `_` (else the first
   * number anywhere), leading zeros dropped. `8.10-1088` gives
   * `['8', '10']`. Empty when the tag has no digits.
   */
  numbers: string[];
  /**
   * Runs of letters, lower-cased, in order. A leading `v` before the
   * version is not a word. `1.0.2-f3ba42e` gives `['f', 'ba', 'e']`.
   */
  words: string[];
  /**
   * The version as `major.minor.patch` for semver ranges (missing parts are
   * 0, parts after the third are ignored); absent when the tag has no
   * digits or a part is too large for semver.
   */
  semver?: string;
  /**
   * A key whose plain string order (`<`) is the tag order from oldest to
   * newest; every tag has its own key.
   */
  rankKey: string;
}

// Markers inside rank keys: within one position, lower sorts older. A digit
// run is written as a length character (COUNT_BASE + length) and its digits
// without leading zeros, so numbers of any length compare as numbers under
// plain string order.
const NO_VERSION = '\u0001';
const HAS_VERSION = '\u0002';
const END = '\u0001';
const SUFFIX_WORD = '\u0002';
const SUFFIX_NONE = '\u0003';
const SUFFIX_NUMBER = '\u0004';
const NUMBER = '\u0002';
const WORD = '\u0003';
const WORD_END = '\u0001';
const TAG = '\u0000';
const COUNT_BASE = 0x40;
const ZERO_CHUNK = String.fromCharCode(COUNT_BASE);
const LONG_COUNT = '\uffff';
const MAX_DIRECT_COUNT = 0xfffe - COUNT_BASE;
const ZERO = 48;
// Larger numbers are beyond semver's safe integers.
const MAX_SEMVER_DIGITS = 15;

// The digits of [start, end) without leading zeros; '0' for zero.
function digitsOf(tag: string, start: number, end: number): string {
  let first = start;
  while (first < end - 1 && tag.charCodeAt(first) === ZERO) first++;
  return tag.slice(first, end);
}

// A count as one character, so that counts compare in plain string order;
// a count too large for one character (a number of 65,000 digits) is the
// top character followed by the count as a number chunk.
function countChunk(count: number): string {
  return count <= MAX_DIRECT_COUNT
    ? String.fromCharCode(COUNT_BASE + count)
    : LONG_COUNT + numberChunk(String(count));
}

function numberChunk(digits: string): string {
  return digits === '0' ? ZERO_CHUNK : countChunk(digits.length) + digits;
}

/**
 * The rank key of a tag: see {@link parseTagVersion}.
 *
 * @internal
 */
export function rankKeyOf(tag: string): string {
  let i = findVersionStart(tag);
  if (i < 0) return NO_VERSION + TAG + tag;

  let version = '';
  let significantVersion = 0;
  let versionCount = 0;
  for (;;) {
    const end = endOfDigits(tag, i);
    const digits = digitsOf(tag, i, end);
    version += numberChunk(digits);
    versionCount++;
    // Trailing zeros are cut: 4.20.0 ranks as 4.20 until specificity.
    if (digits !== '0') significantVersion = version.length;
    const next = nextVersionPart(tag, end);
    if (next < 0) {
      i = end;
      break;
    }
    i = next;
  }

  let suffix = '';
  let significantSuffix = 0;
  let suffixCount = 0;
  let category = SUFFIX_NONE;
  while (i < tag.length) {
    const code = tag.charCodeAt(i);
    let end: number;
    if (isDigit(code)) {
      end = endOfDigits(tag, i);
      const digits = digitsOf(tag, i, end);
      suffix += NUMBER + numberChunk(digits);
      if (digits !== '0') significantSuffix = suffix.length;
      if (suffixCount === 0) category = SUFFIX_NUMBER;
    } else if (isLetter(code)) {
      end = endOfLetters(tag, i);
      suffix += WORD + tag.slice(i, end).toLowerCase() + WORD_END;
      significantSuffix = suffix.length;
      if (suffixCount === 0) category = SUFFIX_WORD;
    } else {
      i++;
      continue;
    }
    suffixCount++;
    i = end;
  }

  return (
    HAS_VERSION +
    version.slice(0, significantVersion) +
    END +
    category +
    suffix.slice(0, significantSuffix) +
    END +
    countChunk(versionCount) +
    countChunk(suffixCount) +
    TAG +
    tag
  );
}

/**
 * Lower-cased letter runs of a tag, without a leading `v` before the
 * version.
 *
 * @internal
 */
export function wordsOf(tag: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < tag.length) {
    if (!isLetter(tag.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = endOfLetters(tag, i);
    if (!(i === 0 && isLeadingV(tag, end) && isDigit(tag.charCodeAt(end)))) {
      words.push(tag.slice(i, end).toLowerCase());
    }
    i = end;
  }
  return words;
}

/**
 * The version numbers of a tag, leading zeros dropped.
 *
 * @internal
 */
export function versionNumbersOf(tag: string): string[] {
  const numbers: string[] = [];
  let i = findVersionStart(tag);
  while (i >= 0) {
    const end = endOfDigits(tag, i);
    numbers.push(digitsOf(tag, i, end));
    i = nextVersionPart(tag, end);
  }
  return numbers;
}

/**
 * `major.minor.patch` of version numbers, for semver ranges.
 *
 * @internal
 */
export function semverOf(numbers: string[]): string | undefined {
  if (numbers.length === 0) return undefined;
  const parts = [numbers[0], numbers[1] ?? '0', numbers[2] ?? '0'];
  if (parts.some(part => part.length > MAX_SEMVER_DIGITS)) return undefined;
  return parts.join('.');
}

/**
 * Splits a tag into its version, words and rank key.
 *
 * Ranking, oldest to newest, compares in turn: having digits at all; the
 * version numbers, trailing zeros ignored (`4.20` equals `4.20.0`); what
 * follows the version, where a word first (`-rc.1`, `-alpine`) ranks below
 * nothing and a number first (a release such as `-1088`) above it, then
 * token by token as semver compares prerelease identifiers (numbers as
 * numbers and below words, words alphabetically ignoring case, fewer
 * tokens below more); the count of version numbers, then of suffix tokens
 * (the more specific tag is newer); finally the tag text, so ties break
 * the same way on every run.
 *
 * @public
 */
export function parseTagVersion(tag: string): TagVersion {
  const numbers = versionNumbersOf(tag);
  const semver = semverOf(numbers);
  return {
    numbers,
    words: wordsOf(tag),
    ...(semver === undefined ? {} : { semver }),
    rankKey: rankKeyOf(tag),
  };
}

/**
 * The tag a rank key was made for.
 *
 * @internal
 */
export function tagOfRankKey(rankKey: string): string {
  // The first TAG marker: a key holds none before the tag itself.
  return rankKey.slice(rankKey.indexOf(TAG) + 1);
}

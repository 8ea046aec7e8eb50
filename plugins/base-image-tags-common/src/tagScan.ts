// Character-level reading of tags, shared by rank keys and rank prefixes so
// both see the same version in a tag.

const DOT = 46;
const HYPHEN = 45;
const UNDERSCORE = 95;

/** @internal */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** @internal */
export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Whether digits at `digitsAt` follow a leading `v`, as in `v1.2`.
 *
 * @internal
 */
export function isLeadingV(tag: string, digitsAt: number): boolean {
  const first = tag.charCodeAt(0);
  return digitsAt === 1 && (first === 118 || first === 86);
}

/** @internal */
export function endOfDigits(tag: string, start: number): number {
  let end = start;
  while (end < tag.length && isDigit(tag.charCodeAt(end))) end++;
  return end;
}

/** @internal */
export function endOfLetters(tag: string, start: number): number {
  let end = start;
  while (end < tag.length && isLetter(tag.charCodeAt(end))) end++;
  return end;
}

/**
 * Where the version starts: the first digit run that starts the tag,
 * follows a leading `v`, or follows `-` or `_`; else the first digit run
 * anywhere (`alpine3.19`); -1 without digits.
 *
 * @internal
 */
export function findVersionStart(tag: string): number {
  let first = -1;
  let i = 0;
  while (i < tag.length) {
    if (!isDigit(tag.charCodeAt(i))) {
      i++;
      continue;
    }
    if (first < 0) first = i;
    const before = i === 0 ? HYPHEN : tag.charCodeAt(i - 1);
    if (before === HYPHEN || before === UNDERSCORE || isLeadingV(tag, i)) {
      return i;
    }
    i = endOfDigits(tag, i);
  }
  return first;
}

/**
 * Where the next version number starts after the digit run ending at
 * `end` (a single dot between them); -1 when the version ends there.
 *
 * @internal
 */
export function nextVersionPart(tag: string, end: number): number {
  return end + 1 < tag.length &&
    tag.charCodeAt(end) === DOT &&
    isDigit(tag.charCodeAt(end + 1))
    ? end + 1
    : -1;
}

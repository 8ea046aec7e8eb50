/**
 * Longest declared text kept for an invalid pattern; valid patterns are
 * shorter by the parser's own limit.
 *
 * @internal
 */
export const maxShownPatternLength = 1024;

// Control, format (bidi, zero-width) and lone surrogate characters: some
// databases refuse them (PostgreSQL rejects NUL), and they hide or reorder
// text on screen.
const unprintable = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/**
 * The declared text of a pattern as stored and shown: unprintable
 * characters written as `\u{…}` escapes, the way pattern errors show
 * them, and at most {@link maxShownPatternLength} characters.
 *
 * @internal
 */
export function shownPatternText(text: string): string {
  const printable = text
    .trim()
    .replace(unprintable, char => `\\u{${char.codePointAt(0)!.toString(16)}}`);
  return printable.length > maxShownPatternLength
    ? `${printable.slice(0, maxShownPatternLength)}…`
    : printable;
}

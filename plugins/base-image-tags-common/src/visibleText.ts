// Printable ASCII, and the ellipsis that marks a shortened echo.
const HIDDEN = /[^\x20-\x7e\u2026]/gu;

/**
 * User text as a message may show it: every character outside printable
 * ASCII is written as `\u{hex}`, so that control characters (which could
 * rewrite a log line or a terminal), invisible characters and look-alike
 * letters in a refused pattern are seen for what they are.
 *
 * @internal
 */
export function visibleText(text: string): string {
  return text.replace(
    HIDDEN,
    character => `\\u{${character.codePointAt(0)!.toString(16)}}`,
  );
}

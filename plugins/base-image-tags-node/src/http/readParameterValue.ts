/**
 * Reads a header parameter's value at `start`, after optional spaces: a
 * quoted string with backslash escapes, or else a bare value as long as
 * `bare` matches. `end` is the index just past the value. An unclosed quote
 * runs to the end of the text.
 *
 * @internal
 */
export function readParameterValue(
  text: string,
  start: number,
  bare: RegExp,
): { value: string; end: number } {
  let index = start;
  while (index < text.length && text[index] === ' ') {
    index++;
  }
  if (text[index] !== '"') {
    const value = bare.exec(text.slice(index))?.[0] ?? '';
    return { value, end: index + value.length };
  }
  index++;
  let value = '';
  while (index < text.length && text[index] !== '"') {
    if (text[index] === '\\' && index + 1 < text.length) {
      index++;
    }
    value += text[index];
    index++;
  }
  return { value, end: index + 1 };
}

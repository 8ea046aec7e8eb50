/**
 * The parts of one pattern as written on one line:
 * `image !exclusion... range="..."`.
 *
 * @internal
 */
export interface PatternText {
  image: string;
  exclude: string[];
  range?: string;
}

/**
 * One pattern item of an annotation value, with its 1-based line.
 *
 * @internal
 */
export interface PatternItem {
  line: number;
  text: string;
}

/**
 * Why pattern text was refused; the caller adds which pattern it belongs to.
 *
 * @internal
 */
export class PatternTextProblem extends Error {}

const RANGE_PREFIX = 'range=';
const SYNTAX_HINT =
  'write exclusions as "!glob" and the range as range=">=1.2 <2"';

function isSpace(character: string | undefined): boolean {
  return character !== undefined && /\s/.test(character);
}

// Whitespace separates words; quotes group a word that holds spaces.
function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const character of text) {
    if (quote) {
      if (character === quote) quote = undefined;
      else word += character;
    } else if (character === '"' || character === "'") {
      quote = character;
      word = word ?? '';
    } else if (isSpace(character)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + character;
    }
  }
  if (quote) {
    throw new PatternTextProblem(`a ${quote} quote is not closed`);
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * Splits `alpine:3.* !3.19.0 !*-rc* range=">=3.19 <4"` into the image, its
 * exclusions and its range.
 *
 * @internal
 */
export function splitPatternText(text: string): PatternText {
  const [image, ...rest] = splitWords(text);
  if (image === undefined || image === '') {
    throw new PatternTextProblem('it is empty');
  }
  if (image.startsWith('!') || image.startsWith(RANGE_PREFIX)) {
    throw new PatternTextProblem(
      `it must start with the image, e.g. "alpine:3.* !*-rc*"`,
    );
  }
  const parsed: PatternText = { image, exclude: [] };
  for (const word of rest) {
    if (word.startsWith('!')) {
      parsed.exclude.push(word.slice(1));
    } else if (word.startsWith(RANGE_PREFIX)) {
      if (parsed.range !== undefined) {
        throw new PatternTextProblem('it has two ranges; keep one');
      }
      parsed.range = word.slice(RANGE_PREFIX.length);
    } else {
      throw new PatternTextProblem(
        `"${word}" is not understood after the image; ${SYNTAX_HINT}`,
      );
    }
  }
  return parsed;
}

/**
 * Writes a pattern back in the form {@link splitPatternText} reads.
 *
 * @internal
 */
export function formatPatternText(parts: PatternText): string {
  let text = parts.image;
  for (const glob of parts.exclude) text += ` !${glob}`;
  if (parts.range !== undefined) text += ` ${RANGE_PREFIX}"${parts.range}"`;
  return text;
}

/**
 * Splits an annotation value into pattern items: one per line, or several
 * on a line separated by commas outside braces and quotes. Blank lines and
 * `#` comments are skipped.
 *
 * @internal
 */
export function splitAnnotationItems(value: string): PatternItem[] {
  const items: PatternItem[] = [];
  value.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    let text = '';
    let braceDepth = 0;
    let quote: string | undefined;
    const flush = () => {
      if (text.trim() !== '')
        items.push({ line: index + 1, text: text.trim() });
      text = '';
    };
    for (let i = 0; i < lineText.length; i++) {
      const character = lineText[i];
      if (quote) {
        if (character === quote) quote = undefined;
      } else if (character === '"' || character === "'") {
        quote = character;
      } else if (character === '{') {
        braceDepth++;
      } else if (character === '}') {
        braceDepth = Math.max(0, braceDepth - 1);
      } else if (character === ',' && braceDepth === 0) {
        flush();
        continue;
      } else if (
        character === '#' &&
        (text.trim() === '' || isSpace(lineText[i - 1]))
      ) {
        break;
      }
      text += character;
    }
    flush();
  });
  return items;
}

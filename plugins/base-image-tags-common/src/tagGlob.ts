import { braceExpand, Minimatch, MinimatchOptions } from 'minimatch';

// `!` only as glob syntax (`[!x]`, `!(x)`), never as a negated pattern.
const GLOB_OPTIONS: MinimatchOptions = {
  nonegate: true,
  nocomment: true,
  platform: 'linux',
};

/** Tag characters plus minimatch's glob syntax. */
const GLOB_CHARACTER = /[A-Za-z0-9_.\-*?[\]{}()!+@|^,]/;
const TAG_CHARACTERS = /^[A-Za-z0-9_.-]+$/;
// Each unbounded wildcard multiplies the regex's backtracking on a tag that
// almost matches; two keep a hostile tag list cheap to filter.
const MAX_WILDCARDS = 2;
const WILDCARD = /\*+|[+!]\(/g;
const MAX_ALTERNATIVES = 64;
// The longest tag; a regex's backtracking grows with this length raised to
// its count of unbounded wildcards.
const MAX_TAG_LENGTH = 128;
// Worst-case steps to match one tag, as (choices × length^wildcards) summed
// over brace alternatives: "*a*b" costs 128², and two of those are allowed.
const MAX_MATCH_COST = 2 * MAX_TAG_LENGTH ** 2;
const GROUP_KINDS = '?*+@!';
const CLASS_CHARACTER = /^[A-Za-z0-9_.-]$/;
// What a group may hold besides "|": tag characters, `*`, `?` and classes.
const GROUP_CHARACTER = /[A-Za-z0-9_.*?[-]/;

/**
 * Why a glob was refused; the caller adds which pattern it belongs to.
 *
 * @internal
 */
export class GlobProblem extends Error {}

/**
 * A compiled tag glob.
 *
 * @internal
 */
export interface TagGlob {
  matches(tag: string): boolean;
  /** Lower-cased letter runs the glob spells out, e.g. `alpine`, `rc`. */
  words: ReadonlySet<string>;
}

/**
 * Whether a tag part has no glob characters, so it is read as a prefix.
 *
 * @internal
 */
export function isPlainTagPrefix(text: string): boolean {
  return TAG_CHARACTERS.test(text);
}

function isGroupStart(glob: string, at: number): boolean {
  return GROUP_KINDS.includes(glob[at]) && glob[at + 1] === '(';
}

// The index after the `]` closing the class that opens at `start`.
function endOfClass(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  const close = glob.indexOf(']', i);
  if (close < 0) {
    throw new GlobProblem(
      '"[" opens a character class that is not closed; write e.g. "[0-9]"',
    );
  }
  if (close === i) {
    throw new GlobProblem('an empty character class "[]" matches nothing');
  }
  for (const character of glob.slice(i, close)) {
    if (!CLASS_CHARACTER.test(character)) {
      throw new GlobProblem(
        `"${character}" cannot appear in a character class of tag ` +
          'characters; write e.g. "[0-9]" or "[!a-z]"',
      );
    }
  }
  return close + 1;
}

// Glob syntax where no glob syntax can stand, so it could only match itself,
// and no tag holds it.
function misplaced(character: string): GlobProblem {
  const problems: Record<string, string> = {
    '|':
      '"|" separates alternatives only inside a group such as ' +
      '"@(alpine|slim)"',
    ')': '")" closes a group that was not opened; write e.g. "@(alpine|slim)"',
    '(':
      '"(" opens a group only after "@", "?", "*", "+" or "!", as in ' +
      '"@(alpine|slim)"',
    ']':
      '"]" closes a character class that was not opened; write e.g. ' +
      '"[0-9]"',
    '^':
      '"^" cannot appear in a tag; it only negates a class, as in ' +
      '"[^a-z]"',
  };
  const braces =
    'braces need a closing "}" and two or more alternatives, as in ' +
    '"*-{alpine,slim}"';
  return new GlobProblem(
    problems[character] ??
      (character === '{' || character === '}'
        ? braces
        : `"${character}" cannot appear in a tag; as glob syntax it must ` +
          'start a group, as in "@(alpine|slim)" or "+([0-9])"'),
  );
}

interface GlobShape {
  /** Unbounded wildcards on one path: runs of `*`, `+(…)`, `*(…)`, `!(…)`. */
  wildcards: number;
  /** Paths the groups `@(a|b)` and `?(a)` let a match try. */
  choices: number;
}

// Reads the group that starts at `start`; returns the index after it.
function readGroup(glob: string, start: number, shape: GlobShape): number {
  const kind = glob[start];
  const alternatives = [''];
  let i = start + 2;
  while (i < glob.length && glob[i] !== ')') {
    const character = glob[i];
    if (isGroupStart(glob, i)) {
      throw new GlobProblem(
        `groups such as "${kind}(...)" cannot hold other groups`,
      );
    }
    if (character === '|') {
      alternatives.push('');
      i++;
      continue;
    }
    if (!GROUP_CHARACTER.test(character)) throw misplaced(character);
    const end = character === '[' ? endOfClass(glob, i) : i + 1;
    alternatives[alternatives.length - 1] += glob.slice(i, end);
    i = end;
  }
  if (i >= glob.length) {
    throw new GlobProblem(`"${kind}(" is not closed with ")"`);
  }
  const body = alternatives.join('|');
  if (kind === '*' || kind === '+') {
    // A repeated part that can match one text in several ways makes the
    // regex backtrack exponentially, as "+(a|aa)" and "+(a*)" do.
    if (alternatives.length > 1 || body.includes('*')) {
      throw new GlobProblem(
        `"${kind}(...)" repeats a fixed run of characters and classes; ` +
          'it cannot hold "|" or "*", as in "+([0-9])"',
      );
    }
    shape.wildcards++;
  } else {
    if (kind === '!') shape.wildcards++;
    shape.wildcards += body.match(/\*+/g)?.length ?? 0;
    shape.choices *= alternatives.length + (kind === '?' ? 1 : 0);
  }
  return i + 1;
}

// The shape of one brace-free alternative, refusing syntax no tag matches.
function shapeOf(glob: string): GlobShape {
  const shape: GlobShape = { wildcards: 0, choices: 1 };
  let i = 0;
  while (i < glob.length) {
    const character = glob[i];
    if (isGroupStart(glob, i)) {
      i = readGroup(glob, i, shape);
    } else if (character === '[') {
      i = endOfClass(glob, i);
    } else if (character === '*') {
      while (glob[i] === '*') i++;
      shape.wildcards++;
    } else if (character === '?' || TAG_CHARACTERS.test(character)) {
      i++;
    } else {
      throw misplaced(character);
    }
  }
  if (glob.startsWith('.') || glob.startsWith('-')) {
    throw new GlobProblem(
      `tags start with a letter, digit or "_", so a glob starting with ` +
        `"${glob[0]}" matches nothing; a glob is not a regular expression: ` +
        '"*" alone matches any characters, as in "3.*"',
    );
  }
  return shape;
}

/**
 * Refuses globs that cannot match a tag or are too costly to match.
 *
 * @internal
 */
export function checkTagGlob(glob: string): void {
  if (glob === '') throw new GlobProblem('it is empty');
  if (glob.startsWith('!') && !glob.startsWith('!(')) {
    throw new GlobProblem(
      'a leading "!" does not negate here; put exclusions after the image, ' +
        'as in "alpine:3.* !3.19.0"',
    );
  }
  let braceDepth = 0;
  for (const character of glob) {
    if (!GLOB_CHARACTER.test(character)) {
      throw new GlobProblem(
        `"${character}" cannot appear in a tag; tags use letters, digits, ` +
          `"_", "." and "-", and globs add * ? [ ] { } ( ) ! + @ |`,
      );
    }
    if (character === '{') braceDepth++;
    if (character === '}') braceDepth = Math.max(0, braceDepth - 1);
    if (character === ',' && braceDepth === 0) {
      throw new GlobProblem(
        '"," separates patterns; inside one glob it belongs in braces, ' +
          'as in "*-{alpine,slim}"',
      );
    }
  }
  const wildcards = glob.match(WILDCARD)?.length ?? 0;
  if (wildcards > MAX_WILDCARDS) {
    throw new GlobProblem(
      `it has ${wildcards} wildcards; at most ${MAX_WILDCARDS} are allowed ` +
        `(runs of "*", "+(...)", "!(...)"), as in "*-rc*"`,
    );
  }
  const alternatives = braceExpand(glob, {
    ...GLOB_OPTIONS,
    braceExpandMax: MAX_ALTERNATIVES + 1,
  });
  if (alternatives.length > MAX_ALTERNATIVES) {
    throw new GlobProblem(
      `its braces expand to more than ${MAX_ALTERNATIVES} alternatives`,
    );
  }
  let cost = 0;
  for (const alternative of alternatives) {
    const shape = shapeOf(alternative);
    cost += shape.choices * MAX_TAG_LENGTH ** shape.wildcards;
  }
  if (cost > MAX_MATCH_COST) {
    throw new GlobProblem(
      'its alternatives and wildcards together are too costly to match on ' +
        'long tags; use fewer braces, groups or wildcards, as in ' +
        '"*-{alpine,slim}"',
    );
  }
  if (!new Minimatch(glob, GLOB_OPTIONS).makeRe()) {
    throw new GlobProblem('it is not a valid glob');
  }
}

/**
 * Checks and compiles a glob; it matches whole tags.
 *
 * @internal
 */
export function compileTagGlob(glob: string): TagGlob {
  checkTagGlob(glob);
  const regex = new Minimatch(glob, GLOB_OPTIONS).makeRe();
  if (!regex) throw new GlobProblem('it is not a valid glob');
  const words = new Set(
    (glob.match(/[A-Za-z]+/g) ?? []).map(word => word.toLowerCase()),
  );
  return { matches: tag => regex.test(tag), words };
}

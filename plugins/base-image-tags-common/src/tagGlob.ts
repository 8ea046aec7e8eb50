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
  }).length;
  if (alternatives > MAX_ALTERNATIVES) {
    throw new GlobProblem(
      `its braces expand to more than ${MAX_ALTERNATIVES} alternatives`,
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

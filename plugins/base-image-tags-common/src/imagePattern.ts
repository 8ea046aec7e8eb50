import { InputError } from '@backstage/errors';
import { validRange } from 'semver';
import { checkTagGlob, GlobProblem, isPlainTagPrefix } from './tagGlob';
import {
  formatPatternText,
  PatternTextProblem,
  splitPatternText,
} from './patternText';
import { parseRepositoryName, RepositoryNameProblem } from './repositoryName';
import { visibleText } from './visibleText';

/**
 * A parsed base image pattern: which repository to list and which of its
 * tags to keep.
 *
 * @public
 */
export interface ImagePattern {
  /** The pattern as written, trimmed. */
  raw: string;
  /** Lower-cased registry host with its port; `docker.io` for Docker Hub. */
  registry: string;
  /** Path in the registry, e.g. `library/alpine` or `ubi8/ubi`. */
  repository: string;
  /** Glob matched against whole tags; a plain prefix `8.10-` is `8.10-*`. */
  tagGlob: string;
  /** Globs of tags to leave out, sorted, without duplicates. */
  exclude: string[];
  /** Semver range the tag's version must satisfy, whitespace collapsed. */
  range?: string;
  /**
   * Canonical text, stable for storage: equal patterns have equal keys, and
   * parsing the key gives the same pattern, e.g.
   * `docker.io/library/alpine:3.* !*-rc* range=">=3.19 <4"`.
   */
  key: string;
  /** `registry/repository`, e.g. `docker.io/library/alpine`. */
  repositoryRef: string;
}

/**
 * Exclusions and a range given beside the pattern text, as app-config does.
 *
 * @public
 */
export interface ImagePatternOptions {
  /** Globs of tags to leave out; a leading `!` is optional. */
  exclude?: string[];
  /** Semver range, e.g. `>=8.10 <9`; empty means none. */
  range?: string;
}

/**
 * The longest pattern accepted, counting its normalised key with exclusions
 * and range.
 *
 * @public
 */
export const MAX_PATTERN_LENGTH = 1024;

const VALID_FORM =
  'Write it as [registry[:port]/]repository:tag-glob, ' +
  'e.g. "alpine:3.19.*" or "registry.access.redhat.com/ubi8/ubi:8.10-*"';
// Echo at most this much of a refused pattern.
const MAX_ECHO = 120;
// `user:password@registry/...`: an "@" in the first path component, with a
// path after it (a digest, `alpine@sha256:…`, has no "/" after its "@").
const USERINFO = /^[^/\s]*@(?=[^/\s]*\/)/;
const DIGEST = /@[A-Za-z0-9]+(?:[+._-][A-Za-z0-9]+)*:/;

function echo(text: string): string {
  return text.length > MAX_ECHO
    ? `${visibleText(text.slice(0, MAX_ECHO))}…`
    : visibleText(text);
}

function refuse(text: string, problem: string): InputError {
  const shown = echo(text);
  return new InputError(
    `Invalid base image pattern "${shown}": ${visibleText(
      problem,
    )}. ${VALID_FORM}`,
  );
}

function problemOf(error: unknown): string | undefined {
  if (
    error instanceof GlobProblem ||
    error instanceof PatternTextProblem ||
    error instanceof RepositoryNameProblem
  ) {
    return error.message;
  }
  return undefined;
}

function normaliseExclusion(glob: string): string {
  const trimmed = glob.trim();
  return trimmed.startsWith('!') && !trimmed.startsWith('!(')
    ? trimmed.slice(1)
    : trimmed;
}

function normaliseRange(text: string, range: string): string {
  const collapsed = range.trim().replace(/\s+/g, ' ');
  if (validRange(collapsed) === null) {
    throw refuse(
      text,
      `range "${echo(collapsed)}" is not a semver range; ` +
        'write e.g. range=">=8.10 <9" or range="^3.19"',
    );
  }
  return collapsed;
}

function splitImage(text: string, image: string) {
  if (DIGEST.test(image)) {
    throw refuse(
      text,
      'a digest names one image, not a set of tags; ' +
        'replace "@sha256:…" by ":" and a tag glob',
    );
  }
  const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
  const tagPart = colon < 0 ? '' : image.slice(colon + 1);
  if (tagPart === '') {
    throw refuse(
      text,
      'the tag glob after ":" is missing; add one, e.g. ":3.19.*" or ":*"',
    );
  }
  return { name: image.slice(0, colon), tagPart };
}

/**
 * Parses one base image pattern, `[registry[:port]/]repository:tag-glob`,
 * optionally followed by exclusions and a range:
 * `alpine:3.* !3.19.0 !*-rc* range=">=3.19 <4"`. Exclusions and a range in
 * `options` are added to those in the text.
 *
 * @throws InputError naming what is wrong and showing a valid form.
 * @public
 */
export function parseImagePattern(
  text: string,
  options: ImagePatternOptions = {},
): ImagePattern {
  const raw = text.trim();
  if (raw === '') throw refuse(raw, 'it is empty');
  if (USERINFO.test(raw)) {
    // Never echo what may be a password.
    throw refuse(
      raw.replace(USERINFO, '…@'),
      'credentials do not belong in a pattern; configure them under ' +
        'baseImageTags.registries or in a docker config file',
    );
  }
  if (raw.length > MAX_PATTERN_LENGTH) {
    throw refuse(
      raw,
      `it is ${raw.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`,
    );
  }

  try {
    const parts = splitPatternText(raw);
    const { name, tagPart } = splitImage(raw, parts.image);
    const { registry, repository } = parseRepositoryName(name);
    const tagGlob = isPlainTagPrefix(tagPart) ? `${tagPart}*` : tagPart;
    try {
      checkTagGlob(tagGlob);
    } catch (error) {
      throw new GlobProblem(`tag glob "${tagGlob}": ${problemOf(error)}`);
    }

    const exclusions = new Set<string>();
    for (const glob of [...parts.exclude, ...(options.exclude ?? [])]) {
      const exclusion = normaliseExclusion(glob);
      try {
        checkTagGlob(exclusion);
      } catch (error) {
        throw new GlobProblem(`exclusion "${exclusion}": ${problemOf(error)}`);
      }
      exclusions.add(exclusion);
    }
    const exclude = [...exclusions].sort();

    const ranges = [parts.range, options.range]
      .filter((r): r is string => r !== undefined && r.trim() !== '')
      .map(r => normaliseRange(raw, r));
    if (ranges.length === 2 && ranges[0] !== ranges[1]) {
      throw refuse(
        raw,
        `it has two ranges, "${ranges[0]}" and "${ranges[1]}"; keep one`,
      );
    }
    const range = ranges[0];

    const repositoryRef = `${registry}/${repository}`;
    const key = formatPatternText({
      image: `${repositoryRef}:${tagGlob}`,
      exclude,
      range,
    });
    if (key.length > MAX_PATTERN_LENGTH) {
      throw refuse(
        raw,
        `normalised with its exclusions and range it is ${key.length} ` +
          `characters long; the limit is ${MAX_PATTERN_LENGTH}`,
      );
    }
    return {
      raw,
      registry,
      repository,
      tagGlob,
      exclude,
      ...(range === undefined ? {} : { range }),
      key,
      repositoryRef,
    };
  } catch (error) {
    const problem = problemOf(error);
    if (problem !== undefined) throw refuse(raw, problem);
    throw error;
  }
}

/**
 * The full reference of one tag of a pattern's repository, e.g.
 * `docker.io/library/alpine:3.19.1`.
 *
 * @public
 */
export function imageReference(
  pattern: Pick<ImagePattern, 'repositoryRef'>,
  tag: string,
): string {
  return `${pattern.repositoryRef}:${tag}`;
}

import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ImagePattern, parseImagePattern } from './imagePattern';
import { splitAnnotationItems } from './patternText';

/**
 * The catalog annotation listing an entity's base image patterns.
 *
 * @public
 */
export const BASE_IMAGE_TAGS_ANNOTATION = 'base-image-tags/patterns';

/**
 * Patterns kept per annotation unless the caller sets another cap: enough
 * for a team's 30–50 base images, few enough that one entity cannot make
 * the backend poll thousands of repositories.
 *
 * @public
 */
export const DEFAULT_MAX_PATTERNS_PER_ENTITY = 50;

/**
 * A pattern of the annotation that could not be parsed, or the patterns
 * dropped beyond the cap.
 *
 * @public
 */
export interface PatternAnnotationError {
  /** 1-based line of the annotation value. */
  line: number;
  /** The pattern as written; for the cap, the first one dropped. */
  text: string;
  /** What is wrong and a valid form. */
  message: string;
}

/**
 * The outcome of {@link parsePatternAnnotation}.
 *
 * @public
 */
export interface PatternAnnotation {
  /** Valid patterns in order, each key once. */
  patterns: ImagePattern[];
  errors: PatternAnnotationError[];
}

/**
 * Options of {@link parsePatternAnnotation}.
 *
 * @public
 */
export interface PatternAnnotationOptions {
  /**
   * Most patterns kept, a whole number of at least 1 (`Infinity` for no
   * cap); default {@link DEFAULT_MAX_PATTERNS_PER_ENTITY}.
   */
  maxPatterns?: number;
}

/**
 * Whether an entity declares base image patterns.
 *
 * @public
 */
export function isBaseImageTagsAvailable(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[BASE_IMAGE_TAGS_ANNOTATION]?.trim(),
  );
}

function capMessage(max: number, dropped: number, line: number): string {
  const patterns = dropped === 1 ? 'pattern' : 'patterns';
  return (
    `Too many base image patterns: at most ${max} per entity are polled, ` +
    `so ${dropped} ${patterns} from line ${line} on ${
      dropped === 1 ? 'is' : 'are'
    } dropped; split the list across entities or raise ` +
    'baseImageTags.maxPatternsPerEntity in the backend configuration'
  );
}

/**
 * Parses the annotation value: one pattern per line, or several on a line
 * separated by commas; blank lines and `#` comments are skipped. A bad
 * pattern becomes an error for its line and does not hide the others.
 *
 * Only the first `maxPatterns` valid patterns are kept, and at most as many
 * per-line errors; from the first item beyond either, every further
 * pattern (valid or not, repeats of kept ones aside) is dropped and counted
 * in one error at that item's line.
 *
 * @public
 */
export function parsePatternAnnotation(
  value: string,
  options: PatternAnnotationOptions = {},
): PatternAnnotation {
  const max = options.maxPatterns ?? DEFAULT_MAX_PATTERNS_PER_ENTITY;
  if (!(max >= 1 && (Number.isInteger(max) || max === Infinity))) {
    throw new InputError(
      `maxPatterns must be a whole number of at least 1, got ${max}`,
    );
  }
  const patterns: ImagePattern[] = [];
  const errors: PatternAnnotationError[] = [];
  const keys = new Set<string>();
  let cap: PatternAnnotationError | undefined;
  let dropped = 0;
  for (const { line, text } of splitAnnotationItems(value)) {
    let pattern: ImagePattern | undefined;
    let message = '';
    try {
      pattern = parseImagePattern(text);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      message = error.message;
    }
    if (pattern && keys.has(pattern.key)) continue;
    const full = pattern ? patterns.length >= max : errors.length >= max;
    if (cap || full) {
      cap ??= { line, text, message: '' };
      dropped++;
      if (pattern) keys.add(pattern.key);
    } else if (pattern) {
      keys.add(pattern.key);
      patterns.push(pattern);
    } else {
      errors.push({ line, text, message });
    }
  }
  if (cap) {
    errors.push({ ...cap, message: capMessage(max, dropped, cap.line) });
  }
  return { patterns, errors };
}

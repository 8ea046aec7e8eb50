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
 * A pattern of the annotation that could not be parsed.
 *
 * @public
 */
export interface PatternAnnotationError {
  /** 1-based line of the annotation value. */
  line: number;
  /** The pattern as written. */
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
 * Whether an entity declares base image patterns.
 *
 * @public
 */
export function isBaseImageTagsAvailable(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[BASE_IMAGE_TAGS_ANNOTATION]?.trim(),
  );
}

/**
 * Parses the annotation value: one pattern per line, or several on a line
 * separated by commas; blank lines and `#` comments are skipped. A bad
 * pattern becomes an error for its line and does not hide the others.
 *
 * @public
 */
export function parsePatternAnnotation(value: string): PatternAnnotation {
  const patterns: ImagePattern[] = [];
  const errors: PatternAnnotationError[] = [];
  const keys = new Set<string>();
  // Not handled yet: no cap on patterns per annotation; effect: a huge value yields as many patterns and errors.
  for (const { line, text } of splitAnnotationItems(value)) {
    try {
      const pattern = parseImagePattern(text);
      if (keys.has(pattern.key)) continue;
      keys.add(pattern.key);
      patterns.push(pattern);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push({ line, text, message: error.message });
    }
  }
  return { patterns, errors };
}

import { ImagePattern } from '@base-image-tags/plugin-base-image-tags-common';

/**
 * One pattern declared by one source.
 *
 * @public
 */
export interface PatternDeclaration {
  /** Lower-cased entity ref, or `config` for `baseImageTags.patterns`. */
  source: string;
  /** The pattern as written, with any exclusions and range. */
  text: string;
  /** The parsed pattern; absent when it is invalid. */
  pattern?: ImagePattern;
  /** Why the pattern is invalid. */
  error?: string;
}

/**
 * Where declared patterns come from: the catalog, app-config, or a fake in
 * tests. A source that cannot be read throws; the cycle then keeps the
 * stored declarations instead of removing them.
 *
 * @public
 */
export interface PatternSource {
  /** Name used in logs. */
  readonly name: string;
  readDeclarations(options?: {
    signal?: AbortSignal;
  }): Promise<PatternDeclaration[]>;
}

/**
 * The source name of org-wide patterns from app-config.
 *
 * @internal
 */
export const CONFIG_SOURCE = 'config';

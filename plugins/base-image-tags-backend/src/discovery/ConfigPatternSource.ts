import { parseImagePattern } from '@base-image-tags/plugin-base-image-tags-common';
import { ConfiguredPattern } from '../config/BaseImageTagsConfig';
import {
  CONFIG_SOURCE,
  PatternDeclaration,
  PatternSource,
} from './PatternSource';

/**
 * Org-wide patterns from `baseImageTags.patterns`. A pattern that does not
 * parse becomes a declaration with its error.
 *
 * @public
 */
export class ConfigPatternSource implements PatternSource {
  readonly name = 'app-config';

  constructor(private readonly patterns: ConfiguredPattern[]) {}

  async readDeclarations(): Promise<PatternDeclaration[]> {
    return this.patterns.map(configured => {
      const options = {
        ...(configured.exclude ? { exclude: configured.exclude } : {}),
        ...(configured.range ? { range: configured.range } : {}),
      };
      // Shown in the annotation's own syntax, so that the exclusions and
      // range are visible and the text finds this pattern again.
      const text = [
        configured.pattern.trim(),
        ...(configured.exclude ?? []).map(glob =>
          glob.startsWith('!') ? glob : `!${glob}`,
        ),
        ...(configured.range ? [`range="${configured.range}"`] : []),
      ].join(' ');
      const declaration: PatternDeclaration = {
        source: CONFIG_SOURCE,
        text,
      };
      try {
        return {
          ...declaration,
          pattern: parseImagePattern(configured.pattern, options),
        };
      } catch (error) {
        return { ...declaration, error: (error as Error).message };
      }
    });
  }
}

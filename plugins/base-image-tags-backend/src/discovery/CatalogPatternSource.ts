import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BASE_IMAGE_TAGS_ANNOTATION,
  DEFAULT_MAX_PATTERNS_PER_ENTITY,
  parsePatternAnnotation,
} from '@base-image-tags/plugin-base-image-tags-common';
import { PatternDeclaration, PatternSource } from './PatternSource';

const annotationField = `metadata.annotations.${BASE_IMAGE_TAGS_ANNOTATION}`;
const fields = ['kind', 'metadata.namespace', 'metadata.name', annotationField];

/**
 * Lower-cased entity ref, the form sources are stored and looked up in.
 *
 * @public
 */
export function entitySourceRef(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function declarationsOf(
  entity: Entity,
  maxPatterns: number,
): PatternDeclaration[] {
  const value = entity.metadata.annotations?.[BASE_IMAGE_TAGS_ANNOTATION];
  if (typeof value !== 'string') {
    return [];
  }
  const source = entitySourceRef(entity);
  const { patterns, errors } = parsePatternAnnotation(value, { maxPatterns });
  return [
    ...patterns.map(pattern => ({ source, text: pattern.raw, pattern })),
    ...errors.map(problem => ({
      source,
      text: problem.text,
      error: `line ${problem.line}: ${problem.message}`,
    })),
  ];
}

/**
 * Patterns from catalog entities carrying the `base-image-tags/patterns`
 * annotation, read page by page with only the fields needed. Each entity
 * declares at most `maxPatternsPerEntity` patterns; the rest are dropped
 * and declared as one invalid pattern saying why.
 *
 * @public
 */
export class CatalogPatternSource implements PatternSource {
  readonly name = 'catalog';

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly options: {
      pageSize?: number;
      maxPatternsPerEntity?: number;
    } = {},
  ) {}

  async readDeclarations(options?: {
    signal?: AbortSignal;
  }): Promise<PatternDeclaration[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const declarations: PatternDeclaration[] = [];
    const limit = this.options.pageSize ?? 200;
    const maxPatterns =
      this.options.maxPatternsPerEntity ?? DEFAULT_MAX_PATTERNS_PER_ENTITY;
    let cursor: string | undefined;
    do {
      options?.signal?.throwIfAborted();
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, fields, limit }
          : {
              query: { [annotationField]: { $exists: true } },
              fields,
              limit,
            },
        { credentials },
      );
      for (const entity of page.items) {
        declarations.push(...declarationsOf(entity, maxPatterns));
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return declarations;
  }
}

import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BASE_IMAGE_TAGS_ANNOTATION,
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

function declarationsOf(entity: Entity): PatternDeclaration[] {
  const value = entity.metadata.annotations?.[BASE_IMAGE_TAGS_ANNOTATION];
  if (typeof value !== 'string') {
    return [];
  }
  const source = entitySourceRef(entity);
  const { patterns, errors } = parsePatternAnnotation(value);
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
 * annotation, read page by page with only the fields needed.
 *
 * @public
 */
export class CatalogPatternSource implements PatternSource {
  readonly name = 'catalog';

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly pageSize = 200,
  ) {}

  async readDeclarations(options?: {
    signal?: AbortSignal;
  }): Promise<PatternDeclaration[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const declarations: PatternDeclaration[] = [];
    let cursor: string | undefined;
    do {
      options?.signal?.throwIfAborted();
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, fields, limit: this.pageSize }
          : {
              query: { [annotationField]: { $exists: true } },
              fields,
              limit: this.pageSize,
            },
        { credentials },
      );
      for (const entity of page.items) {
        declarations.push(...declarationsOf(entity));
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return declarations;
  }
}

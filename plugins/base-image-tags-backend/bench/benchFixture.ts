import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  FakeRegistryHandler,
  pagedTagsHandler,
  withBearerAuth,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import knexFactory, { Knex } from 'knex';

/**
 * The benchmark's shape, as the specification gives it.
 *
 * @internal
 */
export const shape = {
  repositories: 150,
  largeRepositories: 50,
  largeTags: 1050,
  smallTags: 30,
  pageSize: 100,
  latencyMs: 50,
  entities: 500,
  concurrency: 8,
};

/**
 * Version-like tags in the lexical order a registry lists them.
 *
 * @internal
 */
export function tagsOf(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `3.${Math.floor(i / 10)}.${i % 10}`,
  ).sort();
}

/**
 * Name of the repository with the given index, e.g. `team/app007`.
 *
 * @internal
 */
export function repositoryName(index: number): string {
  return `team/app${String(index).padStart(3, '0')}`;
}

/**
 * Every repository paged by 100, behind bearer auth, with latency.
 *
 * @internal
 */
export function registryHandler(): FakeRegistryHandler {
  const handlers = new Map<string, FakeRegistryHandler>();
  for (let i = 0; i < shape.repositories; i++) {
    const repository = repositoryName(i);
    const count =
      i < shape.largeRepositories ? shape.largeTags : shape.smallTags;
    handlers.set(
      `/v2/${repository}/tags/list`,
      pagedTagsHandler({
        repository,
        tags: tagsOf(count),
        maxPageSize: shape.pageSize,
      }),
    );
  }
  const authenticated = withBearerAuth((request, info) => {
    const handler = handlers.get(request.url.pathname);
    return handler ? handler(request, info) : { status: 404 };
  });
  return async (request, info) => {
    await new Promise(resolve => setTimeout(resolve, shape.latencyMs));
    return authenticated(request, info);
  };
}

/**
 * 300 patterns (two per repository) declared by 500 entities.
 *
 * @internal
 */
export function entitiesFor(host: string): Entity[] {
  const patterns = Array.from({ length: shape.repositories }, (_, i) => [
    `${host}/${repositoryName(i)}:3.*`,
    `${host}/${repositoryName(i)}:3.1*`,
  ]).flat();
  return Array.from({ length: shape.entities }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      annotations: {
        'base-image-tags/patterns': [
          patterns[i % patterns.length],
          patterns[(i + 150) % patterns.length],
        ].join('\n'),
      },
    },
    spec: {},
  }));
}

/**
 * The catalog's paged query, enough for the pattern source.
 *
 * @internal
 */
export function catalogOf(entities: Entity[]): CatalogService {
  const queryEntities = async (request?: {
    cursor?: string;
    limit?: number;
  }) => {
    const offset = request?.cursor ? Number(request.cursor) : 0;
    const limit = request?.limit ?? 200;
    const end = offset + limit;
    return {
      items: entities.slice(offset, end),
      totalItems: entities.length,
      pageInfo: end < entities.length ? { nextCursor: String(end) } : {},
    };
  };
  return { queryEntities } as unknown as CatalogService;
}

/**
 * Service credentials for the pattern source; the stub catalog ignores them.
 *
 * @internal
 */
export const auth = {
  getOwnServiceCredentials: async () => ({}),
} as unknown as AuthService;

/**
 * A logger that prints only warnings and errors, to stderr.
 *
 * @internal
 */
export function quietLogger(): LoggerService {
  const logger: LoggerService = {
    debug: () => {},
    info: () => {},
    warn: message => process.stderr.write(`warn: ${message}\n`),
    error: message => process.stderr.write(`error: ${message}\n`),
    child: () => logger,
  };
  return logger;
}

/**
 * An in-memory better-sqlite3 database, as the backend's default.
 *
 * @internal
 */
export function inMemoryDatabase(): { knex: Knex; database: DatabaseService } {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  return { knex, database: { getClient: async () => knex } };
}

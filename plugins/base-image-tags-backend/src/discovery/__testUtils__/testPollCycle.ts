import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { DatabaseBaseImageTagsStore } from '../../database/DatabaseBaseImageTagsStore';
import { CatalogPatternSource } from '../CatalogPatternSource';
import { ConfigPatternSource } from '../ConfigPatternSource';
import { PollCycle } from '../PollCycle';
import { TagListerResolver } from '../TagListerResolver';

/** A catalog component declaring the given patterns in its annotation. */
export const componentWithPatterns = (
  name: string,
  patterns: string[],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: { 'base-image-tags/patterns': patterns.join('\n') },
  },
  spec: {},
});

/**
 * A poll cycle over a fresh store in `knex`, reading patterns from the
 * entities and from app-config, with hourly polls, five tags per pattern
 * and a clock the test moves on with `later`; `maxPatternsPerEntity` caps
 * each entity's patterns (default that of the annotation parser).
 */
export async function createTestPollCycle(options: {
  knex: Knex;
  entities: Entity[];
  configPatterns?: string[];
  resolver: TagListerResolver;
  maxPatternsPerEntity?: number;
}) {
  const store = await DatabaseBaseImageTagsStore.create({
    database: mockServices.database({ knex: options.knex }),
  });
  const clock = { now: new Date() };
  const cycle = new PollCycle({
    store,
    sources: [
      new CatalogPatternSource(
        catalogServiceMock({ entities: options.entities }),
        mockServices.auth(),
        { maxPatternsPerEntity: options.maxPatternsPerEntity },
      ),
      new ConfigPatternSource(
        (options.configPatterns ?? []).map(pattern => ({ pattern })),
      ),
    ],
    resolver: options.resolver,
    logger: mockServices.logger.mock(),
    intervalMs: 3600_000,
    maxTagsPerPattern: 5,
    concurrency: 4,
    backoff: { initialMs: 60_000, maxMs: 3600_000, random: () => 0.5 },
    clock: () => clock.now,
  });
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { store, cycle, later };
}

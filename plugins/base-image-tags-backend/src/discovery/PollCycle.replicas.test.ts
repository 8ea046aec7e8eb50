import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RegistryClient } from '@base-image-tags/plugin-base-image-tags-node';
import {
  FakeRegistry,
  pagedTagsHandler,
  startFakeRegistry,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import knexFactory, { Knex } from 'knex';
import { DatabaseBaseImageTagsStore } from '../database/DatabaseBaseImageTagsStore';
import { CatalogPatternSource } from './CatalogPatternSource';
import { PollCycle } from './PollCycle';
import { RegistryAllowList } from './RegistryAllowList';
import { AllowListTagListerResolver } from './TagListerResolver';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const ids = databases.eachSupportedId();
const describeOnPostgres = ids.length
  ? describe.each(ids)
  : describe.skip.each([['POSTGRES_15' as const]]);

const repositories = Array.from({ length: 20 }, (_, i) => `team/app${i}`);
const tags = Array.from({ length: 250 }, (_, i) => `2.${i}.0`).sort();

describeOnPostgres('two backend instances on one %s database', databaseId => {
  let registry: FakeRegistry;
  const handlers = new Map(
    repositories.map(repository => [
      `/v2/${repository}/tags/list`,
      pagedTagsHandler({ repository, tags, maxPageSize: 100 }),
    ]),
  );

  beforeAll(async () => {
    registry = await startFakeRegistry(async (request, info) => {
      await new Promise(resolve => setTimeout(resolve, 10));
      const handler = handlers.get(request.url.pathname);
      return handler ? handler(request, info) : { status: 404 };
    });
  });
  afterAll(() => registry.stop());

  function createInstance(knex: Knex, entities: Entity[]) {
    const client = RegistryClient.create({
      registries: [
        { host: registry.host, insecure: true, requestsPerSecond: 1000 },
      ],
    });
    return {
      client,
      cycle: DatabaseBaseImageTagsStore.create({
        database: mockServices.database({ knex }),
      }).then(
        store =>
          new PollCycle({
            store,
            sources: [
              new CatalogPatternSource(
                catalogServiceMock({ entities }),
                mockServices.auth(),
              ),
            ],
            resolver: new AllowListTagListerResolver(
              new RegistryAllowList({
                allowPublicRegistries: false,
                registries: [registry.host],
              }),
              client,
            ),
            logger: mockServices.logger.mock(),
            intervalMs: 3600_000,
            maxTagsPerPattern: 10,
            concurrency: 4,
            backoff: { initialMs: 60_000, maxMs: 3600_000 },
          }),
      ),
    };
  }

  it('lists each repository once per cycle and writes no duplicate rows', async () => {
    const knexA = await databases.init(databaseId);
    const knexB = knexFactory({
      client: 'pg',
      connection: (knexA.client as any).config.connection,
    });
    const entities: Entity[] = repositories.map((repository, i) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `service-${i}`,
        annotations: {
          'base-image-tags/patterns': `${registry.host}/${repository}:2.*\n${registry.host}/${repositories[0]}:2.1*`,
        },
      },
      spec: {},
    }));
    const a = createInstance(knexA, entities);
    const b = createInstance(knexB, entities);
    try {
      const [cycleA, cycleB] = await Promise.all([a.cycle, b.cycle]);
      const [summaryA, summaryB] = await Promise.all([
        cycleA.run(),
        cycleB.run(),
      ]);

      expect(summaryA.polled + summaryB.polled).toBe(repositories.length);
      expect(summaryA.failed + summaryB.failed).toBe(0);
      for (const repository of repositories) {
        const firstPages = registry.requests.filter(
          r =>
            r.url.pathname === `/v2/${repository}/tags/list` &&
            !r.url.searchParams.has('last'),
        );
        expect(firstPages).toHaveLength(1);
      }
      const count = async (table: string) =>
        Number((await knexA(table).count({ n: '*' }))[0].n);
      expect(await count('repositories')).toBe(20);
      expect(await count('patterns')).toBe(21);
      expect(await count('pattern_sources')).toBe(40);
      expect(await count('pattern_tags')).toBe(21 * 10);

      // A second round on both finds nothing due and lists nothing.
      const before = registry.requests.length;
      await Promise.all([cycleA.run(), cycleB.run()]);
      expect(registry.requests.length).toBe(before);
    } finally {
      await a.client.close();
      await b.client.close();
      await knexB.destroy();
    }
  });
});

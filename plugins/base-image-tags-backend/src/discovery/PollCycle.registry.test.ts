import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  RegistryClient,
  RegistrySettings,
} from '@base-image-tags/plugin-base-image-tags-node';
import {
  createInstantClock,
  DistributionRegistry,
  FakeRegistry,
  pagedTagsHandler,
  startDistributionRegistry,
  startFakeRegistry,
  withBearerAuth,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import {
  loadPatternResults,
  loadRepositoryHealth,
} from '../service/patternResults';
import {
  componentWithPatterns as component,
  createTestPollCycle,
} from './__testUtils__/testPollCycle';
import { RegistryAllowList } from './RegistryAllowList';
import { AllowListTagListerResolver } from './TagListerResolver';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function createCycle(options: {
  entities: Entity[];
  configPatterns?: string[];
  registries: RegistrySettings[];
}) {
  const client = RegistryClient.create({
    registries: options.registries,
    clock: createInstantClock(),
    limits: { maxRetries: 1 },
  });
  const { store, cycle, later } = await createTestPollCycle({
    knex: await databases.init('SQLITE_3'),
    entities: options.entities,
    configPatterns: options.configPatterns,
    resolver: new AllowListTagListerResolver(
      new RegistryAllowList({
        allowPublicRegistries: false,
        registries: options.registries.map(r => r.host),
      }),
      client,
    ),
  });
  return { store, cycle, client, later };
}

describe('PollCycle against the real Distribution registry', () => {
  let registry: DistributionRegistry;

  beforeAll(async () => {
    registry = await startDistributionRegistry();
    await registry.pushTags('library/alpine', [
      '3.18.9',
      '3.19.0',
      '3.19.1',
      'latest',
    ]);
    await registry.pushTags('ubi8/ubi', [
      '8.9-1',
      '8.10-1',
      '8.10-2',
      '8.10-2-source',
    ]);
  });
  afterAll(() => registry?.stop());

  it('stores the newest tags of patterns from entities and config', async () => {
    const host = registry.host;
    const { store, cycle, client, later } = await createCycle({
      entities: [
        component('web', [
          `${host}/library/alpine:3.*`,
          `${host}/ubi8/ubi:8.10-*`,
        ]),
        component('api', [`${host}/library/alpine:3.*`]),
      ],
      configPatterns: [`${host}/library/alpine:3.19.*`],
      registries: [registry.settings],
    });
    try {
      expect(await cycle.run()).toMatchObject({ polled: 2, ok: 2, failed: 0 });
      const results = await loadPatternResults(store);
      const newest = Object.fromEntries(
        results.map(r => [r.pattern, r.tags.map(t => t.tag)]),
      );
      expect(newest).toEqual({
        [`${host}/library/alpine:3.*`]: ['3.19.1', '3.19.0', '3.18.9'],
        [`${host}/library/alpine:3.19.*`]: ['3.19.1', '3.19.0'],
        [`${host}/ubi8/ubi:8.10-*`]: ['8.10-2', '8.10-1'],
      });

      // A new tag appears; a refresh lists it, and older tags keep their
      // first-seen time.
      await registry.pushTags('library/alpine', ['3.20.0']);
      later(60_000);
      await store.requestRefresh([`${host}/library/alpine`], new Date());
      expect(await cycle.run()).toMatchObject({ polled: 1, ok: 1 });
      const [alpine] = await loadPatternResults(store, {
        source: 'component:default/api',
      });
      expect(alpine.tags.map(t => t.tag)).toEqual([
        '3.20.0',
        '3.19.1',
        '3.19.0',
        '3.18.9',
      ]);
      expect(alpine.tags[0].firstSeenAt > alpine.tags[1].firstSeenAt).toBe(
        true,
      );
    } finally {
      await client.close();
    }
  });
});

describe('PollCycle against the fake registry', () => {
  const tags = Array.from({ length: 1050 }, (_, i) => `1.${i}.0`).sort();
  let registry: FakeRegistry;
  let forbidden: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry(
      withBearerAuth(
        pagedTagsHandler({ repository: 'team/app', tags, maxPageSize: 100 }),
      ),
    );
    forbidden = await startFakeRegistry(() => ({ status: 200, body: {} }));
  });
  afterEach(async () => {
    await registry.stop();
    await forbidden.stop();
  });

  it('lists a shared, paged repository once, fails, keeps tags, recovers', async () => {
    const settings = {
      host: registry.host,
      insecure: true,
      requestsPerSecond: 1000,
    };
    const { store, cycle, client, later } = await createCycle({
      entities: [
        component('one', [
          `${registry.host}/team/app:1.*`,
          `${forbidden.host}/x/y:*`,
        ]),
        component('two', [`${registry.host}/team/app:1.10*`]),
      ],
      configPatterns: [`${registry.host}/team/app:1.*`],
      registries: [settings],
    });
    try {
      expect(await cycle.run()).toMatchObject({ polled: 1, ok: 1, skipped: 1 });
      const tagPages = registry.requests.filter(
        r => r.url.pathname.endsWith('/tags/list') && r.headers.authorization,
      );
      expect(tagPages).toHaveLength(11);
      expect(registry.count('/token')).toBe(1);
      expect(forbidden.requests).toHaveLength(0);
      const [shared] = await loadPatternResults(store, { source: 'config' });
      expect(shared.tags.map(t => t.tag)).toEqual([
        '1.1049.0',
        '1.1048.0',
        '1.1047.0',
        '1.1046.0',
        '1.1045.0',
      ]);
      expect(shared.sources).toEqual(['component:default/one', 'config']);
      expect(shared.counts).toMatchObject({ inRepository: 1050, kept: 5 });

      registry.setHandler(() => ({ status: 503, body: 'maintenance' }));
      const failures = [];
      for (const wait of [3600_000, 90_000]) {
        later(wait);
        expect(await cycle.run()).toMatchObject({ failed: 1 });
        failures.push(
          (await loadRepositoryHealth(store)).find(
            r => r.status !== 'not-allowed',
          )!,
        );
      }
      expect(failures.map(f => f.consecutiveFailures)).toEqual([1, 2]);
      const backoff = failures.map(
        f => Date.parse(f.nextPollAt!) - Date.parse(f.lastPolledAt!),
      );
      expect(backoff).toEqual([60_000, 120_000]);
      expect(failures[1].lastError).toContain('503');
      const [kept] = await loadPatternResults(store, { source: 'config' });
      expect(kept).toMatchObject({ status: 'failing', newestTag: '1.1049.0' });

      registry.setHandler(
        withBearerAuth(
          pagedTagsHandler({ repository: 'team/app', tags, maxPageSize: 100 }),
        ),
      );
      later(120_000);
      expect(await cycle.run()).toMatchObject({ ok: 1, tagRowsWritten: 0 });
      const [health] = (await loadRepositoryHealth(store)).filter(
        r => r.registry === registry.host,
      );
      expect(health).toMatchObject({
        status: 'ok',
        consecutiveFailures: 0,
        tagCount: 1050,
      });
      expect(health.failingSince).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});

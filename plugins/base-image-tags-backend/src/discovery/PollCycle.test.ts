import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RegistryError,
  RepositoryRef,
  TagLister,
  TagListing,
} from '@base-image-tags/plugin-base-image-tags-node';
import { DatabaseBaseImageTagsStore } from '../database/DatabaseBaseImageTagsStore';
import {
  loadPatternResults,
  loadRepositoryHealth,
} from '../service/patternResults';
import { CatalogPatternSource } from './CatalogPatternSource';
import { ConfigPatternSource } from './ConfigPatternSource';
import { PatternSource } from './PatternSource';
import { PollCycle } from './PollCycle';
import { RegistryAllowList } from './RegistryAllowList';
import { AllowListTagListerResolver } from './TagListerResolver';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const minute = 60_000;

class FakeLister implements TagLister {
  readonly calls: string[] = [];
  readonly answers = new Map<string, string[] | Error>();
  async listTags(ref: RepositoryRef): Promise<TagListing> {
    const id = `${ref.registry}/${ref.repository}`;
    this.calls.push(id);
    const answer = this.answers.get(id) ?? [];
    if (answer instanceof Error) throw answer;
    return { tags: answer, pages: 1, requests: 2 };
  }
}

const component = (name: string, patterns: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    uid: `uid-${name}`,
    annotations: { 'base-image-tags/patterns': patterns },
  },
  spec: {},
});

async function setup(options: { sources?: PatternSource[] } = {}) {
  const knex = await databases.init('SQLITE_3');
  const store = await DatabaseBaseImageTagsStore.create({
    database: mockServices.database({ knex }),
  });
  const lister = new FakeLister();
  const clock = { now: new Date('2025-01-01T00:00:00Z') };
  const entities = [
    component('a', 'alpine:3.*\nalpine:3.19.*\nnot a pattern'),
    component('b', 'docker.io/library/alpine:3.*'),
    component('c', 'quay.io/team/app:1.*'),
    component('d', '169.254.169.254/latest/meta-data:*'),
  ];
  const catalog = catalogServiceMock({ entities });
  const sources = options.sources ?? [
    // A page size of 2 makes the source page through the catalog.
    new CatalogPatternSource(catalog, mockServices.auth(), { pageSize: 2 }),
    new ConfigPatternSource([{ pattern: 'alpine:3.*', exclude: ['3.20.*'] }]),
  ];
  const cycle = new PollCycle({
    store,
    sources,
    resolver: new AllowListTagListerResolver(
      new RegistryAllowList({ allowPublicRegistries: true, registries: [] }),
      lister,
    ),
    logger: mockServices.logger.mock(),
    intervalMs: 240 * minute,
    maxTagsPerPattern: 3,
    concurrency: 4,
    backoff: {
      initialMs: 15 * minute,
      maxMs: 1440 * minute,
      random: () => 0.5,
    },
    clock: () => clock.now,
  });
  const advance = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * minute);
  };
  return { knex, store, lister, cycle, advance, catalog };
}

const alpine = 'docker.io/library/alpine';
const alpineTags = [
  '3.18.0',
  '3.19.0',
  '3.19.1',
  '3.20.0',
  'latest',
  '3.19.1-rc1',
];

describe('PollCycle', () => {
  it('lists each repository once and ranks every pattern on it', async () => {
    const { store, lister, cycle } = await setup();
    lister.answers.set(alpine, alpineTags);
    lister.answers.set('quay.io/team/app', ['1.0', '1.1', '2.0']);

    const summary = await cycle.run();

    expect(lister.calls.sort()).toEqual([alpine, 'quay.io/team/app']);
    expect(summary).toMatchObject({
      polled: 2,
      ok: 2,
      failed: 0,
      skipped: 1,
      requests: 4,
    });
    const results = await loadPatternResults(store);
    const byPattern = Object.fromEntries(results.map(r => [r.pattern, r]));
    expect(byPattern['alpine:3.*']).toMatchObject({
      status: 'ok',
      repository: alpine,
      newestTag: '3.20.0',
      newestImage: `${alpine}:3.20.0`,
      sources: ['component:default/a', 'component:default/b'],
    });
    expect(byPattern['alpine:3.*'].tags.map(t => t.tag)).toEqual([
      '3.20.0',
      '3.19.1',
      '3.19.0',
    ]);
    expect(byPattern['alpine:3.*'].counts).toMatchObject({
      inRepository: 6,
      kept: 3,
    });
    // The config pattern has an exclusion, so it is a pattern of its own.
    expect(byPattern['alpine:3.* !3.20.*']).toMatchObject({
      newestTag: '3.19.1',
      sources: ['config'],
    });
    expect(byPattern['alpine:3.19.*'].tags.map(t => t.tag)).toEqual([
      '3.19.1',
      '3.19.0',
    ]);
    expect(byPattern['not a pattern']).toMatchObject({
      status: 'invalid',
      tags: [],
    });
    expect(byPattern['not a pattern'].error).toContain('line 3');
  });

  it('never contacts a registry that is not allowed', async () => {
    const { store, lister, cycle } = await setup();
    await cycle.run();
    expect(lister.calls.some(id => id.startsWith('169.254'))).toBe(false);
    const health = await loadRepositoryHealth(store);
    const blocked = health.find(r => r.registry === '169.254.169.254')!;
    expect(blocked).toMatchObject({
      status: 'not-allowed',
      entityRefs: ['component:default/d'],
    });
    expect(blocked.lastError).toContain('baseImageTags.registries');
    expect(blocked.nextPollAt).toBeUndefined();
  });

  it('polls only what is due, and writes nothing when nothing changed', async () => {
    const { lister, cycle, advance } = await setup();
    lister.answers.set(alpine, alpineTags);
    expect((await cycle.run()).tagRowsWritten).toBeGreaterThan(0);
    advance(10);
    expect(await cycle.run()).toMatchObject({ polled: 0, skipped: 3 });
    advance(240);
    expect(await cycle.run()).toMatchObject({ polled: 2, tagRowsWritten: 0 });
    expect(lister.calls.filter(id => id === alpine)).toHaveLength(2);
  });

  it('keeps the last good tags while failing, backs off, then recovers', async () => {
    const { store, lister, cycle, advance } = await setup();
    lister.answers.set(alpine, alpineTags);
    await cycle.run();
    const failure = (retryAfterMs?: number) =>
      new RegistryError({
        kind: retryAfterMs ? 'rate-limited' : 'network',
        registry: 'docker.io',
        repository: 'library/alpine',
        message: 'docker.io could not be reached',
        retryAfterMs,
      });
    lister.answers.set(alpine, failure());
    const delays: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      advance(attempt === 0 ? 240 : delays[delays.length - 1] / minute);
      const summary = await cycle.run();
      expect(summary.failed).toBe(1);
      const [repository] = await store.listRepositories([alpine]);
      delays.push(
        repository.nextAttemptAt.getTime() - repository.lastPolledAt!.getTime(),
      );
      expect(repository).toMatchObject({
        status: 'failing',
        consecutiveFailures: attempt + 1,
        lastError: 'docker.io could not be reached',
      });
    }
    expect(delays).toEqual([15, 30, 60].map(m => m * minute));
    const [kept] = await loadPatternResults(store, {
      source: 'component:default/b',
    });
    expect(kept).toMatchObject({ status: 'failing', newestTag: '3.20.0' });
    expect(kept.failingSince).toBeDefined();
    // Other repositories are unaffected.
    const app = (await store.listRepositories(['quay.io/team/app']))[0];
    expect(app.status).toBe('ok');

    // A longer Retry-After wins over the backoff.
    lister.answers.set(alpine, failure(200 * minute));
    advance(60);
    await cycle.run();
    const [limited] = await store.listRepositories([alpine]);
    expect(
      limited.nextAttemptAt.getTime() - limited.lastPolledAt!.getTime(),
    ).toBe(200 * minute);

    lister.answers.set(alpine, alpineTags);
    advance(200);
    expect(await cycle.run()).toMatchObject({ failed: 0 });
    const [recovered] = await store.listRepositories([alpine]);
    expect(recovered).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
    expect(
      recovered.nextAttemptAt.getTime() - recovered.lastPolledAt!.getTime(),
    ).toBe(240 * minute);
  });

  it('shows typed failures as is and reduces others to their name', async () => {
    const { store, lister, cycle } = await setup();
    lister.answers.set(
      alpine,
      new Error('GET https://user:hunter2@docker.io failed with token=abc'),
    );
    const typed = Object.assign(
      new Error('Sensor "east" refused the connection'),
      {
        kind: 'sensor-unreachable',
      },
    );
    lister.answers.set('quay.io/team/app', typed);
    await cycle.run();
    const [blocked, hub, app] = await store.listRepositories();
    expect(hub).toMatchObject({
      lastError: 'Listing failed unexpectedly (Error)',
      lastErrorKind: 'unexpected',
    });
    expect(app).toMatchObject({
      lastError: 'Sensor "east" refused the connection',
      lastErrorKind: 'sensor-unreachable',
    });
    expect(blocked.status).toBe('not-allowed');
  });

  it('removes what is no longer declared and stops polling it', async () => {
    const { store, lister, cycle, catalog, advance } = await setup();
    await cycle.run();
    const entity = await catalog.getEntityByRef('component:default/c');
    await catalog.removeEntityByUid(entity!.metadata.uid!);
    advance(300);
    await cycle.run();
    expect(lister.calls.filter(id => id === 'quay.io/team/app')).toHaveLength(
      1,
    );
    expect((await store.listRepositories()).map(r => r.id)).not.toContain(
      'quay.io/team/app',
    );
  });

  it('keeps stored patterns when a source cannot be read', async () => {
    const failing: PatternSource = {
      name: 'catalog',
      readDeclarations: jest.fn().mockRejectedValue(new Error('catalog down')),
    };
    const first = await setup();
    await first.cycle.run();
    const stored = (await first.store.listPatterns()).length;
    const again = new PollCycle({
      ...(first.cycle as any).options,
      sources: [failing],
    });
    const summary = await again.run();
    expect(summary.declarationsSynced).toBe(false);
    expect((await first.store.listPatterns()).length).toBe(stored);
  });
});

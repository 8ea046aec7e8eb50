import { TestDatabases } from '@backstage/backend-test-utils';
import {
  RepositoryRef,
  TagLister,
  TagListing,
} from '@base-image-tags/plugin-base-image-tags-node';
import { loadPatternResults } from '../service/patternResults';
import { AllowListTagListerResolver } from './TagListerResolver';
import { RegistryAllowList } from './RegistryAllowList';
import {
  componentWithPatterns,
  createTestPollCycle,
} from './__testUtils__/testPollCycle';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

class FixedLister implements TagLister {
  readonly calls: string[] = [];
  async listTags(ref: RepositoryRef): Promise<TagListing> {
    this.calls.push(`${ref.registry}/${ref.repository}`);
    return { tags: ['3.19.0', '3.19.1'], pages: 1, requests: 1 };
  }
}

describe.each(databases.eachSupportedId())(
  'PollCycle with hostile annotations on %s',
  databaseId => {
    it('stores a pattern with control characters or megabytes of text as a short, printable invalid pattern without blocking the others', async () => {
      const lister = new FixedLister();
      const { cycle, store } = await createTestPollCycle({
        knex: await databases.init(databaseId),
        entities: [
          componentWithPatterns('hostile', [
            'alpine:3.*\u0000',
            `team/app:${'x'.repeat(1024 * 1024)}`,
          ]),
          componentWithPatterns('fine', ['alpine:3.19.*']),
        ],
        resolver: new AllowListTagListerResolver(
          new RegistryAllowList({
            allowPublicRegistries: true,
            registries: [],
          }),
          lister,
        ),
      });

      const summary = await cycle.run();

      expect(summary).toMatchObject({ declarationsSynced: true, ok: 1 });
      const results = await loadPatternResults(store);
      expect(results.find(r => r.status === 'ok')).toMatchObject({
        pattern: 'alpine:3.19.*',
        newestTag: '3.19.1',
      });
      const invalid = results.filter(r => r.status === 'invalid');
      expect(invalid.map(r => r.error?.slice(0, 7)).sort()).toEqual([
        'line 1:',
        'line 2:',
      ]);
      for (const result of invalid) {
        expect([...result.pattern].filter(c => c < ' ')).toEqual([]);
        expect(result.pattern.length).toBeLessThanOrEqual(1025);
        expect(result.sources).toEqual(['component:default/hostile']);
      }
      expect(invalid.map(r => r.pattern)).toContain('alpine:3.*\\u{0}');
      expect(lister.calls).toEqual(['docker.io/library/alpine']);
    });

    it('polls only the first patterns of an entity that declares more than the cap and stores why the rest are dropped', async () => {
      const lister = new FixedLister();
      const team = (count: number, prefix: string) =>
        Array.from({ length: count }, (_, i) => `team/${prefix}${i + 1}:3.*`);
      const { cycle, store } = await createTestPollCycle({
        knex: await databases.init(databaseId),
        entities: [
          componentWithPatterns('greedy', team(8, 'app')),
          componentWithPatterns('modest', team(3, 'svc')),
        ],
        // Org-wide patterns are not capped, even when more than the cap.
        configPatterns: team(6, 'org'),
        maxPatternsPerEntity: 5,
        resolver: new AllowListTagListerResolver(
          new RegistryAllowList({
            allowPublicRegistries: true,
            registries: [],
          }),
          lister,
        ),
      });

      const summary = await cycle.run();

      expect(summary).toMatchObject({ declarationsSynced: true, ok: 14 });
      const repository = (name: string) => `docker.io/team/${name}`;
      expect([...lister.calls].sort()).toEqual(
        [
          ...['app1', 'app2', 'app3', 'app4', 'app5'],
          ...['svc1', 'svc2', 'svc3'],
          ...['org1', 'org2', 'org3', 'org4', 'org5', 'org6'],
        ]
          .map(repository)
          .sort(),
      );

      const greedy = await loadPatternResults(store, {
        source: 'component:default/greedy',
      });
      expect(greedy.filter(r => r.status === 'ok')).toHaveLength(5);
      expect(greedy.filter(r => r.status === 'invalid')).toEqual([
        {
          pattern: 'team/app6:3.*',
          status: 'invalid',
          error:
            'line 6: Too many base image patterns: at most 5 per entity are ' +
            'polled, so 3 patterns from line 6 on are dropped; split the ' +
            'list across entities or raise baseImageTags.maxPatternsPerEntity ' +
            'in the backend configuration',
          sources: ['component:default/greedy'],
          tags: [],
        },
      ]);
      const modest = await loadPatternResults(store, {
        source: 'component:default/modest',
      });
      expect(modest.map(r => r.status)).toEqual(['ok', 'ok', 'ok']);
    });
  },
);

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
  },
);

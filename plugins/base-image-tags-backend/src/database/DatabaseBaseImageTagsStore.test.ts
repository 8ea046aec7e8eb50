import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { TagCounts } from '@base-image-tags/plugin-base-image-tags-common';
import { DeclaredPattern, DeclaredRepository } from './BaseImageTagsStore';
import { DatabaseBaseImageTagsStore } from './DatabaseBaseImageTagsStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const alpine: DeclaredRepository = {
  id: 'docker.io/library/alpine',
  registry: 'docker.io',
  repository: 'library/alpine',
};
const internal: DeclaredRepository = {
  id: '10.0.0.1/app',
  registry: '10.0.0.1',
  repository: 'app',
  notAllowedReason: 'Registry not allowed',
};
const pattern = (
  id: string,
  sources: string[],
  repositoryId = alpine.id,
): DeclaredPattern => ({
  id,
  key: `${repositoryId}:${id}*`,
  raw: `${id}*`,
  repositoryId,
  sources,
});
const counts = (kept: number): TagCounts => ({
  inRepository: 10,
  notTags: 0,
  matched: kept,
  excluded: 0,
  outOfRange: 0,
  variants: 0,
  kept,
});
const at = (minutes: number) =>
  new Date(Date.UTC(2025, 0, 1, 12, 0) + minutes * 60_000);

describe.each(databases.eachSupportedId())(
  'DatabaseBaseImageTagsStore on %s',
  databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseBaseImageTagsStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    async function pollOk(
      store: DatabaseBaseImageTagsStore,
      minute: number,
      tags: string[],
      patternId = 'p1',
    ) {
      const lease = { owner: 'a', now: at(minute), until: at(minute + 30) };
      expect(await store.claimRepository(alpine.id, lease)).toBeDefined();
      return store.recordSuccess(alpine.id, 'a', {
        polledAt: at(minute),
        tagCount: tags.length,
        nextAttemptAt: at(minute + 5),
        patterns: [{ patternId, tags, counts: counts(tags.length) }],
      });
    }

    it('migrates and makes duplicate rows impossible', async () => {
      const { knex, store } = await createStore();
      await store.syncDeclarations(
        [pattern('p1', ['config'])],
        [alpine],
        at(0),
      );
      const row = {
        pattern_id: 'p1',
        tag: '1',
        rank: 0,
        first_seen_at: at(0).toISOString(),
      };
      await knex('pattern_tags').insert(row);
      // Matched on the message: the driver's error class may come from
      // another realm when jest reuses a worker.
      const duplicate = {
        message: expect.stringMatching(/UNIQUE|duplicate key/),
      };
      await expect(knex('pattern_tags').insert(row)).rejects.toMatchObject(
        duplicate,
      );
      await expect(
        knex('pattern_sources').insert({ pattern_id: 'p1', source: 'config' }),
      ).rejects.toMatchObject(duplicate);
      await expect(
        knex('repositories').insert({
          ...alpine,
          status: 'pending',
          next_attempt_at: at(0).toISOString(),
        }),
      ).rejects.toMatchObject(duplicate);
    });

    it('syncs declarations as a diff and removes what no one declares', async () => {
      const { knex, store } = await createStore();
      const first = [
        pattern('p1', ['component:default/a', 'config']),
        pattern('p2', ['component:default/b']),
      ];
      expect(
        (await store.syncDeclarations(first, [alpine, internal], at(0)))
          .patternRows,
      ).toBeGreaterThan(0);
      expect(
        await store.syncDeclarations(first, [alpine, internal], at(1)),
      ).toEqual({
        tagRows: 0,
        patternRows: 0,
      });
      await pollOk(store, 1, ['3', '2', '1'], 'p2');

      // p2 is no longer declared: it and its tags go; a source moves.
      const second = [pattern('p1', ['component:default/b'])];
      const written = await store.syncDeclarations(second, [alpine], at(2));
      expect(written.tagRows).toBe(3);
      expect(await knex('pattern_tags').select()).toEqual([]);
      expect((await store.listTags(['p2'])).size).toBe(0);
      const patterns = await store.listPatterns();
      expect(patterns.map(p => [p.id, p.sources])).toEqual([
        ['p1', ['component:default/b']],
      ]);
      expect((await store.listRepositories()).map(r => r.id)).toEqual([
        alpine.id,
      ]);
      expect(
        (await store.listPatterns({ source: 'component:default/a' })).length,
      ).toBe(0);
    });

    it('writes tags as a diff and keeps first_seen_at', async () => {
      const { store } = await createStore();
      await store.syncDeclarations(
        [pattern('p1', ['config'])],
        [alpine],
        at(0),
      );
      expect((await pollOk(store, 0, ['3', '2', '1'])).tagRows).toBe(3);
      expect(await pollOk(store, 10, ['3', '2', '1'])).toEqual({
        tagRows: 0,
        patternRows: 0,
      });
      // 4 is new at the top, 1 falls out: 1 insert, 1 delete, 2 rank moves.
      expect((await pollOk(store, 20, ['4', '3', '2'])).tagRows).toBe(4);
      const tags = (await store.listTags(['p1'])).get('p1')!;
      expect(
        tags.map(t => [t.tag, t.rank, t.firstSeenAt.toISOString()]),
      ).toEqual([
        ['4', 0, at(20).toISOString()],
        ['3', 1, at(0).toISOString()],
        ['2', 2, at(0).toISOString()],
      ]);
      const [stored] = await store.listPatterns({ ids: ['p1'] });
      expect(stored.counts).toEqual(counts(3));
    });

    it('leases a due repository to one runner at a time', async () => {
      const { store } = await createStore();
      await store.syncDeclarations(
        [pattern('p1', ['config'])],
        [alpine, internal],
        at(0),
      );
      expect(await store.listDueRepositories(at(0))).toEqual([alpine.id]);
      const lease = { now: at(0), until: at(30) };
      expect(
        await store.claimRepository(alpine.id, { ...lease, owner: 'a' }),
      ).toMatchObject({ status: 'pending' });
      expect(
        await store.claimRepository(alpine.id, { ...lease, owner: 'b' }),
      ).toBeUndefined();
      expect(await store.listDueRepositories(at(1))).toEqual([]);
      // An abandoned lease expires.
      expect(
        await store.claimRepository(alpine.id, {
          owner: 'b',
          now: at(31),
          until: at(60),
        }),
      ).toBeDefined();
      expect(
        await store.claimRepository(internal.id, { ...lease, owner: 'a' }),
      ).toBeUndefined();
    });

    it('records failures with backoff, keeps tags, then resets', async () => {
      const { store } = await createStore();
      await store.syncDeclarations(
        [pattern('p1', ['config'])],
        [alpine],
        at(0),
      );
      await pollOk(store, 0, ['2', '1']);
      for (const minute of [10, 40]) {
        await store.claimRepository(alpine.id, {
          owner: 'a',
          now: at(minute),
          until: at(minute + 5),
        });
        await store.recordFailure(alpine.id, 'a', {
          polledAt: at(minute),
          error: 'registry answered 503',
          errorKind: 'network',
          nextAttemptAt: at(minute + 15),
        });
      }
      const [failing] = await store.listRepositories([alpine.id]);
      expect(failing).toMatchObject({
        status: 'failing',
        consecutiveFailures: 2,
        failingSince: at(10),
        lastPolledAt: at(40),
        lastSuccessAt: at(0),
        nextAttemptAt: at(55),
        lastError: 'registry answered 503',
        lastErrorKind: 'network',
      });
      expect((await store.listTags(['p1'])).get('p1')!.map(t => t.tag)).toEqual(
        ['2', '1'],
      );
      await pollOk(store, 60, ['2', '1']);
      const [ok] = await store.listRepositories([alpine.id]);
      expect(ok).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
      expect(ok.failingSince).toBeUndefined();
      expect(ok.lastError).toBeUndefined();
    });

    it('makes refreshed repositories due, even while a listing runs', async () => {
      const { store } = await createStore();
      await store.syncDeclarations(
        [pattern('p1', ['config'])],
        [alpine, internal],
        at(0),
      );
      await pollOk(store, 0, ['1']);
      await store.claimRepository(alpine.id, {
        owner: 'a',
        now: at(0),
        until: at(30),
      });
      expect(
        await store.requestRefresh([alpine.id, internal.id, 'nope'], at(1)),
      ).toEqual([alpine.id]);
      await store.recordFailure(alpine.id, 'a', {
        polledAt: at(0),
        error: 'x',
        errorKind: 'timeout',
        nextAttemptAt: at(600),
      });
      // Asked after the listing started: still due despite the backoff.
      expect(await store.listDueRepositories(at(2))).toEqual([alpine.id]);
      await pollOk(store, 3, ['1']);
      expect(await store.listDueRepositories(at(4))).toEqual([]);
    });

    it('moves repositories in and out of not-allowed', async () => {
      const { store } = await createStore();
      const p = [pattern('p9', ['config'], internal.id)];
      await store.syncDeclarations(p, [internal], at(0));
      expect((await store.listRepositories())[0]).toMatchObject({
        status: 'not-allowed',
        lastError: 'Registry not allowed',
      });
      await store.syncDeclarations(
        p,
        [{ ...internal, notAllowedReason: undefined }],
        at(1),
      );
      expect((await store.listRepositories())[0]).toMatchObject({
        status: 'pending',
      });
      expect(await store.listDueRepositories(at(1))).toEqual([internal.id]);
    });
  },
);

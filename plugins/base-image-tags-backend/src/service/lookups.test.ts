import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import { DatabaseBaseImageTagsStore } from '../database/DatabaseBaseImageTagsStore';
import { refreshTargets } from './lookups';

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())('refreshTargets on %s', id => {
  it.each([
    ['a NUL byte', 'docker.io/library/alpine\u0000'],
    ['a lone surrogate', 'docker.io/library/\ud800alpine'],
    ['10,000 characters', `docker.io/${'a/'.repeat(5000)}`],
  ])(
    'answers 404 with a hint for a repository with %s',
    async (_, repository) => {
      const store = await DatabaseBaseImageTagsStore.create({
        database: mockServices.database({ knex: await databases.init(id) }),
      });
      const refused = refreshTargets(store, { repository });
      await expect(refused).rejects.toThrow(NotFoundError);
      await expect(refused).rejects.toThrow(/registry\/repository/);
    },
  );
});

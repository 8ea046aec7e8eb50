import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  BaseImageTagsStore,
  DeclaredPattern,
  DeclaredRepository,
  ListingFailure,
  ListingSuccess,
  RepositoryRecord,
  WriteCounts,
} from './BaseImageTagsStore';
import {
  claimRepository,
  dueRepositories,
  markRefresh,
  writeListingFailure,
} from './leases';
import { readPatterns, readTags } from './readPatterns';
import { syncDeclarations } from './syncDeclarations';
import { chunks, RepositoryRow, toRepositoryRecord } from './tables';
import { writeListingSuccess } from './writeListing';

const migrationsDir = resolvePackagePath(
  '@base-image-tags/plugin-base-image-tags-backend',
  'migrations',
);

// Replicas starting together race to create knex's lock table, or find
// the migrations locked; the loser retries once the winner is done.
async function migrate(knex: Knex, attempts = 10): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({
        directory: migrationsDir,
        tableName: 'base_image_tags_knex_migrations',
      });
      return;
    } catch (error) {
      if (attempt >= attempts) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 200 * attempt));
    }
  }
}

/**
 * {@link BaseImageTagsStore} on the plugin's database (better-sqlite3 or
 * PostgreSQL), through knex.
 *
 * @public
 */
export class DatabaseBaseImageTagsStore implements BaseImageTagsStore {
  /** Connects and applies the package's migrations unless told to skip. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseBaseImageTagsStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await migrate(knex);
    }
    return new DatabaseBaseImageTagsStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  syncDeclarations(
    patterns: DeclaredPattern[],
    repositories: DeclaredRepository[],
    now: Date,
  ): Promise<WriteCounts> {
    return syncDeclarations(this.knex, patterns, repositories, now);
  }

  async listDueRepositories(now: Date): Promise<string[]> {
    const rows = await dueRepositories(this.knex, now)
      .select('id')
      .orderBy([{ column: 'next_attempt_at' }, { column: 'id' }]);
    return rows.map(row => row.id);
  }

  claimRepository(
    id: string,
    lease: { owner: string; now: Date; until: Date },
  ): Promise<RepositoryRecord | undefined> {
    return claimRepository(this.knex, id, lease);
  }

  recordSuccess(
    id: string,
    owner: string,
    success: ListingSuccess,
  ): Promise<WriteCounts> {
    return writeListingSuccess(this.knex, id, owner, success);
  }

  recordFailure(
    id: string,
    owner: string,
    failure: ListingFailure,
  ): Promise<void> {
    return writeListingFailure(this.knex, id, owner, failure);
  }

  async releaseRepository(id: string, owner: string): Promise<void> {
    await this.knex('repositories')
      .where({ id, lease_owner: owner })
      .update({ lease_owner: null, lease_until: null });
  }

  requestRefresh(ids: string[], now: Date): Promise<string[]> {
    return markRefresh(this.knex, ids, now);
  }

  async listRepositories(ids?: string[]): Promise<RepositoryRecord[]> {
    const rows: RepositoryRow[] = [];
    if (ids) {
      for (const chunk of chunks(ids)) {
        rows.push(...(await this.knex('repositories').whereIn('id', chunk)));
      }
    } else {
      rows.push(...(await this.knex('repositories')));
    }
    return rows
      .map(toRepositoryRecord)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  listPatterns(filter?: {
    ids?: string[];
    source?: string;
    repositoryIds?: string[];
  }) {
    return readPatterns(this.knex, filter);
  }

  listTags(patternIds: string[]) {
    return readTags(this.knex, patternIds);
  }
}

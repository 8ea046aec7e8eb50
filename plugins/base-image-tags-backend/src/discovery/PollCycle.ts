import { LoggerService } from '@backstage/backend-plugin-api';
import { randomUUID } from 'node:crypto';
import { BaseImageTagsStore } from '../database/BaseImageTagsStore';
import { DiscoveryMetrics } from '../metrics';
import { BackoffOptions } from './backoff';
import { collectDeclarations } from './collectDeclarations';
import { loadPatternsByRepository } from './loadPatternsByRepository';
import { PatternDeclaration, PatternSource } from './PatternSource';
import { pollRepository } from './pollRepository';
import { RepositoryPollContext } from './RepositoryPollContext';
import { runPool } from './runPool';
import { TagListerResolver } from './TagListerResolver';

/**
 * Options of a {@link PollCycle}.
 *
 * @public
 */
export interface PollCycleOptions {
  store: BaseImageTagsStore;
  sources: PatternSource[];
  resolver: TagListerResolver;
  logger: LoggerService;
  metrics?: DiscoveryMetrics;
  intervalMs: number;
  maxTagsPerPattern: number;
  concurrency: number;
  backoff: BackoffOptions;
  clock?: () => Date;
  /** How long a lease holds; default 30 minutes. */
  leaseMs?: number;
}

/**
 * What one cycle did.
 *
 * @public
 */
export interface CycleSummary {
  /** Whether every source was read and the declarations were synced. */
  declarationsSynced: boolean;
  polled: number;
  ok: number;
  failed: number;
  /**
   * Repositories not listed: not due, not allowed, leased elsewhere, or
   * whose listing could not be stored (logged as an error).
   */
  skipped: number;
  /** Registry HTTP requests of the listings. */
  requests: number;
  tagRowsWritten: number;
  durationMs: number;
}

/**
 * One discovery cycle: read the declared patterns, store them, then list
 * each due repository once, concurrently, and store the ranked tags.
 *
 * @public
 */
export class PollCycle {
  private readonly context: RepositoryPollContext;

  constructor(private readonly options: PollCycleOptions) {
    this.context = {
      ...options,
      clock: options.clock ?? (() => new Date()),
      owner: randomUUID(),
      leaseMs: options.leaseMs ?? 30 * 60_000,
    };
  }

  private async syncDeclarations(signal?: AbortSignal): Promise<boolean> {
    const { sources, resolver, store, logger } = this.options;
    const declarations: PatternDeclaration[] = [];
    for (const source of sources) {
      try {
        declarations.push(...(await source.readDeclarations({ signal })));
      } catch (error) {
        logger.warn(
          `Could not read patterns from the ${source.name}; the stored ` +
            `patterns are kept this cycle: ${(error as Error).message}`,
        );
        return false;
      }
    }
    const { patterns, repositories } = await collectDeclarations(
      declarations,
      resolver,
    );
    await store.syncDeclarations(patterns, repositories, this.context.clock());
    return true;
  }

  /** Runs one cycle; aborting the signal stops it between listings. */
  async run(signal?: AbortSignal): Promise<CycleSummary> {
    const started = performance.now();
    const { store, logger, metrics } = this.options;
    const declarationsSynced = await this.syncDeclarations(signal);
    const due = await store.listDueRepositories(this.context.clock());
    const patterns = await loadPatternsByRepository(store, due, logger);
    const totals = { ok: 0, failed: 0, requests: 0, tagRowsWritten: 0 };
    await runPool(
      due,
      this.options.concurrency,
      async id => {
        const result = await pollRepository(
          this.context,
          id,
          patterns.get(id) ?? [],
          signal,
        );
        if (result.outcome !== 'skipped') totals[result.outcome] += 1;
        totals.requests += result.requests;
        totals.tagRowsWritten += result.tagRows;
      },
      signal,
    );
    const repositories = await store.listRepositories();
    const failing = repositories.filter(r => r.status === 'failing').length;
    const polled = totals.ok + totals.failed;
    const summary: CycleSummary = {
      declarationsSynced,
      polled,
      ...totals,
      skipped: repositories.length - polled,
      durationMs: Math.round(performance.now() - started),
    };
    logger.info(
      `Base image tags cycle: ${summary.polled} repositories polled, ` +
        `${summary.ok} ok, ${summary.failed} failed, ${summary.skipped} ` +
        `skipped, ${summary.requests} registry requests, ` +
        `${summary.tagRowsWritten} tag rows changed, ${summary.durationMs} ms`,
    );
    metrics?.recordCycle(summary.durationMs, failing);
    return summary;
  }
}

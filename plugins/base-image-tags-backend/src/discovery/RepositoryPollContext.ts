import { LoggerService } from '@backstage/backend-plugin-api';
import { BaseImageTagsStore } from '../database/BaseImageTagsStore';
import { DiscoveryMetrics } from '../metrics';
import { BackoffOptions } from './backoff';
import { TagListerResolver } from './TagListerResolver';

/**
 * What one repository poll needs.
 *
 * @public
 */
export interface RepositoryPollContext {
  store: BaseImageTagsStore;
  resolver: TagListerResolver;
  logger: LoggerService;
  metrics?: DiscoveryMetrics;
  intervalMs: number;
  maxTagsPerPattern: number;
  backoff: BackoffOptions;
  clock: () => Date;
  /** Identifies this runner's leases. */
  owner: string;
  /** How long a lease holds before another runner may take over. */
  leaseMs: number;
}

/**
 * The result of one repository poll; `skipped` when another runner had it,
 * it stopped being due or allowed, or the cycle was aborted.
 *
 * @public
 */
export interface RepositoryPollOutcome {
  outcome: 'ok' | 'failed' | 'skipped';
  requests: number;
  tagRows: number;
}

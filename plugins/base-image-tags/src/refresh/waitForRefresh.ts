import { RefreshResponse } from '@base-image-tags/plugin-base-image-tags-common';
import {
  PollObservation,
  refreshedRepositories,
} from './refreshedRepositories';

/**
 * How often and how long to watch a refresh.
 *
 * @public
 */
export interface RefreshWatchOptions {
  /** Pause between reads; default 2 seconds. */
  pollIntervalMs?: number;
  /** When to stop watching; default 90 seconds. */
  timeoutMs?: number;
}

/** The outcome of {@link waitForRefresh}. */
export interface RefreshOutcome<T> {
  /** The last rows read, when any read succeeded. */
  rows?: T[];
  /** Whether every repository was listed before the timeout. */
  complete: boolean;
}

/** Progress of a refresh: repositories listed of those marked due. */
export interface RefreshProgress<T> {
  rows: T[];
  refreshed: number;
  total: number;
}

const DEFAULT_INTERVAL_MS = 2_000;
const DEFAULT_TIMEOUT_MS = 90_000;

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}

/**
 * Reads rows until every repository the refresh marked due was listed
 * after it was requested, or the timeout passes, reporting each read. A
 * failing read is retried until the timeout, then rethrown.
 */
export async function waitForRefresh<T extends PollObservation>(
  options: {
    response: RefreshResponse;
    load: () => Promise<T[]>;
    onProgress?: (progress: RefreshProgress<T>) => void;
    signal?: AbortSignal;
  } & RefreshWatchOptions,
): Promise<RefreshOutcome<T>> {
  const { response, load, onProgress, signal } = options;
  const intervalMs = options.pollIntervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const total = response.repositories.length;
  let rows: T[] | undefined;
  let lastError: unknown;

  for (;;) {
    if (signal?.aborted) return { rows, complete: false };
    try {
      rows = await load();
      lastError = undefined;
      const refreshed = refreshedRepositories(rows, response).length;
      onProgress?.({ rows, refreshed, total });
      if (refreshed === total) return { rows, complete: true };
    } catch (error) {
      lastError = error;
    }
    if (Date.now() + intervalMs > deadline) break;
    await pause(intervalMs, signal);
  }
  if (lastError !== undefined && rows === undefined) throw lastError;
  return { rows, complete: false };
}

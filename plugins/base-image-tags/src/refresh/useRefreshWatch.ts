import { useCallback, useEffect, useRef, useState } from 'react';
import { RefreshResponse } from '@base-image-tags/plugin-base-image-tags-common';
import { failingRepositories, PollObservation } from './refreshedRepositories';
import { RefreshWatchOptions, waitForRefresh } from './waitForRefresh';

/** Where a refresh is. */
export type RefreshState =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'running'; refreshed: number; total: number }
  | {
      phase: 'done';
      total: number;
      complete: boolean;
      /** How many of them failed in the last rows read. */
      failing: number;
    }
  | { phase: 'failed'; error: Error };

const idle: RefreshState = { phase: 'idle' };

/** Whether a refresh is under way. */
export function isBusy(state: RefreshState): boolean {
  return state.phase === 'requesting' || state.phase === 'running';
}

/**
 * Runs refreshes, each under a key (a repository, an entity): asks for
 * one, then reads rows until the repositories it marked due were listed,
 * handing every read to `onRows` so that new results show as soon as they
 * are there. The state lives here rather than in the button that started
 * it, so a table re-creating its cells does not lose it; watching stops
 * when the component unmounts.
 */
export function useRefreshWatch<T extends PollObservation>(
  options: {
    load: () => Promise<T[]>;
    onRows: (rows: T[]) => void;
    /** Told how each refresh ended. */
    onSettled?: (key: string, state: RefreshState) => void;
  } & RefreshWatchOptions,
): {
  stateOf: (key: string) => RefreshState;
  start: (key: string, request: () => Promise<RefreshResponse>) => void;
} {
  const [states, setStates] = useState<Record<string, RefreshState>>({});
  const latest = useRef(options);
  latest.current = options;
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach(controller => controller.abort());
  }, []);

  const start = useCallback(
    (key: string, request: () => Promise<RefreshResponse>) => {
      controllers.current.get(key)?.abort();
      const controller = new AbortController();
      controllers.current.set(key, controller);
      const { signal } = controller;
      const report = (state: RefreshState) => {
        if (signal.aborted) return;
        setStates(previous => ({ ...previous, [key]: state }));
        if (state.phase === 'done' || state.phase === 'failed') {
          latest.current.onSettled?.(key, state);
        }
      };

      report({ phase: 'requesting' });
      (async () => {
        const response = await request();
        const total = response.repositories.length;
        report({ phase: 'running', refreshed: 0, total });
        const { load, pollIntervalMs, timeoutMs } = latest.current;
        const outcome = await waitForRefresh({
          response,
          load,
          pollIntervalMs,
          timeoutMs,
          signal,
          onProgress: progress => {
            if (signal.aborted) return;
            latest.current.onRows(progress.rows);
            report({
              phase: 'running',
              refreshed: progress.refreshed,
              total: progress.total,
            });
          },
        });
        report({
          phase: 'done',
          total,
          complete: outcome.complete,
          failing: outcome.rows
            ? failingRepositories(outcome.rows, response).length
            : 0,
        });
      })().catch(error => report({ phase: 'failed', error }));
    },
    [],
  );

  const stateOf = useCallback((key: string) => states[key] ?? idle, [states]);
  return { stateOf, start };
}

import { RefreshProgress, waitForRefresh } from './waitForRefresh';

const response = {
  repositories: ['r/alpine', 'r/ubi'],
  requestedAt: '2024-05-01T10:00:00.000Z',
};
const before = '2024-05-01T09:00:00.000Z';
const after = '2024-05-01T10:00:05.000Z';

type Row = { repository: string; status: string; lastPolledAt?: string };

describe('waitForRefresh', () => {
  it('reads until every repository was polled after the request', async () => {
    const reads: Row[][] = [
      [
        { repository: 'r/alpine', status: 'ok', lastPolledAt: before },
        { repository: 'r/ubi', status: 'ok', lastPolledAt: before },
      ],
      [
        { repository: 'r/alpine', status: 'ok', lastPolledAt: after },
        { repository: 'r/ubi', status: 'ok', lastPolledAt: before },
      ],
      [
        { repository: 'r/alpine', status: 'ok', lastPolledAt: after },
        { repository: 'r/ubi', status: 'failing', lastPolledAt: after },
      ],
    ];
    const load = jest.fn(async () => reads.shift()!);
    const progress: Array<RefreshProgress<Row>> = [];

    const outcome = await waitForRefresh({
      response,
      load,
      onProgress: p => progress.push(p),
      pollIntervalMs: 1,
      timeoutMs: 5_000,
    });

    expect(outcome.complete).toBe(true);
    expect(outcome.rows?.[1].status).toBe('failing');
    expect(load).toHaveBeenCalledTimes(3);
    expect(progress.map(p => p.refreshed)).toEqual([0, 1, 2]);
    expect(progress.every(p => p.total === 2)).toBe(true);
  });

  it('gives up at the timeout with the last rows read', async () => {
    const rows = [
      { repository: 'r/alpine', status: 'ok', lastPolledAt: before },
    ];
    const outcome = await waitForRefresh({
      response,
      load: async () => rows,
      pollIntervalMs: 5,
      timeoutMs: 30,
    });
    expect(outcome).toEqual({ rows, complete: false });
  });

  it('retries a failing read and rethrows when no read succeeded', async () => {
    const load = jest.fn(async (): Promise<Row[]> => {
      throw new Error('backend down');
    });
    await expect(
      waitForRefresh({ response, load, pollIntervalMs: 5, timeoutMs: 30 }),
    ).rejects.toThrow('backend down');
    expect(load.mock.calls.length).toBeGreaterThan(1);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const load = jest.fn(async (): Promise<Row[]> => {
      controller.abort();
      return [{ repository: 'r/alpine', status: 'ok', lastPolledAt: before }];
    });
    const outcome = await waitForRefresh({
      response,
      load,
      signal: controller.signal,
      pollIntervalMs: 10_000,
      timeoutMs: 60_000,
    });
    expect(outcome.complete).toBe(false);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

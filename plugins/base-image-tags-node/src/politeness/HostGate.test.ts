import { createInstantClock } from '../testing/instantClock';
import { HostGate } from './HostGate';

describe('HostGate', () => {
  it('spaces starts by requestsPerSecond', async () => {
    const clock = createInstantClock(0);
    const gate = new HostGate(
      { maxConcurrency: 10, requestsPerSecond: 4 },
      clock,
    );
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await gate.run(async () => starts.push(clock.now()));
    }
    expect(starts).toEqual([0, 250, 500, 750]);
  });

  it('holds every request while paused', async () => {
    const clock = createInstantClock(0);
    const gate = new HostGate(
      { maxConcurrency: 1, requestsPerSecond: 1000 },
      clock,
    );
    gate.pauseUntil(5000);
    const started = await gate.run(async () => clock.now());
    expect(started).toBe(5000);
  });

  it('admits at most maxConcurrency at once, in order', async () => {
    const clock = createInstantClock(0);
    const gate = new HostGate(
      { maxConcurrency: 2, requestsPerSecond: 1e6 },
      clock,
    );
    let active = 0;
    let most = 0;
    const order: number[] = [];
    const task = (id: number) => async () => {
      active++;
      most = Math.max(most, active);
      await new Promise(resolve => setImmediate(resolve));
      order.push(id);
      active--;
    };
    await Promise.all([1, 2, 3, 4, 5].map(id => gate.run(task(id))));
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets a waiting request go when its signal aborts', async () => {
    const clock = createInstantClock(0);
    const gate = new HostGate(
      { maxConcurrency: 1, requestsPerSecond: 1e6 },
      clock,
    );
    let release!: () => void;
    const blocker = gate.run(() => new Promise<void>(r => (release = r)));
    const controller = new AbortController();
    const waiting = gate.run(async () => 'ran', controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    release();
    await blocker;
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
  it('is idle only when nothing is in flight, waiting, paused or spaced', async () => {
    const clock = createInstantClock(0);
    const gate = new HostGate(
      { maxConcurrency: 1, requestsPerSecond: 4 },
      clock,
    );
    expect(gate.isIdle(0)).toBe(true);
    let release!: () => void;
    const running = gate.run(() => new Promise<void>(r => (release = r)));
    await new Promise(resolve => setImmediate(resolve));
    expect(gate.isIdle(1000)).toBe(false);
    release();
    await running;
    // The next start is due at 250 ms.
    expect(gate.isIdle(249)).toBe(false);
    expect(gate.isIdle(250)).toBe(true);
    gate.pauseUntil(5000);
    expect(gate.isIdle(4999)).toBe(false);
    expect(gate.isIdle(5000)).toBe(true);
  });
});

import { ListingSlots, SensorOverloadedError } from './ListingSlots';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('ListingSlots', () => {
  it('runs at most maxConcurrent tasks and queues a bounded number', async () => {
    const slots = new ListingSlots({
      maxConcurrent: 2,
      maxQueued: 1,
      queueTimeoutMs: 10_000,
    });
    const gates = [deferred(), deferred(), deferred()];
    let active = 0;
    let peak = 0;
    const task = (index: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      await gates[index].promise;
      active--;
      return index;
    };
    const runs = [0, 1, 2].map(index => slots.run(task(index)));
    await new Promise(r => setImmediate(r));
    expect(slots.load).toEqual({ running: 2, queued: 1 });

    // The fourth is refused at once rather than queued without bound.
    await expect(slots.run(task(0))).rejects.toBeInstanceOf(
      SensorOverloadedError,
    );

    gates[0].resolve();
    gates[1].resolve();
    gates[2].resolve();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
    expect(peak).toBe(2);
    expect(slots.load).toEqual({ running: 0, queued: 0 });
  });

  it('refuses a queued task that waits longer than the queue timeout', async () => {
    const slots = new ListingSlots({
      maxConcurrent: 1,
      maxQueued: 5,
      queueTimeoutMs: 20,
    });
    const gate = deferred();
    const running = slots.run(() => gate.promise);
    const started = Date.now();
    await expect(slots.run(async () => 'late')).rejects.toThrow(
      /No listing slot became free within 20 ms/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(slots.load).toEqual({ running: 1, queued: 0 });
    gate.resolve();
    await running;
    await expect(slots.run(async () => 'free')).resolves.toBe('free');
  });

  it('leaves the queue when the caller gives up, and frees slots on failure', async () => {
    const slots = new ListingSlots({
      maxConcurrent: 1,
      maxQueued: 5,
      queueTimeoutMs: 10_000,
    });
    const gate = deferred();
    const running = slots.run(async () => {
      await gate.promise;
      throw new Error('listing failed');
    });
    const controller = new AbortController();
    const waiting = slots.run(async () => 'never', controller.signal);
    controller.abort(new Error('caller left'));
    await expect(waiting).rejects.toThrow('caller left');
    expect(slots.load.queued).toBe(0);
    gate.resolve();
    await expect(running).rejects.toThrow('listing failed');
    expect(slots.load).toEqual({ running: 0, queued: 0 });
  });
});

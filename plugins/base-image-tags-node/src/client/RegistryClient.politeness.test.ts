import {
  createInstantClock,
  FakeRegistryHandler,
  makeTags,
  pagedTagsHandler,
} from '../testing';
import {
  listingFailure,
  useFakeRegistries,
} from './__testUtils__/fakeRegistryFixture';
import { RegistryClientOptions } from './RegistryClientOptions';

describe('RegistryClient politeness', () => {
  const fakes = useFakeRegistries();

  async function start(
    handler: FakeRegistryHandler,
    options: RegistryClientOptions = {},
    settings: { maxConcurrency?: number; requestsPerSecond?: number } = {},
  ) {
    const registry = await fakes.start(handler);
    return { registry, client: fakes.clientFor([registry], options, settings) };
  }

  /** Pages of 100 over `tags`, answering 429 once to the given page. */
  function throttledOnce(
    tags: string[],
    page: number,
    headers: (now: number) => Record<string, string>,
  ): FakeRegistryHandler {
    const paged = pagedTagsHandler({
      repository: 'team/app',
      tags,
      maxPageSize: 100,
    });
    let seen = 0;
    let throttled = false;
    return (request, info) => {
      seen++;
      if (seen === page && !throttled) {
        throttled = true;
        seen--;
        return {
          status: 429,
          headers: headers(Date.now()),
          body: {
            errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }],
          },
        };
      }
      return paged(request, info);
    };
  }

  it('waits for Retry-After: 2 in the middle of pagination and resumes from the failed page', async () => {
    const tags = makeTags(300);
    const { registry, client } = await start(
      throttledOnce(tags, 2, () => ({ 'Retry-After': '2' })),
    );
    const began = Date.now();
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    const elapsed = Date.now() - began;
    expect(listing.tags).toEqual(tags);
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    const paths = registry.requests.map(r => r.path);
    expect(paths).toEqual([
      '/v2/team/app/tags/list?n=10000',
      '/v2/team/app/tags/list?n=100&last=v100',
      '/v2/team/app/tags/list?n=100&last=v100',
      '/v2/team/app/tags/list?n=100&last=v200',
    ]);
    expect(listing).toMatchObject({ pages: 3, requests: 4 });
  });

  it('reads Retry-After as an HTTP date', async () => {
    const clock = createInstantClock();
    const tags = makeTags(150);
    const { registry, client } = await start(
      throttledOnce(tags, 2, () => ({
        'Retry-After': new Date(clock.now() + 30_000).toUTCString(),
      })),
      { clock },
    );
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(listing.tags).toEqual(tags);
    const waited = clock.sleeps.reduce((sum, ms) => sum + ms, 0);
    // HTTP dates have whole seconds.
    expect(waited).toBeGreaterThan(28_000);
    expect(waited).toBeLessThanOrEqual(30_000);
  });

  it('backs off exponentially with jitter when there is no Retry-After', async () => {
    const clock = createInstantClock();
    const { registry, client } = await start(() => ({ status: 429 }), {
      clock,
      random: () => 0.5,
      limits: { maxRetries: 3 },
    });
    const error = await listingFailure(
      client.listTags({ registry: registry.host, repository: 'team/app' }),
    );
    expect(error.kind).toBe('rate-limited');
    expect(registry.requests).toHaveLength(4);
    expect(clock.sleeps.filter(ms => ms > 10)).toEqual([750, 1500, 3000]);
  });

  it('gives up at once when Retry-After is longer than allowed, reporting the wait', async () => {
    const clock = createInstantClock();
    const { registry, client } = await start(
      () => ({
        status: 429,
        headers: { 'Retry-After': '3600' },
        body: { errors: [{ code: 'TOOMANYREQUESTS', message: 'limit' }] },
      }),
      { clock },
    );
    const error = await listingFailure(
      client.listTags({ registry: registry.host, repository: 'team/app' }),
    );
    expect(error).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3_600_000,
      code: 'TOOMANYREQUESTS',
      status: 429,
    });
    expect(error.message).toContain('limits.maxRetryWait');
    expect(registry.requests).toHaveLength(1);
    expect(clock.sleeps.filter(ms => ms > 10)).toEqual([]);
  });

  it('clamps an absurd Retry-After date in the error', async () => {
    const { registry, client } = await start(() => ({
      status: 429,
      headers: { 'Retry-After': 'Fri, 01 Jan 2100 00:00:00 GMT' },
    }));
    const error = await listingFailure(
      client.listTags({ registry: registry.host, repository: 'team/app' }),
    );
    expect(error.retryAfterMs).toBe(24 * 3600_000);
  });

  it('reports RateLimit headers, with missing counts as unknown', async () => {
    const { registry, client } = await start(() => ({
      headers: {
        'ratelimit-limit': '100;w=21600',
        'ratelimit-remaining': '76;w=21600',
      },
      body: { tags: ['a'] },
    }));
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(listing.rateLimit).toEqual({ limit: 100, remaining: 76 });
  });

  it('keeps at most maxConcurrency requests in flight per host', async () => {
    let inFlight = 0;
    let most = 0;
    const { registry, client } = await start(
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise(resolve => setTimeout(resolve, 40));
        inFlight--;
        return { body: { tags: ['a'] } };
      },
      {},
      { maxConcurrency: 2 },
    );
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        client.listTags({
          registry: registry.host,
          repository: `team/app${i}`,
        }),
      ),
    );
    expect(registry.requests).toHaveLength(6);
    expect(most).toBe(2);
  });

  it('spaces request starts by requestsPerSecond', async () => {
    const { registry, client } = await start(
      () => ({ body: { tags: ['a'] } }),
      {},
      { requestsPerSecond: 20 },
    );
    const began = Date.now();
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        client.listTags({
          registry: registry.host,
          repository: `team/app${i}`,
        }),
      ),
    );
    // Five starts 50 ms apart take at least 200 ms.
    expect(Date.now() - began).toBeGreaterThanOrEqual(190);
  });
  it('forgets idle host gates, however many hosts links name', async () => {
    const clock = createInstantClock();
    let serial = 0;
    const { registry: fake, client: lister } = await start(
      (_request, info) => {
        serial++;
        // A loopback address nothing listens on: a new host every listing.
        const host = `127.0.${Math.floor(serial / 250)}.${2 + (serial % 250)}`;
        return {
          headers: {
            Link: `<http://${host}:${
              info.host.split(':')[1]
            }/v2/team/app/tags/list?p=2>; rel="next"`,
          },
          body: { tags: ['1'] },
        };
      },
      { clock, proxy: { noProxy: '*' } },
    );
    for (let i = 0; i < 300; i++) {
      await listingFailure(
        lister.listTags({ registry: fake.host, repository: 'team/app' }),
      );
      clock.advance(1000);
    }
    const gates = (lister as unknown as { gates: Map<string, unknown> }).gates;
    expect(serial).toBe(300);
    expect(gates.size).toBeLessThanOrEqual(257);
    expect(gates.has(fake.host)).toBe(true);
  });
});

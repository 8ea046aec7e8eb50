import {
  createInstantClock,
  FakeRegistry,
  FakeRegistryHandler,
} from '../testing';
import {
  listingFailure,
  useFakeRegistries,
} from './__testUtils__/fakeRegistryFixture';
import { RegistryClient } from './RegistryClient';
import { RegistryLimits } from './RegistryClientOptions';

describe('RegistryClient responses', () => {
  const fakes = useFakeRegistries();
  /** The fake registry of the test's `list`. */
  let registry: FakeRegistry | undefined;

  async function list(
    handler: FakeRegistryHandler,
    limits: Partial<RegistryLimits> = {},
  ) {
    registry = await fakes.start(handler);
    const client = fakes.clientFor([registry], {
      limits,
      clock: createInstantClock(),
    });
    return client.listTags({ registry: registry.host, repository: 'team/app' });
  }

  it.each([
    ['tags: null', { name: 'team/app', tags: null }],
    ['no tags key', { name: 'team/app' }],
    ['tags: []', { name: 'team/app', tags: [] }],
  ])('treats %s as no tags', async (_, body) => {
    const listing = await list(() => ({ body }));
    expect(listing.tags).toEqual([]);
    expect(listing.pages).toBe(1);
  });

  it('ignores unknown fields', async () => {
    const listing = await list(() => ({
      body: { name: 'team/app', tags: ['1'], child: [], manifest: {}, x: 1 },
    }));
    expect(listing.tags).toEqual(['1']);
  });

  it('reports 404 NAME_UNKNOWN as its own error', async () => {
    const error = await listingFailure(
      list(() => ({
        status: 404,
        body: {
          errors: [
            {
              code: 'NAME_UNKNOWN',
              message: 'repository name not known to registry',
            },
          ],
        },
      })),
    );
    expect(error).toMatchObject({
      kind: 'not-found',
      code: 'NAME_UNKNOWN',
      status: 404,
      registry: registry!.host,
      repository: 'team/app',
    });
    expect(error.message).toContain(
      `Repository ${registry!.host}/team/app not found or has no tags`,
    );
  });

  it('checks the status before reading the body as tags', async () => {
    const error = await listingFailure(
      list(() => ({ status: 403, body: { tags: ['looks', 'fine'] } })),
    );
    expect(error.kind).toBe('denied');
  });

  it('names the status and shows a sanitised excerpt of a non-JSON body', async () => {
    const error = await listingFailure(
      list(() => ({
        status: 200,
        headers: { 'Content-Type': 'text/html' },
        body: `<html><script>alert(1)</script><h1>Welcome\u0007 to the   proxy</h1> Authorization: Bearer abc.def.ghi ${'x'.repeat(
          500,
        )}</html>`,
      })),
    );
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('answered 200');
    expect(error.message).toContain('Welcome to the proxy');
    expect(error.message).not.toContain('<script>');
    expect(error.message).not.toContain('\u0007');
    expect(error.message).not.toContain('abc.def.ghi');
    expect(error.message.length).toBeLessThan(400);
  });

  it('reports an unexpected error status with the registry code', async () => {
    const error = await listingFailure(
      list(() => ({
        status: 418,
        body: { errors: [{ code: 'TEAPOT', message: 'short and stout' }] },
      })),
    );
    expect(error).toMatchObject({
      kind: 'protocol',
      status: 418,
      code: 'TEAPOT',
    });
    expect(error.message).toContain('418 TEAPOT: short and stout');
  });

  it('caps the body size', async () => {
    const error = await listingFailure(
      list(() => ({ body: { tags: ['a'.repeat(100)] } }), { maxBodyBytes: 64 }),
    );
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('limits.maxBodyBytes');
  });

  it('caps the number of tags', async () => {
    const error = await listingFailure(
      list(() => ({ body: { tags: ['a', 'b', 'c'] } }), { maxTags: 2 }),
    );
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('limits.maxTags');
  });

  it('leaves out entries that are not tags and counts them', async () => {
    const listing = await list(() => ({
      body: { tags: ['1.0', '../etc', 42, null, '<b>', 'ok_tag', '1.0'] },
    }));
    expect(listing.tags).toEqual(['1.0', 'ok_tag']);
    // The repeated 1.0 is a duplicate, not an invalid entry.
    expect(listing.invalidTags).toBe(4);
  });

  it('rejects a tags field that is not an array', async () => {
    const error = await listingFailure(
      list(() => ({ body: { tags: 'latest' } })),
    );
    expect(error.kind).toBe('protocol');
  });

  it('retries 503 with backoff and then succeeds', async () => {
    let calls = 0;
    const listing = await list(() =>
      ++calls < 3 ? { status: 503, body: 'busy' } : { body: { tags: ['1'] } },
    );
    expect(listing.tags).toEqual(['1']);
    expect(registry!.requests).toHaveLength(3);
  });

  it('reports a registry that keeps failing as a network error', async () => {
    const error = await listingFailure(
      list(() => ({ status: 502, body: 'bad gateway' }), { maxRetries: 2 }),
    );
    expect(error.kind).toBe('network');
    expect(error.status).toBe(502);
    expect(registry!.requests).toHaveLength(3);
  });

  it('retries a connection reset', async () => {
    let calls = 0;
    const listing = await list(() =>
      ++calls === 1 ? { destroy: true } : { body: { tags: ['1'] } },
    );
    expect(listing.tags).toEqual(['1']);
  });

  it('rejects an invalid repository name before any request', async () => {
    const fake = await fakes.start(() => ({ body: { tags: [] } }));
    const client = fakes.track(
      RegistryClient.create({
        registries: [{ host: fake.host, insecure: true }],
      }),
    );
    const error = await listingFailure(
      client.listTags({ registry: fake.host, repository: 'Team/../app' }),
    );
    expect(error.kind).toBe('not-found');
    expect(error.code).toBe('NAME_INVALID');
    expect(error.message).toContain('not a valid repository name');
    expect(fake.requests).toHaveLength(0);
  });
  it.each([
    ['a port above 65535', 'registry.example.com:99999'],
    ['port 0', 'registry.example.com:0'],
    ['a bracketed host that is no IPv6 address', '[:::::]:5000'],
  ])(
    'rejects a registry host with %s as a typed error before any request',
    async (_, host) => {
      const client = fakes.track(RegistryClient.create());
      const error = await listingFailure(
        client.listTags({ registry: host, repository: 'team/app' }),
      );
      expect(error).toMatchObject({ kind: 'not-found', code: 'NAME_INVALID' });
      expect(error.message).toContain(`"${host}" is not a registry host`);
    },
  );

  it('reports a redirect to a URL that is not HTTP as a protocol error', async () => {
    const error = await listingFailure(
      list(() => ({
        status: 302,
        headers: { Location: 'file:///etc/passwd' },
      })),
    );
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain(
      'to a URL that is not HTTP ("file:///etc/passwd")',
    );
    expect(registry!.requests).toHaveLength(1);
  });

  it('sees next-page links that differ only in their fragment as one page', async () => {
    let serial = 0;
    const error = await listingFailure(
      list(
        request => ({
          headers: {
            Link: `<${request.url.pathname}?n=1#${++serial}>; rel="next"`,
          },
          body: { tags: [`t${serial}`] },
        }),
        { maxPages: 50 },
      ),
    );
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('a page already fetched');
    expect(registry!.requests).toHaveLength(2);
  });
});

import {
  FakeRegistry,
  makeTags,
  pagedTagsHandler,
  withBearerAuth,
} from '../testing';
import {
  listingFailure,
  useFakeRegistries,
} from './__testUtils__/fakeRegistryFixture';

function tagRequests(registry: FakeRegistry) {
  return registry.requests.filter(r => r.url.pathname.endsWith('/tags/list'));
}

describe('RegistryClient pagination', () => {
  const fakes = useFakeRegistries();

  it('follows relative Link headers against the response URL', async () => {
    const tags = makeTags(250);
    const registry = await fakes.start(
      pagedTagsHandler({ repository: 'team/app', tags, maxPageSize: 100 }),
    );
    const client = fakes.clientFor([registry]);
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(listing.tags).toEqual(tags);
    expect(listing.pages).toBe(3);
    expect(registry.requests.map(r => r.path)).toEqual([
      '/v2/team/app/tags/list?n=10000',
      '/v2/team/app/tags/list?n=100&last=v100',
      '/v2/team/app/tags/list?n=100&last=v200',
    ]);
    expect(registry.requests[0].headers['user-agent']).toBe(
      'base-image-tags-registry-client',
    );
    expect(registry.requests[0].headers.accept).toBe('application/json');
  });

  it('follows an opaque next_page cursor exactly as given', async () => {
    const tags = makeTags(25);
    const registry = await fakes.start(
      pagedTagsHandler({
        repository: 'team/app',
        tags,
        maxPageSize: 10,
        cursor: 'opaque',
        link: 'absolute',
      }),
    );
    const client = fakes.clientFor([registry]);
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(listing.tags).toEqual(tags);
    const followed = registry.requests.slice(1).map(r => r.url);
    expect(followed).toHaveLength(2);
    for (const url of followed) {
      expect(url.searchParams.get('next_page')).toBeTruthy();
      expect(url.searchParams.has('last')).toBe(false);
    }
  });

  it('reads Link headers leniently: unquoted rel, several links, odd spacing', async () => {
    const registry = await fakes.start(request => {
      if (request.url.searchParams.get('page') === '2') {
        return { body: { tags: ['b'] } };
      }
      return {
        headers: {
          Link: '</v2/x/tags/list?page=0>;rel=prev ,  </v2/x/tags/list?page=2> ; rel = next; title="a, b"',
        },
        body: { tags: ['a'] },
      };
    });
    const client = fakes.clientFor([registry]);
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'x',
    });
    expect(listing.tags).toEqual(['a', 'b']);
  });

  it('never takes a short page for the last one', async () => {
    const registry = await fakes.start(request => {
      const page = Number(request.url.searchParams.get('page') ?? '1');
      return {
        headers:
          page < 3
            ? { Link: `</v2/x/tags/list?page=${page + 1}>; rel="next"` }
            : {},
        // Page 2 is empty and page 1 short, yet more follow.
        body: { tags: page === 2 ? [] : [`t${page}`] },
      };
    });
    const client = fakes.clientFor([registry]);
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'x',
    });
    expect(listing.tags).toEqual(['t1', 't3']);
    expect(listing.pages).toBe(3);
  });

  it('steps down the page size when the registry refuses it (ECR: 400 above 1000)', async () => {
    const tags = makeTags(2500);
    const registry = await fakes.start(
      pagedTagsHandler({
        repository: 'team/app',
        tags,
        maxPageSize: 1000,
        refuseAbove: 1000,
      }),
    );
    const client = fakes.clientFor([registry]);
    const first = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(first.tags).toEqual(tags);
    expect(registry.requests.map(r => r.url.searchParams.get('n'))).toEqual([
      '10000',
      '1000',
      '1000',
      '1000',
    ]);
    expect(registry.requests[0].url.searchParams.has('last')).toBe(false);
    expect(registry.requests[1].url.searchParams.has('last')).toBe(false);

    // The accepted size is remembered for the registry.
    registry.requests.length = 0;
    const second = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(second.tags).toEqual(tags);
    expect(registry.requests).toHaveLength(3);
  });

  it('drops n altogether when the registry refuses every size', async () => {
    const registry = await fakes.start(request =>
      request.url.searchParams.has('n')
        ? { status: 413, body: 'too large' }
        : { body: { tags: ['only'] } },
    );
    const client = fakes.clientFor([registry]);
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'x',
    });
    expect(listing.tags).toEqual(['only']);
    expect(registry.requests.map(r => r.url.searchParams.get('n'))).toEqual([
      '10000',
      '1000',
      '100',
      null,
    ]);
  });

  it('stops on a link back to a page already fetched', async () => {
    const registry = await fakes.start(request => ({
      headers: {
        Link:
          request.url.searchParams.get('page') === '2'
            ? '</v2/x/tags/list?n=10000>; rel="next"'
            : '</v2/x/tags/list?page=2>; rel="next"',
      },
      body: { tags: ['a'] },
    }));
    const client = fakes.clientFor([registry]);
    const error = await listingFailure(
      client.listTags({ registry: registry.host, repository: 'x' }),
    );
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain('already fetched');
    expect(registry.requests).toHaveLength(2);
  });

  it('stops at the page cap with an error that says so', async () => {
    const registry = await fakes.start(request => {
      const page = Number(request.url.searchParams.get('page') ?? '0');
      return {
        headers: { Link: `</v2/x/tags/list?page=${page + 1}>; rel="next"` },
        body: { tags: [`t${page}`] },
      };
    });
    const client = fakes.clientFor([registry], { limits: { maxPages: 5 } });
    const error = await listingFailure(
      client.listTags({ registry: registry.host, repository: 'x' }),
    );
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('limits.maxPages');
    expect(registry.requests).toHaveLength(5);
  });

  describe('request counting', () => {
    const tags = makeTags(2500);

    it('lists 2,500 anonymous tags in pages of 1000 with exactly 3 requests', async () => {
      const registry = await fakes.start(
        pagedTagsHandler({ repository: 'team/app', tags, maxPageSize: 1000 }),
      );
      const client = fakes.clientFor([registry]);
      const listing = await client.listTags({
        registry: registry.host,
        repository: 'team/app',
      });
      expect(listing.tags).toEqual(tags);
      expect(tagRequests(registry)).toHaveLength(3);
      expect(registry.requests).toHaveLength(3);
      expect(listing).toMatchObject({ pages: 3, requests: 3 });
    });

    it('costs exactly 3 tag requests plus 1 token request behind token auth', async () => {
      const inner = pagedTagsHandler({
        repository: 'team/app',
        tags,
        maxPageSize: 1000,
      });
      const other = pagedTagsHandler({
        repository: 'team/other',
        tags,
        maxPageSize: 1000,
      });
      const registry = await fakes.start(
        withBearerAuth((request, info) =>
          request.url.pathname.startsWith('/v2/team/other/')
            ? other(request, info)
            : inner(request, info),
        ),
      );
      const client = fakes.clientFor([registry]);

      // First contact: one anonymous request learns the challenge.
      const first = await client.listTags({
        registry: registry.host,
        repository: 'team/app',
      });
      expect(first.tags).toEqual(tags);
      expect(registry.count('/token')).toBe(1);
      expect(tagRequests(registry)).toHaveLength(4);
      expect(first.requests).toBe(5);

      // Once the registry's challenge is known, a repository costs 3 + 1.
      registry.requests.length = 0;
      const second = await client.listTags({
        registry: registry.host,
        repository: 'team/other',
      });
      expect(second.tags).toEqual(tags);
      expect(tagRequests(registry)).toHaveLength(3);
      expect(registry.count('/token')).toBe(1);
      expect(registry.requests).toHaveLength(4);
      expect(second).toMatchObject({ pages: 3, requests: 4 });

      // And with the token cached, 3 alone.
      registry.requests.length = 0;
      const third = await client.listTags({
        registry: registry.host,
        repository: 'team/other',
      });
      expect(third.tags).toEqual(tags);
      expect(registry.requests).toHaveLength(3);
    });
  });
});

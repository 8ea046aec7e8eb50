import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FakeRegistry,
  FakeRegistryHandler,
  pagedTagsHandler,
  startFakeRegistry,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import request from 'supertest';
import { baseImageTagsPlugin } from '../plugin';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('base-image-tags API', () => {
  let registry: FakeRegistry;
  let alpineTags: string[];

  beforeEach(async () => {
    alpineTags = ['3.18.0', '3.19.0', '3.19.1'];
    registry = await startFakeRegistry((req, info) => {
      const handler: FakeRegistryHandler = pagedTagsHandler({
        repository: 'library/alpine',
        tags: alpineTags,
      });
      return handler(req, info);
    });
  });
  afterEach(() => registry.stop());

  async function startBackend(
    options: { deny?: boolean; patterns?: string[]; config?: object } = {},
  ) {
    const host = registry.host;
    const entities: Entity[] = [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'web',
          annotations: {
            'base-image-tags/patterns': [
              `${host}/library/alpine:3.*`,
              '10.1.2.3/secret/app:1.*',
              'alpine:::',
            ].join('\n'),
          },
        },
        spec: {},
      },
    ];
    const { server } = await startTestBackend({
      features: [
        baseImageTagsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: {
            baseImageTags: {
              allowPublicRegistries: false,
              registries: [{ host, insecure: true }],
              patterns: options.patterns ?? [`${host}/library/alpine:3.19.*`],
              ...options.config,
            },
          },
        }),
        // Runs the first cycle before the backend answers.
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        ...(options.deny
          ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
          : []),
      ],
    });
    return { server, host };
  }

  it('serves the patterns of one entity with their tags and status', async () => {
    const { server, host } = await startBackend();
    const response = await request(server).get(
      '/api/base-image-tags/entities/Component/default/web/patterns',
    );
    expect(response.status).toBe(200);
    const byPattern = Object.fromEntries(
      response.body.items.map((item: any) => [item.pattern, item]),
    );
    expect(byPattern[`${host}/library/alpine:3.*`]).toMatchObject({
      status: 'ok',
      repository: `${host}/library/alpine`,
      newestTag: '3.19.1',
      newestImage: `${host}/library/alpine:3.19.1`,
      sources: ['component:default/web'],
      counts: { inRepository: 3, kept: 3 },
      tags: [
        { tag: '3.19.1', rank: 0, firstSeenAt: expect.any(String) },
        { tag: '3.19.0', rank: 1, firstSeenAt: expect.any(String) },
        { tag: '3.18.0', rank: 2, firstSeenAt: expect.any(String) },
      ],
    });
    expect(byPattern['10.1.2.3/secret/app:1.*']).toMatchObject({
      status: 'not-allowed',
      tags: [],
    });
    expect(byPattern['10.1.2.3/secret/app:1.*'].error).toContain(
      'baseImageTags.registries',
    );
    expect(byPattern['alpine:::']).toMatchObject({ status: 'invalid' });
    expect(registry.requests.some(r => r.path.includes('secret'))).toBe(false);
  });

  it('shows the patterns an entity declares beyond baseImageTags.maxPatternsPerEntity as one invalid pattern, and does not poll them', async () => {
    const { server, host } = await startBackend({
      config: { maxPatternsPerEntity: 1 },
      patterns: [
        `${registry.host}/library/alpine:3.19.*`,
        `${registry.host}/library/alpine:3.18.*`,
      ],
    });
    const response = await request(server).get(
      '/api/base-image-tags/entities/Component/default/web/patterns',
    );
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(2);
    expect(response.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pattern: `${host}/library/alpine:3.*`,
          status: 'ok',
        }),
        {
          pattern: '10.1.2.3/secret/app:1.*',
          status: 'invalid',
          error:
            'line 2: Too many base image patterns: at most 1 per entity are ' +
            'polled, so 2 patterns from line 2 on are dropped; split the list ' +
            'across entities or raise baseImageTags.maxPatternsPerEntity in ' +
            'the backend configuration',
          sources: ['component:default/web'],
          tags: [],
        },
      ]),
    );
    // Both org-wide patterns are kept: the cap is per entity.
    const all = await request(server).get('/api/base-image-tags/patterns');
    expect(
      all.body.items
        .filter((p: any) => p.sources.includes('config'))
        .map((p: any) => p.status),
    ).toEqual(['ok', 'ok']);
    const repositories = await request(server).get(
      '/api/base-image-tags/repositories',
    );
    expect(repositories.body.items.map((r: any) => r.repository)).toEqual([
      `${host}/library/alpine`,
    ]);
  });

  it('serves all patterns and all repositories with health', async () => {
    const { server, host } = await startBackend();
    const patterns = await request(server).get('/api/base-image-tags/patterns');
    expect(patterns.status).toBe(200);
    expect(patterns.body.items).toHaveLength(4);
    expect(
      patterns.body.items.find((p: any) => p.sources.includes('config')),
    ).toMatchObject({
      pattern: `${host}/library/alpine:3.19.*`,
      newestTag: '3.19.1',
    });

    const repositories = await request(server).get(
      '/api/base-image-tags/repositories',
    );
    expect(repositories.status).toBe(200);
    expect(repositories.body.items).toEqual([
      expect.objectContaining({
        repository: '10.1.2.3/secret/app',
        status: 'not-allowed',
      }),
      expect.objectContaining({
        repository: `${host}/library/alpine`,
        registry: host,
        status: 'ok',
        tagCount: 3,
        consecutiveFailures: 0,
        patterns: [
          `${host}/library/alpine:3.*`,
          `${host}/library/alpine:3.19.*`,
        ],
        entityRefs: ['component:default/web'],
      }),
    ]);
  });

  it('answers the newest tag of a pattern, or 400/404', async () => {
    const { server, host } = await startBackend();
    const newest = (pattern?: string) =>
      request(server)
        .get('/api/base-image-tags/newest')
        .query(pattern === undefined ? {} : { pattern });
    const found = await newest(`${host}/library/alpine:3.*`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      pattern: `${host}/library/alpine:3.*`,
      tag: '3.19.1',
      image: `${host}/library/alpine:3.19.1`,
      tags: ['3.19.1', '3.19.0', '3.18.0'],
      counts: expect.objectContaining({ inRepository: 3, kept: 3 }),
    });
    expect((await newest()).status).toBe(400);
    expect((await newest('alpine:::')).status).toBe(400);
    const undeclared = await newest('alpine:3.*');
    expect(undeclared.status).toBe(404);
    expect(undeclared.body.error.code).toBe('PATTERN_NOT_DECLARED');
    const blocked = await newest('10.1.2.3/secret/app:1.*');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toContain('baseImageTags.registries');
  });

  it('names why a declared pattern has no stored tag', async () => {
    registry.setHandler((req, info) =>
      req.url.pathname.startsWith('/v2/team/locked/')
        ? {
            status: 403,
            body: { errors: [{ code: 'DENIED', message: 'no access' }] },
          }
        : pagedTagsHandler({ repository: 'library/alpine', tags: alpineTags })(
            req,
            info,
          ),
    );
    const { server, host } = await startBackend({
      patterns: [
        `${registry.host}/library/alpine:9.*`,
        `${registry.host}/team/locked:1.*`,
      ],
    });
    const newest = (pattern: string) =>
      request(server).get('/api/base-image-tags/newest').query({ pattern });

    const none = await newest(`${host}/library/alpine:9.*`);
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('NO_TAG_MATCHES');
    expect(none.body.error.message).toContain('has 3 tags');

    const failing = await newest(`${host}/team/locked:1.*`);
    expect(failing.status).toBe(503);
    expect(failing.body.error.message).toMatch(
      /^Registry failing: .*denied listing the tags of team\/locked/,
    );
  });

  describe('live', () => {
    const live = (server: any, pattern?: string) =>
      request(server)
        .get('/api/base-image-tags/newest')
        .query({ ...(pattern === undefined ? {} : { pattern }), live: true });

    it('lists now, ranks and stores nothing', async () => {
      const { server, host } = await startBackend();
      alpineTags.push('3.20.0', '3.20.0-rc1', 'latest');
      const before = registry.count('/v2/library/alpine/tags/list');
      const response = await live(server, `${host}/library/alpine:3.*`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        pattern: `${host}/library/alpine:3.*`,
        tag: '3.20.0',
        image: `${host}/library/alpine:3.20.0`,
        tags: ['3.20.0', '3.19.1', '3.19.0', '3.18.0'],
        counts: expect.objectContaining({ inRepository: 6, kept: 4 }),
      });
      expect(registry.count('/v2/library/alpine/tags/list')).toBe(before + 1);

      // Undeclared patterns may be listed live; nothing is stored.
      const undeclared = await live(server, `${host}/library/alpine:3.18.*`);
      expect(undeclared.body.tags).toEqual(['3.18.0']);
      const stored = await request(server)
        .get('/api/base-image-tags/newest')
        .query({ pattern: `${host}/library/alpine:3.*` });
      expect(stored.body.tag).toBe('3.19.1');
      const patterns = await request(server).get(
        '/api/base-image-tags/patterns',
      );
      expect(patterns.body.items).toHaveLength(4);
    });

    it('refuses a registry off the allow-list without contacting it', async () => {
      const { server } = await startBackend();
      const before = registry.requests.length;
      // The same fake registry, under a host name that is not allowed.
      const port = registry.host.split(':')[1];
      const response = await live(
        server,
        `localhost:${port}/library/alpine:3.*`,
      );
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
      expect(response.body.error.message).toContain(
        `"host: localhost:${port}" under baseImageTags.registries`,
      );
      expect(registry.requests.length).toBe(before);
    });

    it('delegates as the poll cycle does', async () => {
      // A sensor that is down: the delegated repository, which the
      // allow-list alone would refuse, is sent to it.
      const closed = await startFakeRegistry(() => ({ status: 500 }));
      await closed.stop();
      const { server } = await startBackend({
        config: {
          delegation: {
            enabledFor: 'specific',
            registries: [{ path: '10.1.2.3/secret', sensor: 'cluster-a' }],
          },
          sensors: [
            {
              name: 'cluster-a',
              url: closed.url,
              token: 'router-test-sensor-token-0123456789',
            },
          ],
        },
      });
      const response = await live(server, '10.1.2.3/secret/app:1.*');
      expect(response.status).toBe(503);
      expect(response.body.error.message).toMatch(
        /^Registry failing: Sensor "cluster-a" at .* \(listing 10\.1\.2\.3\/secret\/app\) \(listed through cluster-a\)$/,
      );
      expect(response.body.error.message).not.toContain('0123456789');
    });

    it('answers 400 for a missing or invalid pattern or flag', async () => {
      const { server } = await startBackend();
      const before = registry.requests.length;
      expect((await live(server)).status).toBe(400);
      const invalid = await live(server, 'alpine:3.* !');
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.message).toContain(
        'Invalid base image pattern',
      );
      const flag = await request(server)
        .get('/api/base-image-tags/newest')
        .query({ pattern: 'alpine:3.*', live: 'yes' });
      expect(flag.status).toBe(400);
      expect(registry.requests.length).toBe(before);
    });

    it('answers 503 with the reason when the listing fails, 404 when nothing matches', async () => {
      const { server, host } = await startBackend();
      const missing = await live(server, `${host}/library/missing:1.*`);
      expect(missing.status).toBe(503);
      expect(missing.body.error.message).toMatch(
        /^Registry failing: Repository .*library\/missing not found/,
      );
      const none = await live(server, `${host}/library/alpine:4.*`);
      expect(none.status).toBe(404);
      expect(none.body.error.code).toBe('NO_TAG_MATCHES');
      expect(none.body.error.message).toContain('has 3 tags; 0 match');
    });

    it('needs the refresh permission for users', async () => {
      const { server, host } = await startBackend({ deny: true });
      const before = registry.requests.length;
      const denied = await live(server, `${host}/library/alpine:3.*`);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('base-image-tags.refresh');
      expect(registry.requests.length).toBe(before);
    });
  });

  it('refreshes a repository on request, then serves the new tag', async () => {
    const { server, host } = await startBackend();
    alpineTags.push('3.20.0');
    const response = await request(server)
      .post('/api/base-image-tags/refresh')
      .send({ repository: `${host}/library/alpine` });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      repositories: [`${host}/library/alpine`],
      requestedAt: expect.any(String),
    });
    const [pattern] = (
      await request(server).get(
        '/api/base-image-tags/entities/component/default/web/patterns',
      )
    ).body.items.filter((p: any) => p.status === 'ok');
    expect(pattern.newestTag).toBe('3.20.0');
    expect(pattern.lastPolledAt >= response.body.requestedAt).toBe(true);

    const byEntity = await request(server)
      .post('/api/base-image-tags/refresh')
      .send({ entityRef: 'component:default/web' });
    expect(byEntity.status).toBe(202);
  });

  it('rejects bad refresh requests with 400 or 404', async () => {
    const { server } = await startBackend();
    const refresh = (body: unknown) =>
      request(server)
        .post('/api/base-image-tags/refresh')
        .send(body as object);
    expect((await refresh({})).status).toBe(400);
    expect((await refresh({ pattern: 'a:1', repository: 'b' })).status).toBe(
      400,
    );
    expect((await refresh({ repository: 42 })).status).toBe(400);
    expect((await refresh({ entityRef: 'not a ref!' })).status).toBe(400);
    expect((await refresh({ repository: 'docker.io/nope' })).status).toBe(404);
    expect(
      (await refresh({ entityRef: 'component:default/other' })).status,
    ).toBe(404);
    expect((await refresh({ repository: '10.1.2.3/secret/app' })).status).toBe(
      400,
    );
    const malformed = await request(server).get(
      '/api/base-image-tags/entities/component/default/bad%20name/patterns',
    );
    expect(malformed.status).toBe(400);
  });

  it('says why a refresh names an unknown repository, with a format hint only when it is needed', async () => {
    const { server } = await startBackend();
    const refresh = (repository: string) =>
      request(server).post('/api/base-image-tags/refresh').send({ repository });

    const unused = await refresh('docker.io/library/alpine');
    expect(unused.status).toBe(404);
    expect(unused.body.error.message).toBe(
      'No declared pattern uses repository "docker.io/library/alpine"; ' +
        'GET /repositories lists the repositories that are polled',
    );

    const short = await refresh('alpine');
    expect(short.status).toBe(404);
    expect(short.body.error.message).toBe(
      'Repository "alpine" is not written as registry/repository; ' +
        'write it as docker.io/library/alpine',
    );

    const garbled = await refresh('not a repository');
    expect(garbled.body.error.message).toBe(
      'Repository "not a repository" is not written as registry/repository; ' +
        'write it as e.g. docker.io/library/alpine',
    );
  });

  it('answers a body that is not JSON with a 400 that does not echo it', async () => {
    const { server } = await startBackend();
    const response = await request(server)
      .post('/api/base-image-tags/refresh')
      .set('Content-Type', 'application/json')
      .send('{"repository": secret-token-123');
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(/^Request body must be JSON: /);
    expect(JSON.stringify(response.body)).not.toContain('secret-token-123');
    expect(response.body.error).not.toHaveProperty('body');
    expect(response.body.error).not.toHaveProperty('type');
  });

  it('denies refresh without the permission and needs credentials', async () => {
    const { server, host } = await startBackend({ deny: true });
    const before = registry.requests.length;
    const denied = await request(server)
      .post('/api/base-image-tags/refresh')
      .send({ repository: `${host}/library/alpine` });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('base-image-tags.refresh');
    expect(registry.requests.length).toBe(before);

    const anonymous = await request(server)
      .get('/api/base-image-tags/patterns')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const health = await request(server)
      .get('/api/base-image-tags/health')
      .set('Authorization', mockCredentials.none.header());
    expect(health.status).toBe(200);
  });
});

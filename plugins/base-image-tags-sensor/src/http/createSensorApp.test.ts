import {
  parseRegistryPath,
  RegistryError,
  RepositoryRef,
  TagLister,
} from '@base-image-tags/plugin-base-image-tags-node';
import request from 'supertest';
import { AllowList } from '../access/AllowList';
import { BearerTokenVerifier } from '../access/BearerTokenVerifier';
import { ListingSlots } from '../listing/ListingSlots';
import { JsonLineLogger } from '../logging/JsonLineLogger';
import { createSensorApp } from './createSensorApp';

const token = 'sensor-test-token-0123456789';
const auth = `Bearer ${token}`;

function setup(
  listTags: TagLister['listTags'],
  overrides?: { slots?: ListingSlots; requestTimeoutMs?: number },
) {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const logger = new JsonLineLogger({
    write: line => {
      raw.push(line);
      lines.push(JSON.parse(line));
    },
  });
  const lister = { listTags: jest.fn(listTags) };
  const app = createSensorApp({
    lister,
    allowList: new AllowList(
      ['registry.internal:5000/team', 'docker.io/library'].map(
        parseRegistryPath,
      ),
    ),
    verifier: new BearerTokenVerifier({ tokens: [token], tokenFiles: [] }),
    slots:
      overrides?.slots ??
      new ListingSlots({ maxConcurrent: 2, maxQueued: 0, queueTimeoutMs: 50 }),
    requestTimeoutMs: overrides?.requestTimeoutMs ?? 10_000,
    logger,
  });
  return { app, lister, lines, raw };
}

const ok = async (ref: RepositoryRef) => ({
  tags: [`${ref.repository.split('/').pop()}-1`, '2'],
  pages: 1,
  requests: 2,
});

describe('createSensorApp', () => {
  it('answers health checks without a token', async () => {
    const { app } = setup(ok);
    const response = await request(app).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('lists tags of an allowed repository and logs one line without the token', async () => {
    const { app, lister, lines, raw } = setup(ok);
    const response = await request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .send({ registry: 'Registry.Internal:5000', repository: 'team/base' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      tags: ['base-1', '2'],
      pages: 1,
      requests: 2,
    });
    expect(lister.listTags).toHaveBeenCalledWith(
      { registry: 'registry.internal:5000', repository: 'team/base' },
      { signal: expect.any(AbortSignal) },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      repository: 'registry.internal:5000/team/base',
      outcome: 'ok',
      status: 200,
      durationMs: expect.any(Number),
      tags: 2,
    });
    expect(raw.join('')).not.toContain(token);
  });

  it('normalises Docker Hub names before checking the allow list', async () => {
    const { app, lister } = setup(ok);
    const response = await request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .send({ registry: 'index.docker.io', repository: 'alpine' });
    expect(response.status).toBe(200);
    expect(lister.listTags.mock.calls[0][0]).toEqual({
      registry: 'docker.io',
      repository: 'library/alpine',
    });
  });

  it.each([
    ['no header', undefined],
    ['a wrong token', 'Bearer sensor-test-token-0123456780'],
    ['basic auth', `Basic ${Buffer.from(`x:${token}`).toString('base64')}`],
  ])('refuses %s with 401 before reading the body', async (_, header) => {
    const { app, lister, lines, raw } = setup(ok);
    const call = request(app).post('/v1/tags');
    if (header) {
      call.set('Authorization', header);
    }
    const response = await call.send({
      registry: 'registry.internal:5000',
      repository: 'team/base',
    });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body.error).toMatchObject({
      name: 'SensorProblem',
      kind: 'unauthenticated',
    });
    expect(lister.listTags).not.toHaveBeenCalled();
    expect(lines).toEqual([
      expect.objectContaining({ outcome: 'unauthenticated', status: 401 }),
    ]);
    expect(raw.join('')).not.toContain(token);
    expect(JSON.stringify(response.body)).not.toContain(token);
  });

  it.each([
    ['another host', 'evil.example.com', 'team/base'],
    ['a path outside the prefix', 'registry.internal:5000', 'other/base'],
    [
      'a prefix that is not on a boundary',
      'registry.internal:5000',
      'teamx/base',
    ],
    ['another port', 'registry.internal:5001', 'team/base'],
  ])(
    'refuses %s with 403 and never lists it',
    async (_, registry, repository) => {
      const { app, lister, lines } = setup(ok);
      const response = await request(app)
        .post('/v1/tags')
        .set('Authorization', auth)
        .send({ registry, repository });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({
        name: 'SensorProblem',
        kind: 'not-allowed',
        registry,
        repository,
      });
      expect(response.body.error.message).toContain(
        'registry.internal:5000/team',
      );
      expect(lister.listTags).not.toHaveBeenCalled();
      expect(lines[0]).toMatchObject({ outcome: 'not-allowed', status: 403 });
    },
  );

  it.each([
    ['a non-object', '"just text"'],
    ['missing fields', '{"registry":"registry.internal:5000"}'],
    ['a bad host', '{"registry":"http://x/y","repository":"team/a"}'],
    [
      'a bad repository',
      '{"registry":"registry.internal:5000","repository":"team/../etc"}',
    ],
    ['invalid JSON', '{"registry":'],
    [
      'a body too large',
      JSON.stringify({ registry: 'a.b', repository: 'a'.repeat(9000) }),
    ],
  ])('answers 400 to %s', async (_, body) => {
    const { app, lister, lines } = setup(ok);
    const response = await request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ kind: 'bad-request' });
    expect(lister.listTags).not.toHaveBeenCalled();
    expect(lines).toHaveLength(1);
  });

  it.each([
    [
      'a registry with user and password',
      '{"registry":"robot:s3cret-pw@registry.internal:5000","repository":"team/a"}',
    ],
    [
      'a URL with user and password',
      '{"registry":"https://robot:s3cret-pw@registry.internal","repository":"team/a"}',
    ],
    ['a body that is not JSON', 'pw=s3cret-pw'],
    ['a JSON body cut short', '{"password":"s3cret-pw'],
  ])('answers 400 to %s without echoing the password', async (_, body) => {
    const { app, lister, raw } = setup(ok);
    const response = await request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ kind: 'bad-request' });
    expect(response.body.error.message).toMatch(/registry|JSON/);
    expect(JSON.stringify(response.body)).not.toContain('s3cret-pw');
    expect(raw.join('')).not.toContain('s3cret-pw');
    expect(lister.listTags).not.toHaveBeenCalled();
  });

  it.each([
    ['not-found', 404, undefined],
    ['unauthorized', 502, undefined],
    ['denied', 502, undefined],
    ['rate-limited', 429, 30_000],
    ['timeout', 504, undefined],
    ['network', 502, undefined],
  ] as const)(
    'sends a %s registry error as %i with its details',
    async (kind, status, retryAfterMs) => {
      const { app, lines } = setup(async ref => {
        throw new RegistryError({
          kind,
          ...ref,
          message: `registry said ${kind}`,
          retryAfterMs,
          code: 'SOME_CODE',
        });
      });
      const response = await request(app)
        .post('/v1/tags')
        .set('Authorization', auth)
        .send({ registry: 'registry.internal:5000', repository: 'team/base' });
      expect(response.status).toBe(status);
      expect(response.body).toEqual({
        error: {
          name: 'RegistryError',
          kind,
          message: `registry said ${kind}`,
          registry: 'registry.internal:5000',
          repository: 'team/base',
          code: 'SOME_CODE',
          ...(retryAfterMs ? { retryAfterMs } : {}),
        },
      });
      expect(response.headers['retry-after']).toBe(
        retryAfterMs ? '30' : undefined,
      );
      expect(lines[0]).toMatchObject({ outcome: kind, status });
    },
  );

  it('answers 503 at once when every slot is busy', async () => {
    let release!: () => void;
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    const { app, lines } = setup(
      async ref => {
        await held;
        return ok(ref);
      },
      {
        slots: new ListingSlots({
          maxConcurrent: 1,
          maxQueued: 0,
          queueTimeoutMs: 10_000,
        }),
      },
    );
    const body = { registry: 'registry.internal:5000', repository: 'team/a' };
    const first = request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .send(body);
    const firstDone = first.then(response => response);
    // Wait until the first listing holds the only slot.
    await new Promise(resolve => setTimeout(resolve, 100));
    const started = Date.now();
    const second = await request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .send(body);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('10');
    expect(second.body.error).toMatchObject({
      name: 'SensorProblem',
      kind: 'overloaded',
      retryAfterMs: 10_000,
    });
    release();
    expect((await firstDone).status).toBe(200);
    expect(lines.map(line => line.outcome).sort()).toEqual([
      'ok',
      'overloaded',
    ]);
  });

  it('ends a listing at the request deadline with a timeout error', async () => {
    let seenSignal: AbortSignal | undefined;
    const { app } = setup(
      (_ref, options) =>
        new Promise((_resolve, reject) => {
          seenSignal = options?.signal;
          options?.signal?.addEventListener('abort', () =>
            reject(options.signal!.reason),
          );
        }),
      { requestTimeoutMs: 100 },
    );
    const response = await request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .send({ registry: 'registry.internal:5000', repository: 'team/base' });
    expect(response.status).toBe(504);
    expect(response.body.error).toMatchObject({
      name: 'RegistryError',
      kind: 'timeout',
    });
    expect(response.body.error.message).toContain('server.requestTimeout');
    expect(seenSignal?.aborted).toBe(true);
  });

  it('hides unexpected failures behind a 500', async () => {
    const { app, lines } = setup(async () => {
      throw new Error('boom at /secret/path');
    });
    const response = await request(app)
      .post('/v1/tags')
      .set('Authorization', auth)
      .send({ registry: 'registry.internal:5000', repository: 'team/base' });
    expect(response.status).toBe(500);
    expect(response.body.error).toMatchObject({ kind: 'internal' });
    expect(JSON.stringify(response.body)).not.toContain('secret');
    expect(lines.filter(line => line.outcome === 'internal')).toHaveLength(1);
  });

  it('answers unknown paths with a typed 404', async () => {
    const { app } = setup(ok);
    const response = await request(app).get('/v2/');
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({ kind: 'unknown-endpoint' });
  });
});

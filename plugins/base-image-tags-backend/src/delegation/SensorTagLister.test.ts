import { isRegistryError } from '@base-image-tags/plugin-base-image-tags-node';
import {
  createTestCertificates,
  findFreePort,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isSensorError, SensorError } from './SensorError';
import { SensorTagLister } from './SensorTagLister';

const token = 'sensor-lister-token-0123456789';
const ref = { registry: 'registry.internal:5000', repository: 'team/base' };

type Handler = (
  req: http.IncomingMessage & { body: string },
  res: http.ServerResponse,
) => void;

interface FakeSensor {
  url: string;
  requests: Array<{
    method?: string;
    url?: string;
    headers: http.IncomingHttpHeaders;
    body: string;
  }>;
  handle(handler: Handler): void;
  stop(): Promise<void>;
}

async function startFakeSensor(tls?: {
  cert: string;
  key: string;
}): Promise<FakeSensor> {
  let handler: Handler = (_req, res) => res.end();
  const requests: FakeSensor['requests'] = [];
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
      });
      handler(Object.assign(req, { body }), res);
    });
  };
  const server = tls
    ? https.createServer(tls, listener)
    : http.createServer(listener);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the listing to fail');
}

describe('SensorTagLister', () => {
  let sensor: FakeSensor;
  let lister: SensorTagLister;

  beforeAll(async () => {
    sensor = await startFakeSensor();
  });

  afterAll(async () => {
    await sensor.stop();
  });

  beforeEach(() => {
    sensor.requests.length = 0;
    lister = new SensorTagLister({
      name: 'cluster-a',
      url: `${sensor.url}/base/`,
      token,
      timeoutMs: 2000,
      configKey: 'baseImageTags.sensors[0]',
    });
  });

  it('posts the repository with the bearer token and returns the listing', async () => {
    sensor.handle((_req, res) =>
      json(res, 200, {
        tags: ['1.0', '1.1'],
        pages: 2,
        requests: 3,
        invalidTags: 1,
        rateLimit: { remaining: 5 },
      }),
    );
    await expect(lister.listTags(ref)).resolves.toEqual({
      tags: ['1.0', '1.1'],
      pages: 2,
      requests: 3,
      invalidTags: 1,
      rateLimit: { remaining: 5 },
    });
    expect(sensor.requests).toHaveLength(1);
    const [sent] = sensor.requests;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/base/v1/tags');
    expect(sent.headers.authorization).toBe(`Bearer ${token}`);
    expect(JSON.parse(sent.body)).toEqual(ref);
  });

  it.each([
    ['not-found', 404, undefined],
    ['unauthorized', 502, undefined],
    ['denied', 502, undefined],
    ['rate-limited', 429, 60_000],
    ['timeout', 504, undefined],
  ] as const)(
    'turns a %s answer back into that RegistryError',
    async (kind, status, retryAfterMs) => {
      sensor.handle((_req, res) =>
        json(res, status, {
          error: {
            name: 'RegistryError',
            kind,
            message: `registry.internal:5000/team/base: ${kind}`,
            ...ref,
            retryAfterMs,
            status: 401,
            code: 'SOME_CODE',
          },
        }),
      );
      const error = await failure(lister.listTags(ref));
      expect(isRegistryError(error)).toBe(true);
      expect(error).toMatchObject({
        name: 'RegistryError',
        kind,
        message: `registry.internal:5000/team/base: ${kind}`,
        ...ref,
        code: 'SOME_CODE',
        ...(retryAfterMs ? { retryAfterMs } : {}),
      });
    },
  );

  it('names a registry error after the repository asked about', async () => {
    sensor.handle((_req, res) =>
      json(res, 404, {
        error: {
          name: 'RegistryError',
          kind: 'not-found',
          message: 'docker.io/library/alpine: not found',
          registry: 'docker.io',
          repository: 'library/alpine',
        },
      }),
    );
    await expect(
      lister.listTags({ registry: 'docker.io', repository: 'alpine' }),
    ).rejects.toMatchObject({
      name: 'RegistryError',
      kind: 'not-found',
      registry: 'docker.io',
      repository: 'alpine',
    });
  });

  it('reports a refused token without repeating it', async () => {
    sensor.handle((_req, res) =>
      json(res, 401, {
        error: {
          name: 'SensorProblem',
          kind: 'unauthenticated',
          message: 'no',
        },
      }),
    );
    const error = await failure(lister.listTags(ref));
    expect(error).toBeInstanceOf(SensorError);
    expect(error).toMatchObject({
      kind: 'sensor-unauthorized',
      sensor: 'cluster-a',
      ...ref,
      status: 401,
    });
    expect(error.message).toContain('baseImageTags.sensors[0].token');
    expect(error.message).not.toContain(token);
  });

  it('reports a repository outside the allow list, and an overloaded sensor', async () => {
    sensor.handle((_req, res) =>
      json(res, 403, {
        error: {
          name: 'SensorProblem',
          kind: 'not-allowed',
          message: 'its allow list holds registry.internal:5000/other',
        },
      }),
    );
    const notAllowed = await failure(lister.listTags(ref));
    expect(notAllowed).toMatchObject({ kind: 'sensor-not-allowed' });
    expect(notAllowed.message).toContain('registry.internal:5000/other');

    sensor.handle((_req, res) =>
      json(
        res,
        503,
        {
          error: { name: 'SensorProblem', kind: 'overloaded', message: 'busy' },
        },
        { 'retry-after': '7' },
      ),
    );
    await expect(lister.listTags(ref)).rejects.toMatchObject({
      kind: 'sensor-overloaded',
      retryAfterMs: 7000,
    });
  });

  it('treats a proxy error page in front of the sensor as unreachable', async () => {
    sensor.handle((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html>no healthy upstream</html>');
    });
    await expect(lister.listTags(ref)).rejects.toMatchObject({
      kind: 'sensor-unreachable',
      status: 503,
    });
  });

  it.each([
    ['a 200 without tags', 200, { items: [] }],
    ['a 200 with non-string tags', 200, { tags: [1], pages: 1, requests: 1 }],
    ['a 404 page', 404, 'Cannot POST'],
    [
      'an endpoint the sensor does not know',
      404,
      {
        error: {
          name: 'SensorProblem',
          kind: 'unknown-endpoint',
          message: 'x',
        },
      },
    ],
    [
      'an unknown registry error kind',
      502,
      {
        error: {
          name: 'RegistryError',
          kind: 'exploded',
          message: 'x',
          ...ref,
        },
      },
    ],
  ])(
    'calls %s a protocol error naming the url key',
    async (_, status, body) => {
      sensor.handle((_req, res) =>
        typeof body === 'string'
          ? (res.writeHead(status), res.end(body))
          : json(res, status, body),
      );
      const error = await failure(lister.listTags(ref));
      expect(isSensorError(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'sensor-protocol' });
    },
  );

  it('refuses an answer larger than the limit', async () => {
    const small = new SensorTagLister(
      { name: 'cluster-a', url: sensor.url, token },
      { maxAnswerBytes: 1000 },
    );
    sensor.handle((_req, res) =>
      json(res, 200, { tags: Array(500).fill('1.0.0'), pages: 1, requests: 1 }),
    );
    await expect(small.listTags(ref)).rejects.toMatchObject({
      kind: 'sensor-protocol',
      message: expect.stringContaining('larger than 1000 bytes'),
    });
  });

  it('gives sensor-unreachable for a refused connection', async () => {
    const port = await findFreePort();
    const down = new SensorTagLister({
      name: 'cluster-a',
      url: `http://127.0.0.1:${port}`,
      token,
    });
    const error = await failure(down.listTags(ref));
    expect(error).toMatchObject({
      kind: 'sensor-unreachable',
      sensor: 'cluster-a',
    });
    expect(error.message).toContain('refused the connection');
    expect(error.message).not.toContain(token);
  });

  it('gives sensor-unreachable when the connection drops before the answer', async () => {
    sensor.handle(req => req.socket.destroy());
    const error = await failure(lister.listTags(ref));
    expect(error).toMatchObject({ kind: 'sensor-unreachable' });
    expect(error.message).toContain('closed the connection before answering');
  });

  it('gives sensor-unreachable when no answer comes in time', async () => {
    sensor.handle(() => {
      // never answers
    });
    const quick = new SensorTagLister({
      name: 'cluster-a',
      url: sensor.url,
      token,
      timeoutMs: 200,
      configKey: 'baseImageTags.sensors[0]',
    });
    const error = await failure(quick.listTags(ref));
    expect(error).toMatchObject({ kind: 'sensor-unreachable' });
    expect(error.message).toContain(
      'did not answer within 0.2 s (baseImageTags.sensors[0].timeout)',
    );
  });

  it('rejects with the caller’s reason when the caller aborts', async () => {
    sensor.handle(() => {
      // never answers
    });
    const controller = new AbortController();
    const reason = new Error('cycle ended');
    const listing = lister.listTags(ref, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(listing).rejects.toBe(reason);
  });

  describe('over TLS', () => {
    let dir: string;
    let tlsSensor: FakeSensor;
    let caFile: string;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-tls-'));
      const certificates = await createTestCertificates(dir);
      caFile = certificates.caFile;
      tlsSensor = await startFakeSensor({
        cert: certificates.serverCert,
        key: certificates.serverKey,
      });
      tlsSensor.handle((_req, res) =>
        json(res, 200, { tags: ['1'], pages: 1, requests: 1 }),
      );
    });

    afterAll(async () => {
      await tlsSensor.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('trusts the sensor with caFile, and names caFile when it is missing', async () => {
      const trusted = new SensorTagLister({
        name: 'cluster-a',
        url: tlsSensor.url,
        token,
        ca: fs.readFileSync(caFile),
      });
      await expect(trusted.listTags(ref)).resolves.toMatchObject({
        tags: ['1'],
      });

      const untrusted = new SensorTagLister({
        name: 'cluster-a',
        url: tlsSensor.url,
        token,
        configKey: 'baseImageTags.sensors[0]',
      });
      const error = await failure(untrusted.listTags(ref));
      expect(error).toMatchObject({ kind: 'sensor-unreachable' });
      expect(error.message).toContain('baseImageTags.sensors[0].caFile');
    });
  });
});

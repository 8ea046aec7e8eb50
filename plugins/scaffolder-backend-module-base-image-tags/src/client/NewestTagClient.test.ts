import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { NewestTagClient } from './NewestTagClient';

type Answer = { status: number; type: string; body: string };

describe('NewestTagClient', () => {
  let server: http.Server;
  let baseUrl: string;
  let answer: Answer;
  let seen: http.IncomingMessage[];

  beforeEach(async () => {
    seen = [];
    server = http.createServer((req, res) => {
      seen.push(req);
      res.writeHead(answer.status, { 'Content-Type': answer.type });
      res.end(answer.body);
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    const { port } = server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api/base-image-tags`;
  });
  afterEach(() => new Promise<void>(resolve => server.close(() => resolve())));

  function client(url = baseUrl) {
    return new NewestTagClient({
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => url,
      }),
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
  }

  const json = (status: number, body: unknown): Answer => ({
    status,
    type: 'application/json',
    body: JSON.stringify(body),
  });

  it('asks with a token for the base-image-tags plugin and the live flag', async () => {
    answer = json(200, {
      pattern: 'alpine:3.*',
      tag: '3.20.0',
      image: 'docker.io/library/alpine:3.20.0',
      tags: ['3.20.0', '3.19.1'],
      extra: 'dropped',
    });
    const response = await client().getNewest({
      pattern: 'docker.io/library/alpine:3.* !*-rc*',
      live: true,
    });
    expect(response).toEqual({
      pattern: 'alpine:3.*',
      tag: '3.20.0',
      image: 'docker.io/library/alpine:3.20.0',
      tags: ['3.20.0', '3.19.1'],
    });
    const url = new URL(seen[0].url!, baseUrl);
    expect(url.pathname).toBe('/api/base-image-tags/newest');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      pattern: 'docker.io/library/alpine:3.* !*-rc*',
      live: 'true',
    });
    const token = seen[0].headers.authorization?.replace(/^Bearer /, '');
    expect(token).toMatch(/^mock-service-token:/);
    expect(JSON.parse(token!.slice('mock-service-token:'.length))).toEqual(
      expect.objectContaining({
        sub: 'plugin:scaffolder',
        target: 'base-image-tags',
      }),
    );

    await client().getNewest({ pattern: 'alpine:3.*' });
    expect(new URL(seen[1].url!, baseUrl).searchParams.has('live')).toBe(false);
  });

  it('rebuilds the backend’s error with its code, in one line', async () => {
    answer = json(404, {
      error: {
        name: 'NotFoundError',
        message: 'Pattern "x" is not declared;\n declare it',
        code: 'PATTERN_NOT_DECLARED',
      },
      response: { statusCode: 404 },
    });
    const error = await client()
      .getNewest({ pattern: 'x:1' })
      .catch(e => e);
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe('Pattern "x" is not declared; declare it');
    expect(error.code).toBe('PATTERN_NOT_DECLARED');
    expect(error.stack).toBe(`NotFoundError: ${error.message}`);
  });

  it('reports a failing backend or proxy without its page', async () => {
    answer = { status: 502, type: 'text/html', body: '<html>\nBad</html>' };
    const proxy = await client()
      .getNewest({ pattern: 'x:1' })
      .catch(e => e);
    expect(proxy.name).toBe('ServiceUnavailableError');
    expect(proxy.message).toBe(
      'The base-image-tags backend failed (502 Bad Gateway)',
    );

    answer = json(200, { tag: 1 });
    const odd = await client()
      .getNewest({ pattern: 'x:1' })
      .catch(e => e);
    expect(odd.name).toBe('ServiceUnavailableError');
    expect(odd.message).toContain('other than a newest-tag response');
  });

  it('says when the backend cannot be reached', async () => {
    const closed = baseUrl;
    await new Promise<void>(resolve => server.close(() => resolve()));
    server = http.createServer();
    server.listen(0);
    const error = await client(closed)
      .getNewest({ pattern: 'x:1' })
      .catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      `Could not reach the base-image-tags backend at ${closed} ` +
        '(ECONNREFUSED); check that the plugin is installed and running',
    );
    expect(error.stack).not.toContain('\n');
  });
});

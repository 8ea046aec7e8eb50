import { RefreshResponse } from '@base-image-tags/plugin-base-image-tags-common';
import { BaseImageTagsClient } from './BaseImageTagsClient';

const baseUrl = 'http://backstage.test/api/base-image-tags';

function setup(respond: (url: string, init?: RequestInit) => Response) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const client = new BaseImageTagsClient({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        `http://backstage.test/api/${pluginId}`,
    },
    fetchApi: {
      fetch: async (input: any, init?: RequestInit) => {
        calls.push({ url: String(input), init });
        return respond(String(input), init);
      },
    },
  });
  return { client, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('BaseImageTagsClient', () => {
  it('reads an entity’s patterns from its lower-cased, encoded path', async () => {
    const { client, calls } = setup(() =>
      json({ items: [{ pattern: 'alpine:3.*', status: 'ok' }] }),
    );

    const items = await client.getEntityPatterns({
      kind: 'Component',
      namespace: 'Default',
      name: 'my service',
    });

    expect(calls[0].url).toBe(
      `${baseUrl}/entities/component/default/my%20service/patterns`,
    );
    expect(items).toEqual([{ pattern: 'alpine:3.*', status: 'ok' }]);
  });

  it('unwraps the items of the pattern and repository lists', async () => {
    const { client, calls } = setup(url =>
      json({ items: [url.endsWith('/patterns') ? 'p' : 'r'] }),
    );

    await expect(client.getPatterns()).resolves.toEqual(['p']);
    await expect(client.getRepositories()).resolves.toEqual(['r']);
    expect(calls.map(call => call.url)).toEqual([
      `${baseUrl}/patterns`,
      `${baseUrl}/repositories`,
    ]);
  });

  it('passes the pattern of a newest-tag query as a query parameter', async () => {
    const { client, calls } = setup(() =>
      json({ pattern: 'ubi8/ubi:8.10-*', tag: '8.10-1088' }),
    );

    await client.getNewestTag('ubi8/ubi:8.10-*');

    expect(calls[0].url).toBe(`${baseUrl}/newest?pattern=ubi8%2Fubi%3A8.10-*`);
  });

  it('posts a refresh request as JSON and returns the accepted response', async () => {
    const accepted: RefreshResponse = {
      repositories: ['docker.io/library/alpine'],
      requestedAt: '2024-05-01T10:00:00.000Z',
    };
    const { client, calls } = setup(() => json(accepted, 202));

    const response = await client.refresh({
      entityRef: 'component:default/payments',
    });

    expect(response).toEqual(accepted);
    expect(calls[0].url).toBe(`${baseUrl}/refresh`);
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      entityRef: 'component:default/payments',
    });
  });

  it('throws the backend’s error with its status and message', async () => {
    const { client } = setup(() =>
      json(
        {
          error: { name: 'NotAllowedError', message: 'Refresh is not allowed' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );

    await expect(
      client.refresh({ pattern: 'alpine:3.*' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      cause: expect.objectContaining({ message: 'Refresh is not allowed' }),
    });
  });
});

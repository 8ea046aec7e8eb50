import { ConfigReader } from '@backstage/config';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { RegistryCredentialStore } from '../credentials/CredentialStore';
import { RegistryError, serializeRegistryError } from '../errors/RegistryError';
import {
  createInstantClock,
  FakeRegistry,
  FakeRegistryHandler,
  FakeRegistryInfo,
  pagedTagsHandler,
  withBearerAuth,
} from '../testing';
import { LoggerLike } from '../types';
import {
  listingFailure,
  useFakeRegistries,
} from './__testUtils__/fakeRegistryFixture';
import { RegistryClient } from './RegistryClient';
import { RegistryClientOptions } from './RegistryClientOptions';

const username = 'robot';
const password = 'S3cret-Passw0rd';
const basic = `Basic ${Buffer.from(`${username}:${password}`).toString(
  'base64',
)}`;

function expectNoSecret(error: RegistryError) {
  const shown = [
    util.inspect(error, { depth: 5 }),
    JSON.stringify(serializeRegistryError(error)),
    String(error.stack),
  ].join('\n');
  expect(shown).not.toContain(password);
  expect(shown).not.toContain(basic.slice(6));
}

const tagsOf = (repository: string) =>
  pagedTagsHandler({ repository, tags: ['1.0', '1.1'] });

/** A 401 that asks for basic credentials. */
const basicChallenge = () => ({
  status: 401,
  headers: { 'WWW-Authenticate': 'Basic realm="r"' },
});

/** A 401 that sends the client for a token to the fake's own `/token`. */
const tokenChallenge = (info: FakeRegistryInfo) => ({
  status: 401,
  headers: {
    'WWW-Authenticate': `Bearer realm="${info.url}/token",service="s"`,
  },
});

/** Wants basic credentials, then links its first page to `other`. */
const firstPageLinkingTo =
  (other: FakeRegistry): FakeRegistryHandler =>
  request =>
    request.headers.authorization === basic
      ? {
          headers: {
            Link: `<${other.url}/v2/team/app/tags/list?p=2>; rel="next"`,
          },
          body: { tags: ['page1'] },
        }
      : basicChallenge();

describe('RegistryClient auth', () => {
  const fakes = useFakeRegistries();

  /** A client for the fakes; `user` is the first one's credentials. */
  function clientFor(
    registries: FakeRegistry[],
    options: RegistryClientOptions & {
      user?: { username: string; password: string };
    } = {},
  ) {
    const { user, ...rest } = options;
    return fakes.clientFor(registries, {
      credentials: user
        ? RegistryCredentialStore.fromEntries([
            { key: registries[0].host, credentials: user },
          ])
        : rest.credentials,
      ...rest,
    });
  }

  it('fetches a bearer token with basic credentials and retries once', async () => {
    const registry = await fakes.start(
      withBearerAuth(tagsOf('team/app'), {
        credentials: { username, password },
      }),
    );
    const listing = await clientFor([registry], {
      user: { username, password },
    }).listTags({ registry: registry.host, repository: 'team/app' });
    expect(listing.tags).toEqual(['1.0', '1.1']);
    const token = registry.requests.find(r => r.url.pathname === '/token')!;
    expect(token.headers.authorization).toBe(basic);
    expect(token.url.searchParams.get('service')).toBe('fake-registry');
    expect(token.url.searchParams.get('scope')).toBe(
      'repository:team/app:pull',
    );
    expect(registry.requests.map(r => r.url.pathname)).toEqual([
      '/v2/team/app/tags/list',
      '/token',
      '/v2/team/app/tags/list',
    ]);
    expect(registry.requests[2].headers.authorization).toBe(
      'Bearer fake-token-1',
    );
  });

  it('fails once, without a retry loop, when the token endpoint answers 401', async () => {
    const registry = await fakes.start(
      withBearerAuth(tagsOf('team/app'), {
        credentials: { username, password: 'another' },
      }),
    );
    const error = await listingFailure(
      clientFor([registry], { user: { username, password } }).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toContain('refused the credentials configured');
    expect(registry.count('/token')).toBe(1);
    expect(registry.count('/v2/')).toBe(1);
    expectNoSecret(error);
  });

  it('asks for credentials when the token endpoint wants some and there are none', async () => {
    const registry = await fakes.start(
      withBearerAuth(tagsOf('team/app'), {
        credentials: { username, password },
      }),
    );
    const error = await listingFailure(
      clientFor([registry]).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain(
      `add credentials for ${registry.host} to the registries configuration`,
    );
  });

  it('accepts "token" or "access_token" and keeps quoted commas in the scope', async () => {
    let field = 'token';
    const registry = await fakes.start(request => {
      if (request.url.pathname === '/auth') {
        return { body: { [field]: `tok-${field}`, expires_in: 300 } };
      }
      if (request.headers.authorization !== `Bearer tok-${field}`) {
        return {
          status: 401,
          headers: {
            'WWW-Authenticate': `Bearer realm="http://${request.headers.host}/auth",service="svc, with comma",scope="repository:team/app:pull,push"`,
          },
        };
      }
      return { body: { tags: ['x'] } };
    });
    const firstClient = clientFor([registry]);
    const first = await firstClient.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(first.tags).toEqual(['x']);
    const tokenRequest = registry.requests.find(
      r => r.url.pathname === '/auth',
    )!;
    expect(tokenRequest.url.searchParams.get('scope')).toBe(
      'repository:team/app:pull,push',
    );
    expect(tokenRequest.url.searchParams.get('service')).toBe(
      'svc, with comma',
    );

    field = 'access_token';
    await firstClient.close();
    const second = await clientFor([registry]).listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(second.tags).toEqual(['x']);
  });

  it('caches the token until expires_in and then fetches a new one', async () => {
    const clock = createInstantClock();
    const registry = await fakes.start(
      withBearerAuth(tagsOf('team/app'), { expiresIn: 60 }),
    );
    const lister = clientFor([registry], { clock });
    const ref = { registry: registry.host, repository: 'team/app' };
    await lister.listTags(ref);
    await lister.listTags(ref);
    expect(registry.count('/token')).toBe(1);
    clock.advance(61_000);
    await lister.listTags(ref);
    expect(registry.count('/token')).toBe(2);
  });

  it('refreshes a token the registry stops accepting, once', async () => {
    let accepted = true;
    const registry = await fakes.start(
      withBearerAuth(request =>
        accepted
          ? tagsOf('team/app')(request, { host: '', url: '' })
          : {
              status: 401,
              headers: {
                'WWW-Authenticate': `Bearer realm="http://${request.headers.host}/token",service="fake-registry",error="invalid_token"`,
              },
            },
      ),
    );
    const lister = clientFor([registry]);
    const ref = { registry: registry.host, repository: 'team/app' };
    await lister.listTags(ref);
    accepted = false;
    registry.requests.length = 0;
    const error = await listingFailure(lister.listTags(ref));
    expect(error.kind).toBe('unauthorized');
    expect(registry.count('/token')).toBe(1);
    expect(registry.count('/v2/')).toBe(2);
  });

  it('reports insufficient scope with credentials as denied', async () => {
    const registry = await fakes.start(request =>
      request.url.pathname === '/token'
        ? { body: { token: 'scoped' } }
        : {
            status: 401,
            headers: {
              'WWW-Authenticate': `Bearer realm="http://${request.headers.host}/token",service="s",scope="repository:team/app:pull",error="insufficient_scope"`,
            },
          },
    );
    const error = await listingFailure(
      clientFor([registry], { user: { username, password } }).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(error.kind).toBe('denied');
  });

  it('keeps credentials a hostile registry echoes back out of errors', async () => {
    const registry = await fakes.start(request =>
      request.headers.authorization
        ? {
            status: 403,
            body: {
              errors: [
                {
                  code: 'DENIED',
                  message: `no: ${
                    request.headers.authorization
                  } ${password} ${basic.slice(6)}`,
                },
              ],
            },
          }
        : basicChallenge(),
    );
    const error = await listingFailure(
      clientFor([registry], { user: { username, password } }).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(error.kind).toBe('denied');
    expectNoSecret(error);
  });

  it('answers a basic challenge with basic credentials', async () => {
    const registry = await fakes.start(request =>
      request.headers.authorization === basic
        ? { body: { tags: ['a'] } }
        : {
            status: 401,
            headers: {
              'WWW-Authenticate':
                'Basic realm="ecr",service="ecr.amazonaws.com"',
            },
          },
    );
    const lister = clientFor([registry], { user: { username, password } });
    const ref = { registry: registry.host, repository: 'team/app' };
    expect((await lister.listTags(ref)).tags).toEqual(['a']);
    expect(registry.requests).toHaveLength(2);
    expect((await lister.listTags(ref)).requests).toBe(1);
  });

  it('sends a configured registry token as a bearer token', async () => {
    const registry = await fakes.start(request =>
      request.headers.authorization === 'Bearer static-token'
        ? { body: { tags: ['a'] } }
        : { status: 401 },
    );
    const client = fakes.track(
      RegistryClient.fromConfig(
        new ConfigReader({
          registries: [
            { host: registry.host, insecure: true, token: 'static-token' },
          ],
        }),
      ),
    );
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    expect(listing.tags).toEqual(['a']);
    expect(listing.requests).toBe(1);
  });

  it('sends no Authorization across a redirect to another origin', async () => {
    const other = await fakes.start(tagsOf('team/app'));
    const registry = await fakes.start(request =>
      request.headers.authorization === basic
        ? {
            status: 307,
            headers: { Location: `${other.url}${request.path}` },
          }
        : basicChallenge(),
    );
    const listing = await clientFor([registry, other], {
      user: { username, password },
    }).listTags({ registry: registry.host, repository: 'team/app' });
    expect(listing.tags).toEqual(['1.0', '1.1']);
    expect(registry.requests.at(-1)!.headers.authorization).toBe(basic);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0].headers.authorization).toBeUndefined();
  });

  it('sends no Authorization to a next-page link on another origin', async () => {
    const other = await fakes.start(() => ({ body: { tags: ['page2'] } }));
    const registry = await fakes.start(firstPageLinkingTo(other));
    const listing = await clientFor([registry, other], {
      user: { username, password },
    }).listTags({ registry: registry.host, repository: 'team/app' });
    expect(listing.tags).toEqual(['page1', 'page2']);
    expect(other.requests[0].headers.authorization).toBeUndefined();
  });

  it('says where a 403 came from when a link led to another origin', async () => {
    const other = await fakes.start(() => ({ status: 403, body: 'forbidden' }));
    const registry = await fakes.start(firstPageLinkingTo(other));
    const error = await listingFailure(
      clientFor([registry, other], { user: { username, password } }).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(error.kind).toBe('denied');
    expect(error.message).toContain(
      `${other.url}/v2/team/app/tags/list?p=2, where ${registry.host} sent us`,
    );
    expect(error.message).not.toContain('configured credentials lack');
    expect(other.requests[0].headers.authorization).toBeUndefined();
  });

  it('withholds credentials from a plain-HTTP token realm on another host', async () => {
    const realm = await fakes.start(() => ({ body: { token: 'anon' } }));
    const registry = await fakes.start(request =>
      request.headers.authorization === 'Bearer anon'
        ? { body: { tags: ['a'] } }
        : {
            status: 401,
            headers: {
              'WWW-Authenticate': `Bearer realm="${realm.url}/token",service="s"`,
            },
          },
    );
    const warnings: string[] = [];
    const logger: LoggerLike = {
      debug: () => {},
      info: () => {},
      warn: message => warnings.push(message),
      error: () => {},
    };
    const listing = await clientFor([registry], {
      user: { username, password },
      logger,
    }).listTags({ registry: registry.host, repository: 'team/app' });
    expect(listing.tags).toEqual(['a']);
    expect(realm.requests).toHaveLength(1);
    expect(realm.requests[0].headers.authorization).toBeUndefined();
    expect(warnings.join('\n')).toContain('without credentials');
    expect(warnings.join('\n')).not.toContain(password);
  });

  it('reuses a docker config file, longest path prefix first', async () => {
    const registry = await fakes.start(request => {
      const expected = `Basic ${Buffer.from('team-robot:team-pass').toString(
        'base64',
      )}`;
      return request.headers.authorization === expected
        ? { body: { tags: ['ok'] } }
        : basicChallenge();
    });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'docker-config-'));
    const file = path.join(dir, 'config.json');
    await fs.writeFile(
      file,
      JSON.stringify({
        auths: {
          [`http://${registry.host}`]: {
            auth: Buffer.from('org:org-pass').toString('base64'),
          },
          [`${registry.host}/team`]: {
            username: 'team-robot',
            password: 'team-pass',
          },
        },
      }),
    );
    try {
      const client = fakes.track(
        RegistryClient.fromConfig(
          new ConfigReader({
            registries: [{ host: registry.host, insecure: true }],
            dockerConfigFiles: [file],
          }),
        ),
      );
      const listing = await client.listTags({
        registry: registry.host,
        repository: 'team/app',
      });
      expect(listing.tags).toEqual(['ok']);
      const error = await listingFailure(
        client.listTags({ registry: registry.host, repository: 'other/app' }),
      );
      expect(error.kind).toBe('unauthorized');
      expect(error.message).not.toContain('org-pass');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
  // A bearer token grants pull access for its lifetime: one a registry
  // echoes back must not reach an error, an API response or a log.
  const issued = 'issued-Token-9f8e7d';
  it.each([
    [
      '403 error body',
      (sent: string) => ({
        status: 403,
        body: { errors: [{ code: 'DENIED', message: `token ${sent} denied` }] },
      }),
    ],
    [
      '500 text body',
      (sent: string) => ({
        status: 500,
        body: `raw ${sent} and Bearer ${sent}`,
      }),
    ],
    [
      '200 body that is not JSON',
      (sent: string) => ({ status: 200, body: `<p>got ${sent}</p>` }),
    ],
  ])('masks an issued token echoed back in a %s', async (_, answer) => {
    const registry = await fakes.start((request, info) => {
      if (request.url.pathname === '/token') {
        return { body: { token: issued } };
      }
      const sent = /^Bearer (.+)$/.exec(
        request.headers.authorization ?? '',
      )?.[1];
      return sent ? answer(sent) : tokenChallenge(info);
    });
    const error = await listingFailure(
      clientFor([registry]).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(registry.requests[2].headers.authorization).toBe(`Bearer ${issued}`);
    const shown = [
      error.message,
      util.inspect(error, { depth: 5 }),
      JSON.stringify(serializeRegistryError(error)),
      String(error.stack),
    ].join('\n');
    expect(shown).not.toContain(issued);
    expect(error.message).toContain('***');
  });

  it('masks secrets a registry echoes into a URL before logging it', async () => {
    const registry = await fakes.start(request => {
      if (request.headers.authorization !== basic) {
        return basicChallenge();
      }
      return request.url.searchParams.has('p')
        ? { status: 503, headers: { 'Retry-After': '0' } }
        : {
            headers: {
              Link: `</v2/team/app/tags/list?p=${password}>; rel="next"`,
            },
            body: { tags: ['1'] },
          };
    });
    const lines: string[] = [];
    const log = (message: string, meta?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(meta ?? {})}`);
    const error = await listingFailure(
      clientFor([registry], {
        user: { username, password },
        clock: createInstantClock(),
        logger: { debug: log, info: log, warn: log, error: log },
      }).listTags({ registry: registry.host, repository: 'team/app' }),
    );
    expect(error.kind).toBe('network');
    expect(lines.some(line => line.includes('before retrying'))).toBe(true);
    expect(lines.join('\n')).not.toContain(password);
    expectNoSecret(error);
  });

  it.each([
    ['a line break', 'abc\r\nX-Injected: 1'],
    ['a space', 'abc def'],
    ['a non-ASCII character', 'abc\u00e9'],
  ])('refuses a token holding %s before sending it', async (_, token) => {
    const registry = await fakes.start((request, info) =>
      request.url.pathname === '/token'
        ? { body: { token } }
        : tokenChallenge(info),
    );
    const error = await listingFailure(
      clientFor([registry]).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(error.kind).toBe('protocol');
    expect(error.message).toContain(
      'answered a token that cannot be sent in an Authorization header',
    );
    expect(error.message).not.toContain(token);
    expect(registry.count('/v2/')).toBe(1);
  });

  it('clamps an absurd Retry-After from the token endpoint', async () => {
    const registry = await fakes.start((request, info) =>
      request.url.pathname === '/token'
        ? { status: 429, headers: { 'Retry-After': String(10 * 365 * 86400) } }
        : tokenChallenge(info),
    );
    const error = await listingFailure(
      clientFor([registry]).listTags({
        registry: registry.host,
        repository: 'team/app',
      }),
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(24 * 3600_000);
  });
  it.each([400, 403, 404, 429, 500, 418])(
    'masks a password the registry echoes as its error code (status %d)',
    async status => {
      const registry = await fakes.start(request =>
        request.headers.authorization === basic
          ? { status, body: { errors: [{ code: password, message: 'no' }] } }
          : basicChallenge(),
      );
      const error = await listingFailure(
        clientFor([registry], {
          user: { username, password },
          clock: createInstantClock(),
        }).listTags({ registry: registry.host, repository: 'team/app' }),
      );
      expect(error.code).toBe('***');
      expectNoSecret(error);
    },
  );
});

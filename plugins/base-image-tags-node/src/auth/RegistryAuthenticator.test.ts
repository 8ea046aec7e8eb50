import { ListingContext, ListingRequest } from '../client/ListingContext';
import { RegistryError } from '../errors/RegistryError';
import { HttpResult } from '../http/RegistryTransport';
import { createInstantClock } from '../testing/instantClock';
import { RegistryAuthenticator } from './RegistryAuthenticator';
import { TokenCache } from './TokenCache';

const credentials = { username: 'robot', password: 'S3cret-Passw0rd' };
const basic = `Basic ${Buffer.from('robot:S3cret-Passw0rd').toString(
  'base64',
)}`;

function contextFor(registryOrigin: string) {
  const sent: Array<{ url: URL; init: ListingRequest }> = [];
  const ctx: ListingContext = {
    ref: { registry: new URL(registryOrigin).host, repository: 'team/app' },
    registryOrigin: new URL(registryOrigin),
    credentials,
    signal: new AbortController().signal,
    send: async (url, init) => {
      sent.push({ url, init });
      return {
        status: 200,
        headers: {},
        url,
        body: Buffer.from('{"token":"issued"}'),
        truncated: false,
      };
    },
    error: details =>
      new RegistryError({ ...details, registry: 'r', repository: 'team/app' }),
    redact: text => text,
    rememberSecret: () => {},
  };
  return { ctx, sent };
}

function challenge(registryOrigin: string, realm: string): HttpResult {
  return {
    status: 401,
    headers: { 'www-authenticate': `Bearer realm="${realm}",service="s"` },
    url: new URL('/v2/team/app/tags/list', registryOrigin),
    body: Buffer.from(''),
    truncated: false,
  };
}

describe('RegistryAuthenticator', () => {
  it.each([
    // A realm on the registry's own host, but plain HTTP where the registry
    // speaks HTTPS: sending the password there would downgrade it.
    [
      'https://registry.example.com',
      'http://registry.example.com/token',
      false,
    ],
    ['https://registry.example.com', 'http://auth.example.com/token', false],
    ['https://registry.example.com', 'https://auth.example.com/token', true],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/token', true],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5001/token', false],
  ])(
    'for a registry at %s and a realm at %s, sends credentials: %s',
    async (registryOrigin, realm, carries) => {
      const clock = createInstantClock();
      const auth = new RegistryAuthenticator(new TokenCache(clock), clock);
      const { ctx, sent } = contextFor(registryOrigin);
      const authorization = await auth.afterUnauthorized(
        ctx,
        challenge(registryOrigin, realm),
        undefined,
      );
      expect(authorization).toBe('Bearer issued');
      expect(sent).toHaveLength(1);
      expect(sent[0].url.origin).toBe(new URL(realm).origin);
      expect(sent[0].init.headers?.Authorization).toBe(
        carries ? basic : undefined,
      );
    },
  );
  it('remembers a bounded number of warnings, however many realms a registry names', async () => {
    const clock = createInstantClock();
    const warnings: string[] = [];
    const log = () => {};
    const auth = new RegistryAuthenticator(new TokenCache(clock), clock, {
      debug: log,
      info: log,
      warn: message => warnings.push(message),
      error: log,
    });
    const { ctx } = contextFor('https://registry.example.com');
    for (let i = 0; i < 1100; i++) {
      await auth.afterUnauthorized(
        ctx,
        challenge(
          'https://registry.example.com',
          `http://auth.example.com/token/${i}`,
        ),
        undefined,
      );
    }
    expect(warnings).toHaveLength(1100);
    const warned = (auth as unknown as { warned: Set<string> }).warned;
    expect(warned.size).toBeLessThanOrEqual(1000);
  });
});

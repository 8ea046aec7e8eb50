import { ConfigReader } from '@backstage/config';
import util from 'node:util';
import { RegistryCredentialStore } from '../credentials/CredentialStore';
import { isRegistryError, RegistryError } from '../errors/RegistryError';
import {
  DistributionRegistry,
  makeTags,
  startDistributionRegistry,
} from '../testing';
import { RegistryClient } from './RegistryClient';

jest.setTimeout(30_000);

// Distribution 2.8 lists tags in storage order, not sorted.
const sorted = (tags: string[]) => [...tags].sort();

async function listingError(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    if (isRegistryError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the listing to fail');
}

function expectNoSecret(error: unknown, secrets: string[]) {
  const shown = [
    util.inspect(error, { depth: 5 }),
    JSON.stringify(error),
    String(error),
  ].join('\n');
  for (const secret of secrets) {
    expect(shown).not.toContain(secret);
  }
}

describe('RegistryClient against CNCF Distribution', () => {
  describe('anonymous', () => {
    let registry: DistributionRegistry;
    const tags = makeTags(150, '1.0.');

    beforeAll(async () => {
      registry = await startDistributionRegistry();
      await registry.pushTags('team/app', tags);
    });
    afterAll(() => registry?.stop());

    it('lists every tag of a repository with more than 100 tags', async () => {
      const client = RegistryClient.create({ registries: [registry.settings] });
      const listing = await client.listTags({
        registry: registry.host,
        repository: 'team/app',
      });
      expect(sorted(listing.tags)).toEqual(sorted(tags));
      expect(listing.pages).toBe(1);
      expect(listing.requests).toBe(1);
      await client.close();
    });

    it('reports a missing repository as not found', async () => {
      const client = RegistryClient.create({ registries: [registry.settings] });
      const error = await listingError(
        client.listTags({ registry: registry.host, repository: 'team/nope' }),
      );
      expect(error.kind).toBe('not-found');
      expect(error.code).toBe('NAME_UNKNOWN');
      expect(error.message).toContain('not found or has no tags');
      await client.close();
    });

    it('speaks HTTPS unless the registry is configured insecure', async () => {
      const client = RegistryClient.create({ limits: { maxRetries: 0 } });
      const error = await listingError(
        client.listTags({ registry: registry.host, repository: 'team/app' }),
      );
      expect(error.kind).toBe('network');
      expect(error.message).toMatch(/insecure: true/);
      await client.close();
    });
  });

  describe('htpasswd basic auth', () => {
    let registry: DistributionRegistry;
    const tags = makeTags(120, 'v');

    beforeAll(async () => {
      registry = await startDistributionRegistry({ auth: 'htpasswd' });
      await registry.pushTags('private/app', tags);
    });
    afterAll(() => registry?.stop());

    it('lists tags with configured credentials', async () => {
      const client = RegistryClient.fromConfig(
        new ConfigReader({ registries: [registry.registryConfig] }),
      );
      const first = await client.listTags({
        registry: registry.host,
        repository: 'private/app',
      });
      expect(sorted(first.tags)).toEqual(sorted(tags));
      // Anonymous first, then basic after the challenge.
      expect(first.requests).toBe(2);
      const second = await client.listTags({
        registry: registry.host,
        repository: 'private/app',
      });
      // The registry is known to want basic auth now.
      expect(second.requests).toBe(1);
      await client.close();
    });

    it('asks for credentials when there are none', async () => {
      const client = RegistryClient.create({ registries: [registry.settings] });
      const error = await listingError(
        client.listTags({ registry: registry.host, repository: 'private/app' }),
      );
      expect(error.kind).toBe('unauthorized');
      expect(error.message).toContain('requires credentials');
      await client.close();
    });

    it('reports refused credentials without revealing them', async () => {
      const password = 'wrong-Secret-123';
      const client = RegistryClient.create({
        registries: [registry.settings],
        credentials: RegistryCredentialStore.fromEntries([
          { key: registry.host, credentials: { username: 'reader', password } },
        ]),
      });
      const error = await listingError(
        client.listTags({ registry: registry.host, repository: 'private/app' }),
      );
      expect(error.kind).toBe('unauthorized');
      expect(error.message).toContain('refused the configured username');
      expectNoSecret(error, [
        password,
        Buffer.from(`reader:${password}`).toString('base64'),
      ]);
      await client.close();
    });
  });

  describe('token auth over TLS', () => {
    let registry: DistributionRegistry;
    const tags = makeTags(130, '3.19.');

    beforeAll(async () => {
      registry = await startDistributionRegistry({ auth: 'token' });
      await registry.pushTags('library/alpine', tags);
    });
    afterAll(() => registry?.stop());

    it('fetches a token from the realm, trusting the configured CA', async () => {
      const client = RegistryClient.fromConfig(
        new ConfigReader({ registries: [registry.registryConfig] }),
      );
      const before = registry.tokenServer!.requests.length;
      const listing = await client.listTags({
        registry: registry.host,
        repository: 'library/alpine',
      });
      expect(sorted(listing.tags)).toEqual(sorted(tags));
      const tokenRequests = registry.tokenServer!.requests.slice(before);
      expect(tokenRequests).toHaveLength(1);
      expect(tokenRequests[0]).toMatchObject({
        user: 'reader',
        status: 200,
        scopes: ['repository:library/alpine:pull'],
      });
      // Challenge, token, then the page.
      expect(listing.requests).toBe(3);

      const again = await client.listTags({
        registry: registry.host,
        repository: 'library/alpine',
      });
      expect(sorted(again.tags)).toEqual(sorted(tags));
      expect(again.requests).toBe(1);
      expect(registry.tokenServer!.requests.length).toBe(before + 1);
      await client.close();
    });

    it('fails with a hint when the CA is not trusted', async () => {
      const client = RegistryClient.create({
        credentials: RegistryCredentialStore.fromEntries([
          { key: registry.host, credentials: registry.credentials! },
        ]),
      });
      const error = await listingError(
        client.listTags({
          registry: registry.host,
          repository: 'library/alpine',
        }),
      );
      expect(error.kind).toBe('network');
      expect(error.message).toContain('caFile');
      await client.close();
    });

    it('reports a refusing token endpoint as unauthorized', async () => {
      const client = RegistryClient.create({ registries: [registry.settings] });
      const before = registry.tokenServer!.requests.length;
      const error = await listingError(
        client.listTags({
          registry: registry.host,
          repository: 'library/alpine',
        }),
      );
      expect(error.kind).toBe('unauthorized');
      expect(error.message).toContain('Token endpoint');
      expect(registry.tokenServer!.requests.length).toBe(before + 1);
      await client.close();
    });
  });

  describe('mutual TLS', () => {
    let registry: DistributionRegistry;

    beforeAll(async () => {
      registry = await startDistributionRegistry({
        requireClientCertificate: true,
      });
      await registry.pushTags('mtls/app', ['1', '2']);
    });
    afterAll(() => registry?.stop());

    it('presents the configured client certificate', async () => {
      const client = RegistryClient.fromConfig(
        new ConfigReader({ registries: [registry.registryConfig] }),
      );
      const listing = await client.listTags({
        registry: registry.host,
        repository: 'mtls/app',
      });
      expect(sorted(listing.tags)).toEqual(sorted(['1', '2']));
      await client.close();
    });

    it('fails without a client certificate', async () => {
      const client = RegistryClient.create({
        registries: [{ host: registry.host, ca: registry.certificates!.ca }],
        limits: { maxRetries: 0 },
      });
      const error = await listingError(
        client.listTags({ registry: registry.host, repository: 'mtls/app' }),
      );
      expect(error.kind).toBe('network');
      await client.close();
    });
  });
});

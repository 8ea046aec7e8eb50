import { ConfigReader } from '@backstage/config';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readRegistryClientConfig } from './readRegistryClientConfig';

describe('readRegistryClientConfig', () => {
  let dir: string;
  let caFile: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-config-'));
    caFile = path.join(dir, 'ca.pem');
    await fs.writeFile(caFile, 'PEM DATA');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const read = (data: object) =>
    readRegistryClientConfig(new ConfigReader(data as any));

  it('reads registries, credentials and limits', () => {
    const options = read({
      registries: [
        { host: 'docker.io', username: 'me', password: 'dckr_pat_x' },
        { host: 'quay.io/myorg', username: 'myorg+ci', password: 'robot' },
        {
          host: 'registry.internal:5000',
          caFile,
          maxConcurrency: 2,
          requestsPerSecond: 0.5,
        },
        { host: 'ghcr.io', token: 'ghcr-token' },
      ],
      limits: {
        connectTimeout: 2500,
        headersTimeout: '20s',
        listingDeadline: { minutes: 2 },
        maxTags: 5000,
        maxRetries: 0,
      },
    });
    expect(options.registries).toEqual([
      expect.objectContaining({ host: 'docker.io', insecure: false }),
      expect.objectContaining({
        host: 'registry.internal:5000',
        maxConcurrency: 2,
        requestsPerSecond: 0.5,
      }),
      expect.objectContaining({ host: 'ghcr.io' }),
    ]);
    expect(options.registries![1].ca!.toString()).toBe('PEM DATA');
    expect(options.limits).toEqual({
      connectTimeoutMs: 2500,
      headersTimeoutMs: 20_000,
      listingDeadlineMs: 120_000,
      maxTags: 5000,
      maxRetries: 0,
    });
    const store = options.credentials!;
    expect(store.lookup('docker.io', 'library/alpine')).toEqual({
      username: 'me',
      password: 'dckr_pat_x',
    });
    expect(store.lookup('quay.io', 'myorg/app')?.username).toBe('myorg+ci');
    expect(store.lookup('quay.io', 'other/app')).toBeUndefined();
    expect(store.lookup('ghcr.io', 'o/r')?.registryToken).toBe('ghcr-token');
  });

  it.each([
    [{ registries: [{ host: 'https://quay.io' }] }, 'without a scheme'],
    [
      { registries: [{ host: 'quay.io', caFile: '/nope/ca.pem' }] },
      'registries[0].caFile: cannot read /nope/ca.pem',
    ],
    [
      { registries: [{ host: 'quay.io/org', insecure: true }] },
      'apply to the whole host',
    ],
    [
      { registries: [{ host: 'quay.io', username: 'u' }] },
      'username and password must be set together',
    ],
    [
      { registries: [{ host: 'quay.io', certFile: 'c' }] },
      'certFile and keyFile must be set together',
    ],
    [
      { registries: [{ host: 'quay.io' }, { host: 'QUAY.io' }] },
      'listed twice',
    ],
    [
      { registries: [{ host: 'quay.io', maxConcurrency: 1.5 }] },
      'registries[0].maxConcurrency must be a positive whole number',
    ],
    [{ registries: [{ host: 'bad host!' }] }, 'is not a registry host'],
    [
      { limits: { connectTimeout: -1 } },
      'limits.connectTimeout must be a positive',
    ],
    [{ limits: { maxPages: 0 } }, 'limits.maxPages must be a positive'],
    [{ dockerConfigFiles: ['/nope/config.json'] }, '/nope/config.json'],
  ])('refuses %j', (data, message) => {
    expect(() => read(data)).toThrow(message);
  });
});

import { ConfigReader } from '@backstage/config';
import {
  RegistryClient,
  TagLister,
} from '@base-image-tags/plugin-base-image-tags-node';
import {
  DistributionRegistry,
  FakeRegistry,
  startDistributionRegistry,
  startFakeRegistry,
  writePullSecret,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDelegationRouter } from './createDelegationRouter';
import { SensorTagLister } from './SensorTagLister';
import { SensorProcess, startSensorProcess } from './startSensorProcess';

jest.setTimeout(60_000);

const token = 'delegation-e2e-token-0123456789';
const nextToken = 'delegation-e2e-next-token-0123456789';

/**
 * A real sensor process in front of the real Distribution registry whose
 * htpasswd credentials only the sensor's pull-secret file holds.
 */
describe('SensorTagLister with a real sensor and registry', () => {
  let registry: DistributionRegistry;
  let stalling: FakeRegistry;
  let sensor: SensorProcess;
  let dir: string;
  let direct: RegistryClient;

  beforeAll(async () => {
    registry = await startDistributionRegistry({ auth: 'htpasswd' });
    await registry.pushTags('team/base', ['1.0.0', '1.1.0', '2.0.0']);
    await registry.pushTags('other/base', ['9.9.9']);
    // Answers nothing, so that a listing is in flight when the sensor stops.
    stalling = await startFakeRegistry(() => new Promise(() => {}));

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delegation-e2e-'));
    const pullSecret = path.join(dir, '.dockerconfigjson');
    writePullSecret(pullSecret, registry.host, registry.credentials!);
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, `${nextToken}\n`);
    sensor = await startSensorProcess({
      server: { host: '127.0.0.1', port: 0 },
      auth: { tokens: [token], tokenFiles: [tokenFile] },
      allow: [`${registry.host}/team`, stalling.host],
      registries: [
        { host: registry.host, insecure: true },
        { host: stalling.host, insecure: true },
      ],
      dockerConfigFiles: [pullSecret],
    });
    // The backend itself has no credentials for this registry.
    direct = RegistryClient.create({ registries: [registry.settings] });
  });

  afterAll(async () => {
    await sensor?.stop('SIGKILL');
    await direct?.close();
    await stalling?.stop();
    await registry?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function lister(overrides?: { token?: string; url?: string }) {
    return new SensorTagLister({
      name: 'cluster-a',
      url: overrides?.url ?? sensor.url,
      token: overrides?.token ?? token,
      timeoutMs: 20_000,
      configKey: 'baseImageTags.sensors[0]',
    });
  }

  function delegationRouter(directLister: TagLister) {
    return createDelegationRouter(
      new ConfigReader({
        baseImageTags: {
          delegation: {
            enabledFor: 'specific',
            registries: [
              { path: `${registry.host}/team`, sensor: 'cluster-a' },
            ],
          },
          sensors: [{ name: 'cluster-a', url: sensor.url, token }],
        },
      }),
      { directLister },
    );
  }

  it('gets the tags through the sensor, which alone holds the credentials', async () => {
    const ref = { registry: registry.host, repository: 'team/base' };
    await expect(direct.listTags(ref)).rejects.toMatchObject({
      name: 'RegistryError',
      kind: 'unauthorized',
    });

    const resolved = delegationRouter(direct).resolve(ref);
    expect(resolved.via).toBe('cluster-a');
    const listing = await resolved.lister.listTags(ref);
    expect([...listing.tags].sort()).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    expect(listing.pages).toBeGreaterThanOrEqual(1);
    expect(listing.requests).toBeGreaterThanOrEqual(1);

    // A token from the sensor's token file is accepted too (rotation).
    const rotated = await lister({ token: nextToken }).listTags(ref);
    expect([...rotated.tags].sort()).toEqual(['1.0.0', '1.1.0', '2.0.0']);
  });

  it('brings a registry error back as the same RegistryError', async () => {
    await expect(
      lister().listTags({
        registry: registry.host,
        repository: 'team/missing',
      }),
    ).rejects.toMatchObject({
      name: 'RegistryError',
      kind: 'not-found',
      registry: registry.host,
      repository: 'team/missing',
    });
  });

  it('is refused with a wrong token', async () => {
    const error = await lister({ token: 'not-the-sensor-token-0123456789' })
      .listTags({ registry: registry.host, repository: 'team/base' })
      .catch(e => e);
    expect(error).toMatchObject({
      name: 'SensorError',
      kind: 'sensor-unauthorized',
      sensor: 'cluster-a',
      status: 401,
    });
    expect(error.message).not.toContain('not-the-sensor-token');
  });

  it('is refused for registries outside the sensor allow list', async () => {
    for (const ref of [
      { registry: registry.host, repository: 'other/base' },
      { registry: registry.host, repository: 'teamx/base' },
      { registry: '169.254.169.254', repository: 'latest/meta-data' },
    ]) {
      const error = await lister()
        .listTags(ref)
        .catch(e => e);
      expect(error).toMatchObject({
        name: 'SensorError',
        kind: 'sensor-not-allowed',
        status: 403,
      });
      expect(error.message).toContain(`${registry.host}/team`);
    }
    // Repositories outside the delegated paths are not sent to the sensor.
    const resolved = delegationRouter(direct).resolve({
      registry: registry.host,
      repository: 'other/base',
    });
    expect(resolved.via).toBeUndefined();
    expect(resolved.lister).toBe(direct);
  });

  it('gives sensor-unreachable when the sensor stops mid-way', async () => {
    const ref = { registry: registry.host, repository: 'team/base' };
    await expect(lister().listTags(ref)).resolves.toMatchObject({
      tags: expect.arrayContaining(['2.0.0']),
    });

    // A listing in flight when the sensor dies.
    const inFlight = lister()
      .listTags({ registry: stalling.host, repository: 'team/stuck' })
      .catch(e => e);
    for (let i = 0; i < 200 && stalling.requests.length === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    expect(stalling.requests.length).toBeGreaterThan(0);
    await sensor.stop('SIGKILL');
    expect(await inFlight).toMatchObject({
      name: 'SensorError',
      kind: 'sensor-unreachable',
      sensor: 'cluster-a',
      message: expect.stringContaining(
        'closed the connection before answering',
      ),
    });

    // And the next listing finds nobody listening.
    const next = await lister()
      .listTags(ref)
      .catch(e => e);
    expect(next).toMatchObject({
      name: 'SensorError',
      kind: 'sensor-unreachable',
      message: expect.stringContaining('refused the connection'),
    });
    expect(next.message).not.toContain(token);
  });
});

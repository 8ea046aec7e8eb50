import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { RegistryClient } from '@base-image-tags/plugin-base-image-tags-node';
import {
  DistributionRegistry,
  startDistributionRegistry,
  writePullSecret,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  componentWithPatterns as component,
  createTestPollCycle,
} from '../discovery/__testUtils__/testPollCycle';
import { RegistryAllowList } from '../discovery/RegistryAllowList';
import { AllowListTagListerResolver } from '../discovery/TagListerResolver';
import {
  loadPatternResults,
  loadRepositoryHealth,
} from '../service/patternResults';
import { createDelegationRouter } from './createDelegationRouter';
import { DelegatingTagListerResolver } from './DelegatingTagListerResolver';
import { SensorProcess, startSensorProcess } from './startSensorProcess';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const token = 'poll-cycle-sensor-token-0123456789';

describe('PollCycle with delegation to a real sensor', () => {
  let registry: DistributionRegistry;
  let sensor: SensorProcess;
  let dir: string;

  beforeAll(async () => {
    registry = await startDistributionRegistry({ auth: 'htpasswd' });
    await registry.pushTags('team/base', ['1.0.0', '1.1.0', '2.0.0']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycle-sensor-'));
    const pullSecret = path.join(dir, 'config.json');
    writePullSecret(pullSecret, registry.host, registry.credentials!);
    sensor = await startSensorProcess({
      server: { host: '127.0.0.1', port: 0 },
      auth: { tokens: [token] },
      allow: [`${registry.host}/team`],
      registries: [{ host: registry.host, insecure: true }],
      dockerConfigFiles: [pullSecret],
    });
  });

  afterAll(async () => {
    await sensor?.stop('SIGKILL');
    await registry?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists through the sensor, then keeps the tags and reports the sensor unreachable', async () => {
    const host = registry.host;
    // The backend's own client knows nothing of this registry.
    const client = RegistryClient.create({});
    const router = createDelegationRouter(
      new ConfigReader({
        baseImageTags: {
          delegation: {
            enabledFor: 'specific',
            registries: [{ path: `${host}/team`, sensor: 'cluster-a' }],
          },
          sensors: [
            { name: 'cluster-a', url: sensor.url, token, timeout: '20s' },
          ],
        },
      }),
      { directLister: client },
    );
    const { store, cycle, later } = await createTestPollCycle({
      knex: await databases.init('SQLITE_3'),
      entities: [
        component('web', [`${host}/team/base:1.*`]),
        component('api', [`${host}/team/base:*`]),
      ],
      resolver: new DelegatingTagListerResolver(
        router,
        new AllowListTagListerResolver(
          new RegistryAllowList({
            allowPublicRegistries: false,
            registries: [],
          }),
          client,
        ),
      ),
    });

    try {
      expect(await cycle.run()).toMatchObject({ polled: 1, ok: 1, failed: 0 });
      // Two patterns on one repository: one listing through the sensor.
      expect(await sensor.countInOutput(/POST \/v1\/tags ok/, 1)).toBe(1);
      const [health] = await loadRepositoryHealth(store);
      expect(health).toMatchObject({
        repository: `${host}/team/base`,
        status: 'ok',
        sensor: 'cluster-a',
        tagCount: 3,
      });
      const newest = async () =>
        Object.fromEntries(
          (await loadPatternResults(store)).map(result => [
            result.pattern,
            { status: result.status, tags: result.tags.map(t => t.tag) },
          ]),
        );
      expect(await newest()).toEqual({
        [`${host}/team/base:1.*`]: { status: 'ok', tags: ['1.1.0', '1.0.0'] },
        [`${host}/team/base:*`]: {
          status: 'ok',
          tags: ['2.0.0', '1.1.0', '1.0.0'],
        },
      });

      await sensor.stop('SIGTERM');
      later(3600_000);
      expect(await cycle.run()).toMatchObject({ polled: 1, ok: 0, failed: 1 });

      const [failing] = await loadRepositoryHealth(store);
      expect(failing).toMatchObject({
        status: 'failing',
        sensor: 'cluster-a',
        consecutiveFailures: 1,
        lastErrorKind: 'sensor-unreachable',
      });
      expect(failing.lastError).toContain('Sensor "cluster-a"');
      expect(failing.lastError).toContain('refused the connection');
      expect(failing.lastError).not.toContain(token);
      for (const result of await loadPatternResults(store)) {
        expect(result).toMatchObject({
          errorKind: 'sensor-unreachable',
          sensor: 'cluster-a',
        });
      }

      // The last good tags are kept.
      expect(await newest()).toEqual({
        [`${host}/team/base:1.*`]: {
          status: 'failing',
          tags: ['1.1.0', '1.0.0'],
        },
        [`${host}/team/base:*`]: {
          status: 'failing',
          tags: ['2.0.0', '1.1.0', '1.0.0'],
        },
      });
    } finally {
      await client.close();
    }
  });
});

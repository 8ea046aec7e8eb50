import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { baseImageTagsPermissions } from '@base-image-tags/plugin-base-image-tags-common';
import request from 'supertest';
import { baseImageTagsPlugin, DISCOVERY_TASK_ID } from './plugin';

describe('baseImageTagsPlugin', () => {
  const config = (baseImageTags: object) =>
    mockServices.rootConfig.factory({
      data: {
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        baseImageTags,
      },
    });

  it('starts, serves its health endpoint and schedules a global task', async () => {
    const scheduler = mockServices.scheduler.mock();
    const permissionsRegistry = mockServices.permissionsRegistry.mock();
    const { server } = await startTestBackend({
      features: [
        baseImageTagsPlugin,
        catalogServiceMock.factory(),
        config({
          schedule: { frequency: { minutes: 2 }, timeout: { minutes: 5 } },
        }),
        scheduler.factory,
        permissionsRegistry.factory,
      ],
    });

    const response = await request(server).get('/api/base-image-tags/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: DISCOVERY_TASK_ID,
        frequency: { minutes: 2 },
        scope: 'global',
      }),
    );
    expect(permissionsRegistry.addPermissions).toHaveBeenCalledWith(
      baseImageTagsPermissions,
    );
  });

  it('refuses to start on bad configuration, naming every key', async () => {
    const started = startTestBackend({
      features: [
        baseImageTagsPlugin,
        catalogServiceMock.factory(),
        config({ concurrency: 0, registries: [{ host: 'https://x.io' }] }),
      ],
    });
    await expect(started).rejects.toThrow(/baseImageTags\.concurrency/);
    // The registry client's problems are keyed like the others.
    await expect(started).rejects.toThrow(
      'baseImageTags.registries[0].host: must be a host name such as quay.io',
    );
  });
});

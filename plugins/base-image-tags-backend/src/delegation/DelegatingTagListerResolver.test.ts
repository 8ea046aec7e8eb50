import { TagLister } from '@base-image-tags/plugin-base-image-tags-node';
import { RegistryAllowList } from '../discovery/RegistryAllowList';
import { AllowListTagListerResolver } from '../discovery/TagListerResolver';
import { createDelegationRouterFromSettings } from './createDelegationRouter';
import { DelegatingTagListerResolver } from './DelegatingTagListerResolver';

describe('DelegatingTagListerResolver', () => {
  const direct: TagLister = { listTags: jest.fn() };
  const sensorLister: TagLister = { listTags: jest.fn() };
  const router = createDelegationRouterFromSettings(
    {
      enabledFor: 'specific',
      rules: [
        {
          path: { host: 'registry.internal', prefix: 'team' },
          sensor: 'cluster-a',
        },
      ],
      sensors: [
        { name: 'cluster-a', url: 'https://sensor.example.com', token: 'x' },
      ],
    },
    { directLister: direct, createSensorLister: () => sensorLister },
  );
  const resolver = new DelegatingTagListerResolver(
    router,
    new AllowListTagListerResolver(
      new RegistryAllowList({
        allowPublicRegistries: true,
        registries: [],
      }),
      direct,
    ),
  );

  it('allows delegated repositories although the allow list does not name them', async () => {
    await expect(
      resolver.resolveTagLister({
        registry: 'registry.internal',
        repository: 'team/base',
      }),
    ).resolves.toEqual({ lister: sensorLister, via: 'cluster-a' });
  });

  it('leaves other repositories to the allow list and the direct lister', async () => {
    await expect(
      resolver.resolveTagLister({
        registry: 'docker.io',
        repository: 'library/alpine',
      }),
    ).resolves.toEqual({ lister: direct });
    const refused = await resolver.resolveTagLister({
      registry: 'registry.internal',
      repository: 'teamx/base',
    });
    expect(refused).toEqual({
      notAllowedReason: expect.stringContaining('registry.internal'),
    });
  });
});

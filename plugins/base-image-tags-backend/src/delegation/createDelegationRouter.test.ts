import { ConfigReader } from '@backstage/config';
import { TagLister } from '@base-image-tags/plugin-base-image-tags-node';
import { createDelegationRouter } from './createDelegationRouter';
import { SensorTagLister } from './SensorTagLister';

const token = 'delegation-token-0123456789';
const sensors = ['cluster-a', 'cluster-b', 'cluster-c'].map(name => ({
  name,
  url: `https://${name}.example.com`,
  token,
}));

function router(delegation: Record<string, unknown> | undefined) {
  const directLister: TagLister = { listTags: jest.fn() };
  const logger = {
    debug: jest.fn(),
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
  };
  const config = new ConfigReader({
    baseImageTags: { sensors, ...(delegation ? { delegation } : {}) },
  } as any);
  const created = createDelegationRouter(config, { directLister, logger });
  const route = (registry: string, repository: string) => {
    const resolved = created.resolve({ registry, repository });
    return resolved.lister === directLister ? 'direct' : resolved.via;
  };
  return { route, created, directLister, logger };
}

describe('createDelegationRouter', () => {
  const registries = [
    { path: 'registry.internal/team/special', sensor: 'cluster-b' },
    { path: 'registry.internal/team', sensor: 'cluster-a' },
    { path: 'registry.internal/team/special/deeper', sensor: 'cluster-c' },
    { path: 'mirror.internal:5000', sensor: 'cluster-c' },
  ];

  it('lists everything directly with enabledFor none, or without delegation', () => {
    for (const delegation of [
      undefined,
      { enabledFor: 'none', defaultSensor: 'cluster-a', registries },
    ]) {
      const { route } = router(delegation);
      expect(route('registry.internal', 'team/base')).toBe('direct');
      expect(route('docker.io', 'library/alpine')).toBe('direct');
    }
  });

  it('sends only matching repositories to a sensor with specific', () => {
    const { route } = router({ enabledFor: 'specific', registries });
    expect(route('registry.internal', 'team/base')).toBe('cluster-a');
    expect(route('registry.internal', 'team')).toBe('cluster-a');
    expect(route('mirror.internal:5000', 'any/thing')).toBe('cluster-c');
    expect(route('registry.internal', 'teamx/base')).toBe('direct');
    expect(route('registry.internal', 'other/team')).toBe('direct');
    expect(route('mirror.internal', 'any/thing')).toBe('direct');
    expect(route('docker.io', 'library/alpine')).toBe('direct');
  });

  it('lets the first matching entry win', () => {
    const { route, logger } = router({ enabledFor: 'specific', registries });
    expect(route('registry.internal', 'team/special/base')).toBe('cluster-b');
    expect(route('registry.internal', 'team/special')).toBe('cluster-b');
    expect(route('registry.internal', 'team/specialx')).toBe('cluster-a');
    // Entry 2 lies under entry 0, so it never matches: say so.
    expect(route('registry.internal', 'team/special/deeper/x')).toBe(
      'cluster-b',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /registries\[2\] \(registry.internal\/team\/special\/deeper\) never matches: entry 0/,
      ),
    );
  });

  it('sends everything to a sensor with all: the matching one, else the default', () => {
    const { route } = router({
      enabledFor: 'all',
      defaultSensor: 'cluster-c',
      registries,
    });
    expect(route('registry.internal', 'team/base')).toBe('cluster-a');
    expect(route('registry.internal', 'teamx/base')).toBe('cluster-c');
    expect(route('docker.io', 'library/alpine')).toBe('cluster-c');
  });

  it('uses the default sensor for entries that name none', () => {
    const { route } = router({
      enabledFor: 'specific',
      defaultSensor: 'cluster-b',
      registries: [{ path: 'registry.internal/team' }],
    });
    expect(route('registry.internal', 'team/base')).toBe('cluster-b');
  });

  it('matches hosts case-insensitively and Docker Hub by any alias', () => {
    const { route } = router({
      enabledFor: 'specific',
      registries: [
        { path: 'index.docker.io/myorg', sensor: 'cluster-a' },
        { path: 'Registry.Internal:5000/team', sensor: 'cluster-b' },
      ],
    });
    expect(route('docker.io', 'myorg/base')).toBe('cluster-a');
    expect(route('docker.io', 'library/alpine')).toBe('direct');
    expect(route('registry.internal:5000', 'team/base')).toBe('cluster-b');
    expect(route('registry.internal', 'team/base')).toBe('direct');
  });

  it('builds one sensor lister per sensor and reuses it', () => {
    const { created } = router({
      enabledFor: 'all',
      defaultSensor: 'cluster-a',
    });
    const first = created.resolve({ registry: 'a.io', repository: 'x' });
    const second = created.resolve({ registry: 'b.io', repository: 'y' });
    expect(first.lister).toBeInstanceOf(SensorTagLister);
    expect(first.lister).toBe(second.lister);
    expect((first.lister as SensorTagLister).sensorName).toBe('cluster-a');
  });

  it('throws the configuration problems at creation', () => {
    expect(() =>
      router({
        enabledFor: 'specific',
        registries: [{ path: 'x.io/a', sensor: 'nope' }],
      }),
    ).toThrow(/registries\[0\].sensor: unknown sensor "nope"/);
  });
});

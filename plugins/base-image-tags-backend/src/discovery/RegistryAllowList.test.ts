import { RegistryAllowList } from './RegistryAllowList';

describe('RegistryAllowList', () => {
  const ref = (registry: string, repository = 'team/app') => ({
    registry,
    repository,
  });

  it('allows well-known public registries and configured ones', () => {
    const list = new RegistryAllowList({
      allowPublicRegistries: true,
      registries: ['Registry.Example.com:5000', 'quay.io/private-org'],
    });
    for (const host of ['docker.io', 'quay.io', 'ghcr.io', 'public.ecr.aws']) {
      expect(list.check(ref(host))).toBeUndefined();
    }
    expect(list.check(ref('registry.example.com:5000'))).toBeUndefined();
  });

  it('refuses other hosts and names the key to change', () => {
    const list = new RegistryAllowList({
      allowPublicRegistries: true,
      registries: [],
    });
    const reason = list.check(ref('169.254.169.254', 'latest/meta-data'));
    expect(reason).toContain('Registry not allowed');
    expect(reason).toContain('baseImageTags.registries');
    expect(reason).toContain('169.254.169.254/latest/meta-data');
  });

  it('switches public registries off, with a hint', () => {
    const list = new RegistryAllowList({
      allowPublicRegistries: false,
      registries: ['ghcr.io'],
    });
    expect(list.check(ref('ghcr.io'))).toBeUndefined();
    expect(list.check(ref('docker.io'))).toContain(
      'baseImageTags.allowPublicRegistries',
    );
  });

  it('limits an entry with a path to repositories under it', () => {
    const list = new RegistryAllowList({
      allowPublicRegistries: false,
      registries: ['registry.internal/platform'],
    });
    expect(
      list.check(ref('registry.internal', 'platform/java')),
    ).toBeUndefined();
    expect(list.check(ref('registry.internal', 'platform'))).toBeUndefined();
    expect(
      list.check(ref('registry.internal', 'platformx/java')),
    ).toBeDefined();
    expect(list.check(ref('registry.internal', 'other/java'))).toBeDefined();
  });
});

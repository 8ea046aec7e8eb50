import { AllowList } from './AllowList';
import { parseRegistryPath } from './registryPath';

describe('AllowList', () => {
  const allow = new AllowList(
    ['registry.internal/team', 'mirror.internal:5000', 'quay.io/org/sub/'].map(
      parseRegistryPath,
    ),
  );

  it('allows repositories under a path prefix on a boundary only', () => {
    expect(allow.allows('registry.internal', 'team')).toBe(true);
    expect(allow.allows('registry.internal', 'team/base')).toBe(true);
    expect(allow.allows('registry.internal', 'team/base/deeper')).toBe(true);
    expect(allow.allows('registry.internal', 'teamx')).toBe(false);
    expect(allow.allows('registry.internal', 'teamx/base')).toBe(false);
    expect(allow.allows('registry.internal', 'other/team')).toBe(false);
  });

  it('allows every repository of a host listed without a path', () => {
    expect(allow.allows('mirror.internal:5000', 'anything/at/all')).toBe(true);
  });

  it('compares the host with its port, case-insensitively', () => {
    expect(allow.allows('MIRROR.internal:5000', 'a')).toBe(true);
    expect(allow.allows('mirror.internal', 'a')).toBe(false);
    expect(allow.allows('mirror.internal:5001', 'a')).toBe(false);
    expect(allow.allows('registry.internal:443', 'team/base')).toBe(false);
  });

  it('ignores a trailing slash in the configured path', () => {
    expect(allow.allows('quay.io', 'org/sub/image')).toBe(true);
    expect(allow.allows('quay.io', 'org/subx')).toBe(false);
  });

  it('refuses unlisted hosts', () => {
    expect(allow.allows('evil.example.com', 'team/base')).toBe(false);
    expect(allow.describe()).toEqual([
      'registry.internal/team',
      'mirror.internal:5000',
      'quay.io/org/sub',
    ]);
  });
});

describe('parseRegistryPath', () => {
  it('normalises Docker Hub aliases and case', () => {
    expect(parseRegistryPath('Index.Docker.io/library')).toEqual({
      host: 'docker.io',
      prefix: 'library',
    });
  });

  it.each([
    ['', /must not be empty/],
    ['https://registry.internal/team', /without a scheme/],
    ['registry.internal/team/*', /no wildcards/],
    ['registry internal/team', /registry host/],
    ['registry.internal/Team', /invalid repository path/],
    ['registry.internal//team', /invalid repository path/],
  ])('refuses %j with a hint', (text, message) => {
    expect(() => parseRegistryPath(text)).toThrow(message);
  });
});

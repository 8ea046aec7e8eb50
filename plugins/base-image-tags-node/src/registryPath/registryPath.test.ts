import {
  formatRegistryPath,
  isRegistryHost,
  isRepositoryPath,
  isUnderRegistryPath,
  parseRegistryPath,
} from './registryPath';

describe('parseRegistryPath', () => {
  it('splits the host from the path prefix and drops trailing slashes', () => {
    expect(parseRegistryPath(' registry.internal:5000/team/base/ ')).toEqual({
      host: 'registry.internal:5000',
      prefix: 'team/base',
    });
    expect(parseRegistryPath('mirror.internal')).toEqual({
      host: 'mirror.internal',
      prefix: '',
    });
  });

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
    ['registry.internal:123456/team', /registry host/],
    ['registry.internal/Team', /invalid repository path/],
    ['registry.internal//team', /invalid repository path/],
  ])('refuses %j with a hint', (text, message) => {
    expect(() => parseRegistryPath(text)).toThrow(message);
  });

  it('refuses a path prefix longer than a repository name may be', () => {
    expect(() =>
      parseRegistryPath(`registry.internal/${'a'.repeat(256)}`),
    ).toThrow(/invalid repository path/);
  });
});

describe('isUnderRegistryPath', () => {
  const team = parseRegistryPath('registry.internal/team');
  const wholeHost = parseRegistryPath('mirror.internal:5000');

  it('matches the prefix on a "/" boundary only', () => {
    expect(isUnderRegistryPath(team, 'registry.internal', 'team')).toBe(true);
    expect(isUnderRegistryPath(team, 'registry.internal', 'team/base')).toBe(
      true,
    );
    expect(
      isUnderRegistryPath(team, 'registry.internal', 'team/base/deeper'),
    ).toBe(true);
    expect(isUnderRegistryPath(team, 'registry.internal', 'teamx')).toBe(false);
    expect(isUnderRegistryPath(team, 'registry.internal', 'teamx/base')).toBe(
      false,
    );
    expect(isUnderRegistryPath(team, 'registry.internal', 'other/team')).toBe(
      false,
    );
  });

  it('covers every repository of a host written without a path', () => {
    expect(
      isUnderRegistryPath(wholeHost, 'mirror.internal:5000', 'anything/at/all'),
    ).toBe(true);
  });

  it('compares the host with its port, case-insensitively', () => {
    expect(isUnderRegistryPath(wholeHost, 'MIRROR.internal:5000', 'a')).toBe(
      true,
    );
    expect(isUnderRegistryPath(wholeHost, 'mirror.internal', 'a')).toBe(false);
    expect(isUnderRegistryPath(wholeHost, 'mirror.internal:5001', 'a')).toBe(
      false,
    );
    expect(
      isUnderRegistryPath(team, 'registry.internal:443', 'team/base'),
    ).toBe(false);
  });

  it('treats Docker Hub aliases as one host', () => {
    const library = parseRegistryPath('docker.io/library');
    expect(
      isUnderRegistryPath(library, 'registry-1.docker.io', 'library/alpine'),
    ).toBe(true);
  });
});

describe('formatRegistryPath', () => {
  it('writes the host alone when there is no prefix', () => {
    expect(formatRegistryPath(parseRegistryPath('quay.io/org/sub/'))).toBe(
      'quay.io/org/sub',
    );
    expect(formatRegistryPath(parseRegistryPath('mirror.internal:5000'))).toBe(
      'mirror.internal:5000',
    );
  });
});

describe('isRegistryHost and isRepositoryPath', () => {
  it.each([
    ['registry.internal', true],
    ['registry.internal:5000', true],
    ['[::1]:5000', true],
    ['localhost', true],
    ['-bad.internal', false],
    ['registry internal', false],
    ['registry.internal:', false],
  ])('host %j is %p', (text, expected) => {
    expect(isRegistryHost(text)).toBe(expected);
  });

  it.each([
    ['library/alpine', true],
    ['team/my_app/base-image.v2', true],
    ['', false],
    ['Team/base', false],
    ['team//base', false],
    ['team/', false],
  ])('repository path %j is %p', (text, expected) => {
    expect(isRepositoryPath(text)).toBe(expected);
  });

  it('refuses repository paths over 255 characters', () => {
    expect(isRepositoryPath('a'.repeat(255))).toBe(true);
    expect(isRepositoryPath('a'.repeat(256))).toBe(false);
  });
});

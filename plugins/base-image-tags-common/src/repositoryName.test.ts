import { parseRepositoryName } from './repositoryName';

describe('parseRepositoryName', () => {
  it.each([
    ['alpine', 'docker.io', 'library/alpine'],
    ['library/alpine', 'docker.io', 'library/alpine'],
    ['bitnami/redis', 'docker.io', 'bitnami/redis'],
    ['docker.io/alpine', 'docker.io', 'library/alpine'],
    ['index.docker.io/alpine', 'docker.io', 'library/alpine'],
    ['registry-1.docker.io/bitnami/redis', 'docker.io', 'bitnami/redis'],
    ['Docker.IO/alpine', 'docker.io', 'library/alpine'],
    [
      'registry.access.redhat.com/ubi8/ubi',
      'registry.access.redhat.com',
      'ubi8/ubi',
    ],
    ['Quay.IO/org/app', 'quay.io', 'org/app'],
    ['localhost/app', 'localhost', 'app'],
    ['localhost:5000/team/app', 'localhost:5000', 'team/app'],
    ['registry:5000/app', 'registry:5000', 'app'],
    ['[::1]:5000/app', '[::1]:5000', 'app'],
    ['ghcr.io/a/b/c', 'ghcr.io', 'a/b/c'],
    ['gcr.io/my-project/my__image.v2', 'gcr.io', 'my-project/my__image.v2'],
  ])('%s → %s / %s', (name, registry, repository) => {
    expect(parseRepositoryName(name)).toEqual({ registry, repository });
  });

  it.each([
    ['', 'the repository name is missing'],
    ['quay.io/', 'the repository name is missing after "quay.io/"'],
    ['Alpine', 'repository names are lower case; write "alpine"'],
    ['MyTeam/app', 'repository names are lower case; write "myteam"'],
    [
      'quay.io/-bad',
      '"-bad" is not a repository name; each "/"-separated part is ' +
        'lower-case letters and digits, joined by ".", "_", "__" or "-", ' +
        'e.g. "ubi8/ubi"',
    ],
    [
      'team//app',
      '"team//app" is not a repository name; each "/"-separated part is ' +
        'lower-case letters and digits, joined by ".", "_", "__" or "-", ' +
        'e.g. "ubi8/ubi"',
    ],
    [
      'bad_host.com/app',
      '"bad_host.com" is not a registry host; write a host name with an ' +
        'optional port, e.g. "registry.example.com:5000"',
    ],
    [
      'quay.io:port/app',
      '"quay.io:port" is not a registry host; write a host name with an ' +
        'optional port, e.g. "registry.example.com:5000"',
    ],
    [
      `quay.io/${'a'.repeat(250)}`,
      'the repository name is longer than 255 characters',
    ],
  ])('refuses %j', (name, message) => {
    expect(() => parseRepositoryName(name)).toThrow(message);
  });
});

import { RegistryCredentialStore } from './CredentialStore';

describe('RegistryCredentialStore', () => {
  const org = { username: 'org', password: 'o' };
  const team = { username: 'team', password: 't' };
  const hub = { username: 'hub', password: 'h' };
  const store = new RegistryCredentialStore([
    { entries: () => [{ key: 'quay.io/myorg', credentials: org }] },
    {
      entries: () => [
        { key: 'quay.io/myorg/team', credentials: team },
        { key: 'quay.io/myorg', credentials: { username: 'x', password: 'y' } },
        { key: 'https://index.docker.io/v1/', credentials: hub },
      ],
    },
  ]);

  it('picks the longest matching path prefix', () => {
    expect(store.lookup('quay.io', 'myorg/team/app')).toBe(team);
    expect(store.lookup('quay.io', 'myorg/app')).toBe(org);
  });

  it('matches whole path segments only', () => {
    expect(store.lookup('quay.io', 'myorganisation/app')).toBeUndefined();
  });

  it('lets the earlier source win a tie', () => {
    expect(store.lookup('quay.io', 'myorg/other')).toBe(org);
  });

  it('treats the index.docker.io key as docker.io', () => {
    expect(store.lookup('docker.io', 'library/alpine')).toBe(hub);
    expect(store.lookup('ghcr.io', 'library/alpine')).toBeUndefined();
  });
});

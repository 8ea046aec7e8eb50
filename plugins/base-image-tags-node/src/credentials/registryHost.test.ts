import {
  normalizeRegistryHost,
  parseRegistryKey,
  registryEndpointHost,
} from './registryHost';

describe('registry hosts', () => {
  it('maps every Docker Hub alias to docker.io, served at registry-1.docker.io', () => {
    for (const alias of [
      'docker.io',
      'index.docker.io',
      'registry-1.docker.io',
      'Registry.Hub.Docker.com',
    ]) {
      expect(normalizeRegistryHost(alias)).toBe('docker.io');
      expect(registryEndpointHost(alias)).toBe('registry-1.docker.io');
    }
    expect(registryEndpointHost('quay.io')).toBe('quay.io');
  });

  it.each([
    ['https://index.docker.io/v1/', 'docker.io', ''],
    ['quay.io/myorg', 'quay.io', 'myorg'],
    ['http://127.0.0.1:5000/v2/team/', '127.0.0.1:5000', 'team'],
    ['ghcr.io', 'ghcr.io', ''],
  ])('splits %s', (key, host, pathPrefix) => {
    expect(parseRegistryKey(key)).toEqual({ host, pathPrefix });
  });
});

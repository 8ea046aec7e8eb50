/**
 * The registry name users write for Docker Hub.
 *
 * @public
 */
export const dockerHubRegistry = 'docker.io';

const dockerHubAliases = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/**
 * Normalises a registry host: lower case, and every Docker Hub alias
 * (`index.docker.io`, `registry-1.docker.io`, …) becomes `docker.io`.
 *
 * @public
 */
export function normalizeRegistryHost(host: string): string {
  const lower = host.trim().toLowerCase();
  return dockerHubAliases.has(lower) ? dockerHubRegistry : lower;
}

/**
 * The host that serves a registry's API: Docker Hub's `docker.io` is served
 * at `registry-1.docker.io`; every other registry at its own host.
 *
 * @public
 */
export function registryEndpointHost(registry: string): string {
  const normalized = normalizeRegistryHost(registry);
  return normalized === dockerHubRegistry ? 'registry-1.docker.io' : normalized;
}

/**
 * Splits a credentials key such as `https://index.docker.io/v1/`,
 * `quay.io/myorg` or `registry.example.com:5000` into a normalised host
 * and a path prefix without surrounding slashes.
 *
 * @public
 */
export function parseRegistryKey(key: string): {
  host: string;
  pathPrefix: string;
} {
  let rest = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  rest = slash < 0 ? '' : rest.slice(slash + 1);
  let path = rest.replace(/^\/+|\/+$/g, '');
  // Docker's own keys end with the API version, which is not a repository.
  path = path.replace(/^v[12](\/|$)/, '');
  return { host: normalizeRegistryHost(host), pathPrefix: path };
}

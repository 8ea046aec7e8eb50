import { normalizeRegistryHost } from '../credentials/registryHost';

/**
 * A registry host with an optional repository path prefix, such as
 * `registry.internal:5000/team`: the backend's delegation paths and the
 * sensor's allow list. An empty prefix covers the whole host.
 *
 * @public
 */
export interface RegistryPath {
  /** Normalised host with optional port, e.g. `registry.internal:5000`. */
  host: string;
  /** Repository path prefix without surrounding slashes; may be empty. */
  prefix: string;
}

const hostPattern =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;
const componentPattern = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;

/**
 * Whether a text is a registry host with optional port.
 *
 * @public
 */
export function isRegistryHost(text: string): boolean {
  return hostPattern.test(text);
}

/**
 * Whether a text is a repository path in the OCI grammar, such as
 * `library/alpine`.
 *
 * @public
 */
export function isRepositoryPath(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 255 &&
    text.split('/').every(component => componentPattern.test(component))
  );
}

/**
 * Reads `host[:port][/path]`. Throws an `Error` whose message says what to
 * write instead; the caller adds the config key.
 *
 * @public
 */
export function parseRegistryPath(text: string): RegistryPath {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new Error(
      'must not be empty; write a host such as registry.internal:5000/team',
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new Error(
      `"${trimmed}" must be written without a scheme, e.g. registry.internal:5000/team`,
    );
  }
  if (trimmed.includes('*')) {
    throw new Error(
      `"${trimmed}" is a path prefix and takes no wildcards; write registry.internal/team to cover everything under it`,
    );
  }
  const slash = trimmed.indexOf('/');
  const host = normalizeRegistryHost(
    slash < 0 ? trimmed : trimmed.slice(0, slash),
  );
  const prefix = slash < 0 ? '' : trimmed.slice(slash + 1).replace(/\/+$/, '');
  if (!isRegistryHost(host)) {
    throw new Error(
      `"${trimmed}" does not start with a registry host such as registry.internal:5000`,
    );
  }
  if (prefix !== '' && !isRepositoryPath(prefix)) {
    throw new Error(
      `"${trimmed}" has an invalid repository path; use lower-case parts separated by "/", e.g. team/base`,
    );
  }
  return { host, prefix };
}

/**
 * Whether a repository lies under a registry path. The prefix matches only
 * on a `/` boundary: `team` covers `team` and `team/base`, not `teamx`.
 *
 * @public
 */
export function isUnderRegistryPath(
  path: RegistryPath,
  registry: string,
  repository: string,
): boolean {
  if (normalizeRegistryHost(registry) !== path.host) {
    return false;
  }
  return (
    path.prefix === '' ||
    repository === path.prefix ||
    repository.startsWith(`${path.prefix}/`)
  );
}

/**
 * The text form of a registry path, e.g. `registry.internal:5000/team`.
 *
 * @public
 */
export function formatRegistryPath(path: RegistryPath): string {
  return path.prefix ? `${path.host}/${path.prefix}` : path.host;
}

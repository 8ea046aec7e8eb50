import { normalizeRegistryHost } from '@base-image-tags/plugin-base-image-tags-node';

/**
 * A registry host with an optional repository path prefix, as written in
 * `baseImageTags.delegation.registries[].path`. An empty prefix covers the
 * whole host.
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
 * Reads `host[:port][/path]`. Throws an `Error` whose message says what to
 * write instead; the caller adds the config key.
 *
 * @public
 */
export function parseRegistryPath(text: string): RegistryPath {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new Error(
      'must not be empty; write a registry host with an optional path, e.g. registry.internal/team',
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new Error(
      `"${trimmed}" must be written without a scheme, e.g. registry.internal/team`,
    );
  }
  if (trimmed.includes('*')) {
    throw new Error(
      `"${trimmed}" is a path prefix and takes no wildcards; registry.internal/team covers everything under it`,
    );
  }
  const slash = trimmed.indexOf('/');
  const host = normalizeRegistryHost(
    slash < 0 ? trimmed : trimmed.slice(0, slash),
  );
  const prefix = slash < 0 ? '' : trimmed.slice(slash + 1).replace(/\/+$/, '');
  if (!hostPattern.test(host)) {
    throw new Error(
      `"${trimmed}" does not start with a registry host such as registry.internal:5000`,
    );
  }
  if (
    prefix !== '' &&
    !prefix.split('/').every(component => componentPattern.test(component))
  ) {
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

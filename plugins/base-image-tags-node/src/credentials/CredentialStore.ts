import { parseRegistryKey } from './registryHost';

/**
 * Credentials for one registry. Which fields are used:
 *
 * - `username` and `password`: sent as basic auth to the registry or to the
 *   token realm its challenge names.
 * - `registryToken`: sent as-is as a bearer token to the registry.
 * - `identityToken`: an OAuth2 refresh token, exchanged at the token realm.
 *
 * @public
 */
export interface RegistryCredentials {
  username?: string;
  password?: string;
  registryToken?: string;
  identityToken?: string;
}

/**
 * Finds the credentials for a repository.
 *
 * @public
 */
export interface CredentialStore {
  /**
   * The credentials for `repository` on `registry` (a normalised host), or
   * `undefined` to go anonymous.
   */
  lookup(registry: string, repository: string): RegistryCredentials | undefined;
}

/**
 * Credentials that apply to a registry host and, optionally, to the
 * repositories under a path prefix on it.
 *
 * @public
 */
export interface CredentialEntry {
  /** Host with optional path prefix, e.g. `quay.io/myorg`. */
  key: string;
  credentials: RegistryCredentials;
}

/**
 * A source of credential entries, read on every lookup so that sources can
 * reload (e.g. a rotated docker config file).
 *
 * @public
 */
export interface CredentialSource {
  entries(): CredentialEntry[];
}

function prefixMatches(pathPrefix: string, repository: string) {
  return (
    pathPrefix === '' ||
    repository === pathPrefix ||
    repository.startsWith(`${pathPrefix}/`)
  );
}

/**
 * Picks the entry whose host matches and whose path prefix is the longest
 * one covering the repository; on a tie the earlier source wins.
 *
 * @public
 */
export class RegistryCredentialStore implements CredentialStore {
  constructor(private readonly sources: CredentialSource[]) {}

  /** A store over fixed entries, e.g. for tests. */
  static fromEntries(entries: CredentialEntry[]): RegistryCredentialStore {
    return new RegistryCredentialStore([{ entries: () => entries }]);
  }

  lookup(registry: string, repository: string) {
    const host = parseRegistryKey(registry).host;
    let best: { length: number; credentials: RegistryCredentials } | undefined;
    for (const source of this.sources) {
      for (const entry of source.entries()) {
        const key = parseRegistryKey(entry.key);
        if (key.host !== host || !prefixMatches(key.pathPrefix, repository)) {
          continue;
        }
        if (!best || key.pathPrefix.length > best.length) {
          best = {
            length: key.pathPrefix.length,
            credentials: entry.credentials,
          };
        }
      }
    }
    return best?.credentials;
  }
}

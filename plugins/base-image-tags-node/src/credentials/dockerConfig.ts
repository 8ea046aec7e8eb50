import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import { LoggerLike } from '../types';
import {
  CredentialEntry,
  CredentialSource,
  RegistryCredentials,
} from './CredentialStore';

function decodeAuth(auth: string, where: string): RegistryCredentials {
  const decoded = Buffer.from(auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) {
    throw new InputError(
      `${where}: "auth" must be base64 of "username:password"`,
    );
  }
  return {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
  };
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads the `auths` of a docker `config.json` or a Kubernetes
 * `.dockerconfigjson`: each entry's `auth` (base64 `user:password`) or
 * `username`/`password`, plus `identitytoken` and `registrytoken`.
 * `where` names the file in error messages. Entries without usable
 * credentials are skipped.
 *
 * @public
 */
export function parseDockerConfig(
  text: string,
  where: string,
): { entries: CredentialEntry[]; credentialHelpers: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${where} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`${where} must hold a JSON object`);
  }
  const root = parsed as Record<string, unknown>;
  const auths = root.auths ?? {};
  if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
    throw new InputError(`${where}: "auths" must be an object`);
  }
  const entries: CredentialEntry[] = [];
  for (const [key, value] of Object.entries(auths)) {
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    const item = value as Record<string, unknown>;
    const entryWhere = `${where} auths["${key}"]`;
    const auth = optionalString(item.auth);
    const credentials: RegistryCredentials = auth
      ? decodeAuth(auth, entryWhere)
      : {
          username: optionalString(item.username),
          password: optionalString(item.password),
        };
    credentials.identityToken = optionalString(item.identitytoken);
    credentials.registryToken = optionalString(item.registrytoken);
    const usable =
      (credentials.username && credentials.password) ||
      credentials.identityToken ||
      credentials.registryToken;
    if (usable) {
      entries.push({ key, credentials });
    }
  }
  const credentialHelpers = [
    ...(typeof root.credsStore === 'string' ? ['credsStore'] : []),
    ...(typeof root.credHelpers === 'object' && root.credHelpers !== null
      ? Object.keys(root.credHelpers as object).map(
          host => `credHelpers["${host}"]`,
        )
      : []),
  ];
  return { entries, credentialHelpers };
}

/**
 * Credentials from a docker config file, re-read when the file changes (a
 * rotated Kubernetes secret). A file that turns unreadable keeps its last
 * good entries, with a warning.
 *
 * @public
 */
export class DockerConfigFileSource implements CredentialSource {
  private cached: CredentialEntry[] = [];
  private cachedStamp?: string;
  private lastWarning?: string;

  private constructor(
    private readonly path: string,
    private readonly logger?: LoggerLike,
  ) {}

  /**
   * Reads the file once now, so a wrong path fails at startup with an
   * error naming it.
   */
  static load(path: string, logger?: LoggerLike): DockerConfigFileSource {
    const source = new DockerConfigFileSource(path, logger);
    source.reload(true);
    return source;
  }

  entries(): CredentialEntry[] {
    this.reload(false);
    return this.cached;
  }

  private reload(strict: boolean) {
    try {
      const stat = fs.statSync(this.path);
      const stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
      if (stamp === this.cachedStamp) {
        return;
      }
      const { entries, credentialHelpers } = parseDockerConfig(
        fs.readFileSync(this.path, 'utf8'),
        `Docker config file ${this.path}`,
      );
      if (credentialHelpers.length > 0) {
        // Not handled yet: docker credential helpers (credsStore, credHelpers); effect: their registries fall back to the file's auths or anonymous.
        this.logger?.warn(
          `Docker config file ${this.path} uses ${credentialHelpers.join(
            ', ',
          )}, which this client does not run; put the credentials in "auths" instead`,
        );
      }
      this.cached = entries;
      this.cachedStamp = stamp;
      this.lastWarning = undefined;
    } catch (error) {
      const reason =
        error instanceof InputError
          ? error.message
          : `Cannot read docker config file ${this.path}: ${
              (error as NodeJS.ErrnoException).code ?? 'unknown error'
            }`;
      if (strict) {
        throw new InputError(reason);
      }
      if (reason !== this.lastWarning) {
        this.logger?.warn(`${reason}; keeping the credentials read before`);
        this.lastWarning = reason;
      }
      this.cachedStamp = undefined;
    }
  }
}

import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  RegistryClientOptions,
  RegistryLimits,
  RegistrySettings,
} from '../client/RegistryClientOptions';
import {
  CredentialEntry,
  CredentialSource,
  RegistryCredentialStore,
  RegistryCredentials,
} from '../credentials/CredentialStore';
import { DockerConfigFileSource } from '../credentials/dockerConfig';
import { parseRegistryKey } from '../credentials/registryHost';
import { LoggerLike } from '../types';
import { readConfigDurationMs, readConfiguredFile } from './readConfigValues';

function readDurationMs(config: Config, key: string): number | undefined {
  if (!config.has(key)) {
    return undefined;
  }
  const ms = readConfigDurationMs(config, key, { plainMilliseconds: true });
  if (!(ms > 0)) {
    throw new InputError(
      typeof config.get(key) === 'number'
        ? `limits.${key} must be a positive number of milliseconds, got ${ms}`
        : `limits.${key} must be a positive duration`,
    );
  }
  return ms;
}

function readPositiveNumber(
  config: Config,
  key: string,
  where: string,
  integer: boolean,
): number | undefined {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return undefined;
  }
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new InputError(
      `${where}.${key} must be a positive ${
        integer ? 'whole number' : 'number'
      }, got ${value}`,
    );
  }
  return value;
}

function readFile(path: string, where: string): Buffer {
  try {
    return readConfiguredFile(path);
  } catch (error) {
    throw new InputError(`${where}: ${(error as Error).message}`);
  }
}

function readLimits(config: Config | undefined): Partial<RegistryLimits> {
  if (!config) {
    return {};
  }
  const where = 'limits';
  const limits: Partial<RegistryLimits> = {
    connectTimeoutMs: readDurationMs(config, 'connectTimeout'),
    headersTimeoutMs: readDurationMs(config, 'headersTimeout'),
    requestTimeoutMs: readDurationMs(config, 'requestTimeout'),
    listingDeadlineMs: readDurationMs(config, 'listingDeadline'),
    maxRetryWaitMs: readDurationMs(config, 'maxRetryWait'),
    maxBodyBytes: readPositiveNumber(config, 'maxBodyBytes', where, true),
    maxTags: readPositiveNumber(config, 'maxTags', where, true),
    maxPages: readPositiveNumber(config, 'maxPages', where, true),
  };
  const maxRetries = config.getOptionalNumber('maxRetries');
  if (maxRetries !== undefined) {
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      throw new InputError(
        `limits.maxRetries must be a whole number of at least 0, got ${maxRetries}`,
      );
    }
    limits.maxRetries = maxRetries;
  }
  return Object.fromEntries(
    Object.entries(limits).filter(([, value]) => value !== undefined),
  );
}

const transportKeys = [
  'insecure',
  'caFile',
  'certFile',
  'keyFile',
  'maxConcurrency',
  'requestsPerSecond',
];

function readRegistryEntry(
  entry: Config,
  index: number,
): { settings?: RegistrySettings; credentials?: CredentialEntry } {
  const where = `registries[${index}]`;
  const key = entry.getString('host');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key)) {
    throw new InputError(
      `${where}.host must be a host name such as quay.io, without a scheme; got "${key}"`,
    );
  }
  const { host, pathPrefix } = parseRegistryKey(key);
  if (!/^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/.test(host)) {
    throw new InputError(
      `${where}.host "${key}" is not a registry host such as registry.example.com:5000`,
    );
  }
  let settings: RegistrySettings | undefined;
  const transportSet = transportKeys.filter(name => entry.has(name));
  if (pathPrefix && transportSet.length > 0) {
    throw new InputError(
      `${where}: ${transportSet.join(
        ', ',
      )} apply to the whole host; move them to an entry with host "${host}"`,
    );
  }
  if (!pathPrefix) {
    const certFile = entry.getOptionalString('certFile');
    const keyFile = entry.getOptionalString('keyFile');
    if (Boolean(certFile) !== Boolean(keyFile)) {
      throw new InputError(
        `${where}: certFile and keyFile must be set together`,
      );
    }
    const caFile = entry.getOptionalString('caFile');
    settings = {
      host,
      insecure: entry.getOptionalBoolean('insecure') ?? false,
      ca: caFile ? readFile(caFile, `${where}.caFile`) : undefined,
      cert: certFile ? readFile(certFile, `${where}.certFile`) : undefined,
      key: keyFile ? readFile(keyFile, `${where}.keyFile`) : undefined,
      maxConcurrency: readPositiveNumber(entry, 'maxConcurrency', where, true),
      requestsPerSecond: readPositiveNumber(
        entry,
        'requestsPerSecond',
        where,
        false,
      ),
    };
  }

  const credentials: RegistryCredentials = {
    username: entry.getOptionalString('username'),
    password: entry.getOptionalString('password'),
    registryToken: entry.getOptionalString('token'),
  };
  if (Boolean(credentials.username) !== Boolean(credentials.password)) {
    throw new InputError(
      `${where}: username and password must be set together for ${key}`,
    );
  }
  const hasCredentials = credentials.username || credentials.registryToken;
  return {
    settings,
    credentials: hasCredentials
      ? { key: pathPrefix ? `${host}/${pathPrefix}` : host, credentials }
      : undefined,
  };
}

/**
 * Reads {@link RegistryClientConfig} into plain client options: CA, client
 * certificate and docker config files are read now, so that a wrong path
 * fails at startup with an `InputError` naming the key to fix.
 *
 * @public
 */
export function readRegistryClientConfig(
  config: Config,
  options?: { logger?: LoggerLike },
): RegistryClientOptions {
  const registries: RegistrySettings[] = [];
  const configEntries: CredentialEntry[] = [];
  const seen = new Set<string>();
  (config.getOptionalConfigArray('registries') ?? []).forEach(
    (entry, index) => {
      const { settings, credentials } = readRegistryEntry(entry, index);
      const { host, pathPrefix } = parseRegistryKey(entry.getString('host'));
      const identity = `${host}/${pathPrefix}`;
      if (seen.has(identity)) {
        throw new InputError(
          `registries[${index}]: "${entry.getString(
            'host',
          )}" is listed twice; merge the entries`,
        );
      }
      seen.add(identity);
      if (settings) {
        registries.push(settings);
      }
      if (credentials) {
        configEntries.push(credentials);
      }
    },
  );

  const sources: CredentialSource[] = [{ entries: () => configEntries }];
  for (const path of config.getOptionalStringArray('dockerConfigFiles') ?? []) {
    sources.push(DockerConfigFileSource.load(path, options?.logger));
  }

  return {
    registries,
    credentials: new RegistryCredentialStore(sources),
    limits: readLimits(config.getOptionalConfig('limits')),
    logger: options?.logger,
  };
}

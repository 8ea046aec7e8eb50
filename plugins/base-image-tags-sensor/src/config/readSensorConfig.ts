import { Config, readDurationFromConfig } from '@backstage/config';
import fs from 'node:fs';
import {
  minimumTokenLength,
  readTokenFile,
} from '../access/BearerTokenVerifier';
import { parseRegistryPath, RegistryPath } from '../access/registryPath';
import { SensorLogLevel } from '../logging/JsonLineLogger';
import { sensorDefaults, SensorSettings } from './SensorConfig';
import { SensorConfigProblems } from './SensorConfigProblems';

const millisecondsPer: Record<string, number> = {
  years: 365 * 24 * 3600_000,
  months: 30 * 24 * 3600_000,
  weeks: 7 * 24 * 3600_000,
  days: 24 * 3600_000,
  hours: 3600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

const serverKeys = [
  'host',
  'port',
  'tls',
  'maxConcurrentListings',
  'maxQueuedListings',
  'queueTimeout',
  'requestTimeout',
];
const logLevels: SensorLogLevel[] = ['error', 'warn', 'info', 'debug'];

function readDurationMs(
  config: Config,
  key: string,
  where: string,
  fallback: number,
  problems: SensorConfigProblems,
): number {
  if (!config.has(key)) {
    return fallback;
  }
  const ms = problems.read(
    where,
    () => {
      const raw = config.get(key);
      if (typeof raw === 'number') {
        return raw;
      }
      const duration = readDurationFromConfig(config, { key }) as Record<
        string,
        number | undefined
      >;
      return Object.entries(duration).reduce(
        (sum, [unit, amount]) =>
          sum + (amount ?? 0) * (millisecondsPer[unit] ?? 0),
        0,
      );
    },
    fallback,
  );
  if (!(ms > 0)) {
    problems.add(where, 'must be a positive duration such as 30s or 3m');
    return fallback;
  }
  return ms;
}

function readWholeNumber(
  config: Config,
  key: string,
  where: string,
  bounds: { min: number; max: number; fallback: number },
  problems: SensorConfigProblems,
): number {
  const value = problems.read(
    where,
    () => config.getOptionalNumber(key),
    undefined,
  );
  if (value === undefined) {
    return bounds.fallback;
  }
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    problems.add(
      where,
      `must be a whole number from ${bounds.min} to ${bounds.max}, got ${value}`,
    );
    return bounds.fallback;
  }
  return value;
}

function readPemFile(path: string): Buffer {
  try {
    return fs.readFileSync(path);
  } catch (error) {
    throw new Error(
      `cannot read ${path} (${
        (error as NodeJS.ErrnoException).code ?? 'unknown error'
      })`,
    );
  }
}

function reportUnknownKeys(
  config: Config | undefined,
  where: string,
  known: string[],
  problems: SensorConfigProblems,
) {
  const unknown = (config?.keys() ?? []).filter(key => !known.includes(key));
  if (unknown.length > 0) {
    problems.add(
      where,
      `unknown keys ${unknown.join(', ')}; known keys are ${known.join(', ')}`,
    );
  }
}

function readTls(
  server: Config,
  problems: SensorConfigProblems,
): SensorSettings['tls'] {
  if (!server.has('tls')) {
    return undefined;
  }
  const certFile = problems.read(
    'server.tls.certFile',
    () => server.getString('tls.certFile'),
    undefined,
  );
  const keyFile = problems.read(
    'server.tls.keyFile',
    () => server.getString('tls.keyFile'),
    undefined,
  );
  const cert = certFile
    ? problems.read(
        'server.tls.certFile',
        () => readPemFile(certFile),
        undefined,
      )
    : undefined;
  const key = keyFile
    ? problems.read('server.tls.keyFile', () => readPemFile(keyFile), undefined)
    : undefined;
  return cert && key ? { cert, key } : undefined;
}

function readServer(config: Config, problems: SensorConfigProblems) {
  const server = problems.read(
    'server',
    () => config.getOptionalConfig('server'),
    undefined,
  );
  reportUnknownKeys(server, 'server', serverKeys, problems);
  if (!server) {
    return {
      host: sensorDefaults.host,
      port: sensorDefaults.port,
      maxConcurrentListings: sensorDefaults.maxConcurrentListings,
      maxQueuedListings: sensorDefaults.maxQueuedListings,
      queueTimeoutMs: sensorDefaults.queueTimeoutMs,
      requestTimeoutMs: sensorDefaults.requestTimeoutMs,
    };
  }
  return {
    host: problems.read(
      'server.host',
      () => server.getOptionalString('host') ?? sensorDefaults.host,
      sensorDefaults.host,
    ),
    port: readWholeNumber(
      server,
      'port',
      'server.port',
      { min: 0, max: 65535, fallback: sensorDefaults.port },
      problems,
    ),
    tls: readTls(server, problems),
    maxConcurrentListings: readWholeNumber(
      server,
      'maxConcurrentListings',
      'server.maxConcurrentListings',
      { min: 1, max: 256, fallback: sensorDefaults.maxConcurrentListings },
      problems,
    ),
    maxQueuedListings: readWholeNumber(
      server,
      'maxQueuedListings',
      'server.maxQueuedListings',
      { min: 0, max: 10_000, fallback: sensorDefaults.maxQueuedListings },
      problems,
    ),
    queueTimeoutMs: readDurationMs(
      server,
      'queueTimeout',
      'server.queueTimeout',
      sensorDefaults.queueTimeoutMs,
      problems,
    ),
    requestTimeoutMs: readDurationMs(
      server,
      'requestTimeout',
      'server.requestTimeout',
      sensorDefaults.requestTimeoutMs,
      problems,
    ),
  };
}

function readAuth(config: Config, problems: SensorConfigProblems) {
  const auth = problems.read(
    'auth',
    () => config.getOptionalConfig('auth'),
    undefined,
  );
  reportUnknownKeys(auth, 'auth', ['tokens', 'tokenFiles'], problems);
  const tokens = auth
    ? problems.read(
        'auth.tokens',
        () => auth.getOptionalStringArray('tokens') ?? [],
        [],
      )
    : [];
  const tokenFiles = auth
    ? problems.read(
        'auth.tokenFiles',
        () => auth.getOptionalStringArray('tokenFiles') ?? [],
        [],
      )
    : [];
  const goodTokens = tokens.filter((token, index) => {
    if (token.trim().length < minimumTokenLength) {
      // The token itself is never repeated in the message.
      problems.add(
        `auth.tokens[${index}]`,
        `is shorter than ${minimumTokenLength} characters; use a long random token`,
      );
      return false;
    }
    return true;
  });
  const readableFiles = tokenFiles.filter((file, index) =>
    problems.read(
      `auth.tokenFiles[${index}]`,
      () => readTokenFile(file).length > 0,
      false,
    ),
  );
  if (tokens.length === 0 && tokenFiles.length === 0) {
    problems.add(
      'auth',
      'set auth.tokens or auth.tokenFiles; the sensor never serves callers without a token',
    );
  }
  return {
    tokens: goodTokens.map(token => token.trim()),
    tokenFiles: readableFiles,
  };
}

function readAllow(config: Config, problems: SensorConfigProblems) {
  const entries = problems.read(
    'allow',
    () => config.getOptionalStringArray('allow') ?? [],
    undefined,
  );
  if (entries?.length === 0) {
    problems.add(
      'allow',
      'list the registries this sensor serves, e.g. [registry.internal:5000/team]',
    );
  }
  return (entries ?? []).flatMap((entry, index): RegistryPath[] => {
    const path = problems.read(
      `allow[${index}]`,
      () => parseRegistryPath(entry),
      undefined,
    );
    return path ? [path] : [];
  });
}

/**
 * Reads and validates the sensor's own keys (`server`, `auth`, `allow`,
 * `log`), recording every problem in `problems`. Token and certificate
 * files are read now, so that a wrong path fails at start-up.
 *
 * @public
 */
export function readSensorConfig(
  config: Config,
  problems: SensorConfigProblems,
): SensorSettings {
  const logLevel = problems.read(
    'log.level',
    () =>
      (config.getOptionalString('log.level') as SensorLogLevel | undefined) ??
      sensorDefaults.logLevel,
    sensorDefaults.logLevel,
  );
  if (!logLevels.includes(logLevel)) {
    problems.add('log.level', `must be one of ${logLevels.join(', ')}`);
  }
  return {
    ...readServer(config, problems),
    ...readAuth(config, problems),
    allow: readAllow(config, problems),
    logLevel: logLevels.includes(logLevel) ? logLevel : sensorDefaults.logLevel,
  };
}

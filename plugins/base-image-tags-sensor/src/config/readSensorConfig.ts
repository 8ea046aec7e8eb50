import { Config } from '@backstage/config';
import {
  ConfigProblems,
  parseRegistryPath,
  readConfiguredFile,
  readPositiveDurationMs,
  readWholeNumber,
  RegistryPath,
  reportUnknownKeys,
} from '@base-image-tags/plugin-base-image-tags-node';
import {
  minimumTokenLength,
  readTokenFile,
} from '../access/BearerTokenVerifier';
import { SensorLogLevel } from '../logging/JsonLineLogger';
import { sensorDefaults, SensorSettings } from './SensorConfig';

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
const durationExample = '30s or 3m';

function readTls(
  server: Config,
  problems: ConfigProblems,
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
        () => readConfiguredFile(certFile),
        undefined,
      )
    : undefined;
  const key = keyFile
    ? problems.read(
        'server.tls.keyFile',
        () => readConfiguredFile(keyFile),
        undefined,
      )
    : undefined;
  return cert && key ? { cert, key } : undefined;
}

function readServer(config: Config, problems: ConfigProblems) {
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
      {
        where: 'server.port',
        min: 0,
        max: 65535,
        fallback: sensorDefaults.port,
      },
      problems,
    ),
    tls: readTls(server, problems),
    maxConcurrentListings: readWholeNumber(
      server,
      'maxConcurrentListings',
      {
        where: 'server.maxConcurrentListings',
        min: 1,
        max: 256,
        fallback: sensorDefaults.maxConcurrentListings,
      },
      problems,
    ),
    maxQueuedListings: readWholeNumber(
      server,
      'maxQueuedListings',
      {
        where: 'server.maxQueuedListings',
        min: 0,
        max: 10_000,
        fallback: sensorDefaults.maxQueuedListings,
      },
      problems,
    ),
    queueTimeoutMs: readPositiveDurationMs(
      server,
      'queueTimeout',
      {
        where: 'server.queueTimeout',
        fallback: sensorDefaults.queueTimeoutMs,
        example: durationExample,
        plainMilliseconds: true,
      },
      problems,
    ),
    requestTimeoutMs: readPositiveDurationMs(
      server,
      'requestTimeout',
      {
        where: 'server.requestTimeout',
        fallback: sensorDefaults.requestTimeoutMs,
        example: durationExample,
        plainMilliseconds: true,
      },
      problems,
    ),
  };
}

function readAuth(config: Config, problems: ConfigProblems) {
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

function readAllow(config: Config, problems: ConfigProblems) {
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
  problems: ConfigProblems,
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

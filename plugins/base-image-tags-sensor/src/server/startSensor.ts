import { Config } from '@backstage/config';
import {
  LoggerLike,
  RegistryClient,
  TagLister,
} from '@base-image-tags/plugin-base-image-tags-node';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { AllowList } from '../access/AllowList';
import { BearerTokenVerifier } from '../access/BearerTokenVerifier';
import { readSensorConfig } from '../config/readSensorConfig';
import { SensorConfigProblems } from '../config/SensorConfigProblems';
import { createSensorApp } from '../http/createSensorApp';
import { ListingSlots } from '../listing/ListingSlots';
import { JsonLineLogger } from '../logging/JsonLineLogger';

/**
 * Options of {@link startSensor}.
 *
 * @public
 */
export interface StartSensorOptions {
  /** Where the configuration came from, for error messages. */
  source?: string;
  /** Defaults to JSON lines on stdout at the configured level. */
  logger?: LoggerLike;
  /** Defaults to the registry client configured from the same file. */
  lister?: TagLister;
  /** How long `close` waits for running listings. Default 20 s. */
  shutdownGraceMs?: number;
  /** How long a caller may take to send its whole request. Default 10 s. */
  clientRequestTimeoutMs?: number;
}

/**
 * A listening sensor.
 *
 * @public
 */
export interface RunningSensor {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Stops accepting requests, lets running ones finish, then closes. */
  close(): Promise<void>;
}

/**
 * Validates the configuration, reporting every problem at once, and starts
 * the sensor's HTTP or HTTPS server.
 *
 * @public
 */
export async function startSensor(
  config: Config,
  options: StartSensorOptions = {},
): Promise<RunningSensor> {
  const problems = new SensorConfigProblems(options.source ?? 'the config');
  const settings = readSensorConfig(config, problems);
  const logger =
    options.logger ?? new JsonLineLogger({ level: settings.logLevel });
  let client: RegistryClient | undefined;
  const lister =
    options.lister ??
    problems.read(
      'registry client',
      () => {
        client = RegistryClient.fromConfig(config, { logger });
        return client;
      },
      undefined,
    );
  problems.throwIfAny();

  const slots = new ListingSlots({
    maxConcurrent: settings.maxConcurrentListings,
    maxQueued: settings.maxQueuedListings,
    queueTimeoutMs: settings.queueTimeoutMs,
  });
  const app = createSensorApp({
    lister: lister!,
    allowList: new AllowList(settings.allow),
    verifier: new BearerTokenVerifier({
      tokens: settings.tokens,
      tokenFiles: settings.tokenFiles,
      logger,
    }),
    slots,
    requestTimeoutMs: settings.requestTimeoutMs,
    logger,
  });
  // A caller that trickles its request must not hold a connection: the
  // request is a small JSON body, so it arrives within seconds or never.
  const timeoutMs = options.clientRequestTimeoutMs ?? 10_000;
  const serverOptions = {
    headersTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    connectionsCheckingInterval: Math.min(1_000, timeoutMs),
  };
  const server = settings.tls
    ? https.createServer(
        { ...serverOptions, cert: settings.tls.cert, key: settings.tls.key },
        app,
      )
    : http.createServer(serverOptions, app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = settings.host.includes(':')
    ? `[${settings.host}]`
    : settings.host;
  const url = `${settings.tls ? 'https' : 'http'}://${shownHost}:${port}`;
  logger.info(`Sensor listening on ${url}`, {
    port,
    tls: Boolean(settings.tls),
    allow: settings.allow.map(path =>
      path.prefix ? `${path.host}/${path.prefix}` : path.host,
    ),
    maxConcurrentListings: settings.maxConcurrentListings,
  });

  return {
    url,
    port,
    async close() {
      const closed = new Promise<void>(resolve =>
        server.close(() => resolve()),
      );
      server.closeIdleConnections();
      const grace = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownGraceMs ?? 20_000,
      );
      await closed;
      clearTimeout(grace);
      await client?.close();
      logger.info('Sensor stopped');
    },
  };
}

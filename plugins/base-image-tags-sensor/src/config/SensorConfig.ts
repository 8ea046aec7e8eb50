import type {
  RegistryClientConfig,
  RegistryPath,
} from '@base-image-tags/plugin-base-image-tags-node';
import type { SensorLogLevel } from '../logging/JsonLineLogger';

/**
 * A duration: milliseconds, a string such as `30s` or `3m`, or an object
 * such as `{ minutes: 3 }`.
 *
 * @public
 */
export type SensorDurationConfig =
  | number
  | string
  | {
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

/**
 * The sensor's configuration file (`--config sensor.yaml`). Next to these
 * keys it holds the registry client's `registries`, `dockerConfigFiles`
 * and `limits`, exactly as the backend reads them under `baseImageTags`.
 *
 * @public
 */
export interface SensorConfig extends RegistryClientConfig {
  server?: {
    /** Address to listen on. Default `0.0.0.0`. */
    host?: string;
    /** Port to listen on; 0 picks a free one. Default 8080. */
    port?: number;
    /** Serve HTTPS with this PEM certificate and key. */
    tls?: { certFile: string; keyFile: string };
    /** Listings that run at once. Default 4. */
    maxConcurrentListings?: number;
    /** Listings that may wait for a slot; more get 503 at once. Default 16. */
    maxQueuedListings?: number;
    /** Longest wait for a slot before answering 503. Default 10 s. */
    queueTimeout?: SensorDurationConfig;
    /** Longest time one listing request may take. Default 3 min. */
    requestTimeout?: SensorDurationConfig;
  };
  auth: {
    /** Accepted bearer tokens; several are accepted at once for rotation. */
    tokens?: string[];
    /** Files holding accepted tokens, one per line; re-read every 30 s. */
    tokenFiles?: string[];
  };
  /**
   * Registries served, each a host with an optional repository path
   * prefix, e.g. `registry.internal:5000/team`. Everything else is refused.
   */
  allow: string[];
  log?: { level?: SensorLogLevel };
}

/**
 * The validated settings of a sensor, durations in milliseconds.
 *
 * @public
 */
export interface SensorSettings {
  host: string;
  port: number;
  tls?: { cert: Buffer; key: Buffer };
  maxConcurrentListings: number;
  maxQueuedListings: number;
  queueTimeoutMs: number;
  requestTimeoutMs: number;
  tokens: string[];
  tokenFiles: string[];
  allow: RegistryPath[];
  logLevel: SensorLogLevel;
}

/**
 * Defaults of {@link SensorSettings}.
 *
 * @public
 */
export const sensorDefaults = {
  host: '0.0.0.0',
  port: 8080,
  maxConcurrentListings: 4,
  maxQueuedListings: 16,
  queueTimeoutMs: 10_000,
  requestTimeoutMs: 3 * 60_000,
  logLevel: 'info' as SensorLogLevel,
};

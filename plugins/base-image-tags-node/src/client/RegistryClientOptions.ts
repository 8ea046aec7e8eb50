import { CredentialStore } from '../credentials/CredentialStore';
import { RegistryClock } from '../politeness/clock';
import { LoggerLike } from '../types';

/**
 * Transport and politeness settings of one registry host.
 *
 * @public
 */
export interface RegistrySettings {
  /** Host with optional port, e.g. `registry.example.com:5000`. */
  host: string;
  /** Use plain HTTP instead of HTTPS. */
  insecure?: boolean;
  /** Extra CA certificates (PEM) trusted for this host. */
  ca?: string | Buffer;
  /** Client certificate (PEM) for mutual TLS. */
  cert?: string | Buffer;
  /** Private key (PEM) of `cert`. */
  key?: string | Buffer;
  /** Requests in flight at once; default 4. */
  maxConcurrency?: number;
  /** Request starts per second; default 10. */
  requestsPerSecond?: number;
}

/**
 * Timeouts and caps of the registry client, in milliseconds and counts.
 *
 * @public
 */
export interface RegistryLimits {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  listingDeadlineMs: number;
  maxBodyBytes: number;
  maxTags: number;
  maxPages: number;
  maxRetries: number;
  maxRetryWaitMs: number;
}

/**
 * The defaults of {@link RegistryLimits}.
 *
 * @public
 */
export const defaultRegistryLimits: RegistryLimits = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  listingDeadlineMs: 5 * 60_000,
  maxBodyBytes: 16 * 1024 * 1024,
  maxTags: 100_000,
  maxPages: 1000,
  maxRetries: 3,
  maxRetryWaitMs: 60_000,
};

/**
 * Proxy settings; by default read from `HTTPS_PROXY`, `HTTP_PROXY` and
 * `NO_PROXY` (either case).
 *
 * @public
 */
export interface RegistryProxyOptions {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/**
 * Plain options of a {@link RegistryClient}.
 *
 * @public
 */
export interface RegistryClientOptions {
  /** Hosts that need TLS, plain-HTTP or politeness settings. */
  registries?: RegistrySettings[];
  /** Where credentials come from; anonymous when absent. */
  credentials?: CredentialStore;
  /** Overrides of {@link defaultRegistryLimits}. */
  limits?: Partial<RegistryLimits>;
  logger?: LoggerLike;
  proxy?: RegistryProxyOptions;
  /** Time source and sleep; tests pass a fake to skip backoff waits. */
  clock?: RegistryClock;
  /** Jitter source in [0, 1); defaults to `Math.random`. */
  random?: () => number;
  /**
   * Page sizes (`n`) asked for on a repository's first page, largest first;
   * the client steps down when a registry refuses one. Default
   * `[10000, 1000, 100]`, then no `n` at all.
   */
  pageSizes?: number[];
}

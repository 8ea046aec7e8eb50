/**
 * A duration in configuration: a number of milliseconds, a string such as
 * `30s` or `5m`, or an object such as `{ minutes: 5 }`.
 *
 * @public
 */
export type RegistryDurationConfig =
  | number
  | string
  | {
      years?: number;
      months?: number;
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

/**
 * Settings for one registry, or for the repositories under a path prefix
 * on it.
 *
 * @public
 */
export interface RegistryEntryConfig {
  /**
   * Registry host with optional port, e.g. `quay.io`, `docker.io` or
   * `registry.example.com:5000`, without a scheme. A path may follow
   * (`quay.io/myorg`): the credentials of this entry then apply only to
   * repositories under that path, and the longest matching path wins.
   * Transport settings (`insecure`, `caFile`, `certFile`, `keyFile`,
   * `maxConcurrency`, `requestsPerSecond`) belong on an entry without a
   * path.
   */
  host: string;
  /**
   * Talk plain HTTP to this registry instead of HTTPS. Only for registries
   * on a trusted network; credentials then cross the network unencrypted.
   */
  insecure?: boolean;
  /** User name for basic auth or for the registry's token endpoint. */
  username?: string;
  /**
   * Password or access token (Docker Hub personal access token, Quay robot
   * token, GitHub token, …) that goes with `username`.
   *
   * @visibility secret
   */
  password?: string;
  /**
   * A bearer token the registry accepts as-is, sent on every request to it.
   *
   * @visibility secret
   */
  token?: string;
  /** PEM file of extra CA certificates to trust for this registry. */
  caFile?: string;
  /** PEM client certificate for registries that require mutual TLS. */
  certFile?: string;
  /** PEM private key of `certFile`. */
  keyFile?: string;
  /** Requests in flight to this registry at once. Default 4. */
  maxConcurrency?: number;
  /** Requests started per second against this registry. Default 10. */
  requestsPerSecond?: number;
}

/**
 * Limits of the registry client. Durations take milliseconds, `30s`-style
 * strings or `{ seconds: 30 }`-style objects.
 *
 * @public
 */
export interface RegistryLimitsConfig {
  /** Time to open a connection (TCP and TLS). Default 10 s. */
  connectTimeout?: RegistryDurationConfig;
  /** Time from sending a request to the response headers. Default 30 s. */
  headersTimeout?: RegistryDurationConfig;
  /** Time for one whole request, body included. Default 60 s. */
  requestTimeout?: RegistryDurationConfig;
  /** Time for one whole listing, every page and wait included. Default 5 min. */
  listingDeadline?: RegistryDurationConfig;
  /** Largest response body read, in bytes. Default 16 MiB. */
  maxBodyBytes?: number;
  /** Most tags accepted for one repository. Default 100000. */
  maxTags?: number;
  /** Most pages fetched for one repository. Default 1000. */
  maxPages?: number;
  /** Retries of one request after 429, 502, 503, 504 or a reset. Default 3. */
  maxRetries?: number;
  /**
   * Longest `Retry-After` waited for within a listing; a longer one ends the
   * listing with a rate-limited error that carries the wait. Default 60 s.
   */
  maxRetryWait?: RegistryDurationConfig;
}

/**
 * Configuration of the registry client, found under `baseImageTags` in
 * app-config and at the root of the sensor's configuration.
 *
 * @public
 */
export interface RegistryClientConfig {
  /**
   * Per-registry credentials, TLS and politeness settings. Registries not
   * listed are reached anonymously over HTTPS with default settings.
   */
  registries?: RegistryEntryConfig[];
  /**
   * Docker `config.json` or Kubernetes `.dockerconfigjson` files whose
   * `auths` are reused. Entries in `registries` win over these on a tie.
   */
  dockerConfigFiles?: string[];
  /** Timeouts and size caps. */
  limits?: RegistryLimitsConfig;
}

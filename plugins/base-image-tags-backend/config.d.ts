import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** A duration written as an object, e.g. `{ hours: 4 }`. */
interface HumanDurationConfig {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

export interface Config {
  /** Configuration for the base-image-tags plugins. */
  baseImageTags?: {
    /**
     * How old a repository's tags may get before it is listed again: a
     * string such as `4h`, an ISO duration such as `PT4H`, or an object such
     * as `{ hours: 4 }`. Default 4 hours.
     */
    interval?: string | HumanDurationConfig;
    /**
     * How often the discovery task wakes to poll what is due, as a standard
     * Backstage task schedule. Default every 5 minutes, timeout 30 minutes,
     * initial delay 15 seconds. The task always runs with global scope: one
     * runner at a time across backend replicas.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Tags stored per pattern, newest first; 1 to 1000. Default 100. */
    maxTagsPerPattern?: number;
    /**
     * Patterns polled per catalog entity's `base-image-tags/patterns`
     * annotation; 1 to 1000. Default 50. Patterns beyond it are not polled
     * and show as one invalid pattern of the entity. `patterns` below are
     * not capped.
     */
    maxPatternsPerEntity?: number;
    /** Repositories listed at once; 1 to 64. Default 8. */
    concurrency?: number;
    /** Backoff after a failed listing, with jitter. */
    backoff?: {
      /** Wait after the first failure; doubles per failure. Default 15 minutes. */
      initial?: string | HumanDurationConfig;
      /** Longest wait, also for a registry's Retry-After. Default 24 hours. */
      max?: string | HumanDurationConfig;
    };
    /**
     * Poll the well-known public registries (docker.io, quay.io, ghcr.io,
     * registry.access.redhat.com, registry.redhat.io, registry.k8s.io,
     * gcr.io, mcr.microsoft.com, public.ecr.aws) without listing them under
     * `registries`. Default true. Other hosts are never contacted unless
     * listed under `registries`.
     */
    allowPublicRegistries?: boolean;
    /**
     * Org-wide patterns, besides those of catalog entities' annotations: a
     * pattern string, or an object with exclusions and a semver range.
     */
    patterns?: Array<
      | string
      | {
          /** e.g. `registry.access.redhat.com/ubi9/ubi:9.*`. */
          pattern: string;
          /** Tag globs left out, e.g. `*-source`. */
          exclude?: string | string[];
          /** Semver range the versions must satisfy, e.g. `>=9.4 <10`. */
          range?: string;
        }
    >;
    /**
     * Registries to poll besides the public ones, with their credentials,
     * TLS and politeness settings. A host listed here is allowed; a host
     * with a path (`quay.io/myorg`) allows only repositories under it.
     */
    registries?: Array<{
      /** Host with optional port and path, without a scheme. */
      host: string;
      /** Talk plain HTTP; only on a trusted network. */
      insecure?: boolean;
      /** User name for basic auth or the registry's token endpoint. */
      username?: string;
      /**
       * Password or access token that goes with `username`.
       *
       * @visibility secret
       */
      password?: string;
      /**
       * A bearer token the registry accepts as is.
       *
       * @visibility secret
       */
      token?: string;
      /** PEM file of extra CA certificates to trust for this registry. */
      caFile?: string;
      /** PEM client certificate for mutual TLS. */
      certFile?: string;
      /** PEM private key of `certFile`. */
      keyFile?: string;
      /** Requests in flight to this registry at once. Default 4. */
      maxConcurrency?: number;
      /** Requests started per second against this registry. Default 10. */
      requestsPerSecond?: number;
    }>;
    /**
     * Docker `config.json` or Kubernetes `.dockerconfigjson` files whose
     * `auths` are reused; entries in `registries` win on a tie.
     */
    dockerConfigFiles?: string[];
    /**
     * Timeouts and size caps of the registry client. Durations take
     * milliseconds, `30s`-style strings or `{ seconds: 30 }` objects.
     */
    limits?: {
      /** Time to open a connection. Default 10 s. */
      connectTimeout?: number | string | HumanDurationConfig;
      /** Time from a request to its response headers. Default 30 s. */
      headersTimeout?: number | string | HumanDurationConfig;
      /** Time for one whole request. Default 60 s. */
      requestTimeout?: number | string | HumanDurationConfig;
      /** Time for one whole listing. Default 5 min. */
      listingDeadline?: number | string | HumanDurationConfig;
      /** Largest response body read, in bytes. Default 16 MiB. */
      maxBodyBytes?: number;
      /** Most tags accepted for one repository. Default 100000. */
      maxTags?: number;
      /** Most pages fetched for one repository. Default 1000. */
      maxPages?: number;
      /** Retries of one request after 429/502/503/504. Default 3. */
      maxRetries?: number;
      /** Longest Retry-After waited within a listing. Default 60 s. */
      maxRetryWait?: number | string | HumanDurationConfig;
    };
    /**
     * Delegated listing: repositories that only a cluster can reach are
     * listed by a sensor running there, with the credentials it holds.
     */
    delegation?: {
      /**
       * `none` (default): the backend lists every repository itself.
       * `all`: every repository goes to a sensor, the one of the first
       * matching `registries` entry, otherwise `defaultSensor`.
       * `specific`: only repositories matching an entry go to a sensor.
       */
      enabledFor?: 'none' | 'all' | 'specific';
      /**
       * Sensor for repositories that match no entry (with `all`) and for
       * entries that name no sensor. Required with `all`.
       */
      defaultSensor?: string;
      /**
       * Ordered; the first entry whose path matches wins. A path is a
       * registry host with an optional repository path prefix and matches
       * on a `/` boundary: `registry.internal/team` matches
       * `registry.internal/team/base` but not `registry.internal/teamx`.
       */
      registries?: Array<{
        /** e.g. `registry.internal:5000/team`, without a scheme. */
        path: string;
        /** Name of a sensor in `baseImageTags.sensors`. */
        sensor?: string;
      }>;
    };
    /** Sensors the backend delegates listings to. */
    sensors?: Array<{
      /** Name shown in repository health, e.g. `cluster-a`. */
      name: string;
      /** Base URL of the sensor, e.g. `https://sensor.tools.svc:8443`. */
      url: string;
      /**
       * Bearer token the sensor accepts (one of its `auth.tokens` or
       * `auth.tokenFiles`); at least 16 characters.
       *
       * @visibility secret
       */
      token: string;
      /**
       * Longest wait for the sensor's answer: milliseconds, a string such
       * as `4m`, or an object such as `{ minutes: 4 }`. Default 4 minutes.
       */
      timeout?:
        | number
        | string
        | {
            hours?: number;
            minutes?: number;
            seconds?: number;
            milliseconds?: number;
          };
      /** PEM file of the CA that signed the sensor's TLS certificate. */
      caFile?: string;
    }>;
  };
}

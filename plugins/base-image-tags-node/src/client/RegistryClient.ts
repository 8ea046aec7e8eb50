import { Config } from '@backstage/config';
import { RegistryAuthenticator } from '../auth/RegistryAuthenticator';
import { TokenCache } from '../auth/TokenCache';
import { readRegistryClientConfig } from '../config/readRegistryClientConfig';
import { CredentialStore } from '../credentials/CredentialStore';
import {
  dockerHubRegistry,
  normalizeRegistryHost,
  registryEndpointHost,
} from '../credentials/registryHost';
import { isRegistryError, RegistryError } from '../errors/RegistryError';
import { redactSecrets, sanitizedExcerpt } from '../errors/sanitize';
import { RegistryTransport, TransportError } from '../http/RegistryTransport';
import { RegistryClock, systemClock } from '../politeness/clock';
import { HostGate } from '../politeness/HostGate';
import {
  ListTagsOptions,
  LoggerLike,
  RepositoryRef,
  TagLister,
  TagListing,
} from '../types';
import { ListingContext } from './ListingContext';
import {
  defaultRegistryLimits,
  RegistryClientOptions,
  RegistryLimits,
} from './RegistryClientOptions';
import { RegistryFetcher } from './RegistryFetcher';
import { TagPager } from './TagPager';

const defaultPageSizes = [10000, 1000, 100];
const defaultMaxConcurrency = 4;
const defaultRequestsPerSecond = 10;
/**
 * Gates kept before idle ones are dropped: links and redirects can name any
 * number of hosts, and a gate for each would be kept forever.
 */
const gatesBeforePruning = 256;

const repositoryPattern =
  /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const hostPattern = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;
const maxPort = 65535;

/** Whether a host with optional port is one a URL can be built on. */
function isUsableHost(host: string): boolean {
  const match = hostPattern.exec(host);
  if (!match) {
    return false;
  }
  const port = match[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > maxPort)) {
    return false;
  }
  try {
    // Catches what the pattern lets through, e.g. "[:::::]".
    return Boolean(new URL(`https://${host}`).host);
  } catch {
    return false;
  }
}

/**
 * Lists tags of repositories on any OCI registry: Docker Hub, Quay, GHCR,
 * Red Hat's registries, Harbor, Artifactory, Nexus, ECR, GCR/Artifact
 * Registry, ACR and plain Distribution.
 *
 * @public
 */
export class RegistryClient implements TagLister {
  private readonly limits: RegistryLimits;
  private readonly transport: RegistryTransport;
  private readonly credentials?: CredentialStore;
  private readonly clock: RegistryClock;
  private readonly random: () => number;
  private readonly logger?: LoggerLike;
  private readonly auth: RegistryAuthenticator;
  private readonly gates = new Map<string, HostGate>();
  private readonly pageSizes: Array<number | undefined>;
  private readonly preferredPageSize = new Map<string, number>();

  /**
   * A client configured from the config block that holds `registries`,
   * `dockerConfigFiles` and `limits` (see {@link RegistryClientConfig}).
   */
  static fromConfig(
    config: Config,
    options?: { logger?: LoggerLike },
  ): RegistryClient {
    return new RegistryClient(readRegistryClientConfig(config, options));
  }

  /** A client from plain options. */
  static create(options: RegistryClientOptions = {}): RegistryClient {
    return new RegistryClient(options);
  }

  constructor(options: RegistryClientOptions = {}) {
    this.limits = { ...defaultRegistryLimits, ...options.limits };
    this.transport = new RegistryTransport(
      options.registries ?? [],
      this.limits,
      options.proxy,
    );
    this.credentials = options.credentials;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.logger = options.logger;
    this.auth = new RegistryAuthenticator(
      new TokenCache(this.clock),
      this.clock,
      this.logger,
    );
    this.pageSizes = [...(options.pageSizes ?? defaultPageSizes), undefined];
  }

  async listTags(
    ref: RepositoryRef,
    options?: ListTagsOptions,
  ): Promise<TagListing> {
    const normalized = this.normalize(ref);
    const deadlineSignal = AbortSignal.timeout(this.limits.listingDeadlineMs);
    const signal = options?.signal
      ? AbortSignal.any([options.signal, deadlineSignal])
      : deadlineSignal;
    const deadline = this.clock.now() + this.limits.listingDeadlineMs;
    let requests = 0;

    const credentials = this.credentials?.lookup(
      normalized.registry,
      normalized.repository,
    );
    // Tokens issued during this listing join the configured secrets.
    const secrets = [
      credentials?.registryToken ?? '',
      credentials?.identityToken ?? '',
    ];
    const redact = (text: string) =>
      redactSecrets(text, {
        username: credentials?.username,
        password: credentials?.password,
        tokens: secrets,
      });
    const endpoint = registryEndpointHost(normalized.registry);
    const scheme = this.transport.settingsFor(endpoint)?.insecure
      ? 'http'
      : 'https';
    const ctx: ListingContext = {
      ref: normalized,
      registryOrigin: new URL(`${scheme}://${endpoint}`),
      credentials,
      signal,
      send: (url, init) => {
        requests++;
        return this.gateFor(url.host).run(
          () =>
            this.transport.send(url, {
              ...init,
              signal,
              bodyLimit: init.bodyLimit ?? this.limits.maxBodyBytes,
            }),
          signal,
        );
      },
      error: details =>
        new RegistryError({
          ...details,
          message: redact(details.message),
          // The registry's own code is echoed text too.
          ...(details.code === undefined ? {} : { code: redact(details.code) }),
          registry: normalized.registry,
          repository: normalized.repository,
        }),
      redact,
      rememberSecret: secret => {
        if (!secrets.includes(secret)) secrets.push(secret);
      },
    };

    const fetcher = new RegistryFetcher({
      auth: this.auth,
      clock: this.clock,
      random: this.random,
      limits: this.limits,
      gateFor: host => this.gateFor(host),
      deadline,
      logger: this.logger,
    });
    const pager = new TagPager({
      fetcher,
      clock: this.clock,
      limits: this.limits,
      gateFor: host => this.gateFor(host),
      pageSizes: this.pageSizes,
      preferredPageSize: this.preferredPageSize,
    });

    try {
      const listing = await pager.list(ctx);
      this.logger?.debug(
        `Listed ${listing.tags.length} tags of ${normalized.registry}/${normalized.repository}`,
        { pages: listing.pages, requests },
      );
      return { ...listing, requests };
    } catch (error) {
      if (options?.signal?.aborted) {
        throw options.signal.reason;
      }
      if (deadlineSignal.aborted) {
        throw ctx.error({
          kind: 'timeout',
          message: `Listing ${normalized.registry}/${
            normalized.repository
          } took longer than ${
            this.limits.listingDeadlineMs / 1000
          } s (limits.listingDeadline) after ${requests} requests`,
        });
      }
      if (isRegistryError(error)) {
        throw error;
      }
      if (error instanceof TransportError) {
        throw ctx.error({
          kind: error.kind,
          message: `Listing ${normalized.registry}/${normalized.repository} failed: ${error.message}`,
        });
      }
      throw ctx.error({
        kind: 'network',
        message: `Listing ${normalized.registry}/${
          normalized.repository
        } failed: ${sanitizedExcerpt(
          String((error as Error)?.message ?? error),
        )}`,
      });
    }
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  private normalize(ref: RepositoryRef): RepositoryRef {
    const registry = normalizeRegistryHost(ref.registry);
    let repository = ref.repository.trim().replace(/^\/+|\/+$/g, '');
    if (registry === dockerHubRegistry && !repository.includes('/')) {
      repository = `library/${repository}`;
    }
    const invalid = (message: string) =>
      new RegistryError({
        kind: 'not-found',
        code: 'NAME_INVALID',
        registry: sanitizedExcerpt(registry, 100),
        repository: sanitizedExcerpt(repository, 200),
        message,
      });
    if (!isUsableHost(registry)) {
      throw invalid(
        `"${sanitizedExcerpt(
          registry,
          100,
        )}" is not a registry host such as quay.io or registry.example.com:5000`,
      );
    }
    if (!repositoryPattern.test(repository) || repository.length > 255) {
      throw invalid(
        `"${sanitizedExcerpt(
          repository,
          200,
        )}" is not a valid repository name (lower case letters, digits and separators, e.g. library/alpine)`,
      );
    }
    return { registry, repository };
  }

  private gateFor(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      if (this.gates.size >= gatesBeforePruning) {
        const now = this.clock.now();
        for (const [known, candidate] of this.gates) {
          if (candidate.isIdle(now)) {
            this.gates.delete(known);
          }
        }
      }
      const settings = this.transport.settingsFor(host);
      gate = new HostGate(
        {
          maxConcurrency: settings?.maxConcurrency ?? defaultMaxConcurrency,
          requestsPerSecond:
            settings?.requestsPerSecond ?? defaultRequestsPerSecond,
        },
        this.clock,
      );
      this.gates.set(host, gate);
    }
    return gate;
  }
}

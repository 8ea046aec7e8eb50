import tls from 'node:tls';
import { Dispatcher, EnvHttpProxyAgent, request } from 'undici';
import {
  RegistryLimits,
  RegistryProxyOptions,
  RegistrySettings,
} from '../client/RegistryClientOptions';
import { registryEndpointHost } from '../credentials/registryHost';

/**
 * Response headers with lower case names.
 *
 * @internal
 */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * A response with its body read into memory.
 *
 * @internal
 */
export interface HttpResult {
  status: number;
  headers: ResponseHeaders;
  /** The URL this response came from. */
  url: URL;
  body: Buffer;
  /** Whether the body was cut at the byte limit. */
  truncated: boolean;
}

/**
 * What one request sends.
 *
 * @internal
 */
export interface HttpRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Aborts the request: the caller's signal and the listing deadline. */
  signal: AbortSignal;
  /** Bytes read at most; more is cut off and marked `truncated`. */
  bodyLimit: number;
  /**
   * The registry host whose CA bundle applies when `url` is on a host
   * without settings of its own, e.g. a token realm of a private registry.
   */
  trustFrom?: string;
}

/**
 * Why a request produced no response. Messages hold no request details.
 *
 * @internal
 */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'network',
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Tells registry operators who is calling. */
const userAgent = 'base-image-tags-registry-client';

const retryableCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

// What a failure to reach the host at all may come from, beyond a wrong
// host name: DNS, a firewall or a proxy that this machine needs.
const reachHint =
  "check the registry host and this machine's network or proxy (HTTPS_PROXY)";

/**
 * The transport error for a request that got no response, with a message
 * naming the host and what to check.
 *
 * @internal
 */
export function describeCause(
  error: unknown,
  url: URL,
  limits: RegistryLimits,
): TransportError {
  const code = (error as { code?: string })?.code ?? '';
  const host = url.host;
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new TransportError(
      `connecting to ${host} took longer than ${seconds(
        limits.connectTimeoutMs,
      )} (limits.connectTimeout)`,
      'timeout',
      false,
    );
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new TransportError(
      `${host} sent no response headers within ${seconds(
        limits.headersTimeoutMs,
      )} (limits.headersTimeout)`,
      'timeout',
      false,
    );
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new TransportError(
      `${host} stalled while sending the response body`,
      'timeout',
      false,
    );
  }
  if (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_|EPROTO|HOSTNAME_MISMATCH/.test(code)
  ) {
    return new TransportError(
      `TLS with ${host} failed (${code}); set caFile for this registry if it uses a private CA, or insecure: true if it serves plain HTTP`,
      'network',
      false,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError(
      `cannot resolve ${url.hostname} (${code}); ${reachHint}`,
      'network',
      false,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new TransportError(
      `${host} refused the connection (${code}); ${reachHint}`,
      'network',
      false,
    );
  }
  if (code === 'ETIMEDOUT') {
    return new TransportError(
      `connecting to ${host} timed out (${code}); ${reachHint}`,
      'network',
      false,
    );
  }
  const message = (error as Error)?.message ?? String(error);
  return new TransportError(
    `request to ${host} failed: ${code || message.slice(0, 120)}`,
    'network',
    retryableCodes.has(code),
  );
}

/**
 * Sends single HTTP requests over undici, one dispatcher per TLS setup,
 * honouring `HTTPS_PROXY`/`NO_PROXY`. Follows no redirects: callers decide
 * what may cross origins.
 *
 * @internal
 */
export class RegistryTransport {
  private readonly settings = new Map<string, RegistrySettings>();
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(
    settings: RegistrySettings[],
    private readonly limits: RegistryLimits,
    private readonly proxy: RegistryProxyOptions | undefined,
  ) {
    for (const entry of settings) {
      // Docker Hub's settings are written for docker.io but used at its API host.
      this.settings.set(registryEndpointHost(entry.host), entry);
    }
  }

  settingsFor(host: string): RegistrySettings | undefined {
    return this.settings.get(host.toLowerCase());
  }

  async send(url: URL, init: HttpRequest): Promise<HttpResult> {
    const timeout = AbortSignal.timeout(this.limits.requestTimeoutMs);
    const signal = AbortSignal.any([init.signal, timeout]);
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: init.method ?? 'GET',
        headers: { 'User-Agent': userAgent, ...init.headers },
        body: init.body,
        signal,
        dispatcher: this.dispatcherFor(url.host, init.trustFrom),
        headersTimeout: this.limits.headersTimeoutMs,
        bodyTimeout: this.limits.requestTimeoutMs,
      });
    } catch (error) {
      throw this.failure(error, url, init.signal, timeout);
    }
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      for await (const chunk of response.body) {
        const buffer = chunk as Buffer;
        if (size + buffer.length > init.bodyLimit) {
          chunks.push(buffer.subarray(0, init.bodyLimit - size));
          size = init.bodyLimit;
          truncated = true;
          break;
        }
        chunks.push(buffer);
        size += buffer.length;
      }
      if (truncated) {
        response.body.destroy();
      }
      return {
        status: response.statusCode,
        headers: response.headers,
        url,
        body: Buffer.concat(chunks, size),
        truncated,
      };
    } catch (error) {
      response.body.destroy();
      throw this.failure(error, url, init.signal, timeout);
    }
  }

  async close() {
    await Promise.all([...this.dispatchers.values()].map(d => d.close()));
    this.dispatchers.clear();
  }

  private failure(
    error: unknown,
    url: URL,
    outer: AbortSignal,
    timeout: AbortSignal,
  ): unknown {
    if (outer.aborted) {
      // The caller or the listing deadline ended it; they explain why.
      return outer.reason;
    }
    if (timeout.aborted) {
      return new TransportError(
        `request to ${url.host} took longer than ${
          this.limits.requestTimeoutMs / 1000
        } s (limits.requestTimeout)`,
        'timeout',
        false,
      );
    }
    return describeCause(error, url, this.limits);
  }

  private dispatcherFor(host: string, trustFrom?: string): Dispatcher {
    const own = this.settingsFor(host);
    const trusted =
      own ?? (trustFrom ? this.settingsFor(trustFrom) : undefined);
    // A realm host borrows the registry's CA but never its client key.
    let key = '';
    if (own) {
      key = `host:${host}`;
    } else if (trusted?.ca) {
      key = `trust:${trustFrom}`;
    }
    let dispatcher = this.dispatchers.get(key);
    if (!dispatcher) {
      const tlsOptions: tls.ConnectionOptions = {};
      if (trusted?.ca) {
        tlsOptions.ca = [...tls.rootCertificates, trusted.ca.toString()];
      }
      if (own?.cert && own.key) {
        tlsOptions.cert = own.cert;
        tlsOptions.key = own.key;
      }
      dispatcher = new EnvHttpProxyAgent({
        ...this.proxy,
        connect: { ...tlsOptions, timeout: this.limits.connectTimeoutMs },
        requestTls: { ...tlsOptions, timeout: this.limits.connectTimeoutMs },
        headersTimeout: this.limits.headersTimeoutMs,
        bodyTimeout: this.limits.requestTimeoutMs,
      });
      this.dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }
}

import { RegistryAuthenticator } from '../auth/RegistryAuthenticator';
import { describeUrl, sanitizedExcerpt } from '../errors/sanitize';
import { HttpResult, TransportError } from '../http/RegistryTransport';
import { parseRetryAfter } from '../http/parseRetryAfter';
import { backoffDelay } from '../politeness/backoff';
import { RegistryClock } from '../politeness/clock';
import { HostGate } from '../politeness/HostGate';
import { LoggerLike } from '../types';
import { describeFailure } from './describeFailure';
import { ListingContext } from './ListingContext';
import { RegistryLimits } from './RegistryClientOptions';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const retryStatuses = new Set([429, 502, 503, 504]);
const maxRedirects = 5;

/** What the fetcher needs from the client.
 *
 * @internal
 */
export interface RegistryFetcherDeps {
  auth: RegistryAuthenticator;
  clock: RegistryClock;
  random: () => number;
  limits: RegistryLimits;
  gateFor(host: string): HostGate;
  /** Epoch ms when the listing must be done. */
  deadline: number;
  logger?: LoggerLike;
}

/**
 * Fetches one resource of a registry: authenticates against the
 * registry's challenge, follows redirects without carrying credentials to
 * another origin, and retries 429/5xx and connection resets politely.
 * Returns the final response, which may still be an error status.
 *
 * @internal
 */
export class RegistryFetcher {
  constructor(private readonly deps: RegistryFetcherDeps) {}

  async fetch(ctx: ListingContext, url: URL): Promise<HttpResult> {
    const { auth, limits } = this.deps;
    let authorization = await auth.preemptive(ctx);
    let challenged = false;
    for (let attempt = 0; ; attempt++) {
      let response: HttpResult;
      try {
        response = await this.followRedirects(ctx, url, authorization);
      } catch (error) {
        if (
          error instanceof TransportError &&
          error.retryable &&
          attempt < limits.maxRetries
        ) {
          await this.wait(ctx, url, undefined, attempt);
          continue;
        }
        throw error;
      }
      // Not handled yet: other hosts named by links, redirects and token
      // realms are not checked against the backend's allow-list; effect: an
      // allowed registry can lead a listing (never its credentials) anywhere.
      const sameOrigin = response.url.origin === ctx.registryOrigin.origin;
      if (response.status === 401 && sameOrigin) {
        if (challenged) {
          throw auth.refused(ctx, response, authorization);
        }
        authorization = await auth.afterUnauthorized(
          ctx,
          response,
          authorization,
        );
        challenged = true;
        attempt--; // answering a challenge is not a retry
        continue;
      }
      if (retryStatuses.has(response.status)) {
        if (attempt >= limits.maxRetries) {
          return response;
        }
        const retryAfter = parseRetryAfter(
          response.headers['retry-after'],
          this.deps.clock.now(),
        );
        await this.wait(ctx, response.url, retryAfter, attempt, response);
        continue;
      }
      return response;
    }
  }

  /**
   * Holds back every request to the host for `retryAfter` (or a backoff),
   * or gives up with a rate-limited error when the wait is too long.
   */
  private async wait(
    ctx: ListingContext,
    url: URL,
    retryAfter: number | undefined,
    attempt: number,
    response?: HttpResult,
  ) {
    const { clock, limits, random } = this.deps;
    const now = clock.now();
    const waitMs = retryAfter ?? backoffDelay(attempt, random);
    const tooLong =
      waitMs > limits.maxRetryWaitMs || now + waitMs > this.deps.deadline;
    if (tooLong && response) {
      // Not handled yet: resuming an abandoned listing in a later call; effect: the next listing starts again at the first page.
      const error = describeFailure(ctx, response, now);
      throw ctx.error({
        kind: error.kind,
        status: error.status,
        code: error.code,
        retryAfterMs: waitMs,
        message: `${error.message}; asked to wait ${Math.ceil(
          waitMs / 1000,
        )} s, longer than limits.maxRetryWait or the listing deadline allow`,
      });
    }
    this.deps.logger?.debug(
      ctx.redact(`Waiting ${waitMs} ms before retrying ${describeUrl(url)}`),
      { registry: ctx.ref.registry, status: response?.status ?? 0 },
    );
    this.deps.gateFor(url.host).pauseUntil(now + waitMs);
  }

  private async followRedirects(
    ctx: ListingContext,
    start: URL,
    authorization: string | undefined,
  ): Promise<HttpResult> {
    let url = start;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      // Credentials belong to the registry's origin and go nowhere else.
      if (authorization && url.origin === ctx.registryOrigin.origin) {
        headers.Authorization = authorization;
      }
      const response = await ctx.send(url, { headers });
      const location = response.headers.location;
      if (!redirectStatuses.has(response.status) || !location) {
        return response;
      }
      let next: URL;
      try {
        next = new URL(Array.isArray(location) ? location[0] : location, url);
      } catch {
        return response;
      }
      if (!/^https?:$/.test(next.protocol)) {
        throw ctx.error({
          kind: 'protocol',
          status: response.status,
          message: `${ctx.ref.registry} redirected ${describeUrl(
            url,
          )} to a URL that is not HTTP ("${sanitizedExcerpt(next.href, 100)}")`,
        });
      }
      if (url.protocol === 'https:' && next.protocol !== 'https:') {
        throw ctx.error({
          kind: 'protocol',
          status: response.status,
          message: `${ctx.ref.registry} redirected ${describeUrl(
            url,
          )} to plain HTTP (${describeUrl(next)}); refusing to downgrade`,
        });
      }
      url = next;
    }
    throw ctx.error({
      kind: 'protocol',
      message: `${
        ctx.ref.registry
      } redirected more than ${maxRedirects} times from ${describeUrl(start)}`,
    });
  }
}

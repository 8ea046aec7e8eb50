import { describeUrl, sanitizedExcerpt } from '../errors/sanitize';
import { HttpResult } from '../http/RegistryTransport';
import { findNextLink } from '../http/parseLinkHeader';
import { parseRateLimitHeaders } from '../http/parseRateLimitHeaders';
import { RegistryClock } from '../politeness/clock';
import { HostGate } from '../politeness/HostGate';
import { RateLimitStatus, TagListing } from '../types';
import { describeFailure, refusesPageSize } from './describeFailure';
import { ListingContext } from './ListingContext';
import { RegistryLimits } from './RegistryClientOptions';
import { RegistryFetcher } from './RegistryFetcher';

/** The OCI tag grammar. */
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** What the pager needs from the client.
 *
 * @internal
 */
export interface TagPagerDeps {
  fetcher: RegistryFetcher;
  clock: RegistryClock;
  limits: RegistryLimits;
  gateFor(host: string): HostGate;
  /** Page sizes to try on the first page; `undefined` means no `n`. */
  pageSizes: Array<number | undefined>;
  /** Index into `pageSizes` the registry accepted last time. */
  preferredPageSize: Map<string, number>;
}

/**
 * Lists every tag of one repository: asks for a big first page, steps down
 * when the registry refuses the size, then follows `Link: rel="next"`
 * exactly as given until there is none.
 *
 * @internal
 */
export class TagPager {
  constructor(private readonly deps: TagPagerDeps) {}

  async list(ctx: ListingContext): Promise<Omit<TagListing, 'requests'>> {
    const { limits, pageSizes, preferredPageSize } = this.deps;
    const tags = new Set<string>();
    const visited = new Set<string>();
    let invalidTags = 0;
    let pages = 0;
    let rateLimit: RateLimitStatus | undefined;
    let sizeIndex = Math.min(
      preferredPageSize.get(ctx.ref.registry) ?? 0,
      pageSizes.length - 1,
    );
    let url = this.firstPage(ctx, pageSizes[sizeIndex]);

    for (;;) {
      if (visited.has(url.href)) {
        throw ctx.error({
          kind: 'protocol',
          message: `${
            ctx.ref.registry
          } sent a next-page link back to a page already fetched (${describeUrl(
            url,
          )}) after ${pages} pages; stopping to avoid a loop`,
        });
      }
      if (pages >= limits.maxPages) {
        throw ctx.error({
          kind: 'too-large',
          message: `${ctx.ref.registry}/${ctx.ref.repository} has more than ${limits.maxPages} pages of tags (${tags.size} tags so far); raise limits.maxPages if this is expected`,
        });
      }
      visited.add(url.href);
      const response = await this.deps.fetcher.fetch(ctx, url);

      if (
        pages === 0 &&
        sizeIndex < pageSizes.length - 1 &&
        refusesPageSize(response)
      ) {
        sizeIndex++;
        url = this.firstPage(ctx, pageSizes[sizeIndex]);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        throw describeFailure(ctx, response, this.deps.clock.now());
      }
      if (response.truncated) {
        throw ctx.error({
          kind: 'too-large',
          status: response.status,
          message: `A tag page of ${ctx.ref.registry}/${ctx.ref.repository} is larger than ${limits.maxBodyBytes} bytes; raise limits.maxBodyBytes if this is expected`,
        });
      }
      if (pages === 0) {
        preferredPageSize.set(ctx.ref.registry, sizeIndex);
      }
      pages++;

      invalidTags += this.readTags(ctx, response, tags);
      rateLimit = this.noteRateLimit(response) ?? rateLimit;

      const next = findNextLink(response.headers.link);
      if (next === undefined) {
        break;
      }
      url = this.resolveNext(ctx, next, response.url);
    }
    return {
      tags: [...tags],
      pages,
      ...(invalidTags > 0 ? { invalidTags } : {}),
      ...(rateLimit ? { rateLimit } : {}),
    };
  }

  private firstPage(ctx: ListingContext, size: number | undefined): URL {
    const url = new URL(
      `/v2/${ctx.ref.repository}/tags/list`,
      ctx.registryOrigin,
    );
    if (size !== undefined) {
      url.searchParams.set('n', String(size));
    }
    return url;
  }

  /** Resolves a link against the response that carried it, as given. */
  private resolveNext(ctx: ListingContext, link: string, base: URL): URL {
    let next: URL | undefined;
    try {
      next = new URL(link, base);
    } catch {
      next = undefined;
    }
    if (!next || !/^https?:$/.test(next.protocol)) {
      throw ctx.error({
        kind: 'protocol',
        message: `${
          ctx.ref.registry
        } sent a next-page link that is not an HTTP URL: "${sanitizedExcerpt(
          link,
          100,
        )}"`,
      });
    }
    if (base.protocol === 'https:' && next.protocol !== 'https:') {
      throw ctx.error({
        kind: 'protocol',
        message: `${
          ctx.ref.registry
        } sent a next-page link to plain HTTP (${describeUrl(
          next,
        )}); refusing to downgrade`,
      });
    }
    // A fragment is never sent, so it cannot make a page new.
    next.hash = '';
    return next;
  }

  /**
   * Adds the page's tags to `tags`, stopping as soon as there are more than
   * `limits.maxTags`, so a hostile page of millions of short names costs no
   * more than its parsed body; returns how many entries were not tags.
   */
  private readTags(
    ctx: ListingContext,
    response: HttpResult,
    tags: Set<string>,
  ): number {
    const text = response.body.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw ctx.error({
        kind: 'protocol',
        status: response.status,
        message: `${ctx.ref.registry} answered ${
          response.status
        } to ${describeUrl(response.url)} with a body that is not JSON: "${
          sanitizedExcerpt(text) || '(empty)'
        }"`,
      });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw ctx.error({
        kind: 'protocol',
        status: response.status,
        message: `${ctx.ref.registry} answered a tag list that is not a JSON object`,
      });
    }
    const raw = (body as { tags?: unknown }).tags;
    if (raw === undefined || raw === null) {
      return 0;
    }
    if (!Array.isArray(raw)) {
      throw ctx.error({
        kind: 'protocol',
        status: response.status,
        message: `${ctx.ref.registry} answered a tag list whose "tags" is not an array`,
      });
    }
    const { maxTags } = this.deps.limits;
    let invalid = 0;
    for (const tag of raw) {
      if (typeof tag !== 'string' || !tagPattern.test(tag)) {
        invalid++;
        continue;
      }
      tags.add(tag);
      if (tags.size > maxTags) {
        throw ctx.error({
          kind: 'too-large',
          message: `${ctx.ref.registry}/${ctx.ref.repository} has more than ${maxTags} tags; raise limits.maxTags if this is expected`,
        });
      }
    }
    return invalid;
  }

  private noteRateLimit(response: HttpResult): RateLimitStatus | undefined {
    const status = parseRateLimitHeaders(response.headers);
    if (
      status?.remaining === 0 &&
      status.resetMs !== undefined &&
      status.resetMs <= this.deps.limits.maxRetryWaitMs
    ) {
      // The window is spent: hold back until it resets instead of a 429.
      this.deps
        .gateFor(response.url.host)
        .pauseUntil(this.deps.clock.now() + status.resetMs);
    }
    return status;
  }
}

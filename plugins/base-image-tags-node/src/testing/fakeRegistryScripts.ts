import { FakeRegistryHandler, FakeRegistryRequest } from './startFakeRegistry';

/**
 * `count` tags named `<prefix>0001`, `<prefix>0002`, … in lexical order.
 *
 * @public
 */
export function makeTags(count: number, prefix = 'v'): string[] {
  const width = String(count).length;
  return Array.from(
    { length: count },
    (_, index) => `${prefix}${String(index + 1).padStart(width, '0')}`,
  );
}

/**
 * How {@link pagedTagsHandler} pages.
 *
 * @public
 */
export interface PagedTagsOptions {
  repository: string;
  tags: string[];
  /** Page size when the client asks for none or for more. Default 100. */
  maxPageSize?: number;
  /**
   * Answer 400 with an error code when `n` exceeds this, as ECR does above
   * 1000.
   */
  refuseAbove?: number;
  /**
   * `last`: links carry `n` and `last=<tag>` (Distribution). `opaque`:
   * links carry a `next_page` cursor and the handler ignores `last`.
   */
  cursor?: 'last' | 'opaque';
  /** `relative` (default) or `absolute` link targets. */
  link?: 'relative' | 'absolute';
}

/**
 * A handler that serves `/v2/<repository>/tags/list` in pages with `Link`
 * headers, and 404 `NAME_UNKNOWN` for any other repository.
 *
 * @public
 */
export function pagedTagsHandler(
  options: PagedTagsOptions,
): FakeRegistryHandler {
  const maxPageSize = options.maxPageSize ?? 100;
  const path = `/v2/${options.repository}/tags/list`;
  const cursors = new Map<string, number>();

  return (request: FakeRegistryRequest, registry) => {
    if (request.url.pathname !== path) {
      return {
        status: 404,
        body: {
          errors: [
            {
              code: 'NAME_UNKNOWN',
              message: 'repository name not known to registry',
            },
          ],
        },
      };
    }
    const params = request.url.searchParams;
    const asked = params.has('n') ? Number(params.get('n')) : undefined;
    if (
      asked !== undefined &&
      options.refuseAbove !== undefined &&
      asked > options.refuseAbove
    ) {
      return {
        status: 400,
        body: {
          errors: [
            {
              code: 'PAGINATION_NUMBER_INVALID',
              message: `invalid number of results requested; must be at most ${options.refuseAbove}`,
            },
          ],
        },
      };
    }
    const size = Math.min(asked ?? maxPageSize, maxPageSize);
    let start = 0;
    if (options.cursor === 'opaque') {
      const cursor = params.get('next_page');
      if (cursor !== null) {
        if (!cursors.has(cursor)) {
          return { status: 400, body: { errors: [{ code: 'BAD_CURSOR' }] } };
        }
        start = cursors.get(cursor)!;
      }
    } else {
      const last = params.get('last');
      start = last === null ? 0 : options.tags.findIndex(tag => tag > last);
      if (start < 0) {
        start = options.tags.length;
      }
    }
    const page = options.tags.slice(start, start + size);
    const headers: Record<string, string> = {};
    const end = start + page.length;
    if (end < options.tags.length) {
      let query: string;
      if (options.cursor === 'opaque') {
        const cursor = Buffer.from(`cursor-${end}-${Math.random()}`).toString(
          'base64url',
        );
        cursors.set(cursor, end);
        query = `next_page=${cursor}&n=${size}`;
      } else {
        query = `n=${size}&last=${encodeURIComponent(page[page.length - 1])}`;
      }
      const target = `${path}?${query}`;
      headers.Link = `<${
        options.link === 'absolute' ? `${registry.url}${target}` : target
      }>; rel="next"`;
    }
    return {
      headers,
      body: { name: options.repository, tags: page },
    };
  };
}

/**
 * Options of {@link withBearerAuth}.
 *
 * @public
 */
export interface BearerAuthOptions {
  /** Path of the token endpoint on the same fake. Default `/token`. */
  tokenPath?: string;
  service?: string;
  /** Accepted basic credentials; any request gets a token when absent. */
  credentials?: { username: string; password: string };
  /** Token lifetime in seconds. Default 300. */
  expiresIn?: number;
}

/**
 * Wraps a handler in bearer-token auth: `/v2/` requests without the
 * issued token get a 401 challenge naming `<url><tokenPath>` as realm,
 * and the token endpoint issues a token (checking basic credentials when
 * `credentials` is set).
 *
 * @public
 */
export function withBearerAuth(
  inner: FakeRegistryHandler,
  options: BearerAuthOptions = {},
): FakeRegistryHandler {
  const tokenPath = options.tokenPath ?? '/token';
  const service = options.service ?? 'fake-registry';
  const issued = new Set<string>();
  let serial = 0;
  return (request, registry) => {
    if (request.url.pathname === tokenPath) {
      if (options.credentials) {
        const expected = `Basic ${Buffer.from(
          `${options.credentials.username}:${options.credentials.password}`,
        ).toString('base64')}`;
        if (request.headers.authorization !== expected) {
          return { status: 401, body: { details: 'invalid credentials' } };
        }
      }
      serial++;
      const token = `fake-token-${serial}`;
      issued.add(token);
      return {
        body: { access_token: token, expires_in: options.expiresIn ?? 300 },
      };
    }
    const presented = /^Bearer (.+)$/.exec(
      request.headers.authorization ?? '',
    )?.[1];
    if (!presented || !issued.has(presented)) {
      const repository = /^\/v2\/(.+)\/tags\/list$/.exec(
        request.url.pathname,
      )?.[1];
      return {
        status: 401,
        headers: {
          'WWW-Authenticate': `Bearer realm="${
            registry.url
          }${tokenPath}",service="${service}"${
            repository ? `,scope="repository:${repository}:pull"` : ''
          }`,
        },
        body: {
          errors: [
            { code: 'UNAUTHORIZED', message: 'authentication required' },
          ],
        },
      };
    }
    return inner(request, registry);
  };
}

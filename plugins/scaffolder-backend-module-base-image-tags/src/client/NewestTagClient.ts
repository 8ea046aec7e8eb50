import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { parseErrorResponseBody } from '@backstage/errors';
import { NewestTagResponse } from '@base-image-tags/plugin-base-image-tags-common';
import { NewestTagRequest, NewestTagSource } from './NewestTagSource';
import { isLookupErrorName, oneLineError } from './oneLineError';

const PLUGIN_ID = 'base-image-tags';

// The backend's error body, turned back into the error it threw; anything
// else (a proxy's HTML page, an internal error) becomes "unavailable".
async function backendError(response: Response): Promise<Error> {
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const { error } = await parseErrorResponseBody(response);
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (isJson && isLookupErrorName(error.name)) {
    return oneLineError(error.name, error.message, code);
  }
  return oneLineError(
    'ServiceUnavailableError',
    `The base-image-tags backend failed (${response.status} ` +
      `${response.statusText})${isJson ? `: ${error.message}` : ''}`,
  );
}

function isNewestTagResponse(body: unknown): body is NewestTagResponse {
  const value = body as Partial<NewestTagResponse> | null;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.tag === 'string' &&
    typeof value.image === 'string' &&
    Array.isArray(value.tags) &&
    value.tags.every(tag => typeof tag === 'string')
  );
}

/**
 * Reads newest tags from the base-image-tags backend, found through
 * discovery and called with this plugin's own service token, so that the
 * backend's allow-list, credentials and delegation rules apply.
 *
 * @public
 */
export class NewestTagClient implements NewestTagSource {
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.discovery = options.discovery;
    this.auth = options.auth;
  }

  async getNewest(
    request: NewestTagRequest,
    options?: { signal?: AbortSignal },
  ): Promise<NewestTagResponse> {
    const baseUrl = await this.discovery.getBaseUrl(PLUGIN_ID);
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: PLUGIN_ID,
    });
    const query = new URLSearchParams({ pattern: request.pattern });
    if (request.live) {
      query.set('live', 'true');
    }
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/newest?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: options?.signal,
      });
    } catch (error) {
      if (options?.signal?.aborted) {
        throw error;
      }
      const cause = (error as { cause?: { code?: unknown } }).cause;
      const reason = typeof cause?.code === 'string' ? cause.code : 'failed';
      throw oneLineError(
        'ServiceUnavailableError',
        `Could not reach the base-image-tags backend at ${baseUrl} ` +
          `(${reason}); check that the plugin is installed and running`,
      );
    }
    if (!response.ok) {
      throw await backendError(response);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!isNewestTagResponse(body)) {
      throw oneLineError(
        'ServiceUnavailableError',
        'The base-image-tags backend answered something other than a ' +
          'newest-tag response; check that both plugins are the same version',
      );
    }
    // Only the known fields, copied: the answer is outside input.
    return {
      pattern: String(body.pattern),
      tag: body.tag,
      image: body.image,
      tags: Array.from(body.tags, String),
      ...(body.counts ? { counts: { ...body.counts } } : {}),
    };
  }
}

import { RegistryError } from '../errors/RegistryError';
import {
  describeRegistryReason,
  parseRegistryErrorBody,
} from '../errors/registryErrorBody';
import { describeUrl } from '../errors/sanitize';
import { HttpResult } from '../http/RegistryTransport';
import { parseRetryAfter } from '../http/parseRetryAfter';
import { ListingContext } from './ListingContext';

/** Registry error codes that are about the name, not the page size. */
const nameCodes = new Set(['NAME_UNKNOWN', 'NAME_INVALID', 'DENIED']);

/**
 * Whether a first-page response refuses the page size we asked for: ECR
 * answers 400 above 1000, others 413, 416, 422 or their own error code.
 *
 * @internal
 */
export function refusesPageSize(response: HttpResult): boolean {
  if (![400, 413, 416, 422].includes(response.status)) {
    return false;
  }
  const code = parseRegistryErrorBody(response.body.toString('utf8'))?.code;
  return !code || !nameCodes.has(code.toUpperCase());
}

/**
 * The typed error for a tag-list response that is not a success.
 *
 * @internal
 */
export function describeFailure(
  ctx: ListingContext,
  response: HttpResult,
  now: number,
): RegistryError {
  const { ref } = ctx;
  const text = response.body.toString('utf8');
  const body = parseRegistryErrorBody(text);
  const code = body?.code?.toUpperCase();
  const reason = describeRegistryReason(response.status, body, text);
  const status = response.status;
  const base = { status, code: body?.code };
  const target = `${ref.registry}/${ref.repository}`;

  if (code === 'NAME_INVALID') {
    return ctx.error({
      ...base,
      kind: 'not-found',
      message: `${ref.registry} says "${ref.repository}" is not a valid repository name (${reason}); fix the image reference`,
    });
  }
  if (status === 404 || code === 'NAME_UNKNOWN') {
    return ctx.error({
      ...base,
      kind: 'not-found',
      message: `Repository ${target} not found or has no tags (${reason}); check the image reference`,
    });
  }
  const elsewhere = response.url.origin !== ctx.registryOrigin.origin;
  if ((status === 403 || code === 'DENIED') && elsewhere) {
    return ctx.error({
      ...base,
      kind: 'denied',
      message: `${describeUrl(response.url)}, where ${
        ref.registry
      } sent us for the tags of ${
        ref.repository
      }, denied access (${reason}); credentials are never sent to a host other than ${
        ref.registry
      }`,
    });
  }
  if (status === 403 || code === 'DENIED') {
    return ctx.error({
      ...base,
      kind: 'denied',
      message: `${ref.registry} denied listing the tags of ${
        ref.repository
      } (${reason}); ${
        ctx.credentials
          ? 'the configured credentials lack pull access'
          : 'anonymous access is not allowed, so add credentials for this registry'
      }`,
    });
  }
  if (status === 401) {
    return ctx.error({
      ...base,
      kind: 'unauthorized',
      message: `${describeUrl(
        response.url,
      )} asked for credentials, which are not sent to a host other than ${
        ref.registry
      } (${reason})`,
    });
  }
  if (status === 429) {
    return ctx.error({
      ...base,
      kind: 'rate-limited',
      retryAfterMs: parseRetryAfter(response.headers['retry-after'], now),
      message: `${ref.registry} is rate limiting us (${reason}); the listing of ${ref.repository} will be retried later`,
    });
  }
  if (status >= 500) {
    return ctx.error({
      ...base,
      kind: 'network',
      message: `${ref.registry} failed to list the tags of ${ref.repository} (${reason}); this is usually temporary`,
    });
  }
  if (status >= 300 && status < 400) {
    return ctx.error({
      ...base,
      kind: 'protocol',
      message: `${
        ref.registry
      } answered ${status} without a usable Location for ${describeUrl(
        response.url,
      )}`,
    });
  }
  return ctx.error({
    ...base,
    kind: 'protocol',
    message: `${ref.registry} answered ${status} to ${describeUrl(
      response.url,
    )} (${reason})`,
  });
}

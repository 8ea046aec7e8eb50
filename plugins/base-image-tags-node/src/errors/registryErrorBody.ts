import { sanitizedExcerpt } from './sanitize';

/**
 * The first entry of a registry's `{"errors": [...]}` body.
 *
 * @internal
 */
export interface RegistryErrorBody {
  code?: string;
  message?: string;
}

/**
 * Reads the OCI error body leniently; anything else gives `undefined`.
 *
 * @internal
 */
export function parseRegistryErrorBody(
  text: string,
): RegistryErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const errors = (parsed as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) {
    return undefined;
  }
  const first = errors[0] as { code?: unknown; message?: unknown } | null;
  if (typeof first !== 'object' || first === null) {
    return undefined;
  }
  return {
    code:
      typeof first.code === 'string'
        ? sanitizedExcerpt(first.code, 60)
        : undefined,
    message:
      typeof first.message === 'string'
        ? sanitizedExcerpt(first.message, 160)
        : undefined,
  };
}

/**
 * How the registry explained itself, for the end of an error message.
 *
 * @internal
 */
export function describeRegistryReason(
  status: number,
  body: RegistryErrorBody | undefined,
  text: string,
): string {
  if (body?.code || body?.message) {
    return `registry answered ${status} ${[body.code, body.message]
      .filter(Boolean)
      .join(': ')}`;
  }
  const excerpt = sanitizedExcerpt(text);
  return excerpt
    ? `registry answered ${status}: "${excerpt}"`
    : `registry answered ${status} with an empty body`;
}

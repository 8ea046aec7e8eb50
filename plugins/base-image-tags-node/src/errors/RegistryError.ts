import { CustomErrorBase, InputError } from '@backstage/errors';

/**
 * Why a registry request failed.
 *
 * - `unauthorized`: credentials are missing or were refused.
 * - `denied`: the credentials are valid but may not read this repository.
 * - `not-found`: the repository does not exist or has no tags.
 * - `rate-limited`: the registry asked us to slow down; see `retryAfterMs`.
 * - `timeout`: a connect, header, request or listing deadline passed.
 * - `protocol`: the registry answered something this client cannot use.
 * - `too-large`: a body, the tag count or the page count exceeded a limit.
 * - `network`: the registry could not be reached or failed on its side.
 *
 * @public
 */
export type RegistryErrorKind =
  | 'unauthorized'
  | 'denied'
  | 'not-found'
  | 'rate-limited'
  | 'timeout'
  | 'protocol'
  | 'too-large'
  | 'network';

/**
 * Every {@link RegistryErrorKind}, for validation.
 *
 * @public
 */
export const registryErrorKinds: readonly RegistryErrorKind[] = [
  'unauthorized',
  'denied',
  'not-found',
  'rate-limited',
  'timeout',
  'protocol',
  'too-large',
  'network',
];

/**
 * The fields of a {@link RegistryError}.
 *
 * @public
 */
export interface RegistryErrorDetails {
  kind: RegistryErrorKind;
  /** Registry host, e.g. `docker.io`. */
  registry: string;
  /** Repository path, e.g. `library/alpine`. */
  repository: string;
  /** What happened and what to change; never holds a credential. */
  message: string;
  /** How long the registry asked us to wait before trying again. */
  retryAfterMs?: number;
  /** The registry's own error code, e.g. `NAME_UNKNOWN`. */
  code?: string;
  /** The HTTP status that caused the error, when there was one. */
  status?: number;
}

/**
 * A failed registry request, typed by {@link RegistryErrorKind}. Messages
 * name the registry, the repository and what to fix; they never hold
 * credentials or Authorization headers.
 *
 * @public
 */
export class RegistryError extends CustomErrorBase {
  name = 'RegistryError' as const;
  readonly kind: RegistryErrorKind;
  readonly registry: string;
  readonly repository: string;
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly status?: number;

  constructor(details: RegistryErrorDetails) {
    // The cause is left out on purpose: transport errors can carry request
    // details, and the message already says what happened.
    super(details.message);
    this.kind = details.kind;
    this.registry = details.registry;
    this.repository = details.repository;
    if (details.retryAfterMs !== undefined) {
      this.retryAfterMs = details.retryAfterMs;
    }
    if (details.code !== undefined) {
      this.code = details.code;
    }
    if (details.status !== undefined) {
      this.status = details.status;
    }
  }
}

/**
 * Whether a value is a {@link RegistryError}, also across package copies.
 *
 * @public
 */
export function isRegistryError(value: unknown): value is RegistryError {
  if (value instanceof RegistryError) {
    return true;
  }
  const candidate = value as Partial<RegistryError> | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.name === 'RegistryError' &&
    registryErrorKinds.includes(candidate.kind as RegistryErrorKind)
  );
}

/**
 * The JSON form of a {@link RegistryError}.
 *
 * @public
 */
export interface SerializedRegistryError {
  name: 'RegistryError';
  kind: RegistryErrorKind;
  message: string;
  registry: string;
  repository: string;
  retryAfterMs?: number;
  code?: string;
  status?: number;
}

/**
 * Turns a {@link RegistryError} into a plain JSON object, e.g. to send it
 * over HTTP. No stack and no cause are included.
 *
 * @public
 */
export function serializeRegistryError(
  error: RegistryError,
): SerializedRegistryError {
  const result: SerializedRegistryError = {
    name: 'RegistryError',
    kind: error.kind,
    message: error.message,
    registry: error.registry,
    repository: error.repository,
  };
  if (error.retryAfterMs !== undefined) {
    result.retryAfterMs = error.retryAfterMs;
  }
  if (error.code !== undefined) {
    result.code = error.code;
  }
  if (error.status !== undefined) {
    result.status = error.status;
  }
  return result;
}

const maxFieldLength = 2000;

function readString(value: Record<string, unknown>, key: string): string {
  const field = value[key];
  if (typeof field !== 'string') {
    throw new InputError(`Serialized registry error has no string "${key}"`);
  }
  return field.slice(0, maxFieldLength);
}

function readOptionalNumber(
  value: Record<string, unknown>,
  key: string,
): number | undefined {
  const field = value[key];
  if (field === undefined || field === null) {
    return undefined;
  }
  if (typeof field !== 'number' || !Number.isFinite(field) || field < 0) {
    throw new InputError(
      `Serialized registry error has an invalid "${key}"; expected a number`,
    );
  }
  return field;
}

/**
 * Turns the output of {@link serializeRegistryError} back into a
 * {@link RegistryError}. Throws an `InputError` when the value is not one.
 *
 * @public
 */
export function deserializeRegistryError(value: unknown): RegistryError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('Serialized registry error must be an object');
  }
  const record = value as Record<string, unknown>;
  if (record.name !== 'RegistryError') {
    throw new InputError(
      'Serialized registry error must have name "RegistryError"',
    );
  }
  const kind = readString(record, 'kind') as RegistryErrorKind;
  if (!registryErrorKinds.includes(kind)) {
    throw new InputError(
      `Serialized registry error has unknown kind "${kind.slice(0, 40)}"`,
    );
  }
  const code = record.code;
  if (code !== undefined && code !== null && typeof code !== 'string') {
    throw new InputError('Serialized registry error has a non-string "code"');
  }
  return new RegistryError({
    kind,
    message: readString(record, 'message'),
    registry: readString(record, 'registry'),
    repository: readString(record, 'repository'),
    retryAfterMs: readOptionalNumber(record, 'retryAfterMs'),
    code: typeof code === 'string' ? code.slice(0, 200) : undefined,
    status: readOptionalNumber(record, 'status'),
  });
}

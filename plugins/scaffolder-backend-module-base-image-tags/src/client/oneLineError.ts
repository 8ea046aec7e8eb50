import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * The error classes a lookup may end in, by name, as the backend sends
 * them in its error body.
 *
 * @internal
 */
export const lookupErrorTypes = {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  ServiceUnavailableError,
} as const;

/**
 * The name of one of {@link lookupErrorTypes}.
 *
 * @internal
 */
export type LookupErrorName = keyof typeof lookupErrorTypes;

const MAX_MESSAGE = 600;

/**
 * Makes an error of the given type whose message is one line, and whose
 * stack is only that line: the scaffolder writes a failed step's stack to
 * the task log, which template authors read.
 *
 * @internal
 */
export function oneLineError(
  name: LookupErrorName,
  message: string,
  code?: string,
): Error {
  let text = message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (text.length > MAX_MESSAGE) {
    text = `${text.slice(0, MAX_MESSAGE)}…`;
  }
  const error: Error & { code?: string } = new lookupErrorTypes[name](text);
  error.stack = `${error.name}: ${text}`;
  if (code !== undefined) {
    error.code = code;
  }
  return error;
}

/**
 * Whether the name is one of {@link lookupErrorTypes}.
 *
 * @internal
 */
export function isLookupErrorName(name: unknown): name is LookupErrorName {
  return (
    typeof name === 'string' &&
    Object.prototype.hasOwnProperty.call(lookupErrorTypes, name)
  );
}

import { InputError } from '@backstage/errors';
import { NextFunction, Request, Response } from 'express';

/**
 * Turns the JSON parser's failure into an `InputError`. Its own error
 * carries the raw body, and its message quotes part of it, so neither is
 * passed on: a body is the caller's, and may hold anything.
 *
 * @internal
 */
export function rejectMalformedJson(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
) {
  if ((error as { type?: string })?.type === 'entity.parse.failed') {
    next(
      new InputError(
        'Request body must be JSON: it could not be parsed; send e.g. ' +
          '{"repository":"docker.io/library/alpine"}',
      ),
    );
    return;
  }
  next(error);
}

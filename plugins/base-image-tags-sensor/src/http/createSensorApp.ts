import {
  isRegistryError,
  LoggerLike,
  RegistryError,
  registryErrorStatus,
  RepositoryRef,
  SensorErrorAnswer,
  SensorProblemKind,
  sensorProblemStatus,
  serializeRegistryError,
  TagLister,
} from '@base-image-tags/plugin-base-image-tags-node';
import express, { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import { AllowList } from '../access/AllowList';
import { ListingSlots, SensorOverloadedError } from '../listing/ListingSlots';
import { BadTagsRequestError, readTagsRequest } from './readTagsRequest';

/**
 * What the sensor's HTTP API needs.
 *
 * @public
 */
export interface SensorAppOptions {
  /** Lists tags; the registry client in production. */
  lister: TagLister;
  /** The registries the sensor serves. */
  allowList: AllowList;
  /** Checks the caller's `Authorization` header. */
  verifier: { verify(authorization: string | undefined): boolean };
  /** Bounds the listings running and waiting at once. */
  slots: ListingSlots;
  /** Longest time one request may take, waiting for a slot included. */
  requestTimeoutMs: number;
  /** How long an overloaded sensor asks callers to wait. Default 10 s. */
  overloadRetryAfterMs?: number;
  logger: LoggerLike;
}

class RequestDeadline extends Error {}
class CallerLeft extends Error {}

interface RequestRecord {
  ref?: RepositoryRef;
  outcome: string;
  details?: Record<string, unknown>;
}

/**
 * The sensor's HTTP API:
 *
 * - `GET /healthz` answers `{ "status": "ok" }` without authentication.
 * - `POST /v1/tags` with `{ registry, repository }` and a bearer token
 *   answers `{ tags, pages, requests }`, or `{ error }` with a registry
 *   error or a sensor problem (`SensorErrorAnswer` of the node package).
 *
 * One line is logged per request: repository, outcome and duration.
 *
 * @public
 */
export function createSensorApp(options: SensorAppOptions): express.Express {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((_req, res, next) => {
    res.locals.startedAt = performance.now();
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...options.slots.load });
  });

  app.post(
    '/v1/tags',
    (req, res, next) => {
      if (options.verifier.verify(req.header('authorization'))) {
        next();
        return;
      }
      res.setHeader(
        'WWW-Authenticate',
        'Bearer realm="base-image-tags-sensor"',
      );
      answerProblem(res, 'unauthenticated', 'Send an accepted bearer token');
      logRequest(logger, req, res, { outcome: 'unauthenticated' });
    },
    express.json({ limit: '8kb', strict: true, type: () => true }),
    (req, res, next) => {
      listTags(options, req, res).then(
        record => logRequest(logger, req, res, record),
        next,
      );
    },
  );

  app.use((req, res) => {
    answerProblem(res, 'unknown-endpoint', 'Use GET /healthz or POST /v1/tags');
    logRequest(logger, req, res, { outcome: 'unknown-endpoint' });
  });

  app.use(
    (error: unknown, req: Request, res: Response, _next: NextFunction) => {
      if (isBodyError(error)) {
        // The parser's own message may quote the body, which is the
        // caller's and may hold anything; only its kind is named.
        answerProblem(
          res,
          'bad-request',
          `The body must be JSON of at most 8 kB (${bodyProblem(error)})`,
        );
        logRequest(logger, req, res, { outcome: 'bad-request' });
        return;
      }
      logger.error(`Unexpected failure: ${describe(error)}`);
      if (!res.headersSent) {
        answerProblem(res, 'internal', 'The sensor failed unexpectedly');
      }
      logRequest(logger, req, res, { outcome: 'internal' });
    },
  );
  return app;
}

async function listTags(
  options: SensorAppOptions,
  req: Request,
  res: Response,
): Promise<RequestRecord> {
  let ref: RepositoryRef;
  try {
    ref = readTagsRequest(req.body);
  } catch (error) {
    if (error instanceof BadTagsRequestError) {
      answerProblem(res, 'bad-request', error.message);
      return { outcome: 'bad-request' };
    }
    throw error;
  }

  if (!options.allowList.allows(ref.registry, ref.repository)) {
    answerProblem(
      res,
      'not-allowed',
      `${ref.registry}/${
        ref.repository
      } is not served by this sensor; its allow list holds ${
        options.allowList.describe().join(', ') || 'nothing'
      }. Add the registry path to the sensor's "allow" list or delegate this repository elsewhere`,
      { registry: ref.registry, repository: ref.repository },
    );
    return { ref, outcome: 'not-allowed' };
  }

  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new RequestDeadline()),
    options.requestTimeoutMs,
  );
  const onClose = () => {
    if (!res.writableFinished) {
      controller.abort(new CallerLeft());
    }
  };
  res.on('close', onClose);
  try {
    const listing = await options.slots.run(
      () => options.lister.listTags(ref, { signal: controller.signal }),
      controller.signal,
    );
    res.status(200).json(listing);
    return {
      ref,
      outcome: 'ok',
      details: {
        tags: listing.tags.length,
        pages: listing.pages,
        requests: listing.requests,
      },
    };
  } catch (error) {
    return answerListingFailure(options, res, ref, error);
  } finally {
    clearTimeout(timer);
    res.off('close', onClose);
  }
}

function answerListingFailure(
  options: SensorAppOptions,
  res: Response,
  ref: RepositoryRef,
  error: unknown,
): RequestRecord {
  if (error instanceof CallerLeft) {
    return { ref, outcome: 'caller-left' };
  }
  if (error instanceof SensorOverloadedError) {
    const retryAfterMs = options.overloadRetryAfterMs ?? 10_000;
    res.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
    answerProblem(
      res,
      'overloaded',
      `The sensor is busy: ${error.message}; try again later`,
      { retryAfterMs, ...ref },
    );
    return { ref, outcome: 'overloaded' };
  }
  const registryError =
    error instanceof RequestDeadline
      ? new RegistryError({
          kind: 'timeout',
          registry: ref.registry,
          repository: ref.repository,
          message: `Listing ${ref.registry}/${
            ref.repository
          } took longer than the sensor's ${
            options.requestTimeoutMs / 1000
          } s deadline (server.requestTimeout)`,
        })
      : error;
  if (isRegistryError(registryError)) {
    const status = registryErrorStatus(registryError.kind);
    if (registryError.retryAfterMs !== undefined) {
      res.setHeader(
        'Retry-After',
        String(Math.ceil(registryError.retryAfterMs / 1000)),
      );
    }
    const answer: SensorErrorAnswer = {
      error: serializeRegistryError(registryError),
    };
    res.status(status).json(answer);
    return { ref, outcome: registryError.kind };
  }
  throw error;
}

function answerProblem(
  res: Response,
  kind: SensorProblemKind,
  message: string,
  extra?: { retryAfterMs?: number; registry?: string; repository?: string },
) {
  const answer: SensorErrorAnswer = {
    error: { name: 'SensorProblem', kind, message, ...extra },
  };
  res.status(sensorProblemStatus[kind]).json(answer);
}

function isBodyError(error: unknown): error is Error & { type: string } {
  return (
    error instanceof Error &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

function bodyProblem(error: { type: string }): string {
  switch (error.type) {
    case 'entity.parse.failed':
      return 'it is not valid JSON';
    case 'entity.too.large':
      return 'it is larger';
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return 'send it as UTF-8 without a content encoding';
    default:
      return 'it could not be read';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown';
}

function logRequest(
  logger: LoggerLike,
  req: Request,
  res: Response,
  record: RequestRecord,
) {
  const startedAt = res.locals.startedAt as number | undefined;
  logger.info(`${req.method} ${req.path} ${record.outcome}`, {
    repository: record.ref
      ? `${record.ref.registry}/${record.ref.repository}`
      : undefined,
    outcome: record.outcome,
    status: record.outcome === 'caller-left' ? undefined : res.statusCode,
    durationMs:
      startedAt === undefined
        ? undefined
        : Math.round(performance.now() - startedAt),
    ...record.details,
  });
}

import {
  deserializeRegistryError,
  isSensorProblemKind,
  readSensorFailure,
  RegistryError,
  serializeRegistryError,
  RepositoryRef,
  TagListing,
} from '@base-image-tags/plugin-base-image-tags-node';
import { SensorError, SensorErrorKind } from './SensorError';

/**
 * A raw answer of a sensor.
 *
 * @internal
 */
export interface SensorAnswer {
  status: number;
  /** Value of the `Retry-After` header, if any. */
  retryAfter?: string;
  body: string;
}

/**
 * Which sensor was asked about which repository, for messages.
 *
 * @internal
 */
export interface SensorQuestion {
  sensor: string;
  /** Where the sensor is configured, e.g. `baseImageTags.sensors[0]`. */
  configKey: string;
  ref: RepositoryRef;
}

/**
 * A short single-line excerpt of text the sensor sent.
 *
 * @internal
 */
export function excerpt(text: string, maxLength = 300): string {
  const cleaned = text
    .slice(0, maxLength * 4)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\b(Bearer|Basic)\s+\S+/gi, '$1 ***')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length > maxLength
    ? `${cleaned.slice(0, maxLength)}…`
    : cleaned;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfterMs(
  fromBody: unknown,
  header: string | undefined,
): number | undefined {
  if (typeof fromBody === 'number' && Number.isFinite(fromBody)) {
    return Math.max(0, fromBody);
  }
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : undefined;
}

function readListing(
  data: unknown,
  question: SensorQuestion,
): TagListing | SensorError {
  const listing = data as Partial<TagListing> | undefined;
  if (
    typeof listing !== 'object' ||
    listing === null ||
    !Array.isArray(listing.tags) ||
    !listing.tags.every(tag => typeof tag === 'string') ||
    !isCount(listing.pages) ||
    !isCount(listing.requests)
  ) {
    return sensorError(
      question,
      'sensor-protocol',
      'answered 200 without { tags, pages, requests }; check that its url points at a base-image-tags sensor',
      200,
    );
  }
  const result: TagListing = {
    tags: listing.tags,
    pages: listing.pages,
    requests: listing.requests,
  };
  if (isCount(listing.invalidTags)) {
    result.invalidTags = listing.invalidTags;
  }
  if (typeof listing.rateLimit === 'object' && listing.rateLimit !== null) {
    const { limit, remaining, resetMs } = listing.rateLimit;
    result.rateLimit = {
      ...(isCount(limit) ? { limit } : {}),
      ...(isCount(remaining) ? { remaining } : {}),
      ...(isCount(resetMs) ? { resetMs } : {}),
    };
  }
  return result;
}

function sensorError(
  question: SensorQuestion,
  kind: SensorErrorKind,
  what: string,
  status?: number,
  retryAfter?: number,
): SensorError {
  const { ref, sensor } = question;
  return new SensorError({
    kind,
    sensor,
    registry: ref.registry,
    repository: ref.repository,
    status,
    retryAfterMs: retryAfter,
    message: `Sensor "${sensor}" ${what} (listing ${ref.registry}/${ref.repository})`,
  });
}

function readProblem(
  problem: Record<string, unknown>,
  answer: SensorAnswer,
  question: SensorQuestion,
): SensorError {
  const said = excerpt(String(problem.message ?? ''));
  const { status } = answer;
  switch (isSensorProblemKind(problem.kind) ? problem.kind : undefined) {
    case 'unauthenticated':
      return sensorError(
        question,
        'sensor-unauthorized',
        `refused the token of ${question.configKey}.token; make it one of the sensor's auth.tokens or auth.tokenFiles`,
        status,
      );
    case 'not-allowed':
      return sensorError(
        question,
        'sensor-not-allowed',
        `does not serve this repository: ${said}`,
        status,
      );
    case 'overloaded':
      return sensorError(
        question,
        'sensor-overloaded',
        `is busy: ${said}`,
        status,
        retryAfterMs(problem.retryAfterMs, answer.retryAfter),
      );
    case 'unknown-endpoint':
      return sensorError(
        question,
        'sensor-protocol',
        `has no tag listing endpoint at this url; check ${question.configKey}.url`,
        status,
      );
    default:
      return sensorError(
        question,
        'sensor-protocol',
        `answered ${status}: ${said}`,
        status,
      );
  }
}

function readFailure(
  data: unknown,
  answer: SensorAnswer,
  question: SensorQuestion,
): RegistryError | SensorError {
  const failure = readSensorFailure(data);
  if (failure?.name === 'RegistryError') {
    try {
      // Named after the repository asked about, as the sensor may have
      // normalised it (e.g. Docker Hub's "library/").
      return new RegistryError({
        ...serializeRegistryError(deserializeRegistryError(failure.fields)),
        registry: question.ref.registry,
        repository: question.ref.repository,
      });
    } catch {
      return sensorError(
        question,
        'sensor-protocol',
        `answered ${answer.status} with a malformed registry error`,
        answer.status,
      );
    }
  }
  if (failure?.name === 'SensorProblem') {
    return readProblem(failure.fields, answer, question);
  }
  if ([502, 503, 504].includes(answer.status)) {
    // A proxy or load balancer in front of a sensor that is down.
    return sensorError(
      question,
      'sensor-unreachable',
      `is unreachable: its address answered ${answer.status} without a sensor answer`,
      answer.status,
    );
  }
  return sensorError(
    question,
    'sensor-protocol',
    `answered ${answer.status} with an unexpected body "${excerpt(
      answer.body,
      120,
    )}"; check ${question.configKey}.url`,
    answer.status,
  );
}

/**
 * Turns a sensor's answer into the listing, or into the error to throw: a
 * `RegistryError` when the registry failed behind the sensor, a
 * {@link SensorError} when the sensor refused or answered nonsense.
 *
 * @internal
 */
export function readSensorAnswer(
  answer: SensorAnswer,
  question: SensorQuestion,
): TagListing | RegistryError | SensorError {
  const data = parseJson(answer.body);
  if (answer.status === 200) {
    return readListing(data, question);
  }
  return readFailure(data, answer, question);
}

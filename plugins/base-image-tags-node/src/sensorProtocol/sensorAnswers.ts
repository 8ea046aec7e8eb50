import {
  RegistryErrorKind,
  SerializedRegistryError,
} from '../errors/RegistryError';

/**
 * Why the sensor itself refused or failed a request, as opposed to the
 * registry failing it.
 *
 * - `unauthenticated`: no bearer token, or not an accepted one.
 * - `not-allowed`: the repository is outside the sensor's `allow` list.
 * - `overloaded`: every listing slot is busy; try again after `retryAfterMs`.
 * - `bad-request`: the request body is not `{ registry, repository }`.
 * - `unknown-endpoint`: no such path on the sensor.
 * - `internal`: an unexpected failure inside the sensor.
 *
 * @public
 */
export type SensorProblemKind =
  | 'unauthenticated'
  | 'not-allowed'
  | 'overloaded'
  | 'bad-request'
  | 'unknown-endpoint'
  | 'internal';

/**
 * The JSON form of a sensor problem, sent as `{ error: … }`.
 *
 * @public
 */
export interface SerializedSensorProblem {
  name: 'SensorProblem';
  kind: SensorProblemKind;
  message: string;
  retryAfterMs?: number;
  registry?: string;
  repository?: string;
}

/**
 * The body of every failed answer of the sensor: a registry error as
 * produced by `serializeRegistryError`, or a sensor problem.
 *
 * @public
 */
export interface SensorErrorAnswer {
  error: SerializedRegistryError | SerializedSensorProblem;
}

/**
 * HTTP status of each sensor problem.
 *
 * @public
 */
export const sensorProblemStatus: Record<SensorProblemKind, number> = {
  unauthenticated: 401,
  'not-allowed': 403,
  overloaded: 503,
  'bad-request': 400,
  'unknown-endpoint': 404,
  internal: 500,
};

/**
 * HTTP status of an answer carrying a registry error. The sensor is a
 * gateway: failures on the registry's side are 502, its timeouts 504.
 *
 * @public
 */
export function registryErrorStatus(kind: RegistryErrorKind): number {
  switch (kind) {
    case 'not-found':
      return 404;
    case 'rate-limited':
      return 429;
    case 'timeout':
      return 504;
    default:
      return 502;
  }
}

/**
 * Whether a value is one of the {@link SensorProblemKind}s.
 *
 * @public
 */
export function isSensorProblemKind(
  value: unknown,
): value is SensorProblemKind {
  return (
    typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(sensorProblemStatus, value)
  );
}

/**
 * The failure in a sensor's `{ error }` answer, told apart by its `name`.
 * The fields are unchecked: whatever answers at a sensor's URL may send
 * anything, so the reader checks each field it uses.
 *
 * @public
 */
export type ReceivedSensorFailure =
  | { name: SerializedRegistryError['name']; fields: Record<string, unknown> }
  | { name: SerializedSensorProblem['name']; fields: Record<string, unknown> };

const registryErrorName: SerializedRegistryError['name'] = 'RegistryError';
const sensorProblemName: SerializedSensorProblem['name'] = 'SensorProblem';

/**
 * Reads the failure out of the parsed body of a failed sensor answer (see
 * {@link SensorErrorAnswer}); undefined when the body holds neither a
 * registry error nor a sensor problem, e.g. a proxy's error page.
 *
 * @public
 */
export function readSensorFailure(
  body: unknown,
): ReceivedSensorFailure | undefined {
  const failure =
    typeof body === 'object' && body !== null
      ? (body as { error?: unknown }).error
      : undefined;
  if (typeof failure !== 'object' || failure === null) {
    return undefined;
  }
  const fields = failure as Record<string, unknown>;
  if (fields.name === registryErrorName) {
    return { name: registryErrorName, fields };
  }
  if (fields.name === sensorProblemName) {
    return { name: sensorProblemName, fields };
  }
  return undefined;
}

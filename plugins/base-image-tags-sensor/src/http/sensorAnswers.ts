import {
  RegistryErrorKind,
  SerializedRegistryError,
} from '@base-image-tags/plugin-base-image-tags-node';

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

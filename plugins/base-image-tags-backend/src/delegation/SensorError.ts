import { CustomErrorBase } from '@backstage/errors';

/**
 * Why a sensor could not list a repository, as opposed to the registry
 * behind it failing (that is a `RegistryError`).
 *
 * - `sensor-unreachable`: no answer: connection refused or reset, name not
 *   resolved, TLS not trusted, no answer in time, or a proxy in front of
 *   the sensor answered 502/503/504.
 * - `sensor-unauthorized`: the sensor refused the configured token.
 * - `sensor-not-allowed`: the repository is outside the sensor's allow list.
 * - `sensor-overloaded`: the sensor was busy; see `retryAfterMs`.
 * - `sensor-protocol`: the sensor answered something unusable.
 *
 * @public
 */
export type SensorErrorKind =
  | 'sensor-unreachable'
  | 'sensor-unauthorized'
  | 'sensor-not-allowed'
  | 'sensor-overloaded'
  | 'sensor-protocol';

/**
 * Every {@link SensorErrorKind}.
 *
 * @public
 */
export const sensorErrorKinds: readonly SensorErrorKind[] = [
  'sensor-unreachable',
  'sensor-unauthorized',
  'sensor-not-allowed',
  'sensor-overloaded',
  'sensor-protocol',
];

/**
 * The fields of a {@link SensorError}.
 *
 * @public
 */
export interface SensorErrorDetails {
  kind: SensorErrorKind;
  /** The sensor's configured name. */
  sensor: string;
  registry: string;
  repository: string;
  /** What happened and what to change; never holds the token. */
  message: string;
  /** How long to wait before asking the sensor again. */
  retryAfterMs?: number;
  /** The sensor's HTTP status, when it answered. */
  status?: number;
}

/**
 * A delegated listing that failed at or on the way to the sensor. Its
 * `kind` values differ from every registry error kind, so that health can
 * tell "sensor unreachable" from a registry failure.
 *
 * @public
 */
export class SensorError extends CustomErrorBase {
  name = 'SensorError' as const;
  readonly kind: SensorErrorKind;
  readonly sensor: string;
  readonly registry: string;
  readonly repository: string;
  readonly retryAfterMs?: number;
  readonly status?: number;

  constructor(details: SensorErrorDetails) {
    // No cause: socket errors can carry request details.
    super(details.message);
    this.kind = details.kind;
    this.sensor = details.sensor;
    this.registry = details.registry;
    this.repository = details.repository;
    if (details.retryAfterMs !== undefined) {
      this.retryAfterMs = details.retryAfterMs;
    }
    if (details.status !== undefined) {
      this.status = details.status;
    }
  }
}

/**
 * Whether a value is a {@link SensorError}, also across package copies.
 *
 * @public
 */
export function isSensorError(value: unknown): value is SensorError {
  if (value instanceof SensorError) {
    return true;
  }
  const candidate = value as Partial<SensorError> | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.name === 'SensorError' &&
    sensorErrorKinds.includes(candidate.kind as SensorErrorKind)
  );
}

import { RegistryPath } from '@base-image-tags/plugin-base-image-tags-node';

/**
 * Which repositories a sensor lists:
 *
 * - `none`: every repository is listed directly by the backend (default).
 * - `all`: every repository goes to a sensor: the first matching entry of
 *   `delegation.registries`, otherwise `delegation.defaultSensor`.
 * - `specific`: only repositories matching an entry go to a sensor.
 *
 * @public
 */
export type DelegationMode = 'none' | 'all' | 'specific';

/**
 * How to reach one sensor.
 *
 * @public
 */
export interface SensorEndpoint {
  /** Name shown in repository health, e.g. `cluster-a`. */
  name: string;
  /** Base URL, e.g. `https://base-image-tags-sensor.tools.svc:8443`. */
  url: string;
  /** Bearer token the sensor accepts. */
  token: string;
  /** Longest wait for the sensor's answer. Default 4 min. */
  timeoutMs?: number;
  /** Extra CA certificates (PEM) trusted for the sensor's TLS. */
  ca?: string | Buffer;
  /** Where it is configured, for messages, e.g. `baseImageTags.sensors[0]`. */
  configKey?: string;
}

/**
 * One entry of `baseImageTags.delegation.registries`.
 *
 * @public
 */
export interface DelegationRule {
  path: RegistryPath;
  /** Sensor name; the default sensor when the entry names none. */
  sensor: string;
}

/**
 * The validated `baseImageTags.delegation` and `baseImageTags.sensors`.
 *
 * @public
 */
export interface DelegationSettings {
  enabledFor: DelegationMode;
  defaultSensor?: string;
  /** In configured order; the first match wins. */
  rules: DelegationRule[];
  sensors: SensorEndpoint[];
}

/**
 * Default of `baseImageTags.sensors[].timeout`: above the sensor's own
 * default deadline of 3 min, so that the sensor's timeout answer arrives
 * first.
 *
 * @public
 */
export const defaultSensorTimeoutMs = 4 * 60_000;

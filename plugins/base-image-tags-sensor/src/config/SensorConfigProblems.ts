import { ConfigProblems } from '@base-image-tags/plugin-base-image-tags-node';

/**
 * Collects every problem of the sensor's configuration, so that one
 * start-up error names all keys to fix.
 *
 * @public
 */
export class SensorConfigProblems extends ConfigProblems {
  /** @param source - Where the configuration was read, e.g. `sensor.yaml`. */
  constructor(source: string) {
    super(`sensor configuration in ${source}`);
  }
}

/**
 * Sensor service that lists container registry tags on behalf of the
 * base-image-tags backend, for registries only a cluster can reach.
 *
 * @packageDocumentation
 */

export { AllowList } from './access/AllowList';
export {
  BearerTokenVerifier,
  readTokenFile,
  type BearerTokenVerifierOptions,
} from './access/BearerTokenVerifier';
export { loadSensorConfigFile, runSensorCli } from './cli/runSensorCli';
export {
  sensorDefaults,
  type SensorConfig,
  type SensorDurationConfig,
  type SensorSettings,
} from './config/SensorConfig';
export { readSensorConfig } from './config/readSensorConfig';
export { SensorConfigProblems } from './config/SensorConfigProblems';
export { createSensorApp, type SensorAppOptions } from './http/createSensorApp';
export { BadTagsRequestError, readTagsRequest } from './http/readTagsRequest';
export {
  ListingSlots,
  SensorOverloadedError,
  type ListingSlotsOptions,
} from './listing/ListingSlots';
export { JsonLineLogger, type SensorLogLevel } from './logging/JsonLineLogger';
export {
  startSensor,
  type RunningSensor,
  type StartSensorOptions,
} from './server/startSensor';

/**
 * Container registry client that lists every tag of a repository on any
 * OCI registry, shared by the base-image-tags backend and sensor.
 *
 * @packageDocumentation
 */

export type {
  ListTagsOptions,
  LoggerLike,
  RateLimitStatus,
  RepositoryRef,
  TagListing,
  TagLister,
} from './types';
export { RegistryClient } from './client/RegistryClient';
export {
  defaultRegistryLimits,
  type RegistryClientOptions,
  type RegistryLimits,
  type RegistryProxyOptions,
  type RegistrySettings,
} from './client/RegistryClientOptions';
export type {
  RegistryClientConfig,
  RegistryDurationConfig,
  RegistryEntryConfig,
  RegistryLimitsConfig,
} from './config/RegistryClientConfig';
export { readRegistryClientConfig } from './config/readRegistryClientConfig';
export { ConfigProblems } from './config/ConfigProblems';
export {
  readConfigDurationMs,
  readConfiguredFile,
  readPositiveDurationMs,
  readWholeNumber,
  reportUnknownKeys,
  type PositiveDurationOptions,
  type WholeNumberOptions,
} from './config/readConfigValues';
export {
  RegistryError,
  deserializeRegistryError,
  isRegistryError,
  registryErrorKinds,
  serializeRegistryError,
  type RegistryErrorDetails,
  type RegistryErrorKind,
  type SerializedRegistryError,
} from './errors/RegistryError';
export {
  RegistryCredentialStore,
  type CredentialEntry,
  type CredentialSource,
  type CredentialStore,
  type RegistryCredentials,
} from './credentials/CredentialStore';
export {
  DockerConfigFileSource,
  parseDockerConfig,
} from './credentials/dockerConfig';
export {
  dockerHubRegistry,
  normalizeRegistryHost,
  parseRegistryKey,
  registryEndpointHost,
} from './credentials/registryHost';
export {
  formatRegistryPath,
  isRegistryHost,
  isRepositoryPath,
  isUnderRegistryPath,
  parseRegistryPath,
  type RegistryPath,
} from './registryPath/registryPath';
export {
  isSensorProblemKind,
  readSensorFailure,
  registryErrorStatus,
  sensorProblemStatus,
  type ReceivedSensorFailure,
  type SensorErrorAnswer,
  type SensorProblemKind,
  type SerializedSensorProblem,
} from './sensorProtocol/sensorAnswers';
export { systemClock, type RegistryClock } from './politeness/clock';

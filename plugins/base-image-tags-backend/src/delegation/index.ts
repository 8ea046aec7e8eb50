export {
  createDelegationRouter,
  createDelegationRouterFromSettings,
  type DelegationRouter,
  type DelegationRouterOptions,
  type ResolvedLister,
} from './createDelegationRouter';
export {
  defaultSensorTimeoutMs,
  type DelegationMode,
  type DelegationRule,
  type DelegationSettings,
  type SensorEndpoint,
} from './DelegationSettings';
export { readDelegationConfig } from './readDelegationConfig';
export {
  isSensorError,
  SensorError,
  sensorErrorKinds,
  type SensorErrorDetails,
  type SensorErrorKind,
} from './SensorError';
export { SensorTagLister } from './SensorTagLister';
export { DelegatingTagListerResolver } from './DelegatingTagListerResolver';

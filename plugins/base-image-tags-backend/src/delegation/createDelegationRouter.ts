import { Config } from '@backstage/config';
import {
  ConfigProblems,
  formatRegistryPath,
  isUnderRegistryPath,
  LoggerLike,
  RepositoryRef,
  TagLister,
} from '@base-image-tags/plugin-base-image-tags-node';
import { DelegationSettings } from './DelegationSettings';
import { readDelegationConfig } from './readDelegationConfig';
import { SensorTagLister } from './SensorTagLister';

/**
 * The lister of one repository, and the sensor behind it when delegated.
 *
 * @public
 */
export interface ResolvedLister {
  lister: TagLister;
  /** The sensor's name when a sensor lists the repository. */
  via?: string;
}

/**
 * Picks the lister of each repository: the backend's own registry client,
 * or the sensor the delegation settings send it to.
 *
 * @public
 */
export interface DelegationRouter {
  /**
   * The lister of a repository. A repository with `via` set is allowed by
   * definition: the sensor's own allow list decides what it serves.
   */
  resolve(ref: RepositoryRef): ResolvedLister;
  /** The validated settings. */
  readonly settings: DelegationSettings;
}

/**
 * Options of {@link createDelegationRouter}.
 *
 * @public
 */
export interface DelegationRouterOptions {
  /** Lists repositories that no sensor serves. */
  directLister: TagLister;
  logger?: LoggerLike;
  /**
   * A collector shared with the other config readers, so that one
   * start-up error names every key to fix; the caller then throws.
   * Without it, invalid delegation config throws here.
   */
  problems?: ConfigProblems;
  /** Builds the lister of a sensor; tests pass fakes. */
  createSensorLister?: (
    sensor: DelegationSettings['sensors'][number],
  ) => TagLister;
}

/**
 * Reads `baseImageTags.delegation` and `baseImageTags.sensors` from the
 * root config and routes each repository: with `enabledFor: none` to the
 * direct lister; with `specific` to the sensor of the first matching
 * `registries` entry, else direct; with `all` to the first matching
 * entry's sensor, else the default sensor. Paths match on a `/` boundary.
 *
 * @public
 */
export function createDelegationRouter(
  rootConfig: Config,
  options: DelegationRouterOptions,
): DelegationRouter {
  const settings = readDelegationConfig(rootConfig, options.problems);
  return createDelegationRouterFromSettings(settings, options);
}

/**
 * {@link createDelegationRouter} from settings that are already read.
 *
 * @public
 */
export function createDelegationRouterFromSettings(
  settings: DelegationSettings,
  options: Omit<DelegationRouterOptions, 'problems'>,
): DelegationRouter {
  const create =
    options.createSensorLister ?? (sensor => new SensorTagLister(sensor));
  const listers = new Map(
    settings.sensors.map(sensor => [sensor.name, create(sensor)] as const),
  );
  warnAboutSettings(settings, options.logger);

  const viaSensor = (name: string | undefined): ResolvedLister => {
    const lister = name ? listers.get(name) : undefined;
    // Validation guarantees the sensor exists; direct listing is the safe
    // answer if settings were built by hand.
    return lister ? { lister, via: name } : { lister: options.directLister };
  };

  return {
    settings,
    resolve(ref) {
      if (settings.enabledFor === 'none') {
        return { lister: options.directLister };
      }
      const rule = settings.rules.find(candidate =>
        isUnderRegistryPath(candidate.path, ref.registry, ref.repository),
      );
      if (rule) {
        return viaSensor(rule.sensor);
      }
      return settings.enabledFor === 'all'
        ? viaSensor(settings.defaultSensor)
        : { lister: options.directLister };
    },
  };
}

function warnAboutSettings(settings: DelegationSettings, logger?: LoggerLike) {
  if (!logger) {
    return;
  }
  settings.rules.forEach((rule, index) => {
    const earlier = settings.rules
      .slice(0, index)
      .findIndex(
        candidate =>
          candidate.path.host === rule.path.host &&
          (candidate.path.prefix === '' ||
            rule.path.prefix === candidate.path.prefix ||
            rule.path.prefix.startsWith(`${candidate.path.prefix}/`)),
      );
    if (earlier >= 0) {
      logger.warn(
        `baseImageTags.delegation.registries[${index}] (${formatRegistryPath(
          rule.path,
        )}) never matches: entry ${earlier} comes first and covers it; move the more specific path up`,
      );
    }
  });
  for (const sensor of settings.sensors) {
    if (sensor.url.startsWith('http://')) {
      logger.warn(
        `Sensor "${sensor.name}" is reached over plain HTTP; its token crosses the network unencrypted unless the connection stays inside the cluster`,
      );
    }
  }
}

import { Config } from '@backstage/config';
import {
  ConfigProblems,
  parseRegistryPath,
  readConfiguredFile,
  readPositiveDurationMs,
  reportUnknownKeys,
} from '@base-image-tags/plugin-base-image-tags-node';
import { BaseImageTagsConfigProblems } from '../config/BaseImageTagsConfigProblems';
import {
  defaultSensorTimeoutMs,
  DelegationMode,
  DelegationRule,
  DelegationSettings,
  SensorEndpoint,
} from './DelegationSettings';

const modes: DelegationMode[] = ['none', 'all', 'specific'];
const delegationKeys = ['enabledFor', 'defaultSensor', 'registries'];
const ruleKeys = ['path', 'sensor'];
const sensorKeys = ['name', 'url', 'token', 'timeout', 'caFile'];
const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
// The sensor refuses shorter tokens; catching it here names the key.
const minimumTokenLength = 16;

function readUrl(entry: Config, where: string, problems: ConfigProblems) {
  const text = problems.read(
    `${where}.url`,
    () => entry.getString('url'),
    undefined,
  );
  if (text === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.add(
      `${where}.url`,
      `"${text}" is not a URL; write e.g. https://base-image-tags-sensor.tools.svc:8443`,
    );
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.add(`${where}.url`, 'must start with https:// or http://');
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash) {
    problems.add(
      `${where}.url`,
      'must hold no user, password, query or fragment; the token goes in token',
    );
    return undefined;
  }
  return url.toString().replace(/\/+$/, '');
}

function readSensor(
  entry: Config,
  index: number,
  seen: Set<string>,
  problems: ConfigProblems,
): SensorEndpoint | undefined {
  const where = `baseImageTags.sensors[${index}]`;
  reportUnknownKeys(entry, where, sensorKeys, problems);
  const name = problems.read(
    `${where}.name`,
    () => entry.getString('name'),
    undefined,
  );
  if (name !== undefined && !namePattern.test(name)) {
    problems.add(
      `${where}.name`,
      'use letters, digits, ".", "_" and "-", at most 63 characters',
    );
  } else if (name !== undefined && seen.has(name)) {
    problems.add(`${where}.name`, `"${name}" is used by an earlier sensor`);
  }
  const url = readUrl(entry, where, problems);
  const token = problems.read(
    `${where}.token`,
    () => entry.getString('token'),
    undefined,
  );
  if (token !== undefined && token.trim().length < minimumTokenLength) {
    problems.add(
      `${where}.token`,
      `is shorter than ${minimumTokenLength} characters, which the sensor refuses`,
    );
  }
  const timeoutMs = readPositiveDurationMs(
    entry,
    'timeout',
    {
      where: `${where}.timeout`,
      fallback: defaultSensorTimeoutMs,
      example: '4m',
      plainMilliseconds: true,
    },
    problems,
  );
  const caFile = problems.read(
    `${where}.caFile`,
    () => entry.getOptionalString('caFile'),
    undefined,
  );
  const ca = caFile
    ? problems.read(
        `${where}.caFile`,
        () => readConfiguredFile(caFile),
        undefined as Buffer | undefined,
      )
    : undefined;
  const duplicate = name !== undefined && seen.has(name);
  if (name !== undefined && namePattern.test(name)) {
    // Declared names count for references even when other keys are wrong,
    // so that only the sensor's own keys are reported.
    seen.add(name);
  }
  if (!name || !namePattern.test(name) || duplicate || !url || !token) {
    return undefined;
  }
  return {
    name,
    url,
    token: token.trim(),
    timeoutMs,
    ca,
    configKey: where,
  };
}

function describeSensors(names: Set<string>): string {
  return names.size > 0
    ? `configured sensors are ${[...names].join(', ')}`
    : 'no sensor is configured; add one under baseImageTags.sensors';
}

function readRules(
  delegation: Config,
  names: Set<string>,
  defaults: { sensor?: string; written: boolean },
  problems: ConfigProblems,
): { rules: DelegationRule[]; written: boolean } {
  const entries = problems.read(
    'baseImageTags.delegation.registries',
    () => delegation.getOptionalConfigArray('registries'),
    undefined,
  );
  const rules = (entries ?? []).flatMap((entry, index): DelegationRule[] => {
    const where = `baseImageTags.delegation.registries[${index}]`;
    reportUnknownKeys(entry, where, ruleKeys, problems);
    const rawPath = entry.getOptional('path') ?? '';
    if (typeof rawPath !== 'string') {
      problems.add(
        `${where}.path`,
        'must be a string such as registry.internal/team',
      );
    }
    const pathText = typeof rawPath === 'string' ? rawPath : undefined;
    const path =
      pathText === undefined
        ? undefined
        : problems.read(
            `${where}.path`,
            () => parseRegistryPath(pathText),
            undefined,
          );
    const sensor = problems.read(
      `${where}.sensor`,
      () => entry.getOptionalString('sensor') ?? defaults.sensor,
      undefined,
    );
    if (sensor === undefined) {
      // An unknown default sensor is reported once, at its own key.
      if (!entry.has('sensor') && !defaults.written) {
        problems.add(
          `${where}.sensor`,
          'name a sensor, or set baseImageTags.delegation.defaultSensor',
        );
      }
      return [];
    }
    if (!names.has(sensor)) {
      problems.add(
        `${where}.sensor`,
        `unknown sensor "${sensor}"; ${describeSensors(names)}`,
      );
      return [];
    }
    return path ? [{ path, sensor }] : [];
  });
  // A wrongly typed list counts as written: it is reported already.
  return {
    rules,
    written: entries ? entries.length > 0 : delegation.has('registries'),
  };
}

/**
 * Reads and validates `baseImageTags.delegation` and
 * `baseImageTags.sensors`. Every problem (unknown sensor, empty path,
 * missing default, bad URL, …) is collected, so that one start-up error
 * names all keys to fix. Without `problems` it throws that error itself;
 * with it, the caller throws after adding its own checks.
 *
 * @param rootConfig - The root config; `baseImageTags` is read from it.
 * @public
 */
export function readDelegationConfig(
  rootConfig: Config,
  problems?: ConfigProblems,
): DelegationSettings {
  const collected = problems ?? new BaseImageTagsConfigProblems();
  const settings = readSettings(rootConfig, collected);
  if (!problems) {
    collected.throwIfAny();
  }
  return settings;
}

function readSettings(
  rootConfig: Config,
  problems: ConfigProblems,
): DelegationSettings {
  const sensorEntries = problems.read(
    'baseImageTags.sensors',
    () => rootConfig.getOptionalConfigArray('baseImageTags.sensors') ?? [],
    [],
  );
  const names = new Set<string>();
  const sensors = sensorEntries.flatMap((entry, index) => {
    const sensor = readSensor(entry, index, names, problems);
    return sensor ? [sensor] : [];
  });

  const delegation = problems.read(
    'baseImageTags.delegation',
    () => rootConfig.getOptionalConfig('baseImageTags.delegation'),
    undefined,
  );
  if (!delegation) {
    return { enabledFor: 'none', rules: [], sensors };
  }
  reportUnknownKeys(
    delegation,
    'baseImageTags.delegation',
    delegationKeys,
    problems,
  );
  const mode = problems.read(
    'baseImageTags.delegation.enabledFor',
    () => delegation.getOptionalString('enabledFor') ?? 'none',
    'none',
  ) as DelegationMode;
  if (!modes.includes(mode)) {
    problems.add(
      'baseImageTags.delegation.enabledFor',
      `must be one of ${modes.join(', ')}, got "${mode}"`,
    );
  }
  const writtenDefault = problems.read(
    'baseImageTags.delegation.defaultSensor',
    () => delegation.getOptionalString('defaultSensor'),
    undefined,
  );
  const defaultSensor =
    writtenDefault !== undefined && names.has(writtenDefault)
      ? writtenDefault
      : undefined;
  if (writtenDefault !== undefined && !defaultSensor) {
    problems.add(
      'baseImageTags.delegation.defaultSensor',
      `unknown sensor "${writtenDefault}"; ${describeSensors(names)}`,
    );
  } else if (writtenDefault === undefined && mode === 'all') {
    problems.add(
      'baseImageTags.delegation.defaultSensor',
      `is required when enabledFor is "all", for repositories that match no entry; ${describeSensors(
        names,
      )}`,
    );
  }
  const { rules, written } = readRules(
    delegation,
    names,
    { sensor: defaultSensor, written: writtenDefault !== undefined },
    problems,
  );
  if (mode === 'specific' && !written) {
    problems.add(
      'baseImageTags.delegation.registries',
      'list the registry paths to delegate when enabledFor is "specific", or set enabledFor to "all" or "none"',
    );
  }
  return {
    enabledFor: modes.includes(mode) ? mode : 'none',
    defaultSensor,
    rules,
    sensors,
  };
}

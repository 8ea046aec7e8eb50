import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ConfigProblems,
  readPositiveDurationMs,
  readWholeNumber,
} from '@base-image-tags/plugin-base-image-tags-node';
import {
  BaseImageTagsConfig,
  baseImageTagsConfigDefaults as defaults,
} from './BaseImageTagsConfig';
import { BaseImageTagsConfigProblems } from './BaseImageTagsConfigProblems';
import { readConfiguredPatterns } from './readConfiguredPatterns';

const prefix = 'baseImageTags';

function readRegistryHosts(config: Config, problems: ConfigProblems) {
  const entries = problems.read(
    `${prefix}.registries`,
    () => config.getOptionalConfigArray('registries') ?? [],
    [],
  );
  return entries.flatMap((entry, index) => {
    const host = problems.read(
      `${prefix}.registries[${index}].host`,
      () => entry.getString('host'),
      undefined,
    );
    return host ? [host] : [];
  });
}

/**
 * Reads and validates the `baseImageTags` block. Every problem found is
 * reported at once, in one `InputError` naming the keys to fix; a pattern
 * that does not parse is not a configuration problem (it is stored and
 * shown with its error).
 *
 * @param rootConfig - The root config; `baseImageTags` is read from it.
 * @param problems - Pass a collector to add further checks before throwing.
 * @public
 */
export function readBaseImageTagsConfig(
  rootConfig: Config,
  problems?: ConfigProblems,
): BaseImageTagsConfig {
  const collected = problems ?? new BaseImageTagsConfigProblems();
  const block = collected.read(
    prefix,
    () => rootConfig.getOptionalConfig(prefix),
    undefined,
  );
  const result = readBlock(block, collected);
  if (!problems) {
    collected.throwIfAny();
  }
  return result;
}

function readBlock(
  config: Config | undefined,
  problems: ConfigProblems,
): BaseImageTagsConfig {
  if (!config) {
    return { ...defaults, registries: [], patterns: [] };
  }
  const backoff = {
    initialMs: readPositiveDurationMs(
      config,
      'backoff.initial',
      {
        where: `${prefix}.backoff.initial`,
        fallback: defaults.backoff.initialMs,
      },
      problems,
    ),
    maxMs: readPositiveDurationMs(
      config,
      'backoff.max',
      { where: `${prefix}.backoff.max`, fallback: defaults.backoff.maxMs },
      problems,
    ),
  };
  if (backoff.maxMs < backoff.initialMs) {
    problems.add(
      `${prefix}.backoff.max`,
      'must be at least baseImageTags.backoff.initial',
    );
  }
  return {
    intervalMs: readPositiveDurationMs(
      config,
      'interval',
      { where: `${prefix}.interval`, fallback: defaults.intervalMs },
      problems,
    ),
    schedule: config.has('schedule')
      ? problems.read(
          `${prefix}.schedule`,
          () => ({
            ...readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig('schedule'),
            ),
            // One runner at a time across replicas, whatever was written.
            scope: 'global' as const,
          }),
          defaults.schedule,
        )
      : defaults.schedule,
    maxTagsPerPattern: readWholeNumber(
      config,
      'maxTagsPerPattern',
      {
        where: `${prefix}.maxTagsPerPattern`,
        min: 1,
        max: 1000,
        fallback: defaults.maxTagsPerPattern,
      },
      problems,
    ),
    maxPatternsPerEntity: readWholeNumber(
      config,
      'maxPatternsPerEntity',
      {
        where: `${prefix}.maxPatternsPerEntity`,
        min: 1,
        max: 1000,
        fallback: defaults.maxPatternsPerEntity,
      },
      problems,
    ),
    concurrency: readWholeNumber(
      config,
      'concurrency',
      {
        where: `${prefix}.concurrency`,
        min: 1,
        max: 64,
        fallback: defaults.concurrency,
      },
      problems,
    ),
    backoff,
    allowPublicRegistries: problems.read(
      `${prefix}.allowPublicRegistries`,
      () =>
        config.getOptionalBoolean('allowPublicRegistries') ??
        defaults.allowPublicRegistries,
      defaults.allowPublicRegistries,
    ),
    registries: readRegistryHosts(config, problems),
    patterns: readConfiguredPatterns(config, problems),
  };
}

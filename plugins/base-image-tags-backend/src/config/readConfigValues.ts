import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { ConfigProblems } from './ConfigProblems';

const prefix = 'baseImageTags';

/**
 * Reads an optional positive duration under `baseImageTags`, in
 * milliseconds, recording a problem (and returning the fallback) when it is
 * malformed.
 *
 * @internal
 */
export function readDurationMs(
  config: Config,
  key: string,
  fallback: number,
  problems: ConfigProblems,
): number {
  if (!config.has(key)) {
    return fallback;
  }
  const ms = problems.read(
    `${prefix}.${key}`,
    () => durationToMilliseconds(readDurationFromConfig(config, { key })),
    fallback,
  );
  if (!(ms > 0)) {
    problems.add(`${prefix}.${key}`, 'must be a positive duration');
    return fallback;
  }
  return ms;
}

/**
 * Reads an optional whole number within bounds under `baseImageTags`,
 * recording a problem (and returning the fallback) when it is out of them.
 *
 * @internal
 */
export function readWholeNumber(
  config: Config,
  key: string,
  bounds: { min: number; max: number; fallback: number },
  problems: ConfigProblems,
): number {
  const value = problems.read(
    `${prefix}.${key}`,
    () => config.getOptionalNumber(key),
    undefined,
  );
  if (value === undefined) {
    return bounds.fallback;
  }
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    problems.add(
      `${prefix}.${key}`,
      `must be a whole number from ${bounds.min} to ${bounds.max}, got ${value}`,
    );
    return bounds.fallback;
  }
  return value;
}

import { Config, readDurationFromConfig } from '@backstage/config';
import fs from 'node:fs';
import { ConfigProblems } from './ConfigProblems';

const millisecondsPer: Record<string, number> = {
  years: 365 * 24 * 3600_000,
  months: 30 * 24 * 3600_000,
  weeks: 7 * 24 * 3600_000,
  days: 24 * 3600_000,
  hours: 3600_000,
  minutes: 60_000,
  seconds: 1000,
  milliseconds: 1,
};

/**
 * Reads a duration (`3m`, an ISO 8601 duration or `{ minutes: 3 }`) in
 * milliseconds; with `plainMilliseconds`, a plain number counts as
 * milliseconds. Throws the config reader's error when it is malformed.
 *
 * @public
 */
export function readConfigDurationMs(
  config: Config,
  key: string,
  options: { plainMilliseconds?: boolean } = {},
): number {
  const raw = config.get(key);
  if (options.plainMilliseconds && typeof raw === 'number') {
    return raw;
  }
  const duration = readDurationFromConfig(config, { key }) as Record<
    string,
    number | undefined
  >;
  return Object.entries(duration).reduce(
    (sum, [unit, amount]) => sum + (amount ?? 0) * (millisecondsPer[unit] ?? 0),
    0,
  );
}

/**
 * How {@link readPositiveDurationMs} reads and reports one key.
 *
 * @public
 */
export interface PositiveDurationOptions {
  /** The key as named in problems, e.g. `server.queueTimeout`. */
  where: string;
  /** Returned when the key is absent or wrong. */
  fallback: number;
  /** Durations shown in the problem, e.g. `30s or 3m`. */
  example?: string;
  /** Whether a plain number counts as milliseconds. Default false. */
  plainMilliseconds?: boolean;
}

/**
 * Reads an optional positive duration in milliseconds, recording a problem
 * (and returning the fallback) when it is malformed or not positive.
 *
 * @public
 */
export function readPositiveDurationMs(
  config: Config,
  key: string,
  options: PositiveDurationOptions,
  problems: ConfigProblems,
): number {
  const { where, fallback, example } = options;
  if (!config.has(key)) {
    return fallback;
  }
  const ms = problems.read(
    where,
    () =>
      readConfigDurationMs(config, key, {
        plainMilliseconds: options.plainMilliseconds,
      }),
    fallback,
  );
  if (!(ms > 0)) {
    problems.add(
      where,
      example
        ? `must be a positive duration such as ${example}`
        : 'must be a positive duration',
    );
    return fallback;
  }
  return ms;
}

/**
 * How {@link readWholeNumber} reads and reports one key.
 *
 * @public
 */
export interface WholeNumberOptions {
  /** The key as named in problems, e.g. `server.port`. */
  where: string;
  min: number;
  max: number;
  /** Returned when the key is absent or wrong. */
  fallback: number;
}

/**
 * Reads an optional whole number within bounds, recording a problem (and
 * returning the fallback) when it is out of them.
 *
 * @public
 */
export function readWholeNumber(
  config: Config,
  key: string,
  options: WholeNumberOptions,
  problems: ConfigProblems,
): number {
  const { where, min, max, fallback } = options;
  const value = problems.read(
    where,
    () => config.getOptionalNumber(key),
    undefined,
  );
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.add(
      where,
      `must be a whole number from ${min} to ${max}, got ${value}`,
    );
    return fallback;
  }
  return value;
}

/**
 * Records a problem at `where` when a config block holds keys outside
 * `known`; an absent block has none.
 *
 * @public
 */
export function reportUnknownKeys(
  config: Config | undefined,
  where: string,
  known: string[],
  problems: ConfigProblems,
): void {
  const unknown = (config?.keys() ?? []).filter(key => !known.includes(key));
  if (unknown.length > 0) {
    problems.add(
      where,
      `unknown keys ${unknown.join(', ')}; known keys are ${known.join(', ')}`,
    );
  }
}

/**
 * Reads a file named in configuration, such as a certificate. Throws an
 * `Error` naming the path and the system's error code; the caller adds the
 * config key.
 *
 * @public
 */
export function readConfiguredFile(path: string): Buffer {
  try {
    return fs.readFileSync(path);
  } catch (error) {
    throw new Error(
      `cannot read ${path} (${
        (error as NodeJS.ErrnoException).code ?? 'unknown error'
      })`,
    );
  }
}

import { Config } from '@backstage/config';
import { ConfigProblems } from '@base-image-tags/plugin-base-image-tags-node';
import { ConfiguredPattern } from './BaseImageTagsConfig';

const key = 'baseImageTags.patterns';
const fields = new Set(['pattern', 'exclude', 'range']);

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string');
}

function readEntry(
  item: unknown,
  index: number,
  problems: ConfigProblems,
): ConfiguredPattern | undefined {
  const where = `${key}[${index}]`;
  if (typeof item === 'string') {
    return { pattern: item };
  }
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    problems.add(
      where,
      'must be a pattern string or { pattern, exclude, range }',
    );
    return undefined;
  }
  const entry = item as Record<string, unknown>;
  const unknown = Object.keys(entry).filter(name => !fields.has(name));
  if (unknown.length > 0) {
    problems.add(where, `unknown keys ${unknown.join(', ')}`);
  }
  const { pattern, exclude, range } = entry;
  let valid = true;
  if (typeof pattern !== 'string' || pattern.trim() === '') {
    problems.add(`${where}.pattern`, 'must be a non-empty string');
    valid = false;
  }
  if (exclude !== undefined && typeof exclude !== 'string') {
    if (!isStringList(exclude)) {
      problems.add(`${where}.exclude`, 'must be a glob or a list of globs');
      valid = false;
    }
  }
  if (range !== undefined && typeof range !== 'string') {
    problems.add(`${where}.range`, 'must be a semver range string');
    valid = false;
  }
  if (!valid) {
    return undefined;
  }
  const excludeList = typeof exclude === 'string' ? [exclude] : exclude;
  return {
    pattern: pattern as string,
    ...(isStringList(excludeList) && excludeList.length
      ? { exclude: excludeList }
      : {}),
    ...(typeof range === 'string' && range.trim() ? { range } : {}),
  };
}

/**
 * Reads `baseImageTags.patterns`: a list whose items are pattern strings or
 * `{ pattern, exclude?, range? }` objects. Structural problems are recorded;
 * whether a pattern parses is decided later, per pattern, so that one bad
 * pattern is shown with its error instead of stopping the backend.
 *
 * @internal
 */
export function readConfiguredPatterns(
  config: Config,
  problems: ConfigProblems,
): ConfiguredPattern[] {
  const raw = config.getOptional('patterns');
  if (raw === undefined) {
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.add(key, 'must be a list of patterns');
    return [];
  }
  return raw.flatMap((item, index) => {
    const entry = readEntry(item, index, problems);
    return entry ? [entry] : [];
  });
}

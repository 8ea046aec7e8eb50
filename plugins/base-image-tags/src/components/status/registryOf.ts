import { parseImagePattern } from '@base-image-tags/plugin-base-image-tags-common';

/**
 * The registry host of a normalised `registry/repository`, or else of a
 * pattern; undefined when neither tells.
 */
export function registryOf(
  repository: string | undefined,
  pattern?: string,
): string | undefined {
  if (repository) return repository.split('/')[0];
  if (!pattern) return undefined;
  try {
    return parseImagePattern(pattern).registry;
  } catch {
    return undefined;
  }
}

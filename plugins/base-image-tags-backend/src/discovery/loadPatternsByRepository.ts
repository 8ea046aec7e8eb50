import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ImagePattern,
  parseImagePattern,
} from '@base-image-tags/plugin-base-image-tags-common';
import { BaseImageTagsStore } from '../database/BaseImageTagsStore';

/**
 * A stored pattern ready for ranking.
 *
 * @public
 */
export interface StoredImagePattern {
  id: string;
  pattern: ImagePattern;
}

/**
 * Loads the valid patterns of the given repositories from the store, parsed
 * again from their canonical keys, grouped by repository. Reading them from
 * the store (not from this runner's sources) keeps every replica ranking
 * the same patterns.
 *
 * @public
 */
export async function loadPatternsByRepository(
  store: BaseImageTagsStore,
  repositoryIds: string[],
  logger: LoggerService,
): Promise<Map<string, StoredImagePattern[]>> {
  const byRepository = new Map<string, StoredImagePattern[]>();
  const records = await store.listPatterns({ repositoryIds });
  for (const record of records) {
    if (record.error || !record.repositoryId) {
      continue;
    }
    let pattern: ImagePattern;
    try {
      // Parsing a stored key gives the same pattern back.
      pattern = parseImagePattern(record.key);
    } catch (error) {
      logger.warn(`Skipping stored pattern ${record.key}: ${error}`);
      continue;
    }
    const list = byRepository.get(record.repositoryId) ?? [];
    list.push({ id: record.id, pattern });
    byRepository.set(record.repositoryId, list);
  }
  return byRepository;
}

import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  NewestTagResponse,
  PatternResult,
  RefreshRequest,
  RefreshResponse,
  RepositoryHealth,
} from '@base-image-tags/plugin-base-image-tags-common';

/**
 * Reads stored base image tags and asks for new listings, through the
 * base-image-tags backend.
 *
 * @public
 */
export interface BaseImageTagsApi {
  /** The patterns an entity declares, each with its result. */
  getEntityPatterns(entityRef: CompoundEntityRef): Promise<PatternResult[]>;
  /** Every declared pattern, from entities and app-config. */
  getPatterns(): Promise<PatternResult[]>;
  /** Every repository polled, with its health. */
  getRepositories(): Promise<RepositoryHealth[]>;
  /** The newest stored tag of one pattern. */
  getNewestTag(pattern: string): Promise<NewestTagResponse>;
  /**
   * Marks repositories due for an immediate listing. The listing runs in the
   * background; watch `lastPolledAt` move past the returned `requestedAt`.
   */
  refresh(request: RefreshRequest): Promise<RefreshResponse>;
}

/**
 * Reference to the {@link BaseImageTagsApi}.
 *
 * @public
 */
export const baseImageTagsApiRef = createApiRef<BaseImageTagsApi>({
  id: 'plugin.base-image-tags.service',
});
